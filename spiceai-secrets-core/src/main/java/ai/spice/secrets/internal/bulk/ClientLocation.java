package ai.spice.secrets.internal.bulk;

/**
 * Where a client's calls go, for a sync ledger's entries: implemented by the SDK's own client. A ledger cannot be used
 * with another implementation of {@code SecretsClient}, whose writes could go anywhere.
 */
public interface ClientLocation {

    /** The API base URL, without a trailing slash. */
    String api();

    /** The {@code X-Org-Name} handle, or {@code ""} for the token's own organization. */
    String organization();
}
