package org.advocacyhub.domain.contract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number of advocacy hours on one case at which something must happen.
 *
 * @param kind   what happens
 * @param hours  the threshold (positive)
 * @param clause where it comes from
 */
public record HourThreshold(Kind kind, BigDecimal hours, String clause) {

    /** What happens at the threshold. */
    public enum Kind {
        /** Send the council an update when a case reaches the hours (LEW 8.9, 7.3). */
        REVIEW,
        /** No more hours without the Service Manager's approval (LEW 7.2, 7.3, 8.11). */
        CAP,
        /** The cap for child protection conference cases (LEW 7.16). */
        CONFERENCE_CAP,
        /** Requests to go beyond the hours are recorded with reasons and reported (LLR 26.17). */
        RECORD_REQUESTS_OVER
    }

    public HourThreshold {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(clause, "clause");
        if (hours.signum() <= 0) {
            throw new IllegalArgumentException("hours must be positive: " + hours);
        }
    }
}
