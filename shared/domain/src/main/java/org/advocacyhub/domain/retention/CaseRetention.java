package org.advocacyhub.domain.retention;

import java.time.LocalDate;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * How long a case's personal data is kept (issue 22): what its time runs from, and the last day it is kept.
 */
public final class CaseRetention {

    private CaseRetention() {
    }

    /**
     * When a case's record may be anonymised, and under which rule.
     *
     * @param kind       which period applies
     * @param start      the day its time runs from (UK date)
     * @param keptUntil  the last day it is kept; it may be anonymised from the day after
     * @param why        the clause or the provider's basis ({@link RetentionPeriod#why()}), for the audit record
     */
    public record Due(RetainedKind kind, LocalDate start, LocalDate keptUntil, String why) {

        /** Whether the record is past its time on {@code today}. */
        public boolean pastOn(LocalDate today) {
            return today.isAfter(keptUntil);
        }
    }

    /**
     * The case's retention, or empty while its time has not started: a case still open, waiting or being screened is
     * kept. A closed case runs from its closing day (UK date); a referral the hub did not take on (not accepted,
     * information only, signposted) from the day of that screening decision. Interpretation of "a stated age or years
     * after closure, whichever is later" (issue 22): the age floor counts from the person's date of birth on the referral.
     * A case reopened is open again: its time starts afresh at its next closure.
     */
    public static Optional<Due> of(ReferralCase c, RetentionPolicy policy) {
        LocalDate start;
        RetainedKind kind;
        if (c.status() == CaseStatus.CLOSED && c.work().closure() != null) {
            kind = RetainedKind.CLOSED_CASE;
            start = c.work().closure().at().atZone(WorkingCalendar.ZONE).toLocalDate();
        } else if ((c.status() == CaseStatus.NOT_ACCEPTED || c.status() == CaseStatus.INFORMATION_ONLY
                || c.status() == CaseStatus.SIGNPOSTED) && c.screening() != null) {
            kind = RetainedKind.DECLINED_REFERRAL;
            start = c.screening().decidedAt().atZone(WorkingCalendar.ZONE).toLocalDate();
        } else {
            return Optional.empty();
        }
        RetentionPeriod period = policy.period(kind);
        return Optional.of(new Due(kind, start, period.keptUntil(start, c.details().person().dateOfBirth()), period.why()));
    }

    /**
     * Whether the case may be anonymised on {@code today}: past its time, and not under a legal hold (issue 22), which keeps
     * it whatever its period says until a manager lifts it.
     */
    public static boolean anonymisable(ReferralCase c, RetentionPolicy policy, LocalDate today) {
        return c.work().legalHold() == null && of(c, policy).filter(due -> due.pastOn(today)).isPresent();
    }
}
