package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whom a token speaks for: a person (a personal access token) or an OAuth client, the organization it was minted
 * against, and its role in each organization it belongs to.
 *
 * @param holder     a person or an OAuth client
 * @param defaultOrg the organization acted on when no {@code X-Org-Name} is sent
 * @param roles      the role in each organization the holder belongs to, the default one included
 */
public record Membership(Holder holder, long defaultOrg, Map<Long, OrgRole> roles) {

    /** Who holds a token. */
    public enum Holder {
        /** A person: may name any organization it belongs to in {@code X-Org-Name}. */
        PERSON,
        /** An OAuth client: belongs to its own organization only, as its owner. */
        CLIENT
    }

    /** Checks and copies the components. */
    public Membership {
        Objects.requireNonNull(holder, "holder");
        roles = Map.copyOf(roles);
        if (!roles.containsKey(defaultOrg)) {
            throw new IllegalArgumentException("the default organization must be one of the roles");
        }
    }

    /**
     * A person who belongs to one organization.
     *
     * @param org  the organization id
     * @param role the role there
     * @return the membership
     */
    public static Membership person(long org, OrgRole role) {
        return new Membership(Holder.PERSON, org, Map.of(org, Objects.requireNonNull(role, "role")));
    }

    /**
     * An OAuth client of one organization.
     *
     * @param org the organization id
     * @return the membership, as owner of that organization only
     */
    public static Membership client(long org) {
        return new Membership(Holder.CLIENT, org, Map.of(org, OrgRole.OWNER));
    }

    /** The same holder, also (or now) with this role in {@code org}. */
    Membership with(long org, OrgRole role) {
        Map<Long, OrgRole> more = new HashMap<>(roles);
        more.put(org, role);
        return new Membership(holder, defaultOrg, more);
    }

    /** The role in an organization, or empty when the holder does not belong to it. */
    Optional<OrgRole> role(long org) {
        return Optional.ofNullable(roles.get(org));
    }
}
