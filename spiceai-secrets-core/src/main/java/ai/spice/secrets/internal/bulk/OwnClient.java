package ai.spice.secrets.internal.bulk;

import ai.spice.secrets.SecretValue;
import java.util.concurrent.CompletableFuture;

/**
 * What bulk operations need to know of the SDK's own client (both its views) beyond {@code SecretsClient}: where its calls go (for a
 * sync ledger's entries) and what it would refuse to send (checked for every secret before the first is sent). A
 * ledger cannot be used with another implementation of {@code SecretsClient}, whose writes could go anywhere.
 */
public interface OwnClient {

    /** The API base URL, without a trailing slash. */
    String api();

    /** The {@code X-Org-Name} handle, or {@code ""} for the token's own organization. */
    String organization();

    /**
     * Checks that this client would send an upsert of this secret, as it checks each one before sending.
     *
     * @throws ai.spice.secrets.errors.SecretTooLargeException if its body would exceed the request limit
     */
    void checkUpsert(String name, SecretValue value);

    /**
     * A bulk run's slot for its next request to the app: completed at once unless the service said the app's rate
     * limit is reached, then when the client's pace allows it.
     */
    CompletableFuture<Void> slot(long appId);

    /** The SDK's asynchronous view of its own client. */
    interface View {

        /** The client this is a view of. */
        OwnClient owner();
    }

    /** The SDK's own client behind either of its views, or null for another implementation. */
    static OwnClient of(Object client) {
        return client instanceof OwnClient own ? own : client instanceof View view ? view.owner() : null;
    }
}
