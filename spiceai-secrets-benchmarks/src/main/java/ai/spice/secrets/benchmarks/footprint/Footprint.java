package ai.spice.secrets.benchmarks.footprint;

import ai.spice.secrets.benchmarks.peer.api.DefaultApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The bytes an application ships to use each client: the jars of its runtime dependency closure, as Maven resolves
 * it for a one-dependency consumer project ({@code mvn dependency:build-classpath}, written by
 * {@code run-benchmarks.sh} into {@code <name>.classpath} files), plus, for the generated client, its own code,
 * compiled and jarred here as the build would jar it.
 */
public final class Footprint {

    /** The generated client's package, as a jar entry prefix. */
    private static final String PEER_PREFIX = DefaultApi.class.getPackageName()
            .substring(0, DefaultApi.class.getPackageName().lastIndexOf('.')).replace('.', '/') + "/";

    /** One jar of a closure. */
    public record Jar(String name, long bytes) {
    }

    /**
     * One client's closure.
     *
     * @param client     {@code sdk}, {@code peer} or {@code peer-as-generated}
     * @param definition how the closure was obtained
     */
    public record Closure(String client, String definition, List<Jar> jars, long totalBytes) {
    }

    /** The closures found; a missing classpath file leaves its closure out. */
    public record Report(List<Closure> closures) {
    }

    private Footprint() {
    }

    /**
     * Reads {@code sdk.classpath}, {@code peer.classpath} and {@code peer-as-generated.classpath} from {@code dir}.
     */
    public static Report compute(Path dir) {
        List<Closure> closures = new ArrayList<>();
        Jar generated = generatedCode();
        closure(dir.resolve("sdk.classpath"), "sdk",
                "spiceai-secrets-core and its runtime dependencies (a project depending on the SDK only)", null)
                .ifPresent(closures::add);
        closure(dir.resolve("peer.classpath"), "peer",
                "the generated code plus the least it needs at run time: jackson-databind and jackson-datatype-jsr310, "
                        + "at the SDK's Jackson version", generated)
                .ifPresent(closures::add);
        closure(dir.resolve("peer-as-generated.classpath"), "peer-as-generated",
                "the generated code plus the runtime dependencies its generated pom.xml declares (its own Jackson version, "
                        + "jackson-databind-nullable, jsr305)", generated)
                .ifPresent(closures::add);
        return new Report(closures);
    }

    private static java.util.Optional<Closure> closure(Path file, String client, String definition, Jar extra) {
        if (!Files.isRegularFile(file)) {
            return java.util.Optional.empty();
        }
        try {
            String text = Files.readString(file).trim();
            List<Jar> jars = new ArrayList<>();
            if (extra != null) {
                jars.add(extra);
            }
            if (!text.isEmpty()) {
                for (String entry : text.split(java.io.File.pathSeparator)) {
                    Path jar = Path.of(entry);
                    jars.add(new Jar(jar.getFileName().toString(), Files.size(jar)));
                }
            }
            jars.sort(Comparator.comparingLong(Jar::bytes).reversed());
            return java.util.Optional.of(new Closure(client, definition, jars, jars.stream().mapToLong(Jar::bytes).sum()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The generated client's classes, deflated into a jar in memory: what its build would ship. */
    static Jar generatedCode() {
        try {
            Path source = Path.of(DefaultApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int classes = 0;
            try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
                if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.walk(source.resolve(PEER_PREFIX))) {
                        for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                            jar.putNextEntry(new ZipEntry(source.relativize(file).toString().replace('\\', '/')));
                            jar.write(Files.readAllBytes(file));
                            jar.closeEntry();
                            classes++;
                        }
                    }
                } else {
                    try (ZipFile zip = new ZipFile(source.toFile())) {
                        for (ZipEntry entry : zip.stream().filter(e -> e.getName().startsWith(PEER_PREFIX) && !e.isDirectory())
                                .sorted(Comparator.comparing(ZipEntry::getName)).toList()) {
                            jar.putNextEntry(new ZipEntry(entry.getName()));
                            try (InputStream in = zip.getInputStream(entry)) {
                                in.transferTo(jar);
                            }
                            jar.closeEntry();
                            classes++;
                        }
                    }
                }
            }
            return new Jar("generated client code (" + classes + " classes)", bytes.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
