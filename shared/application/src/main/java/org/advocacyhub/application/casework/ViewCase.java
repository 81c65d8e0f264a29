package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;

/**
 * A member of staff opens a case: the referral, its status, clocks, casework, timeline, contacts,
 * time and audit trail. Managers see every case; advocates the cases allocated to them
 * (requirements §8). The read itself goes in the audit trail (LLR 26.8).
 */
@Singleton
public final class ViewCase {

    private final CaseWork work;
    private final CaseStore store;

    public ViewCase(CaseWork work, CaseStore store) {
        this.work = work;
        this.store = store;
    }

    /** Everything a case view shows. */
    public record Found(ReferralCase referral, List<CaseEvent> timeline, List<CaseTask> tasks, List<CaseActivity> activities,
                        List<TimeEntry> time, List<AuditEntry> audit) {
    }

    /**
     * Opens the case for {@code actor}: {@link CaseWork.Done} with the case (then {@link #found}
     * gives the whole view), {@link CaseWork.NotFound} or {@link CaseWork.NotAllowed}.
     */
    public CaseWork.Outcome view(ReferralReference reference, StaffActor actor) {
        return work.read(reference, actor, "viewed the case");
    }

    /** The whole view of a case already checked and loaded (e.g. the answer to a change). */
    public Found found(ReferralCase referral) {
        return found(store, referral);
    }

    /** The whole view of a case as {@code store} holds it: no access check, no audit (for tests and tools). */
    public static Found found(CaseStore store, ReferralCase referral) {
        CaseStore.CaseFile file = store.caseFile(referral.reference());
        return new Found(referral, file.timeline(), file.tasks(), file.activities(), file.time(), file.audit());
    }
}
