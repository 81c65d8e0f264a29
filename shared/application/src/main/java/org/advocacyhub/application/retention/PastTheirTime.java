package org.advocacyhub.application.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.retention.Anonymiser;
import org.advocacyhub.domain.retention.CaseRetention;
import org.advocacyhub.domain.retention.RetentionPolicy;

/**
 * The cases of one contract past their retention period on a day, oldest first (issue 22): what the review lists and the
 * retention function anonymises, read once, in one way, for both. A case already anonymised is not among them: nothing of
 * the person is left in it to take.
 */
final class PastTheirTime {

    /** More than any contract's finished cases for years: beyond it the list is cut short, and says so. */
    static final int MOST_READ = 50_000;
    /** The statuses whose time can have started: closed, or not taken on. */
    static final List<CaseStatus> FINISHED = List.of(CaseStatus.CLOSED, CaseStatus.NOT_ACCEPTED, CaseStatus.INFORMATION_ONLY,
            CaseStatus.SIGNPOSTED);

    /** @param complete false when the contract had more finished cases than are read */
    record Found(List<ReviewRetention.Due> due, boolean complete) {
    }

    private PastTheirTime() {
    }

    static Found of(CaseStore store, String contract, RetentionPolicy policy, Instant now, LocalDate today) {
        List<ReviewRetention.Due> due = new ArrayList<>();
        int read = 0;
        String token = null;
        do {
            CaseStore.Page page = store.cases(new CaseStore.ByStatus(List.of(contract), FINISHED), CaseStore.CaseFilter.ANY,
                    Instant.EPOCH, now.plusMillis(1), token, 500);
            for (ReferralCase c : page.cases()) {
                read++;
                if (Anonymiser.anonymised(c)) {
                    continue;
                }
                Optional<CaseRetention.Due> retention = CaseRetention.of(c, policy).filter(d -> d.pastOn(today));
                retention.ifPresent(d -> due.add(new ReviewRetention.Due(c, d, c.work().legalHold() != null)));
            }
            token = page.next();
        } while (token != null && read < MOST_READ);
        due.sort(Comparator.comparing((ReviewRetention.Due d) -> d.retention().keptUntil()).thenComparing(d -> d.referral().reference().value()));
        return new Found(due, token == null);
    }
}
