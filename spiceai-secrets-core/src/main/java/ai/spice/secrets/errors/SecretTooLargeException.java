package ai.spice.secrets.errors;

import ai.spice.secrets.internal.names.QuotedName;
import java.util.Objects;

/**
 * An upsert whose JSON body would exceed the request limit ({@code SecretsClient.Builder.maxRequestBytes}, by default
 * the service's 1 MiB): refused before anything is sent, since the service would answer 413. A caller's input, so an
 * {@link IllegalArgumentException}. The message names the secret and the sizes, never the value.
 */
public class SecretTooLargeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The secret's name. */
    private final String name;
    /** The body's size in bytes. */
    private final long bodyBytes;
    /** The limit in bytes. */
    private final long limitBytes;

    /**
     * Creates the exception.
     *
     * @param name       the secret's name
     * @param bodyBytes  the size the request body would have, in bytes (UTF-8, as sent)
     * @param limitBytes the limit it exceeds, in bytes
     * @throws NullPointerException if {@code name} is null
     */
    public SecretTooLargeException(String name, long bodyBytes, long limitBytes) {
        super("secret " + QuotedName.of(Objects.requireNonNull(name, "name")) + " is too large to send: its request body"
                + " would be " + bodyBytes + " bytes, over the limit of " + limitBytes + " bytes (the service answers 413"
                + " past 1 MiB; SecretsClient.Builder.maxRequestBytes); nothing was sent");
        this.name = name;
        this.bodyBytes = bodyBytes;
        this.limitBytes = limitBytes;
    }

    /**
     * The secret's name.
     *
     * @return the name, as given
     */
    public String name() {
        return name;
    }

    /**
     * The size the request body would have had.
     *
     * @return bytes, as UTF-8 JSON
     */
    public long bodyBytes() {
        return bodyBytes;
    }

    /**
     * The limit the body exceeds.
     *
     * @return bytes
     */
    public long limitBytes() {
        return limitBytes;
    }
}
