package ai.spice.secrets.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/** Every request the emulator received, in arrival order (bodies are never kept). Thread-safe. */
public final class RequestJournal {

    private final ReentrantLock lock = new ReentrantLock();
    private final List<Entry> entries = new ArrayList<>();

    /**
     * One received request.
     *
     * @param method  the upper-case method
     * @param path    the raw path, without the query
     * @param headers the headers, names in lower case
     */
    public record Entry(String method, String path, Map<String, List<String>> headers) {

        /** Checks and copies the components. */
        public Entry {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            headers = Map.copyOf(headers);
        }

        @Override
        public String toString() {
            return "Entry[" + method + " " + path + "]";
        }
    }

    Entry record(String method, String path, Map<String, List<String>> rawHeaders) {
        Map<String, List<String>> headers = new TreeMap<>();
        rawHeaders.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        Entry entry = new Entry(method, path, headers);
        lock.lock();
        try {
            entries.add(entry);
        } finally {
            lock.unlock();
        }
        return entry;
    }

    /**
     * A copy of the journal.
     *
     * @return the entries in arrival order
     */
    public List<Entry> entries() {
        lock.lock();
        try {
            return List.copyOf(entries);
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every entry. */
    public void clear() {
        lock.lock();
        try {
            entries.clear();
        } finally {
            lock.unlock();
        }
    }
}
