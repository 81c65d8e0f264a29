package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.util.Locale;
import org.advocacyhub.application.port.StaffEmails.DeadlineNotice;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.KpiTarget;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The reminder before a deadline and the escalation once it is missed (issue 9). Which case
 * (reference, service, the person's initials: nothing more about them), which deadline, when, the
 * clause, what to do and a link to the case; an escalation also says by how long it was missed and
 * the KPI it counts against.
 */
public final class DeadlineAlertEmail {

    private DeadlineAlertEmail() {
    }

    public static Mail reminder(ReferralCase referral, StaffRecord to, DeadlineNotice notice, String caseUrl) {
        String reference = referral.reference().value();
        Letter letter = new Letter()
                .paragraph("A deadline on case " + reference + " (" + referral.details().service().displayName() + ", "
                        + DecisionLetterEmail.initials(referral) + ") falls due at " + UkDates.timeOnDay(notice.dueAt()) + ".")
                .heading("The deadline")
                .numbered(java.util.List.of(
                        capitalised(notice.description()) + " (" + notice.clause() + ")",
                        "Due: " + UkDates.timeOnDay(notice.dueAt()),
                        kpi(notice.kpi())))
                .heading("What to do")
                .paragraph(action(notice.stoppedBy()) + " Recording it in the hub stops the clock.");
        caseLink(letter, reference, caseUrl);
        return letter.to(to.email(), "Reminder: case " + reference + " " + shortName(notice) + " due " + UkDates.timeOnDay(notice.dueAt()));
    }

    public static Mail missed(ReferralCase referral, StaffRecord to, DeadlineNotice notice, String caseUrl) {
        String reference = referral.reference().value();
        String advocate = referral.work().allocation() == null ? "not allocated" : referral.work().allocation().advocateName();
        Letter letter = new Letter()
                .paragraph("A deadline on case " + reference + " (" + referral.details().service().displayName() + ", "
                        + DecisionLetterEmail.initials(referral) + ") was missed: it was due at " + UkDates.timeOnDay(notice.dueAt())
                        + " and had not been met " + UkDates.elapsed(notice.late()) + " later.")
                .heading("The deadline missed")
                .numbered(java.util.List.of(
                        capitalised(notice.description()) + " (" + notice.clause() + ")",
                        "Was due: " + UkDates.timeOnDay(notice.dueAt()),
                        "Missed by: " + UkDates.elapsed(notice.late()) + " when this was sent",
                        kpi(notice.kpi()),
                        "Advocate: " + advocate))
                .heading("What to do")
                .paragraph(action(notice.stoppedBy()) + " Recording it in the hub stops the clock; it will show as met late.");
        caseLink(letter, reference, caseUrl);
        return letter.to(to.email(), "Missed: case " + reference + " " + shortName(notice) + " was due " + UkDates.timeOnDay(notice.dueAt()));
    }

    private static void caseLink(Letter letter, String reference, String caseUrl) {
        if (caseUrl != null) {
            letter.link("Open case " + reference, caseUrl);
        } else {
            letter.paragraph("Open the case in the hub with reference " + reference + ".");
        }
    }

    /** "allocation", "first-contact" as staff say it: "allocation", "first contact". */
    private static String shortName(DeadlineNotice notice) {
        return notice.clock().replace('-', ' ');
    }

    static String kpi(KpiTarget kpi) {
        if (kpi == null) {
            return "Counts against: no KPI; it is a duty of the contract";
        }
        return "Counts against: " + kpi.name() + kpi.targetPercent().map(t -> " (target " + t.stripTrailingZeros().toPlainString() + "% met)").orElse("")
                + ", " + kpi.clause();
    }

    /** What meets the deadline, as an instruction. */
    static String action(ClockEvent stoppedBy) {
        return switch (stoppedBy) {
            case REFERRAL_RECEIVED, REFERRAL_ACCEPTED -> "Screen the referral and record the decision.";
            case ALLOCATED -> "Allocate a named advocate to the case.";
            case FIRST_CONTACT -> "Make first contact with the person and record it on the case.";
            case FIRST_MEETING_HELD -> "Hold the first meeting with the person and record it on the case.";
            case ELIGIBILITY_CONFIRMED -> "Confirm the person's eligibility with them and record it on the case.";
            case INSTRUCTION_ENDED -> "Record the end of the instruction on the case.";
            case REPORT_SENT -> "Send the report and record on the case when it was sent.";
            case MESSAGE_LEFT, CALLBACK_MADE -> "Return the call and record the response.";
            case OFFER_OR_DECLINE_SENT -> "Send the council an offer or a decline and record it on the case.";
        };
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1);
    }
}
