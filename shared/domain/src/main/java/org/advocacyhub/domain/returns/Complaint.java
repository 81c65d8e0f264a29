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
 */
public record Complaint(String id, String contract, LocalDate received, ServiceCode service, int stage, Boolean resolvedByAdr,
                        LocalDate closed, String summary, String recordedBy, Instant recordedAt) implements ReturnRecord {

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
