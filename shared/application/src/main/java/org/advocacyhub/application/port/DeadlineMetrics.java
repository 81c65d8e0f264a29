package org.advocacyhub.application.port;

import java.time.Duration;

/** Operational metrics of deadlines (issue 9): a CloudWatch metric per missed deadline, with an alarm on it. */
public interface DeadlineMetrics {

    /** What a missed answerphone callback (LLR 9.23) is counted under when the caller named no service. */
    String ANSWERPHONE = "ANSWERPHONE";

    /**
     * A deadline passed unmet, found {@code late} after it. Counted once per escalation.
     *
     * @param service a service code, or {@link #ANSWERPHONE} for a callback that named none
     */
    void deadlineMissed(String contract, String service, String clock, Duration late);
}
