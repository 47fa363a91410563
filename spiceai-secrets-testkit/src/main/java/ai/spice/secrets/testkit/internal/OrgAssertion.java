package ai.spice.secrets.testkit.internal;

import ai.spice.secrets.testkit.OrgRole;
import java.util.Optional;

/**
 * Decides which organization a request acts on, from its {@code X-Org-Name} header and its token, in the order
 * Spice documents: a blank or malformed handle is 400 {@code invalid_org_assertion}; an OAuth client naming an
 * organization other than its own is 403 {@code org_assertion_mismatch} (also when that organization does not
 * exist); an unknown organization, or one the holder does not belong to, is 403 {@code org_forbidden}, the same
 * answer for both so that the header cannot probe which organizations exist.
 */
final class OrgAssertion {

    static final String HEADER = "X-Org-Name";

    private final OrgDirectory orgs;

    OrgAssertion(OrgDirectory orgs) {
        this.orgs = orgs;
    }

    Caller resolve(Optional<String> header, Membership membership) throws RejectedRequest {
        if (header.isEmpty()) {
            long own = membership.defaultOrg();
            return new Caller(membership, own, membership.role(own).orElseThrow());
        }
        String handle = header.get().strip();
        if (handle.isEmpty()) {
            throw RejectedRequest.of(400, "X-Org-Name is blank: name an organization, or leave the header out",
                    "invalid_org_assertion");
        }
        if (!OrgDirectory.HANDLE.matcher(handle).matches()) {
            throw RejectedRequest.of(400, "X-Org-Name is not a valid organization handle", "invalid_org_assertion");
        }
        Optional<OrgDirectory.Org> org = orgs.find(handle);
        if (membership.holder() == Membership.Holder.CLIENT
                && org.map(OrgDirectory.Org::id).filter(id -> id == membership.defaultOrg()).isEmpty()) {
            throw RejectedRequest.of(403, "An OAuth client can act only on its own organization", "org_assertion_mismatch");
        }
        Optional<OrgRole> role = org.flatMap(found -> membership.role(found.id()));
        if (role.isEmpty()) {
            throw RejectedRequest.of(403, "You are not a member of the requested organization", "org_forbidden");
        }
        return new Caller(membership, org.get().id(), role.get());
    }
}
