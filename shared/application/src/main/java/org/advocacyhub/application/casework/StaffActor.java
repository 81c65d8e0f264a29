package org.advocacyhub.application.casework;

import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The member of staff behind a request: what the authorizer vouched for (roles are Cognito groups)
 * and their staff directory record, if their identity maps to one. Their id is the directory's
 * ({@code jo-advocate}), or {@code login:<subject>} for a signed-in manager not yet in the
 * directory (so the first manager can create it); audit entries name them by it.
 */
public record StaffActor(String id, Set<StaffMember.Role> roles, Optional<StaffRecord> record) {

    public StaffActor {
        roles = Set.copyOf(roles);
    }

    public boolean isManager() {
        return roles.contains(StaffMember.Role.MANAGER);
    }
}
