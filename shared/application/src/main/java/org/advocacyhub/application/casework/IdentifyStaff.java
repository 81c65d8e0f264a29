package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.staff.StaffRecord;

/** Maps a signed-in identity to its staff record (requirements §8, issue 8): by Cognito {@code sub}, else by email. */
@Singleton
public final class IdentifyStaff {

    private final StaffDirectory directory;

    public IdentifyStaff(StaffDirectory directory) {
        this.directory = directory;
    }

    public StaffActor identify(StaffMember member) {
        Optional<StaffRecord> record = directory.findByLogin(member.id());
        if (record.isEmpty() && member.email() != null) {
            record = directory.findByLogin(member.email().toLowerCase(java.util.Locale.ROOT));
        }
        String id = record.map(StaffRecord::id).orElse("login:" + member.id());
        return new StaffActor(id, member.roles(), record);
    }
}
