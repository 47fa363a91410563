package ai.spice.secrets.internal.spicepod;

import ai.spice.secrets.bulk.SpicepodReferences;
import ai.spice.secrets.errors.SpicepodException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a spicepod for {@link SpicepodReferences#read(Path)} and {@link SpicepodReferences#parse(String)}: checks that
 * the optional YAML parser is there before any of its classes is touched, then reads within {@link Limits}. Public
 * only for the SDK's other packages; not exported.
 */
public final class SpicepodReader {

    /** The optional dependency that reads YAML, as a Maven coordinate. */
    public static final String PARSER_COORDINATES = "org.snakeyaml:snakeyaml-engine:3.2";
    private static final String PARSER_CLASS = "org.snakeyaml.engine.v2.api.LoadSettings";

    private SpicepodReader() {
    }

    /**
     * Reads a spicepod file.
     *
     * @param file the file
     * @return what it references
     */
    public static SpicepodReferences read(Path file) {
        requireParser(file.toString());
        SpicepodText text;
        try {
            text = SpicepodText.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return SpicepodScan.scan(text);
    }

    /**
     * Reads spicepod text.
     *
     * @param spicepod the text
     * @param source   what to call it in messages
     * @return what it references
     */
    public static SpicepodReferences parse(String spicepod, String source) {
        requireParser(source);
        return SpicepodScan.scan(SpicepodText.of(source, spicepod));
    }

    /** Fails, naming the coordinates, when SnakeYAML Engine is absent or present but not readable by this module. */
    private static void requireParser(String source) {
        String problem;
        try {
            Class<?> parser = Class.forName(PARSER_CLASS, false, SpicepodReader.class.getClassLoader());
            if (SpicepodReader.class.getModule().canRead(parser.getModule())) {
                return;
            }
            problem = "is present but not readable by module ai.spice.secrets: put it on the module path and"
                    + " resolve it ('requires org.snakeyaml.engine' or --add-modules org.snakeyaml.engine)";
        } catch (ClassNotFoundException | LinkageError e) {
            problem = "is absent: add that dependency to your build (the SDK declares it optional)";
        }
        throw new SpicepodException(source, "reading a spicepod needs the YAML parser " + PARSER_COORDINATES
                + ", which " + problem);
    }
}
