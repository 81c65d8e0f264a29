package org.advocacyhub.domain.contract;

import java.time.Duration;

/**
 * How long a contract keeps what callers leave on the answerphone (issue 10): their name, number,
 * email and message are personal data, kept for {@code retentionDays} after the message was left
 * and then deleted; the figures the returns need are kept without them.
 *
 * @param retentionDays how long caller details are kept, 1 to 3,660 days
 * @param clause        the contract's data protection clause it follows, or {@code null} for the hub's default
 *                      when the contract file says nothing
 */
public record AnswerphoneTerms(int retentionDays, String clause) {

    /** Kept this long when a contract with an answerphone clock says nothing (issue 10). */
    public static final int DEFAULT_RETENTION_DAYS = 90;

    public AnswerphoneTerms {
        if (retentionDays < 1 || retentionDays > 3660) {
            throw new IllegalArgumentException("retentionDays must be 1 to 3660: " + retentionDays);
        }
    }

    public Duration retention() {
        return Duration.ofDays(retentionDays);
    }
}
