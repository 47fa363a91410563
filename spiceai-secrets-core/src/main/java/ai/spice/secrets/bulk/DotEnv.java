package ai.spice.secrets.bulk;

import ai.spice.secrets.SecretValue;
import ai.spice.secrets.errors.DotEnvException;
import ai.spice.secrets.errors.InvalidSecretNameException;
import ai.spice.secrets.internal.names.NamedMaps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes {@code .env} files: {@code KEY=value} lines, the usual input of a bulk import.
 *
 * <pre>{@code
 * Map<String, SecretValue> secrets = DotEnv.read(Path.of(".env"));
 * client.upsertAll(appId, secrets).throwIfFailed();
 * }</pre>
 *
 * <p>The syntax read:
 * <ul>
 *   <li>{@code KEY=value}, with blanks allowed around {@code =} and before the key; {@code KEY=} is the empty value.
 *       Keys follow the secret name rule {@code [a-zA-Z_][a-zA-Z0-9_]*}. An optional {@code export } prefix is
 *       ignored.</li>
 *   <li>Blank lines, and comments: a line whose first non-blank character is {@code #}, and, after an unquoted or
 *       quoted value, a {@code #} preceded by a blank ({@code KEY=a#b} is the value {@code a#b}).</li>
 *   <li>Unquoted values end at the end of the line or at a comment, without trailing blanks.</li>
 *   <li>Single-quoted values are taken literally and end on the same line.</li>
 *   <li>Double-quoted values may span lines and know the escapes {@code \n}, {@code \t}, {@code \r}, {@code \"},
 *       {@code \\} and {@code \$}; any other backslash is kept as written.</li>
 *   <li>{@code \r\n} and {@code \r} line endings, and a leading byte-order mark.</li>
 * </ul>
 * Nothing is expanded: {@code ${OTHER}} is kept as written. When a key appears twice, the last value wins, at the
 * place of the first. A malformed line (no {@code =}, a bad key, an unterminated quote, characters after a closing
 * quote) throws a {@link DotEnvException} naming the line and column, never the value.
 *
 * <p>Thread-safe (stateless).
 */
public final class DotEnv {

    /** The source name in messages about text that did not come from a file. */
    public static final String STRING_SOURCE = "<string>";

    private DotEnv() {
    }

    /**
     * Reads a {@code .env} file, in UTF-8.
     *
     * @param file the file
     * @return the entries, unmodifiable, in the order of the file
     * @throws NullPointerException  if {@code file} is null
     * @throws DotEnvException       if a line is malformed; the message names the file, the line and the column
     * @throws UncheckedIOException  if the file cannot be read or is not UTF-8
     */
    public static Map<String, SecretValue> read(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return DotEnvParser.parse(text, file.toString());
    }

    /**
     * Reads {@code .env} text.
     *
     * @param text the text
     * @return the entries, unmodifiable, in the order of the text
     * @throws NullPointerException if {@code text} is null
     * @throws DotEnvException      if a line is malformed; the message names {@code <string>}, the line and the column
     */
    public static Map<String, SecretValue> parse(String text) {
        return DotEnvParser.parse(Objects.requireNonNull(text, "text"), STRING_SOURCE);
    }

    /**
     * Writes entries as {@code .env} text, one {@code KEY=value} line each, ending in {@code \n}. A value is written
     * bare if it is made only of letters, digits and {@code _-./:@%+,=~}, and double-quoted with escapes otherwise
     * (so {@code $} is written {@code \$}); the empty value is written {@code KEY=}. What this writes,
     * {@link #parse(String)} reads back to the same entries.
     *
     * <pre>{@code
     * // a template for the secrets a spicepod needs
     * String template = DotEnv.format(Map.of("OPENAI_API_KEY", "", "PG_PASS", ""));
     * }</pre>
     *
     * @param entries the entries; written in their iteration order
     * @return the text
     * @throws NullPointerException         if {@code entries}, a key or a value is null
     * @throws InvalidSecretNameException if a key is not a valid name (all are listed)
     */
    public static String format(Map<String, String> entries) {
        StringBuilder text = new StringBuilder();
        checkKeys(entries).forEach((key, value) -> appendEntry(text, key, value));
        return text.toString();
    }

    /**
     * Writes a template: each name with an empty value, to be filled in.
     *
     * @param names the names, in the order to write them
     * @return the text, e.g. {@code "OPENAI_API_KEY=\nPG_PASS=\n"}
     * @throws NullPointerException         if {@code names} or a name is null
     * @throws InvalidSecretNameException if a name is not valid (all are listed)
     */
    public static String template(Collection<String> names) {
        Map<String, String> empty = new LinkedHashMap<>();
        Objects.requireNonNull(names, "names").forEach(name -> empty.put(Objects.requireNonNull(name, "name"), ""));
        return format(empty);
    }

    /**
     * Writes secrets as {@code .env} text to {@code out}, as {@link #format(Map)} does. This reveals the values: it is
     * meant for a file or stream you protect, never a log.
     *
     * @param secrets the secrets; written in their iteration order
     * @param out     where to write; not flushed or closed
     * @throws NullPointerException         if an argument, a key or a value is null
     * @throws InvalidSecretNameException if a key is not a valid name (all are listed; nothing is written)
     * @throws UncheckedIOException         if writing fails
     */
    public static void write(Map<String, SecretValue> secrets, Appendable out) {
        Objects.requireNonNull(out, "out");
        Map<String, SecretValue> checked = checkKeys(secrets);
        try {
            for (Map.Entry<String, SecretValue> entry : checked.entrySet()) {
                StringBuilder line = new StringBuilder();
                appendEntry(line, entry.getKey(), entry.getValue().reveal());
                out.append(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the .env text", e);
        }
    }

    /**
     * Writes secrets to a {@code .env} file in UTF-8, replacing its content, as {@link #format(Map)} does. A new file
     * is created readable and writable by its owner only, where the file system has POSIX permissions; an existing
     * file keeps its permissions.
     *
     * @param secrets the secrets; written in their iteration order
     * @param file    the file
     * @throws NullPointerException         if an argument, a key or a value is null
     * @throws InvalidSecretNameException if a key is not a valid name (all are listed; nothing is written)
     * @throws UncheckedIOException         if writing fails
     */
    public static void write(Map<String, SecretValue> secrets, Path file) {
        Objects.requireNonNull(file, "file");
        Map<String, SecretValue> checked = checkKeys(secrets);
        try {
            if (Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView("posix")) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException e) {
                    // keep the existing file and its permissions
                }
            }
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                write(checked, writer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static <V> Map<String, V> checkKeys(Map<String, V> entries) {
        return NamedMaps.withValidNames(entries, "entries");
    }

    private static void appendEntry(StringBuilder text, String key, String value) {
        text.append(key).append('=');
        if (isBare(value)) {
            text.append(value);
        } else {
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    case '\t' -> text.append("\\t");
                    case '"', '\\', '$' -> text.append('\\').append(c);
                    default -> text.append(c);
                }
            }
            text.append('"');
        }
        text.append('\n');
    }

    private static boolean isBare(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "_-./:@%+,=~".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }
}
