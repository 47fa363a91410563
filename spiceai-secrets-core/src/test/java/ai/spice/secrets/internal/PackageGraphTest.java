package ai.spice.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ai.spice.secrets.SecretsClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The internal packages' dependencies, read from the compiled classes with {@code jdeps}: they form a graph without
 * cycles, and it is the graph docs/ARCHITECTURE.md draws.
 */
class PackageGraphTest {

    private static final String INTERNAL = "ai.spice.secrets.internal";
    private static final Pattern EDGE = Pattern.compile("^\\s*(\\S+)\\s+->\\s+(\\S+)\\s");

    private static Map<String, Set<String>> graph;

    @BeforeAll
    static void readTheClasses(@TempDir Path copy) throws IOException, URISyntaxException {
        Path classes = Path.of(SecretsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // jdeps would resolve the module's requirements; the classes alone, as a class path, are what is asked here
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("module-info.class")) {
                    Files.copy(file, target);
                }
            }
        }
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("jdeps").orElseThrow()
                .run(new PrintWriter(out), new PrintWriter(out), "-verbose:package", "-filter:none", copy.toString());
        assertThat(exit).as(out.toString()).isZero();
        graph = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher edge = EDGE.matcher(line);
            if (edge.find() && edge.group(1).startsWith(INTERNAL) && edge.group(2).startsWith(INTERNAL)
                    && !edge.group(1).equals(edge.group(2))) {
                graph.computeIfAbsent(shortName(edge.group(1)), p -> new TreeSet<>()).add(shortName(edge.group(2)));
            }
        }
    }

    @Test
    void theInternalPackagesFormAGraphWithoutCycles() {
        assertThat(graph).isNotEmpty();
        for (String start : graph.keySet()) {
            assertThat(reachableFrom(start)).as("packages reachable from " + start).doesNotContain(start);
        }
    }

    @Test
    void nothingInternalDependsOnTheAssemblyPackage() {
        graph.forEach((from, to) -> assertThat(to).as(from).doesNotContain("internal"));
    }

    @Test
    void theGraphIsTheOneArchitectureMdDraws() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "ARCHITECTURE.md"));
        Map<String, Set<String>> drawn = new TreeMap<>();
        String block = doc.substring(doc.indexOf("```text\n") + 8, doc.indexOf("```", doc.indexOf("```text\n") + 8));
        for (String line : block.split("\n")) {
            String[] sides = line.split("->");
            if (sides.length == 2) {
                Set<String> targets = Stream.of(sides[1].split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new));
                drawn.put(sides[0].strip(), targets);
            }
        }
        assertThat(drawn).isEqualTo(graph);
    }

    @Test
    void jacksonIsOpenedOnlyToTheWireRecords() throws IOException, URISyntaxException {
        Path classes = Path.of(SecretsClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor module;
        try (var in = Files.newInputStream(classes.resolve("module-info.class"))) {
            module = ModuleDescriptor.read(in);
        }
        assertThat(module.opens()).extracting(ModuleDescriptor.Opens::source).containsExactly(INTERNAL + ".json");
        assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).noneMatch(p -> p.startsWith(INTERNAL));
    }

    private static Set<String> reachableFrom(String start) {
        Set<String> seen = new HashSet<>();
        List<String> queue = new ArrayList<>(graph.getOrDefault(start, Set.of()));
        while (!queue.isEmpty()) {
            String next = queue.remove(queue.size() - 1);
            if (seen.add(next)) {
                queue.addAll(graph.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }

    /** {@code ai.spice.secrets.internal.call} is drawn as {@code internal.call}. */
    private static String shortName(String pkg) {
        return pkg.substring("ai.spice.secrets.".length());
    }
}
