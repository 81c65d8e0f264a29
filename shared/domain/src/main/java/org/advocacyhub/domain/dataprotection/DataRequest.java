package org.advocacyhub.domain.dataprotection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A person's request about the data the hub holds on them (issue 22): to see it (UK GDPR Art. 15), to have it corrected
 * (Art. 16) or erased (Art. 17), recorded with the day it was received and the day it must be answered by, and, once a
 * manager has answered it, what was done or why it was refused.
 *
 * @param id          the request's id (a UUID: the same when its recording is sent again with one idempotency key)
 * @param name        the person's name as they gave it: with {@code dateOfBirth}, how their records are found
 * @param details     what they ask (for a correction or an erasure: what and why); may be empty for a subject access request
 * @param receivedOn  the day the hub received the request (UK date), from which the month runs
 * @param dueOn       the day it must be answered by ({@link #dueOn(LocalDate, WorkingCalendar)})
 * @param decision    what was done, or {@code null} while it is open
 * @param version     the stored version, for writes conditional on what the writer saw
 */
public record DataRequest(String id, Kind kind, String name, LocalDate dateOfBirth, String details, LocalDate receivedOn,
                          LocalDate dueOn, Instant recordedAt, String recordedBy, Decision decision, long version) {

    /** The clock of a request's due day, as the alert timer and the alert ledger name it. */
    public static final String CLOCK = "data-request";
    /** What a request's clock gives as its contract: none (a person's requests span contracts); no contract's digest lists it. */
    public static final String CLOCKS_CONTRACT = "DATA-PROTECTION";
    /** How many working days before the due day the duty managers are reminded. */
    public static final int REMINDER_WORKING_DAYS = 5;

    public DataRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(dueOn, "dueOn");
        details = details == null ? "" : details;
    }

    /** What the person asks for, with the article that gives them the right. */
    public enum Kind implements org.advocacyhub.domain.referral.Choice {
        ACCESS("Subject access", "UK GDPR Art. 15"),
        RECTIFICATION("Rectification", "UK GDPR Art. 16"),
        ERASURE("Erasure", "UK GDPR Art. 17");

        private final String displayName;
        private final String clause;

        Kind(String displayName, String clause) {
            this.displayName = displayName;
            this.clause = clause;
        }

        public String displayName() {
            return displayName;
        }

        public String clause() {
            return clause;
        }
    }

    /** How a request was answered. */
    public enum Outcome implements org.advocacyhub.domain.referral.Choice {
        /** A subject access request: the export was given to the person (third parties' data reviewed first). */
        ANSWERED("Answered: the person was given their data", List.of(Kind.ACCESS)),
        /** A correction made through the case's own forms, each with its reason on the case's timeline. */
        RECTIFIED("Corrected", List.of(Kind.RECTIFICATION)),
        /** Every case found anonymised, as retention anonymises (issue 22). */
        ERASED("Erased: the person's cases anonymised", List.of(Kind.ERASURE)),
        REFUSED("Refused", List.of(Kind.ACCESS, Kind.RECTIFICATION, Kind.ERASURE));

        private final String displayName;
        private final List<Kind> kinds;

        Outcome(String displayName, List<Kind> kinds) {
            this.displayName = displayName;
            this.kinds = kinds;
        }

        public String displayName() {
            return displayName;
        }

        public boolean answers(Kind kind) {
            return kinds.contains(kind);
        }
    }

    /** Why a request may be refused, with the provision that allows it, and the requests it can refuse. */
    public enum Ground implements org.advocacyhub.domain.referral.Choice {
        MANIFESTLY_UNFOUNDED_OR_EXCESSIVE("The request is manifestly unfounded or excessive", "UK GDPR Art. 12(5)",
                List.of(Kind.ACCESS, Kind.RECTIFICATION, Kind.ERASURE)),
        ACCURATE("The record is accurate: the right is to correct what is inaccurate", "UK GDPR Art. 16",
                List.of(Kind.RECTIFICATION)),
        LEGAL_OBLIGATION("The hub must keep the record to meet a legal obligation (the contract's retention period)",
                "UK GDPR Art. 17(3)(b)", List.of(Kind.ERASURE)),
        LEGAL_CLAIMS("The record is needed to establish, exercise or defend legal claims (e.g. a legal hold)", "UK GDPR Art. 17(3)(e)",
                List.of(Kind.ERASURE));

        private final String displayName;
        private final String clause;
        private final List<Kind> kinds;

        Ground(String displayName, String clause, List<Kind> kinds) {
            this.displayName = displayName;
            this.clause = clause;
            this.kinds = kinds;
        }

        public String displayName() {
            return displayName;
        }

        public String clause() {
            return clause;
        }

        public boolean refuses(Kind kind) {
            return kinds.contains(kind);
        }
    }

    /**
     * How it was answered.
     *
     * @param ground     why it was refused ({@code null} unless {@link Outcome#REFUSED})
     * @param note       what was done or told, in the manager's words
     * @param references the cases it acted on (an erasure: those anonymised; a correction: those corrected)
     */
    public record Decision(Outcome outcome, Ground ground, String note, Instant at, String by, List<String> references) {
        public Decision {
            Objects.requireNonNull(outcome, "outcome");
            references = List.copyOf(references);
        }
    }

    public boolean open() {
        return decision == null;
    }

    public DataRequest decided(Decision made) {
        return new DataRequest(id, kind, name, dateOfBirth, details, receivedOn, dueOn, recordedAt, recordedBy, made, version);
    }

    public DataRequest nextVersion() {
        return new DataRequest(id, kind, name, dateOfBirth, details, receivedOn, dueOn, recordedAt, recordedBy, decision, version + 1);
    }

    /** The end of the due day (17:00 London, the working day's end): after it the duty managers get the escalation. */
    public Instant dueAt() {
        return dueOn.atTime(WorkingCalendar.WORKING_DAY_ENDS).atZone(WorkingCalendar.ZONE).toInstant();
    }

    /**
     * When the duty managers are reminded ("before it falls due", issue 22). Interpretation: at the start (09:00 London) of the
     * fifth working day before the due day, time enough to gather and review an export; a request recorded later than that
     * (received late, or recorded late) is reminded of at once.
     */
    public Instant reminderAt(WorkingCalendar calendar) {
        LocalDate day = dueOn;
        for (int counted = 0; counted < REMINDER_WORKING_DAYS; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        Instant at = day.atTime(WorkingCalendar.WORKING_DAY_STARTS).atZone(WorkingCalendar.ZONE).toInstant();
        return recordedAt != null && at.isBefore(recordedAt) ? recordedAt : at;
    }

    /**
     * The day a request received on {@code receivedOn} must be answered by: UK GDPR Art. 12(3), "within one month of receipt".
     * Interpretation (the ICO's guidance on the time limit): the month runs from the day of receipt to the corresponding
     * calendar date of the next month; when the next month has no such date (31 January), the last day of that month
     * (28 or 29 February); when that day is a weekend or bank holiday, the next working day. The extension by two further
     * months for complex requests (Art. 12(3)) is not modelled: a manager who extends tells the person, and the request stays
     * due on its first date here, so the duty manager is still reminded.
     */
    public static LocalDate dueOn(LocalDate receivedOn, WorkingCalendar calendar) {
        LocalDate due = receivedOn.plusMonths(1); // plusMonths keeps the day, or takes the month's last day
        return calendar.isWorkingDay(due) ? due : calendar.nextWorkingDay(due);
    }
}
