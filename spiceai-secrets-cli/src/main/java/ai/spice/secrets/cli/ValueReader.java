package ai.spice.secrets.cli;

import ai.spice.secrets.SecretValue;
import java.io.Console;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads the value of {@code set} from the one source given, never from the command line. Bytes are decoded as UTF-8
 * (anything else is refused); from a file or a pipe one trailing line break is dropped, since {@code echo}, editors
 * and heredocs add one, unless {@code --keep-newline}. An empty value is refused unless {@code --allow-empty}: in a
 * pipeline it is most often a CI secret that is not set, and would silently blank the secret. The plaintext is kept in
 * char arrays that are cleared once wrapped in a {@link SecretValue}.
 */
final class ValueReader {

    /** Where the value comes from. */
    sealed interface Source permits FromFile, FromVariable, FromStdin {
    }

    record FromFile(Path file) implements Source {
    }

    record FromVariable(String name) implements Source {
    }

    /** Standard input: {@code --stdin}, or piped in. */
    record FromStdin() implements Source {
    }

    private final Session session;
    private final boolean keepNewline;
    private final boolean allowEmpty;

    ValueReader(Session session, boolean keepNewline, boolean allowEmpty) {
        this.session = session;
        this.keepNewline = keepNewline;
        this.allowEmpty = allowEmpty;
    }

    SecretValue read(Source source, String secretName) {
        char[] chars;
        if (source instanceof FromFile file) {
            chars = trim(decode(InputFiles.read(file.file(), "--from-file"), "--from-file " + file.file()));
        } else if (source instanceof FromVariable variable) {
            chars = fromVariable(variable.name());
        } else {
            chars = fromStdin(secretName);
        }
        try {
            if (chars.length == 0 && !allowEmpty) {
                throw new UsageException("the value is empty (" + describe(source) + "); pass --allow-empty to set an"
                        + " empty value");
            }
            return SecretValue.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private char[] fromVariable(String name) {
        String value = session.env().get(name);
        if (value == null) {
            throw new UsageException("--from-env: the environment variable " + name + " is not set");
        }
        return value.toCharArray();
    }

    private char[] fromStdin(String secretName) {
        if (session.terminal().stdin()) {
            Console console = System.console();
            if (console == null) {
                // typed on a terminal, the value would be echoed: only the console can read it without
                throw new UsageException("--stdin on a terminal asks for the value without echo, which needs standard"
                        + " output on the terminal too; pipe the value in, or use --from-file FILE or --from-env VAR");
            }
            char[] typed = console.readPassword("value for %s (not echoed): ", secretName);
            if (typed == null) {
                throw new UsageException("no value: standard input ended before a line was typed");
            }
            return typed;
        }
        try {
            return trim(decode(InputFiles.readAtMost(session.in(), "standard input"), "standard input"));
        } catch (IOException e) {
            throw new UsageException("cannot read standard input: " + InputFiles.reason(e), e);
        }
    }

    private static char[] decode(byte[] bytes, String what) {
        try {
            CharBuffer buffer = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] chars = new char[buffer.remaining()];
            buffer.get(chars);
            Arrays.fill(buffer.array(), '\0');
            return chars;
        } catch (CharacterCodingException e) {
            throw new UsageException("cannot read " + what + ": not valid UTF-8");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** Drops one trailing {@code \n} or {@code \r\n}, unless {@code --keep-newline}. */
    private char[] trim(char[] chars) {
        int end = chars.length;
        if (!keepNewline && end > 0 && chars[end - 1] == '\n') {
            end--;
            if (end > 0 && chars[end - 1] == '\r') {
                end--;
            }
        }
        if (end == chars.length) {
            return chars;
        }
        char[] trimmed = Arrays.copyOf(chars, end);
        Arrays.fill(chars, '\0');
        return trimmed;
    }

    private static String describe(Source source) {
        if (source instanceof FromFile file) {
            return "--from-file " + file.file();
        }
        if (source instanceof FromVariable variable) {
            return "--from-env " + variable.name();
        }
        return "standard input";
    }
}
