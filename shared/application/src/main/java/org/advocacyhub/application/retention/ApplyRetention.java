package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.RetentionKey;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.retention.Anonymiser;
import org.advocacyhub.domain.retention.CaseRetention;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The daily retention run (issue 22, template.yaml {@code RetentionFunction}): every case of every contract past its
 * retention period is anonymised ({@link Anonymiser}), each in its own writes conditional on the case as it was read, with a
 * timeline entry and an audit record naming the rule; a case under a legal hold is counted and left alone.
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
    private final RetentionKey key;
    private final Clock clock;

    public ApplyRetention(CaseStore store, ContractCatalogue contracts, RetentionKey key, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.key = key;
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
            for (PastTheirTime.Due due : found.due()) {
                if (due.held()) {
                    held++;
                } else if (!timeLeft.getAsBoolean()) {
                    left++;
                } else if (dryRun) {
                    anonymised.add(due.referral().reference().value());
                } else {
                    switch (anonymise(due.referral(), policy, today)) {
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

    private enum Result { DONE, HELD, KEPT, LEFT }

    /** Tries a few times: a case that changed meanwhile is read again and decided again on what it is now. */
    private Result anonymise(ReferralCase read, RetentionPolicy policy, LocalDate today) {
        ReferralCase c = read;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (Anonymiser.anonymised(c)) {
                return Result.KEPT;
            }
            if (c.work().legalHold() != null) {
                return Result.HELD;
            }
            Optional<CaseRetention.Due> due = CaseRetention.of(c, policy).filter(d -> d.pastOn(today));
            if (due.isEmpty()) {
                return Result.KEPT;
            }
            Instant at = clock.instant();
            String rule = due.get().kind().key() + ": kept until " + due.get().keptUntil() + " (" + due.get().why() + ")";
            CaseEvent event = new CaseEvent(at, CaseEvent.Type.ANONYMISED, "Anonymised under the retention policy, "
                    + rule + ". The figures the returns count are kept; the person's details and the case's notes are not.");
            AuditEntry audit = new AuditEntry(UUID.randomUUID().toString().substring(0, 8), at, BY, "anonymised the case (" + rule + ")");
            if (store.anonymise(c, Anonymiser.anonymise(c, key.key()), event, audit, Anonymiser.REMOVED)) {
                return Result.DONE;
            }
            Optional<ReferralCase> now = store.findCase(c.reference());
            if (now.isEmpty()) {
                return Result.KEPT;
            }
            c = now.get();
        }
        return Result.LEFT;
    }
}
