package org.advocacyhub.domain.casework;

import java.time.Instant;
import org.advocacyhub.domain.eligibility.ScreeningDecision;

/**
 * A screening decision as recorded on the case: what was decided, when, and under which policy.
 * Staff re-screening replaces it; the timeline keeps every decision.
 */
public record ScreeningRecord(ScreeningDecision decision, Instant decidedAt, String policy) {
}
