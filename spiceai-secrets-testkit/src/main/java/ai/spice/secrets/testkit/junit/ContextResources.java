package ai.spice.secrets.testkit.junit;

import ai.spice.secrets.testkit.SecretsEmulator;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one extension context gets from its emulator: one app and at most one client of each kind, made on first
 * use and kept in the context's own store namespace (which no other context reads, not even a child), so that a
 * test's constructor, lifecycle methods and test method share them and its clients close with it.
 */
final class ContextResources {

    private static final String[] READ_WRITE = {"secrets:read", "secrets:write"};
    private static final String[] READ_ONLY = {"secrets:read"};

    private final SecretsEmulator emulator;
    private final ExtensionContext.Store store;
    private final String name;

    ContextResources(SecretsEmulator emulator, ExtensionContext.Store store, String name) {
        this.emulator = emulator;
        this.store = store;
        this.name = name;
    }

    SecretsEmulator emulator() {
        return emulator;
    }

    long appId() {
        return store.getOrComputeIfAbsent("app", key -> emulator.createApp(name), Long.class);
    }

    Object client(Class<?> clientType, boolean readOnly) {
        String key = readOnly ? "read-only client" : "read-write client";
        String[] scopes = readOnly ? READ_ONLY : READ_WRITE;
        return store.getOrComputeIfAbsent(key,
                ignored -> SdkClients.build(clientType, emulator.baseUrl(), emulator.issueToken(scopes)),
                AutoCloseable.class);
    }
}
