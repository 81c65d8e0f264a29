package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.retention.CaseRetention;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The daily retention run (issue 22, template.yaml {@code RetentionFunction}): every case of every contract past its
 * retention period is anonymised ({@link org.advocacyhub.domain.retention.Anonymiser}), each in its own writes conditional on the case as it was read, with a
 * timeline entry and an audit record naming the rule ({@link AnonymiseCase}); a case under a legal hold is counted and left alone.
 *
 * <p>Idempotent and resumable: a case anonymised is never taken again ({@link PastTheirTime} leaves it out), a case changed
 * meanwhile (reopened, held) is read again and decided again, and a run stopped halfway (a timeout, a {@code kill -9})
 * leaves each case either as it was or anonymised, so the next run does the rest. A dry run decides the same and writes
 * nothing.
 */
@Singleton
public final class ApplyRetention {

    /** Who the audit record names: the retention function, not a member of staff. */
    public static final String BY = "retention";

    private final CaseStore store;
    private final ContractCatalogue contracts;
    private final AnonymiseCase anonymise;
    private final Clock clock;

    public ApplyRetention(CaseStore store, ContractCatalogue contracts, AnonymiseCase anonymise, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.anonymise = anonymise;
        this.clock = clock;
    }

    /**
     * What a run did, or in a dry run would do.
     *
     * @param anonymised the cases anonymised (in a dry run: that would be), by reference
     * @param held       the cases past their time that a legal hold keeps
     * @param left       cases past their time not reached: the run stopped for time, or a case kept changing; the next run takes them
     * @param complete   false when a contract had more finished cases than one run reads
     */
    public record Run(LocalDate asOf, boolean dryRun, List<String> anonymised, int held, int left, boolean complete) {
        public Run {
            anonymised = List.copyOf(anonymised);
        }

        /** The run in a line, for the function's answer and log (references and counts only, no personal data). */
        public String summary() {
            return (dryRun ? "dryRun " : "") + "asOf=" + asOf + " anonymised=" + anonymised.size() + " held=" + held + " left=" + left
                    + (complete ? "" : " incomplete");
        }
    }

    /**
     * @param dryRun   decide, and write nothing
     * @param timeLeft whether there is time for another case (Lambda's remaining time); when not, the run ends and the next
     *                 one carries on
     */
    public Run run(boolean dryRun, BooleanSupplier timeLeft) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        List<String> anonymised = new ArrayList<>();
        int held = 0;
        int left = 0;
        boolean complete = true;
        for (Contract contract : contracts.contracts()) {
            RetentionPolicy policy = contracts.retention(contract.code());
            PastTheirTime.Found found = PastTheirTime.of(store, contract.code(), policy, now, today);
            complete &= found.complete();
            for (ReviewRetention.Due due : found.due()) {
                if (due.held()) {
                    held++;
                } else if (!timeLeft.getAsBoolean()) {
                    left++;
                } else if (dryRun) {
                    anonymised.add(due.referral().reference().value());
                } else {
                    switch (anonymise.anonymise(due.referral(), c -> rule(c, policy, today), BY)) {
                        case DONE -> anonymised.add(due.referral().reference().value());
                        case HELD -> held++;
                        case KEPT -> { }
                        case LEFT -> left++;
                    }
                }
            }
        }
        return new Run(today, dryRun, anonymised, held, left, complete);
    }

    /** The rule under which {@code c} goes today, if it does: its retention period's. */
    private static Optional<String> rule(ReferralCase c, RetentionPolicy policy, LocalDate today) {
        return CaseRetention.of(c, policy).filter(d -> d.pastOn(today))
                .map(d -> "the retention policy, " + d.kind().key() + ": kept until " + d.keptUntil() + " (" + d.why() + ")");
    }
}
