package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;

/** A member of staff opens a case: the referral, its status and its timeline. */
@Singleton
public final class ViewCase {

    private final CaseStore store;

    public ViewCase(CaseStore store) {
        this.store = store;
    }

    public sealed interface Outcome {
    }

    public record Found(ReferralCase referral, List<CaseEvent> timeline, List<CaseTask> tasks) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** The case exists but this member of staff may not see it. */
    public record NotAllowed() implements Outcome {
    }

    public Outcome view(ReferralReference reference, StaffMember staff) {
        // Managers see every case; advocates only the cases allocated to them (requirements §8,
        // LLR 24). Allocation comes later in the lifecycle, so until then only managers see a case.
        if (!staff.is(StaffMember.Role.MANAGER)) {
            return store.findCase(reference).<Outcome>map(c -> new NotAllowed()).orElse(new NotFound());
        }
        return store.findCase(reference)
                .<Outcome>map(c -> new Found(c, store.timeline(reference), store.tasks(reference)))
                .orElse(new NotFound());
    }
}
