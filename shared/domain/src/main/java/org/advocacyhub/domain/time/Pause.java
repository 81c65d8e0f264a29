package org.advocacyhub.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A period during which an SLA clock did not run, e.g. while the hub waited for the decision maker
 * to confirm an instruction (LLR 5.57-5.58) or for missing information (LLR 9.41). Kept on the clock
 * so that reports can show why a deadline moved.
 *
 * @param start  when the pause began
 * @param end    when the clock resumed; {@code null} while the pause is open
 * @param reason why, in words a commissioner can read (no personal data)
 */
public record Pause(Instant start, Instant end, String reason) {

    public Pause {
        Objects.requireNonNull(start, "start");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a pause needs a reason");
        }
        if (end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("a pause cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** An open pause starting at {@code start}. */
    public static Pause from(Instant start, String reason) {
        return new Pause(start, null, reason);
    }

    public boolean isOpen() {
        return end == null;
    }

    /** The end, if the clock has resumed. */
    public Optional<Instant> ended() {
        return Optional.ofNullable(end);
    }

    /** This pause ended at {@code at}. */
    public Pause endedAt(Instant at) {
        if (!isOpen()) {
            throw new IllegalStateException("pause already ended at " + end);
        }
        return new Pause(start, at, reason);
    }

    /** Elapsed length; an open pause counts up to {@code now}. */
    public Duration length(Instant now) {
        Instant until = isOpen() ? now : end;
        return until.isAfter(start) ? Duration.between(start, until) : Duration.ZERO;
    }
}
