package ai.spice.secrets.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks and reads the files named on the command line, turning every problem into one {@link UsageException} line
 * that names the option and the file. Pipes are accepted ({@code --from-file <(vault read ...)}), directories not.
 */
final class InputFiles {

    /** The most bytes read from one file or from standard input: far above the service's 1 MiB request limit. */
    static final int MAX_BYTES = 16 * 1024 * 1024;

    private InputFiles() {
    }

    /**
     * Checks that a file can be read before the SDK reads it, so that the error names the option.
     *
     * @param what the option or argument, e.g. {@code "--from-file"} or {@code "FILE.env"}
     */
    static Path readable(Path file, String what) {
        if (!Files.exists(file)) {
            throw new UsageException("cannot read " + what + " " + file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new UsageException("cannot read " + what + " " + file + ": it is a directory");
        }
        if (!Files.isReadable(file)) {
            throw new UsageException("cannot read " + what + " " + file + ": permission denied");
        }
        return file;
    }

    /** Reads a whole file, at most {@link #MAX_BYTES}. */
    static byte[] read(Path file, String what) {
        readable(file, what);
        try (InputStream in = Files.newInputStream(file)) {
            return readAtMost(in, what + " " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " " + file + ": " + reason(e), e);
        }
    }

    /** Reads a stream to its end, at most {@link #MAX_BYTES}. */
    static byte[] readAtMost(InputStream in, String what) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException(what + " is over " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        return bytes;
    }

    /** What went wrong reading a file, in a few words, without its content. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof CharacterCodingException) {
            return "not valid UTF-8";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
