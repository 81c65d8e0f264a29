package org.advocacyhub.application.port;

import java.util.Set;

/**
 * A signed-in member of staff, as the API's authorizer vouches for them (in AWS, a Cognito user
 * pool; roles are its groups).
 */
public record StaffMember(String id, Set<Role> roles) {

    public StaffMember {
        roles = Set.copyOf(roles);
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
