package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    @Test
    void theStackStopsOnceItsParentIsKilledAndNotBefore() throws Exception {
        Process parent = new ProcessBuilder("sleep", "60").start();
        CountDownLatch stopped = new CountDownLatch(1);
        assertTrue(ParentWatch.stopWith(Map.of("LOCAL_PARENT_PID", Long.toString(parent.pid())), stopped::countDown));
        assertFalse(stopped.await(300, TimeUnit.MILLISECONDS), "not while the parent runs");
        parent.destroyForcibly();
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "stopped once the parent was killed");
    }

    @Test
    void aParentAlreadyGoneStopsItAtOnce() throws Exception {
        Process parent = new ProcessBuilder("true").start();
        parent.waitFor();
        AtomicInteger stops = new AtomicInteger();
        ParentWatch.stopWith(Map.of("LOCAL_PARENT_PID", Long.toString(parent.pid())), stops::incrementAndGet);
        assertEquals(1, stops.get());
    }

    @Test
    void withoutAParentNothingIsWatched() {
        AtomicInteger stops = new AtomicInteger();
        assertFalse(ParentWatch.stopWith(Map.of(), stops::incrementAndGet));
        assertEquals(0, stops.get());
    }

    @Test
    void aParentThatIsNotAProcessIdIsRefusedNamingTheSetting() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ParentWatch.stopWith(Map.of("LOCAL_PARENT_PID", "chaos"), () -> { }));
        assertTrue(refused.getMessage().contains("LOCAL_PARENT_PID"), refused.getMessage());
    }
}
