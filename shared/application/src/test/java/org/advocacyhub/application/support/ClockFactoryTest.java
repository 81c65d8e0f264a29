package org.advocacyhub.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which clock the use cases read: the system clock in AWS, a fixed or shifted one in tests, the movable one locally. */
class ClockFactoryTest {

    private final ClockFactory factory = new ClockFactory();

    @AfterEach
    void resetTheSharedClock() {
        LocalClockControl.shared().start(Duration.ZERO);
    }

    @Test
    void withNoSettingTheClockIsTheSystemClock() {
        assertEquals(Clock.systemUTC(), factory.clock("", "", ""));
        assertEquals(Clock.systemUTC(), factory.clock("", "", "false"));
    }

    @Test
    void hubClockMovableMakesEveryFunctionReadTheOneSharedMovableClock() {
        Clock clock = factory.clock("", "", "true");
        assertSame(LocalClockControl.shared().clock(), clock);

        LocalClockControl.shared().start(Duration.ofDays(1000));
        assertTrue(clock.instant().isAfter(Instant.now().plus(Duration.ofDays(999))), "moving the control moves the clock: " + clock.instant());
    }

    @Test
    void theSettingReachesTheClockBeanThroughMicronautProperties() {
        // HUB_CLOCK_MOVABLE in a function's environment is this property (run-local sets it, template.yaml never).
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of("hub.clock.movable", "true")).start()) {
            assertSame(LocalClockControl.shared().clock(), context.getBean(Clock.class));
        }
        try (ApplicationContext context = ApplicationContext.builder().properties(Map.of()).start()) {
            assertEquals(Clock.systemUTC(), context.getBean(Clock.class));
        }
    }

    @Test
    void aFixedOrShiftedClockStaysAsItWasForTests() {
        assertEquals(Instant.parse("2026-12-24T20:00:00Z"), factory.clock("2026-12-24T20:00:00Z", "", "").instant());
        assertTrue(factory.clock("", "P1000D", "").instant().isAfter(Instant.now().plus(Duration.ofDays(999))));
    }

    @Test
    void theMovableClockIsNeitherCombinedWithAnotherSettingNorReadFromAnythingButTrueOrFalse() {
        assertThrows(IllegalStateException.class, () -> factory.clock("2026-12-24T20:00:00Z", "", "true"));
        assertThrows(IllegalStateException.class, () -> factory.clock("", "P1D", "true"));
        assertThrows(IllegalStateException.class, () -> factory.clock("", "", "yes"));
    }
}
