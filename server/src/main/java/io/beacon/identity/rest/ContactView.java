package io.beacon.identity.rest;

import io.beacon.identity.domain.Organisation;
import io.beacon.identity.domain.User;

/** A person as the desk looks them up to file a ticket for them: who, how to reach them, their organisation. */
public record ContactView(long id, String username, String displayName, String email, String phone,
        OrganisationRef organisation, boolean canSignIn) {

    public record OrganisationRef(long id, String name) {
        static OrganisationRef of(Organisation o) {
            return o == null ? null : new OrganisationRef(o.getId(), o.getName());
        }
    }

    static ContactView of(User u) {
        return new ContactView(u.getId(), u.getUsername(), u.getDisplayName(), u.getEmail(), u.getPhone(),
                OrganisationRef.of(u.getOrganisation()), u.canSignIn());
    }
}
