package ai.spice.secrets.internal.spicepod;

/**
 * The fixed limits within which a spicepod is read, so that a hostile file (huge, deeply nested, an alias bomb) is
 * refused in bounded time and memory. A real spicepod is a few kilobytes, a few levels deep.
 */
final class Limits {

    /** The most characters read: 4 MiB. */
    static final int MAX_CHARS = 4 * 1024 * 1024;
    /** The deepest nesting of mappings and sequences, in the text and after expanding aliases. */
    static final int MAX_DEPTH = 64;
    /** The most aliases to mappings or sequences. */
    static final int MAX_COLLECTION_ALIASES = 10_000;
    /** The most nodes visited once aliases are expanded (each use of an alias visits its node again). */
    static final int MAX_NODES = 1_000_000;
    /** The most references, malformed ones included, reported for one spicepod. */
    static final int MAX_REFERENCES = 100_000;

    private Limits() {
    }
}
