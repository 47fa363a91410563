package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The bearer tokens the emulator accepts, with their scopes and expiry. Thread-safe. */
public final class TokenRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();

    /**
     * What a token allows, for whom, and until when.
     *
     * @param scopes     the granted scopes
     * @param expiresAt  the first instant at which it no longer works ({@link Instant#MAX} for never)
     * @param membership whom it speaks for, in which organizations
     */
    record Grant(Set<String> scopes, Instant expiresAt, Membership membership) {
        Grant {
            scopes = Set.copyOf(scopes);
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(membership, "membership");
        }
    }

    /**
     * Creates an empty registry.
     *
     * @param clock the clock that decides expiry
     */
    public TokenRegistry(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Issues a token.
     *
     * @param scopes     the scopes it grants
     * @param lifetime   how long it works from now, or empty for never expiring
     * @param membership whom it speaks for
     * @return the new token
     */
    public String issue(Set<String> scopes, Optional<Duration> lifetime, Membership membership) {
        Instant expiresAt = lifetime.map(clock.instant()::plus).orElse(Instant.MAX);
        String token = "spice_emu_" + randomText(32);
        grants.put(token, new Grant(scopes, expiresAt, membership));
        return token;
    }

    /**
     * Lets the person holding a token act in one more organization (or changes its role there).
     *
     * @param token a personal token from {@link #issue}
     * @param org   the organization id
     * @param role  the role there
     * @throws IllegalArgumentException if the token is unknown or belongs to an OAuth client
     */
    public void addMember(String token, long org, OrgRole role) {
        Grant grant = grants.computeIfPresent(token, (key, old) -> old.membership().holder() == Membership.Holder.PERSON
                ? new Grant(old.scopes(), old.expiresAt(), old.membership().with(org, role))
                : old);
        if (grant == null) {
            throw new IllegalArgumentException("unknown or revoked token");
        }
        if (grant.membership().holder() != Membership.Holder.PERSON) {
            throw new IllegalArgumentException("an OAuth client belongs to its own organization only");
        }
    }

    /**
     * Revokes a token; later requests with it get 401 {@code Invalid token}.
     *
     * @param token the token
     * @return whether it was known
     */
    public boolean revoke(String token) {
        return grants.remove(token) != null;
    }

    Optional<Grant> find(String token) {
        return Optional.ofNullable(grants.get(token));
    }

    boolean expired(Grant grant) {
        return !clock.instant().isBefore(grant.expiresAt());
    }

    static String randomText(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
