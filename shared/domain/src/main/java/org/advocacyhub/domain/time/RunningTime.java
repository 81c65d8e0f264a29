package org.advocacyhub.domain.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The arithmetic of clocks that stop while paused, shared by every {@link SlaRule} (the definition
 * is written once, on {@link SlaRule}).
 */
final class RunningTime {

    private RunningTime() {
    }

    /**
     * A stretch during which the clock ran: from {@code from} to {@code to}, or for ever when
     * {@code to} is null.
     */
    record Segment(Instant from, Instant to) {
        boolean reaches(Instant instant) {
            return to == null || !instant.isAfter(to);
        }
    }

    /** The stretches between the pauses. */
    static List<Segment> segments(Instant start, List<Pause> pauses) {
        Objects.requireNonNull(start, "start");
        List<Segment> running = new ArrayList<>();
        Instant cursor = start;
        for (int i = 0; i < pauses.size(); i++) {
            Pause pause = pauses.get(i);
            if (pause.start().isBefore(cursor)) {
                throw new IllegalArgumentException("pause " + i + " starts at " + pause.start()
                        + ", before the clock started or the previous pause ended (" + cursor + ")");
            }
            running.add(new Segment(cursor, pause.start()));
            if (pause.isOpen()) {
                if (i != pauses.size() - 1) {
                    throw new IllegalArgumentException("only the last pause may be open; pause " + i + " is open");
                }
                return running;
            }
            cursor = pause.end();
        }
        running.add(new Segment(cursor, null));
        return running;
    }

    /**
     * The {@code n}th tick counted while running. Ticks inside a pause (after it began, up to and
     * including its end) do not count; a tick at the very instant a pause begins does.
     */
    static Optional<Instant> nthRunningTick(Instant start, List<Pause> pauses, long n, UnaryOperator<Instant> nextTickAfter) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        long counted = 0;
        for (Segment segment : segments(start, pauses)) {
            for (Instant tick = nextTickAfter.apply(segment.from()); segment.reaches(tick); tick = nextTickAfter.apply(tick)) {
                counted++;
                if (counted == n) {
                    return Optional.of(tick);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest instant at which {@code amount} of measured time has passed while running.
     *
     * @param measure  the measured time between two instants
     * @param advance  the earliest instant at which {@code amount} of measured time has passed since a start
     */
    static Optional<Instant> whenRunningTimeReaches(Instant start, List<Pause> pauses, Duration amount,
            BiFunction<Instant, Instant, Duration> measure, BiFunction<Instant, Duration, Instant> advance) {
        Duration remaining = amount;
        for (Segment segment : segments(start, pauses)) {
            if (segment.to() == null) {
                return Optional.of(advance.apply(segment.from(), remaining));
            }
            Duration available = measure.apply(segment.from(), segment.to());
            if (remaining.compareTo(available) <= 0) {
                return Optional.of(advance.apply(segment.from(), remaining));
            }
            remaining = remaining.minus(available);
        }
        return Optional.empty();
    }
}
