package ai.spice.secrets.internal.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The file work under a ledger: owner-only files, an atomic replace (a temporary file, forced to disk, then moved),
 * and one lock per ledger that excludes other threads of this JVM (a {@link ReentrantLock}) and other processes (a
 * {@link FileLock} on {@code <ledger>.lock}).
 */
final class LedgerFiles {

    /** One lock per ledger file in this JVM: a process's own threads cannot take two file locks on one file. */
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private LedgerFiles() {
    }

    interface Locked<T> {
        T run() throws IOException;
    }

    /** Runs {@code work} holding the ledger's lock, against this JVM's threads and other processes alike. */
    static <T> T underLock(Path ledger, Locked<T> work) throws IOException {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(ledger, file -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(ledger.getParent());
            Path lockFile = ledger.resolveSibling(ledger.getFileName() + ".lock");
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                return work.run();
            }
        } finally {
            local.unlock();
        }
    }

    /** Replaces {@code file} with {@code bytes} at once: readers see the old file or the new one, never a part. */
    static void replace(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            createOwnerOnly(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Creates an empty file readable and writable by its owner only (where the file system has POSIX modes). */
    static void createOwnerOnly(Path file) throws IOException {
        if (isPosix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
