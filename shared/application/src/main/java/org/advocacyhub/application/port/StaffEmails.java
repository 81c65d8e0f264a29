package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * Emails to staff, written (not sent): each goes into the outbox with the decision or alert that
 * makes it (issue 19). Each names the person by initials only and carries the case reference, never
 * other personal data (requirements §8).
 */
public interface StaffEmails {

    /**
     * A case was allocated to {@code advocate}: the reference, the service and the running deadlines.
     *
     * @param deadlines the case's running clocks with their due times, soonest first
     */
    Mail allocated(ReferralCase referral, StaffRecord advocate, List<Deadline> deadlines);

    /**
     * A case reached its review hours: the update to the Council is due (LEW 8.9). Tells a duty
     * manager of the contract what the update must give, with the case's reference, the person's
     * initials and the hours so far.
     */
    Mail hoursReviewDue(ReferralCase referral, StaffRecord dutyManager, HoursReview review);

    /**
     * The threshold a case reached and the limit that follows it.
     *
     * @param reviewHours the review threshold (8 hours, LEW 8.9)
     * @param clause      its clause
     * @param limitHours  the most the case may have now without a (further) approval, or {@code null} when there is no cap
     * @param limitClause the limit's clause (LEW 8.11, 7.16), or {@code null}
     */
    record HoursReview(java.math.BigDecimal reviewHours, String clause, java.math.BigDecimal limitHours, String limitClause) {
    }

    /**
     * A deadline is near (issue 9): to the case's advocate, or before allocation to a duty manager
     * of the contract. Says which case, which deadline, when, the clause and what to do, with a link
     * to the case.
     */
    Mail deadlineReminder(ReferralCase referral, StaffRecord to, DeadlineNotice notice);

    /**
     * A deadline passed unmet (issue 9): to the duty managers of the contract and the advocate.
     * Says which deadline was missed, by how long ({@link DeadlineNotice#late()}) and the KPI it counts against.
     */
    Mail deadlineMissed(ReferralCase referral, StaffRecord to, DeadlineNotice notice);

    /**
     * An answerphone callback falls due today (LLR 9.23, issue 10): to a duty manager of the
     * contract. The message by id, the time it was left and is due, the caller's initials at most.
     */
    Mail callbackReminder(org.advocacyhub.domain.answerphone.AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice);

    /** An answerphone callback is overdue (LLR 9.23): to the duty managers of the contract, with how long. */
    Mail callbackMissed(org.advocacyhub.domain.answerphone.AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice);

    /**
     * A contract's quarterly report is due soon (reminder) or was not sent by its due date (escalation),
     * LLR 26.12, LEW 17.3: to the duty managers of the contract. No personal data: the contract and quarter.
     */
    Mail reportDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, StaffRecord to, DeadlineNotice notice,
                   boolean missed);

    /**
     * A data protection request falls due soon (reminder) or was not answered by its due day (escalation), issue 22, UK GDPR
     * Art. 12(3): to every duty manager. The request's kind, id and dates, never the person's name.
     */
    Mail dataRequestDue(org.advocacyhub.domain.dataprotection.DataRequest request, StaffRecord to, DeadlineNotice notice, boolean missed);

    /**
     * A contract's case studies or service summaries of a quarter were not all written by their due time (issue 23: LLR 26.16,
     * Appendix One; LEW 17.2): to the duty managers, naming what is missing in words ({@code missing}: services, counts and
     * the summaries' titles). No personal data: no case, no person.
     */
    Mail caseStudiesMissing(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, StaffRecord to,
                            java.time.Instant dueAt, List<String> missing);

    /**
     * The daily digest (issue 9): everything overdue and everything due on {@code day} in the
     * contracts {@code to} is a duty manager of, per contract, in priority order.
     */
    Mail dailyDigest(StaffRecord to, java.time.LocalDate day, List<DigestContract> contracts);

    /**
     * To a duty manager: an email the hub sent bounced or was reported as spam (issue 24). Only what staff need: whose
     * it is ({@code owner}: a case's reference, an answerphone message), what it was, to whom (the referrer, or a member
     * of staff by initials) and why; what to do.
     *
     * @param caseReference the case's reference, for a link, or null when the email is not a case's
     * @param toDo          what the duty manager is asked to do
     */
    Mail mailBounced(StaffRecord to, String owner, String caseReference, String happened, String toDo);

    /**
     * One deadline of one case, as an alert email gives it.
     *
     * @param clock      the clock's name in the contract, e.g. {@code allocation}
     * @param description what must happen, as the contract says, e.g. "allocate an advocate within 2 working days"
     * @param stoppedBy  the event that meets it: what to do
     * @param late       how long after the due time the escalation was raised; {@code null} in a reminder
     * @param kpi        the KPI it counts against, or {@code null} when it counts against none
     */
    record DeadlineNotice(String clock, String description, Instant dueAt, String clause,
                          org.advocacyhub.domain.contract.ClockEvent stoppedBy, java.time.Duration late,
                          org.advocacyhub.domain.contract.KpiTarget kpi) {
    }

    /** One contract's part of a digest: its overdue deadlines, then today's, each in priority order. */
    record DigestContract(String code, String name, List<DigestEntry> overdue, List<DigestEntry> dueToday) {
        public DigestContract {
            overdue = List.copyOf(overdue);
            dueToday = List.copyOf(dueToday);
        }
    }

    /**
     * A deadline in a digest: the case by reference (or the answerphone message by id) only, no
     * initials: the digest lists many people.
     *
     * @param service the service, or {@code null} for an answerphone message that named none
     */
    record DigestEntry(String reference, org.advocacyhub.domain.referral.ServiceCode service, String description,
                       String clause, Instant dueAt, boolean urgent) {
    }

    /** A running clock and when it is due, for an email. */
    record Deadline(String description, Instant dueAt, String clause) {
    }
}
