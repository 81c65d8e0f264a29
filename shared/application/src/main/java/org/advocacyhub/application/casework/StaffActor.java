package org.advocacyhub.application.casework;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The member of staff behind a request: what the authorizer vouched for (roles are Cognito groups)
 * and their staff directory record, if their identity maps to one. Their id is the directory's
 * ({@code jo-advocate}), or {@code login:<subject>} for a signed-in manager not yet in the
 * directory (so the first manager can create it); audit entries name them by it.
 *
 * @param request  the id of the request they are making, when it came with an idempotency key (issue 19): what the
 *                 change it makes is marked with, so that the request run again (after its function stopped before
 *                 its answer was kept) finds the mark and applies nothing twice
 * @param expected the case version they are changing, when they said (an {@code If-Match} header, a console form's
 *                 version): a change to a case at another version is refused, nothing written
 */
public record StaffActor(String id, Set<StaffMember.Role> roles, Optional<StaffRecord> record, Optional<String> request,
                         Optional<ExpectedVersion> expected) {

    public StaffActor {
        roles = Set.copyOf(roles);
    }

    public StaffActor(String id, Set<StaffMember.Role> roles, Optional<StaffRecord> record) {
        this(id, roles, record, Optional.empty(), Optional.empty());
    }

    /** The same person making the request {@code request}, expecting {@code expected} of the case it changes. */
    public StaffActor asking(Optional<String> request, Optional<ExpectedVersion> expected) {
        return new StaffActor(id, roles, record, request, expected);
    }

    /** The same request, expecting {@code version} of the case it changes (a console form's, which carries no header). */
    public StaffActor expecting(Optional<ExpectedVersion> version) {
        return new StaffActor(id, roles, record, request, version);
    }

    /**
     * The id of a record this request creates (a complaint, a report request, a callback attempt): the same each time
     * the request runs when it came with a key, so that running it again (its function stopped before its answer was
     * kept) finds or overwrites its own record rather than adding a second (issue 19); random otherwise.
     */
    public String newRecordId() {
        return request.map(id -> UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString())
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    public boolean isManager() {
        return roles.contains(StaffMember.Role.MANAGER);
    }
}
