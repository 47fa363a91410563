package ai.spice.secrets.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The spicepod fixtures under {@code src/test/resources/ai/spice/secrets/spicepod/}. */
final class SpicepodFixtures {

    private SpicepodFixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(SpicepodFixtures.class.getResource("/ai/spice/secrets/spicepod/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The 1-based line and column of the first "${" on the line that holds {@code marker}, as "line:column". */
    static String positionOf(String name, String marker) {
        List<String> lines = lines(name);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return (i + 1) + ":" + (lines.get(i).indexOf("${") + 1);
            }
        }
        throw new IllegalArgumentException(marker + " is not in " + name);
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
