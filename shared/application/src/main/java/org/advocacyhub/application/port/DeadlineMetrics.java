package org.advocacyhub.application.port;

import java.time.Duration;
import org.advocacyhub.domain.referral.ServiceCode;

/** Operational metrics of deadlines (issue 9): a CloudWatch metric per missed deadline, with an alarm on it. */
public interface DeadlineMetrics {

    /** A deadline passed unmet, found {@code late} after it. Counted once per escalation. */
    void deadlineMissed(String contract, ServiceCode service, String clock, Duration late);
}
