package org.advocacyhub.application.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local stack's movable clock: the system clock plus one offset that every reader of {@link #clock()} shares, so
 * that moving it moves the time of every function {@code ./run-local} runs in its JVM, and of its schedules, at once.
 * {@code ./run-local} alone uses it ({@code hub.clock.movable=true}, set by the local stack, never by template.yaml):
 * in AWS every function reads the system clock ({@link ClockFactory}).
 *
 * <p>The clock ticks; {@link #advance} and {@link #moveTo} jump it forward. It never moves backwards once started:
 * records, clocks and schedules already stamped with a later time would then lie in the future, and a schedule
 * would fire twice for one time.
 */
public final class LocalClockControl {

    /** The longest single move: a year's deadlines can be walked through; further in several moves. */
    public static final Duration LONGEST_MOVE = Duration.ofDays(366);

    /** The one control of this JVM: what {@code hub.clock.movable} and the local gateway share. */
    private static final LocalClockControl SHARED = new LocalClockControl(Clock.systemUTC());

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final Clock clock;

    /** A control over {@code base} (the system clock, or a fixed clock in tests), starting with no offset. */
    public LocalClockControl(Clock base) {
        this.base = Objects.requireNonNull(base);
        this.clock = new Movable(ZoneOffset.UTC);
    }

    /** The control every function of this JVM reads when {@code hub.clock.movable} is set. */
    public static LocalClockControl shared() {
        return SHARED;
    }

    /** The movable clock (UTC): the base clock plus the offset at the moment it is read. */
    public Clock clock() {
        return clock;
    }

    /** The time by the movable clock now. */
    public Instant now() {
        return clock.instant();
    }

    /** How far the movable clock is from the base clock now. */
    public Duration offset() {
        return offset.get();
    }

    /**
     * Sets the offset, forward or back, as the stack starts (e.g. {@code LOCAL_CLOCK}): nothing has read the clock
     * yet, so nothing can be stamped later.
     */
    public synchronized void start(Duration startingOffset) {
        offset.set(Objects.requireNonNull(startingOffset));
    }

    /** One move: the time before and after it, and the offset it left. */
    public record Move(Instant from, Instant to, Duration offset) {
    }

    /**
     * Moves the clock forward by {@code by}, a positive duration of at most {@link #LONGEST_MOVE}.
     *
     * @throws IllegalArgumentException when {@code by} is zero, negative or too long; the clock has not moved
     */
    public synchronized Move advance(Duration by) {
        if (by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("Advance must be a positive duration, like PT26H: the local clock moves forward only");
        }
        if (by.compareTo(LONGEST_MOVE) > 0) {
            throw new IllegalArgumentException("Advance must be at most " + LONGEST_MOVE.toDays() + " days (" + LONGEST_MOVE
                    + ") in one move");
        }
        Instant baseNow = base.instant();
        Duration before = offset.get();
        Duration after = before.plus(by);
        offset.set(after);
        return new Move(baseNow.plus(before), baseNow.plus(after), after);
    }

    /**
     * Moves the clock forward to {@code to}, which must be later than the clock now and at most
     * {@link #LONGEST_MOVE} after it.
     *
     * @throws IllegalArgumentException when {@code to} is not later than now, or too far ahead; the clock has not moved
     */
    public synchronized Move moveTo(Instant to) {
        Instant baseNow = base.instant();
        Duration before = offset.get();
        Instant from = baseNow.plus(before);
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("To must be later than the local clock's time now, " + from
                    + ": the local clock moves forward only (restart ./run-local to go back)");
        }
        if (Duration.between(from, to).compareTo(LONGEST_MOVE) > 0) {
            throw new IllegalArgumentException("To must be at most " + LONGEST_MOVE.toDays() + " days after the local clock's time now, "
                    + from + ": move further in several moves");
        }
        Duration after = Duration.between(baseNow, to);
        offset.set(after);
        return new Move(from, to, after);
    }

    /** The movable clock in a zone; every zone's view reads the same offset. */
    private final class Movable extends Clock {
        private final ZoneId zone;

        Movable(ZoneId zone) {
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return other.equals(zone) ? this : new Movable(other);
        }

        @Override
        public Instant instant() {
            return base.instant().plus(offset.get());
        }

        @Override
        public String toString() {
            return "LocalClockControl.Movable[" + base + " + " + offset.get() + ", " + zone + "]";
        }
    }
}
