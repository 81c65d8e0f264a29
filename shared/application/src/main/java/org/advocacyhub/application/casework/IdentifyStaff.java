package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * Who is asking, decided by the staff directory on every request (requirements §8, issues 8 and 20). A signed-in
 * identity (a verified token or console session) is only a claim: it maps to a staff record by its Cognito {@code sub},
 * else by its email, and the record decides. No record, or a record that is not active, is no access at all: a leaver
 * whose Cognito account still exists, or an advocate a manager has deactivated, is refused on every route and page
 * from the next request on. Roles are the record's, not the token's groups.
 *
 * <p>The one exception (issue 20, "the first-manager bootstrap"): while the directory has no active manager at all
 * (a hub just deployed), an identity in the Cognito {@code manager} group may use the staff directory routes, and
 * nothing else, so that the first manager can add themselves and their team. The first active manager saved ends it.
 */
@Singleton
public final class IdentifyStaff {

    private final StaffDirectory directory;

    public IdentifyStaff(StaffDirectory directory) {
        this.directory = directory;
    }

    /** What the directory says of a signed-in identity. */
    public sealed interface Identity {
    }

    /** A member of staff with an active record: their record decides what they may do. */
    public record Known(StaffActor actor) implements Identity {
    }

    /**
     * A manager-group identity with no record while the directory has no active manager: the staff directory routes
     * only, acting as {@code login:<subject>}.
     */
    public record FirstManager(StaffActor actor) implements Identity {
    }

    /**
     * No access: who was refused (their staff id, or {@code login:<subject>} for a sign-in the directory does not know),
     * why, in words for the person refused (no personal data, nothing about any case), and why in the words of a case's
     * audit trail ("their staff record is not active").
     */
    public record Refused(String who, String why, String onRecord) implements Identity {
    }

    /** A refusal's words when the identity signs in as no one in the directory. */
    public static final String NOT_IN_DIRECTORY = "Your sign-in is not in the staff directory, so you have no access to the hub. "
            + "If you work here, ask a manager to add your sign-in to your staff record.";
    /** A refusal's words when the record is not active. */
    public static final String NOT_ACTIVE = "Your staff record is not active, so your access to the hub has ended. "
            + "If this is wrong, ask a manager.";
    /** Why a first manager is refused beyond the staff directory. */
    public static final String DIRECTORY_FIRST = "The staff directory has no active manager yet. Add yourself to it as a manager "
            + "(with this sign-in among your logins) before anything else.";

    public Identity identify(StaffMember member) {
        Optional<StaffRecord> record = directory.findByLogin(member.id());
        if (record.isEmpty() && member.email() != null) {
            record = directory.findByLogin(member.email().toLowerCase(Locale.ROOT));
        }
        if (record.isPresent()) {
            if (!record.get().active()) {
                return new Refused(record.get().id(), NOT_ACTIVE, "their staff record is not active");
            }
            Set<StaffMember.Role> roles = Set.of(record.get().isManager() ? StaffMember.Role.MANAGER : StaffMember.Role.ADVOCATE);
            return new Known(new StaffActor(record.get().id(), roles, record));
        }
        if (member.is(StaffMember.Role.MANAGER) && directory.all().stream().noneMatch(r -> r.active() && r.isManager())) {
            return new FirstManager(new StaffActor("login:" + member.id(), Set.of(StaffMember.Role.MANAGER), Optional.empty()));
        }
        return new Refused("login:" + member.id(), NOT_IN_DIRECTORY, "their sign-in is not in the staff directory");
    }
}
