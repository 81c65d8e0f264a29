package org.advocacyhub.domain.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * A compliment received about a service (LLR Appendix One: complaints and compliments received
 * each quarter, with brief details).
 *
 * @param summary brief details for the return, naming no one; or {@code null}
 */
public record Compliment(String id, String contract, LocalDate received, ServiceCode service, String summary, String recordedBy,
                         Instant recordedAt) implements ReturnRecord {

    public Compliment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public Kind kind() {
        return Kind.COMPLIMENT;
    }

    @Override
    public LocalDate date() {
        return received;
    }

    /**
     * Interpretation: LEW 14.3 keeps "all records regarding complaints" three years; compliments
     * are reported beside complaints (LLR Appendix One) and are kept the same three years from
     * receipt, then may be deleted.
     */
    @Override
    public Optional<LocalDate> keptUntil(org.advocacyhub.domain.retention.RetentionPolicy policy) {
        return Optional.of(policy.period(org.advocacyhub.domain.retention.RetainedKind.COMPLIMENT).keptUntil(received, null));
    }
}
