package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * How and when a case closed.
 *
 * @param summary what was done and achieved, for staff and the returns' outcome summaries (LLR 26.17)
 * @param by      the staff id who closed it
 */
public record Closure(ClosureReason reason, Instant at, String by, String summary) {

    public Closure {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(summary, "summary");
    }
}
