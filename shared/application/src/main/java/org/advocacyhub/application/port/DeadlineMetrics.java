package org.advocacyhub.application.port;

import java.time.Duration;

/** Operational metrics of deadlines (issue 9): a CloudWatch metric per missed deadline, with an alarm on it. */
public interface DeadlineMetrics {

    /** What a missed answerphone callback (LLR 9.23) is counted under when the caller named no service. */
    String ANSWERPHONE = "ANSWERPHONE";

    /** What a missed quarterly report deadline (LLR 26.12, LEW 17.3) is counted under: it is the contract's, not a service's. */
    String REPORT = "REPORT";

    /**
     * A deadline passed unmet, found {@code late} after it. Counted once per escalation.
     *
     * @param service a service code, or {@link #ANSWERPHONE} for a callback that named none, {@link #REPORT} for a quarterly report
     */
    void deadlineMissed(String contract, String service, String clock, Duration late);

    /**
     * An email the hub sent bounced (issue 24): the metric {@code LettersBounced}, by contract and the email's kind
     * (codes only). Nothing by default: only the functions that hear of bounces record it.
     */
    default void letterBounced(String contract, String kind) {
    }
}
