package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;
import java.util.Objects;

/**
 * The credential behind an accepted request and the organization it acts on.
 *
 * @param membership whom the token speaks for
 * @param org        the acting organization: the one {@code X-Org-Name} named, else the token's own
 * @param role       the holder's role in {@code org}
 */
record Caller(Membership membership, long org, OrgRole role) {

    Caller {
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(role, "role");
    }
}
