package ai.spice.secrets.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** The machine a run was made on, recorded with the figures. */
public record Machine(int cores, String cpu, long memoryMiB, String os, String jdk, String jvm, String runAt, String settings) {

    public static Machine current(String settings) {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpu(), readMemoryMiB(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vendor") + " " + Runtime.version(),
                System.getProperty("java.vm.name"), Instant.now().toString(), settings);
    }

    private static String readCpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the JDK's own description below
        }
        return System.getProperty("os.arch");
    }

    private static long readMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return -1;
    }
}
