package ai.spice.secrets;

/**
 * A source of bearer tokens, asked before each attempt of each request, so that it may refresh or rotate the
 * token it gives. Use it to plug in a vault, a file watched for rotation, or a token your own code obtains.
 *
 * <pre>{@code
 * SecretsClient client = SecretsClient.builder()
 *         .credentials(() -> Files.readString(Path.of("/run/secrets/spice-token")).strip())
 *         .build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and quick: they are called on the caller's or the HTTP client's threads.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * Returns the bearer token to send, without the {@code Bearer } prefix.
     *
     * @return the token; not null or blank
     */
    String bearerToken();
}
