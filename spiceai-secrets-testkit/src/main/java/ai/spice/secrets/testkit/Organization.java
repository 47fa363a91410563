package ai.spice.secrets.testkit;

import ai.spice.secrets.testkit.internal.ClientRegistry;
import ai.spice.secrets.testkit.internal.EmulatorRuntime;
import ai.spice.secrets.testkit.internal.Membership;
import ai.spice.secrets.testkit.internal.OrgDirectory;
import ai.spice.secrets.testkit.internal.StoredApp;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An organization of a {@link SecretsEmulator}: it holds apps (projects), its members' tokens, its OAuth clients and
 * its organization secrets. A request acts on the organization of its token unless {@code X-Org-Name} names another
 * one the token's holder belongs to. Get one from {@link SecretsEmulator#createOrganization} or
 * {@link SecretsEmulator#defaultOrganization()}. Thread-safe; equal when it is the same organization of the same
 * emulator.
 *
 * <pre>{@code
 * Organization acme = emulator.createOrganization("acme");
 * long app = acme.createApp("web");
 * String viewer = acme.issueToken(OrgRole.VIEWER, "secrets:read");
 * acme.addMember(emulator.issueToken("*"), OrgRole.MEMBER);   // that token may now send X-Org-Name: acme
 * }</pre>
 */
public final class Organization {

    private final EmulatorRuntime runtime;
    private final OrgDirectory.Org org;

    Organization(EmulatorRuntime runtime, OrgDirectory.Org org) {
        this.runtime = runtime;
        this.org = org;
    }

    /**
     * The integer id, as {@code GET /v1/orgs} lists it and {@code /v1/orgs/{orgId}/secrets} takes it.
     *
     * @return the id, positive
     */
    public long id() {
        return org.id();
    }

    /**
     * The handle, as created: what {@code X-Org-Name} names (in any case) and apps show as {@code org}.
     *
     * @return e.g. {@code acme}
     */
    public String handle() {
        return org.handle();
    }

    /**
     * Creates an app (a project) in this organization.
     *
     * @param name a display name
     * @return the app id, positive; ids are unique across the apps and secrets of the emulator
     * @throws NullPointerException if {@code name} is null
     */
    public long createApp(String name) {
        return runtime.store().createApp(org.id(), Objects.requireNonNull(name, "name"));
    }

    /**
     * Issues a never-expiring token (like a personal access token) of an owner of this organization, who belongs
     * to no other until {@link #addMember} says so.
     *
     * @param scopes e.g. {@code "secrets:read"}, {@code "apps:read"}, {@code "*"}
     * @return the token
     * @throws NullPointerException if a scope is null
     */
    public String issueToken(String... scopes) {
        return issueToken(OrgRole.OWNER, scopes);
    }

    /**
     * Issues a never-expiring token of a member of this organization with this role: a {@link OrgRole#VIEWER}
     * gets 403 {@code forbidden} on every write, whatever its scopes.
     *
     * @param role   the role here
     * @param scopes the scopes
     * @return the token
     * @throws NullPointerException if an argument is null
     */
    public String issueToken(OrgRole role, String... scopes) {
        return token(Optional.empty(), role, scopes);
    }

    String token(Optional<Duration> lifetime, OrgRole role, String... scopes) {
        Objects.requireNonNull(role, "role");
        return runtime.tokens().issue(scopes(scopes), lifetime, Membership.person(org.id(), role));
    }

    /**
     * Lets the holder of a personal token act in this organization too, with this role (or changes its role here):
     * the token may then name this organization in {@code X-Org-Name}, and {@code GET /v1/orgs} lists it. The
     * token's own organization, used without the header, stays what it was.
     *
     * @param token a token from {@code issueToken} of this emulator
     * @param role  the role here
     * @throws IllegalArgumentException if the token is unknown or revoked, or is an OAuth access token (an OAuth
     *                                  client belongs to its own organization only)
     * @throws NullPointerException     if an argument is null
     */
    public void addMember(String token, OrgRole role) {
        runtime.tokens().addMember(Objects.requireNonNull(token, "token"), org.id(), Objects.requireNonNull(role, "role"));
    }

    /**
     * Registers an OAuth client of this organization. Its access tokens act here as its owner, and only here: an
     * {@code X-Org-Name} naming another organization is 403 {@code org_assertion_mismatch}.
     *
     * @param scopes the scopes of its tokens
     * @return its credentials
     * @throws NullPointerException if a scope is null
     */
    public ClientCredentials registerClient(String... scopes) {
        ClientRegistry.Client client = runtime.clients().register(scopes(scopes), org.id());
        return new ClientCredentials(client.id(), client.secret());
    }

    /**
     * Stores an organization secret, encrypted like app secrets; it reaches a project only once linked. Served over
     * HTTP only when the emulator is built with {@link SecretsEmulator.Builder#orgSecrets(boolean)}.
     *
     * @param name  a valid secret name ({@code ^[a-zA-Z_][a-zA-Z0-9_]*$}), not the reserved platform secret
     *              {@code SCP_OPENAI_API_KEY}
     * @param value the plaintext value
     * @throws IllegalArgumentException if the name is invalid or reserved
     * @throws NullPointerException     if an argument is null
     */
    public void storeSecret(String name, String value) {
        runtime.orgSecrets().put(org.id(), SecretsEmulator.validName(name), Objects.requireNonNull(value, "value"));
    }

    /**
     * Deletes an organization secret, which unlinks it from every project.
     *
     * @param name a secret name
     * @return whether it existed
     * @throws NullPointerException if {@code name} is null
     */
    public boolean deleteSecret(String name) {
        return runtime.orgSecrets().delete(org.id(), Objects.requireNonNull(name, "name"));
    }

    /**
     * The names of this organization's secrets.
     *
     * @return in ascending order; never the platform secret
     */
    public List<String> secretNames() {
        return runtime.orgSecrets().names(org.id());
    }

    /**
     * The plaintext of an organization secret.
     *
     * @param name a secret name
     * @return the value, or empty when there is no such secret
     * @throws NullPointerException if {@code name} is null
     */
    public Optional<String> storedValue(String name) {
        return runtime.orgSecrets().reveal(org.id(), Objects.requireNonNull(name, "name"));
    }

    /**
     * Links one of this organization's secrets to one of its apps, as
     * {@code PUT /v1/projects/{projectId}/org-secrets/{name}} does.
     *
     * @param appId an app of this organization
     * @param name  one of its secrets, or the platform secret {@code SCP_OPENAI_API_KEY}
     * @return true when the link is new, false when it existed
     * @throws IllegalArgumentException if the app is not one of this organization's, or there is no such secret
     * @throws NullPointerException     if {@code name} is null
     */
    public boolean linkSecret(long appId, String name) {
        Objects.requireNonNull(name, "name");
        StoredApp app = runtime.store().app(appId).filter(found -> found.org() == org.id())
                .orElseThrow(() -> new IllegalArgumentException("no app with id " + appId + " in " + this));
        return runtime.orgSecrets().link(app, name)
                .orElseThrow(() -> new IllegalArgumentException("no secret '" + name + "' in " + this));
    }

    /**
     * The names of this organization's secrets linked to one of its apps.
     *
     * @param appId an app id
     * @return the names in ascending order; empty for an app that is not one of this organization's
     */
    public List<String> linkedSecrets(long appId) {
        return runtime.store().app(appId).filter(found -> found.org() == org.id())
                .map(runtime.orgSecrets()::linkedNames).orElse(List.of());
    }

    /**
     * Whether this is the same organization of the same emulator.
     *
     * @param other another object
     * @return true for the same organization
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Organization that && that.runtime == runtime && that.org.id() == org.id();
    }

    /**
     * A hash of the id.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Long.hashCode(org.id());
    }

    /**
     * Shows the handle and the id.
     *
     * @return e.g. {@code Organization[acme, id 2]}
     */
    @Override
    public String toString() {
        return "Organization[" + org.handle() + ", id " + org.id() + "]";
    }

    static Set<String> scopes(String... scopes) {
        Objects.requireNonNull(scopes, "scopes");
        Arrays.stream(scopes).forEach(scope -> Objects.requireNonNull(scope, "scope"));
        return Set.copyOf(Arrays.asList(scopes));
    }
}
