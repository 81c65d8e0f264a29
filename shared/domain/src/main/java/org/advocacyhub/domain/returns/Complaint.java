package org.advocacyhub.domain.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * A complaint received, counted in the returns (LLR 17.5 and Appendix One: complaints received
 * each quarter; LEW Appendix 1: cases in the complaints process by stage 1, 2 or 3, and those
 * resolved by alternative dispute resolution, LEW 7.11).
 *
 * @param stage         the stage of the complaints procedure, 1 to 3
 * @param resolvedByAdr whether it was resolved by alternative dispute resolution, or {@code null} when not (yet) known
 * @param closed        the day it was closed, or {@code null} while open. Interpretation: issue 8's "closed" is kept
 *                      as the day, which says whether it is closed and also when (for the return's "progress on
 *                      ongoing enquiries", LLR Appendix One, and the retention below)
 * @param summary       brief details for the return (LLR Appendix One), naming no one; or {@code null}
 * @param formality     formal or informal (LLR 26.17: "the number of formal and informal complaints"); {@code null} for one
 *                      recorded before it was asked, reported as not given
 * @param progress      the progress of the enquiry or investigation (LLR 26.17: "details of progress on any ongoing
 *                      enquiries/investigations"), naming no one; or {@code null} until a manager records some
 * @param revision      1 when recorded, one more with each progress recorded: a change carries the revision it saw
 * @param progressBy    who recorded the latest progress, or {@code null}
 * @param progressAt    when, or {@code null}
 */
public record Complaint(String id, String contract, LocalDate received, ServiceCode service, int stage, Boolean resolvedByAdr,
                        LocalDate closed, String summary, String recordedBy, Instant recordedAt, Formality formality,
                        String progress, int revision, String progressBy, Instant progressAt) implements ReturnRecord {

    /** LLR 26.17: complaints are counted as formal or informal. */
    public enum Formality implements org.advocacyhub.domain.referral.Choice {
        FORMAL("Formal"),
        INFORMAL("Informal");

        private final String displayName;

        Formality(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** A complaint as first recorded, before any progress. */
    public Complaint(String id, String contract, LocalDate received, ServiceCode service, int stage, Boolean resolvedByAdr,
                     LocalDate closed, String summary, String recordedBy, Instant recordedAt, Formality formality) {
        this(id, contract, received, service, stage, resolvedByAdr, closed, summary, recordedBy, recordedAt, formality, null, 1, null,
                null);
    }

    /** A complaint recorded before formality was asked (tests and earlier records). */
    public Complaint(String id, String contract, LocalDate received, ServiceCode service, int stage, Boolean resolvedByAdr,
                     LocalDate closed, String summary, String recordedBy, Instant recordedAt) {
        this(id, contract, received, service, stage, resolvedByAdr, closed, summary, recordedBy, recordedAt, null);
    }

    public Complaint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (stage < 1 || stage > 3) {
            throw new IllegalArgumentException("a complaint's stage is 1, 2 or 3");
        }
        if (closed != null && closed.isBefore(received)) {
            throw new IllegalArgumentException("a complaint cannot close before it was received");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("a complaint's revision starts at 1");
        }
    }

    /** Whether it is still being dealt with. */
    public boolean open() {
        return closed == null;
    }

    /**
     * The complaint with progress recorded: its stage now, the day it closed if it has, whether alternative dispute
     * resolution resolved it, and what has happened, as one revision more.
     */
    public Complaint progressed(int stageNow, LocalDate closedOn, Boolean byAdr, String progressNow, String by, Instant at) {
        return new Complaint(id, contract, received, service, stageNow, byAdr, closedOn, summary, recordedBy, recordedAt, formality,
                progressNow, revision + 1, by, at);
    }

    /** Whether this already says what {@link #progressed} would make it say (the same progress sent again). */
    public boolean says(int stageNow, LocalDate closedOn, Boolean byAdr, String progressNow) {
        return stage == stageNow && Objects.equals(closed, closedOn) && Objects.equals(resolvedByAdr, byAdr)
                && Objects.equals(progress, progressNow);
    }

    @Override
    public Kind kind() {
        return Kind.COMPLAINT;
    }

    @Override
    public LocalDate date() {
        return received;
    }

    /**
     * LEW 14.3: three years. Interpretation: three years from the complaint's last event on record,
     * its closing day if closed, else the day it was received; the record may be deleted after.
     */
    @Override
    public Optional<LocalDate> keptUntil(org.advocacyhub.domain.retention.RetentionPolicy policy) {
        return Optional.of(policy.period(org.advocacyhub.domain.retention.RetainedKind.COMPLAINT)
                .keptUntil(closed != null ? closed : received, null));
    }
}
