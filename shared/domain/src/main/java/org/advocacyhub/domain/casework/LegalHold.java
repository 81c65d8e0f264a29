package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;
import org.advocacyhub.domain.referral.Choice;

/**
 * A case kept past its retention period because something still needs it (issue 22): a manager sets it with its reason and
 * lifts it when that is over. While it holds, nothing of the case is anonymised, whatever its retention period says.
 *
 * @param reason  why the case is held
 * @param details what it is about, for the managers (a complaint's reference, the enquiry)
 * @param by      the manager's staff id
 * @param at      when it was set
 */
public record LegalHold(Reason reason, String details, String by, Instant at) {

    /** Why a case is held (issue 22). */
    public enum Reason implements Choice {
        COMPLAINT("A complaint about the case"),
        SAFEGUARDING_ENQUIRY("A safeguarding enquiry"),
        LITIGATION("Litigation, or a claim that may come");

        private final String displayName;

        Reason(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    public LegalHold {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
