package ai.spice.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The figures a test class measures, reported once when the class is done: docs/RELIABILITY.md quotes them, so a
 * figure keeps its wording. Tests add to named counts (or keep the highest value), note fragments, or report whole
 * lines; after the last test every line, then the class's summary line, is published as a JUnit report entry
 * ({@code figures}) and printed as one block on standard output, where surefire shows it. Thread-safe.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final Figures figures = Figures.summary(f -> "bad input: " + f.get("inputs") + " hostile inputs");
 *
 * figures.add("inputs", 1); // in a test
 * }</pre>
 */
public final class Figures implements BeforeAllCallback, AfterAllCallback {

    private final Function<Figures, String> summary;
    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private Figures(Function<Figures, String> summary) {
        this.summary = summary;
    }

    /** Figures reported as one summary line, made from the counts and notes when the class is done. */
    public static Figures summary(Function<Figures, String> line) {
        return new Figures(line);
    }

    /** Figures reported line by line, as each test {@link #report}s its own. */
    public static Figures lineByLine() {
        return new Figures(null);
    }

    /** Adds {@code amount} to the count {@code name}. */
    public void add(String name, long amount) {
        values.computeIfAbsent(name, key -> new AtomicLong()).addAndGet(amount);
    }

    /** Keeps {@code value} as {@code name} if it is the highest so far. */
    public void max(String name, long value) {
        values.computeIfAbsent(name, key -> new AtomicLong(Long.MIN_VALUE)).accumulateAndGet(value, Math::max);
    }

    /** The count or highest value {@code name}; 0 if nothing was added. */
    public long get(String name) {
        AtomicLong value = values.get(name);
        return value == null ? 0 : value.get();
    }

    /** A fragment for the summary, kept in the order noted. */
    public void note(String fragment) {
        notes.add(fragment);
    }

    /** The fragments noted so far, joined in order. */
    public String notes() {
        return String.join("", notes);
    }

    /** A whole line of figures, measured by one test. */
    public void report(String format, Object... args) {
        lines.add(String.format(format, args));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        values.clear();
        notes.clear();
        lines.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> block = new ArrayList<>(lines);
        if (summary != null) {
            block.add(summary.apply(this));
        }
        StringBuilder printed = new StringBuilder();
        for (String line : block) {
            context.publishReportEntry("figures", line);
            printed.append(line).append(System.lineSeparator());
        }
        System.out.print(printed);
        System.out.flush();
    }
}
