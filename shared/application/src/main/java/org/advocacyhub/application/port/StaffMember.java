package org.advocacyhub.application.port;

import java.util.Set;

/**
 * A signed-in member of staff, as the API's authorizer vouches for them (in AWS, a Cognito user
 * pool; roles are its groups).
 *
 * @param id    the identity's subject (Cognito {@code sub})
 * @param email the identity's email claim, or {@code null}
 */
public record StaffMember(String id, Set<Role> roles, String email) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public StaffMember(String id, Set<Role> roles) {
        this(id, roles, null);
    }

    public enum Role {
        /** Duty and service managers: every case (requirements §8). */
        MANAGER,
        /** Advocates: the cases allocated to them (requirements §8). */
        ADVOCATE
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }
}
