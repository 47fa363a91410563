package ai.spice.secrets.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The OAuth clients registered with the emulator's token endpoint. Thread-safe. */
public final class ClientRegistry {

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    /**
     * A registered client. Its {@code toString} leaves out the secret.
     *
     * @param id     the client id
     * @param secret the client secret
     * @param scopes the scopes its access tokens get
     * @param org    the id of the organization it belongs to
     */
    public record Client(String id, String secret, Set<String> scopes, long org) {

        /** Checks and copies the components. */
        public Client {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(secret, "secret");
            scopes = Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "Client[id=" + id + ", secret=[redacted], scopes=" + scopes + ", org=" + org + "]";
        }
    }

    /**
     * Registers a client with fresh random credentials.
     *
     * @param scopes the scopes its tokens get
     * @param org    the id of the organization it belongs to
     * @return the new client
     */
    public Client register(Set<String> scopes, long org) {
        Client client = new Client("emu_client_" + TokenRegistry.randomText(12), TokenRegistry.randomText(32), scopes,
                org);
        clients.put(client.id(), client);
        return client;
    }

    /** The client with that id, if the secret matches (compared in constant time). */
    Optional<Client> authenticate(String id, String secret) {
        Client client = clients.get(id);
        if (client == null || !MessageDigest.isEqual(
                client.secret().getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(client);
    }
}
