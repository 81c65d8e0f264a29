package org.advocacyhub.application.port;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralReference;

/**
 * One alert to send (issue 9), as the allocation timer puts it on the reminder queue and as the
 * alert ledger records it: what identifies it is all a message carries, and the sender reads the
 * rest from the table when it sends.
 */
public sealed interface Alert permits Alert.Deadline, Alert.Callback, Alert.ReportDue, Alert.DataRequestDue, Alert.CaseStudiesDue,
        Alert.Digest {

    /** A clock's reminder or escalation for one due time. A deadline that moved (paused and resumed) is a new alert. */
    record Deadline(ReferralReference reference, String clock, DeadlineAlerts.Kind kind, Instant dueAt) implements Alert {
        public Deadline {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** An answerphone message's callback reminder or escalation (LLR 9.23, issue 10). */
    record Callback(String messageId, DeadlineAlerts.Kind kind, Instant dueAt) implements Alert {
        public Callback {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** A contract's quarterly report deadline's reminder or escalation (LLR 26.12, LEW 17.3; issue 11). */
    record ReportDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, DeadlineAlerts.Kind kind, Instant dueAt)
            implements Alert {
        public ReportDue {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(quarter, "quarter");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** A data protection request's reminder or escalation (issue 22; UK GDPR Art. 12(3): one month). */
    record DataRequestDue(String requestId, DeadlineAlerts.Kind kind, Instant dueAt) implements Alert {
        public DataRequestDue {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /**
     * The reminder that a contract's case studies or service summaries of a quarter were not all written by their due time
     * (issue 23: LLR 26.16, Appendix One; LEW 17.2): one per contract and quarter, to the duty managers.
     */
    record CaseStudiesDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, Instant dueAt) implements Alert {
        public CaseStudiesDue {
            Objects.requireNonNull(contract, "contract");
            Objects.requireNonNull(quarter, "quarter");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** The kind of a deadline, callback, report or data request alert; {@code null} for a digest or a case studies reminder. */
    default DeadlineAlerts.Kind kindOrNull() {
        return this instanceof Deadline d ? d.kind() : this instanceof Callback c ? c.kind() : this instanceof ReportDue r ? r.kind()
                : this instanceof DataRequestDue q ? q.kind() : null;
    }

    /** One duty manager's daily digest for one London day. */
    record Digest(LocalDate day, String staffId) implements Alert {
        public Digest {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(staffId, "staffId");
        }
    }
}
