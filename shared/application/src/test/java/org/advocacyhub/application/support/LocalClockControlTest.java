package org.advocacyhub.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The local stack's movable clock (issue 9 item 5): one offset, read by every clock it hands out, moved forward only. */
class LocalClockControlTest {

    private static final Instant REAL_NOW = Instant.parse("2026-11-23T10:00:00Z");

    /** A base clock the test moves by hand, standing in for the system clock ticking. */
    private static final class Ticking extends Clock {
        private volatile Instant now = REAL_NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void startingAtAnOffsetShiftsTheClockForwardOrBackAndItTicksWithTheSystemClock() {
        Ticking base = new Ticking();
        LocalClockControl control = new LocalClockControl(base);
        assertEquals(REAL_NOW, control.now(), "no offset until started");

        control.start(Duration.ofDays(-3));
        assertEquals(REAL_NOW.minus(Duration.ofDays(3)), control.clock().instant(), "LOCAL_CLOCK may start it in the past");
        base.now = REAL_NOW.plusSeconds(90);
        assertEquals(REAL_NOW.minus(Duration.ofDays(3)).plusSeconds(90), control.now());
        assertEquals(Duration.ofDays(-3), control.offset());
    }

    @Test
    void advancingMovesEveryClockAlreadyHandedOutIncludingItsZonedViews() {
        LocalClockControl control = new LocalClockControl(new Ticking());
        Clock handedOut = control.clock();
        Clock london = handedOut.withZone(ZoneId.of("Europe/London"));

        LocalClockControl.Move move = control.advance(Duration.ofHours(26));

        Instant moved = REAL_NOW.plus(Duration.ofHours(26));
        assertEquals(new LocalClockControl.Move(REAL_NOW, moved, Duration.ofHours(26)), move);
        assertEquals(moved, handedOut.instant());
        assertEquals(moved, london.instant());
        assertEquals(ZoneId.of("Europe/London"), london.getZone());
        assertSame(handedOut, control.clock(), "one clock, not a copy per reader");
    }

    @Test
    void movingToAnInstantSetsTheTimeExactlyAndLaterMovesAddUp() {
        LocalClockControl control = new LocalClockControl(new Ticking());
        control.start(Duration.ofHours(1));
        Instant to = Instant.parse("2026-12-31T17:01:00Z");

        LocalClockControl.Move move = control.moveTo(to);

        assertEquals(REAL_NOW.plus(Duration.ofHours(1)), move.from());
        assertEquals(to, move.to());
        assertEquals(Duration.between(REAL_NOW, to), move.offset());
        assertEquals(to, control.now());
        assertEquals(to.plus(Duration.ofMinutes(5)), control.advance(Duration.ofMinutes(5)).to());
    }

    @Test
    void theClockNeverMovesBackwardsNorStandsStill() {
        LocalClockControl control = new LocalClockControl(new Ticking());
        control.advance(Duration.ofDays(2));
        Instant now = control.now();

        IllegalArgumentException back = assertThrows(IllegalArgumentException.class, () -> control.moveTo(now.minusSeconds(1)));
        assertTrue(back.getMessage().startsWith("To must be later than the local clock's time now"), back.getMessage());
        assertTrue(back.getMessage().contains("forward only"), back.getMessage());
        assertThrows(IllegalArgumentException.class, () -> control.moveTo(now), "the same time is no move");
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> control.advance(Duration.ofHours(-1)));
        assertTrue(negative.getMessage().contains("positive"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> control.advance(Duration.ZERO));
        assertEquals(now, control.now(), "a refused move leaves the clock where it was");
    }

    @Test
    void oneMoveGoesAtMostAYearAndADay() {
        LocalClockControl control = new LocalClockControl(new Ticking());
        assertThrows(IllegalArgumentException.class, () -> control.advance(LocalClockControl.LONGEST_MOVE.plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> control.moveTo(REAL_NOW.plus(LocalClockControl.LONGEST_MOVE).plusSeconds(1)));
        assertEquals(REAL_NOW, control.now());
        assertEquals(REAL_NOW.plus(LocalClockControl.LONGEST_MOVE), control.advance(LocalClockControl.LONGEST_MOVE).to());
    }

    @Test
    void theSharedControlIsOneForTheWholeJvm() {
        assertSame(LocalClockControl.shared(), LocalClockControl.shared());
        assertSame(LocalClockControl.shared().clock(), LocalClockControl.shared().clock());
    }
}
