/**
 * The Spice.ai Secrets SDK: a typed, thread-safe client for the secrets of the Spice.ai Management API.
 *
 * <p>The public API is two packages: {@link ai.spice.secrets} (the client, its configuration and models) and
 * {@link ai.spice.secrets.errors} (the exceptions it throws). Everything else is internal and not exported.
 * Jackson is used internally and never appears in a public signature.
 */
module ai.spice.secrets {
    requires transitive java.net.http;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;

    exports ai.spice.secrets;
    exports ai.spice.secrets.errors;

    opens ai.spice.secrets.internal to com.fasterxml.jackson.databind;
}
