/**
 * The Spice.ai Secrets SDK: a typed, thread-safe client for the secrets of the Spice.ai Management API.
 *
 * <p>The public API is three packages: {@link ai.spice.secrets} (the client, its configuration and models),
 * {@link ai.spice.secrets.errors} (the exceptions it throws) and {@link ai.spice.secrets.bulk} (bulk upsert,
 * declarative sync, {@code .env} files and spicepod checks). Everything else is internal and not exported.
 * Jackson is used internally and never appears in a public signature.
 */
module ai.spice.secrets {
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;
    /* optional: only SpicepodReferences reads YAML, and says which artifact to add when it is absent */
    requires static org.snakeyaml.engine;

    exports ai.spice.secrets;
    exports ai.spice.secrets.errors;
    exports ai.spice.secrets.bulk;

    opens ai.spice.secrets.internal.json to com.fasterxml.jackson.databind;
}
