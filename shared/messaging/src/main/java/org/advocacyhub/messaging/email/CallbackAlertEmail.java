package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import java.util.List;
import org.advocacyhub.application.port.StaffEmails.DeadlineNotice;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * The reminder and the escalation of an answerphone callback (LLR 9.23, issue 10), to the duty
 * managers: the message by id, when it was left and is due, the service asked about, the caller's
 * initials at most. Never the number, the email, what they said or their access needs: those are
 * in the hub, behind the link.
 */
public final class CallbackAlertEmail {

    private CallbackAlertEmail() {
    }

    public static Mail reminder(AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice, String listUrl) {
        Letter letter = new Letter()
                .paragraph("An answerphone message " + describe(message) + " must be responded to by " + UkDates.timeOnDay(notice.dueAt())
                        + " (" + notice.clause() + ").")
                .numbered(List.of("Left: " + UkDates.timeOnDay(message.leftAt()), "Due: " + UkDates.timeOnDay(notice.dueAt())))
                .heading("What to do")
                .paragraph(DeadlineAlertEmail.action(notice.stoppedBy()) + " A conversation, a voicemail, an SMS or an email sent "
                        + "is a response; an attempt with no answer is recorded but is not.");
        link(letter, listUrl);
        return letter.to(to.email(), "Reminder: answerphone message " + message.id() + " to answer by " + UkDates.timeOnDay(notice.dueAt()));
    }

    public static Mail missed(AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice, String listUrl) {
        Letter letter = new Letter()
                .paragraph("An answerphone message " + describe(message) + " was not responded to by " + UkDates.timeOnDay(notice.dueAt())
                        + " (" + notice.clause() + "): " + UkDates.elapsed(notice.late()) + " overdue when this was sent.")
                .numbered(List.of("Left: " + UkDates.timeOnDay(message.leftAt()), "Was due: " + UkDates.timeOnDay(notice.dueAt()),
                        "Missed by: " + UkDates.elapsed(notice.late()) + " when this was sent",
                        "Attempts recorded so far: " + message.attempts()))
                .heading("What to do")
                .paragraph(DeadlineAlertEmail.action(notice.stoppedBy()) + " It counts as missed in the quarter's figures.");
        link(letter, listUrl);
        return letter.to(to.email(), "Missed: answerphone message " + message.id() + " was due " + UkDates.timeOnDay(notice.dueAt()));
    }

    /** "(AP-LLR-2026-000001, about IMCA, from A.T.)": identifiers only. */
    private static String describe(AnswerphoneMessage message) {
        StringBuilder text = new StringBuilder("(").append(message.id());
        if (message.service() != null) {
            text.append(", about ").append(message.service().displayName());
        }
        if (!message.initials().isEmpty()) {
            text.append(", from ").append(String.join(".", message.initials().split(""))).append('.');
        }
        return text.append(')').toString();
    }

    private static void link(Letter letter, String listUrl) {
        if (listUrl != null) {
            letter.link("The open messages", listUrl);
        } else {
            letter.paragraph("The open messages are in the hub.");
        }
    }
}
