package org.advocacyhub.application.mail;

import java.time.Instant;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Outbox.CaseOwner;
import org.advocacyhub.application.port.Outbox.Kind;
import org.advocacyhub.application.port.Outbox.MailId;
import org.advocacyhub.application.port.Outbox.OutboxMail;
import org.advocacyhub.domain.casework.ReferralCase;

/**
 * The outbox emails of a case, each with its deterministic key, written once: the same decision
 * gives the same key, so a decision saved twice (it cannot be: every case save is conditional on the
 * version it read) could not queue its email twice either.
 */
public final class OutboxMails {

    static final String DECISION_LETTER = "DECISION_LETTER#";

    private OutboxMails() {
    }

    /** The acknowledgement of a new referral (one per case). */
    public static OutboxMail acknowledgement(ReferralCase referral, Mail mail, Instant at) {
        return new OutboxMail(new MailId(new CaseOwner(referral.reference()), "ACKNOWLEDGEMENT"), Kind.ACKNOWLEDGEMENT,
                referral.reference().contract(), "The acknowledgement", "the referrer", mail, at);
    }

    /** The written decision made at {@code decidedAt} (LLR 6.10): one per decision. */
    public static OutboxMail decisionLetter(ReferralCase referral, Mail mail, Instant decidedAt) {
        return new OutboxMail(new MailId(new CaseOwner(referral.reference()), DECISION_LETTER + decidedAt), Kind.DECISION_LETTER,
                referral.reference().contract(), "The decision letter", "the referrer", mail, decidedAt);
    }

    /** The time of the decision a decision letter's id names. */
    static Instant decidedAt(MailId id) {
        if (!id.key().startsWith(DECISION_LETTER)) {
            throw new IllegalArgumentException("not a decision letter's id");
        }
        return Instant.parse(id.key().substring(DECISION_LETTER.length()));
    }

    /** The offer or decline to the council's referrer (DERBY 3.3.1), answered at {@code at}. */
    public static OutboxMail accommodationResponse(ReferralCase referral, Mail mail, Instant at) {
        return new OutboxMail(new MailId(new CaseOwner(referral.reference()), "ACCOMMODATION_RESPONSE#" + at),
                Kind.ACCOMMODATION_RESPONSE, referral.reference().contract(), "The " + referral.work().response().kind().displayName()
                .toLowerCase(java.util.Locale.UK), "the referrer", mail, at);
    }

    /** The email telling an advocate a case is theirs, allocated at {@code at}. */
    public static OutboxMail allocation(ReferralCase referral, String advocateId, String advocateName, Mail mail, Instant at) {
        return new OutboxMail(new MailId(new CaseOwner(referral.reference()), "ALLOCATION#" + at + "#" + advocateId), Kind.ALLOCATION,
                referral.reference().contract(), "The allocation email", advocateName, mail, at);
    }

    /** The email telling a duty manager that the update to the Council is due (LEW 8.9), decided at {@code at}. */
    public static OutboxMail hoursReview(ReferralCase referral, String staffId, String staffName, Mail mail, Instant at) {
        return new OutboxMail(new MailId(new CaseOwner(referral.reference()), "HOURS_REVIEW#" + at + "#" + staffId), Kind.HOURS_REVIEW,
                referral.reference().contract(), "The email that the update to the Council is due", staffName, mail, at);
    }

    /** Any owner's email with its key; for the alerts, whose keys are the alert's own. */
    public static OutboxMail of(Outbox.Owner owner, String key, Kind kind, String contract, String what, String recipient, Mail mail,
                                Instant at) {
        return new OutboxMail(new MailId(owner, key), kind, contract, what, recipient, mail, at);
    }
}
