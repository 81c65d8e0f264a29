package org.advocacyhub.application.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The one clock every use case reads. In AWS it is the system clock. The local stack and tests
 * move it: {@code hub.clock.fixed} stops it at an instant (tests); {@code hub.clock.offset} (an
 * ISO-8601 duration) shifts a ticking clock; {@code hub.clock.movable=true}
 * ({@code HUB_CLOCK_MOVABLE}), which only {@code ./run-local} sets and never template.yaml, makes it
 * the JVM's {@link LocalClockControl} clock, which {@code LOCAL_CLOCK} starts at another time and
 * {@code POST /_local/clock} moves forward.
 */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock(@Value("${hub.clock.fixed:}") String fixed, @Value("${hub.clock.offset:}") String offset,
                @Value("${hub.clock.movable:}") String movable) {
        boolean moves = switch (movable.strip()) {
            case "", "false" -> false;
            case "true" -> true;
            default -> throw new IllegalStateException("hub.clock.movable (HUB_CLOCK_MOVABLE) must be true or false");
        };
        if (moves) {
            if (!fixed.isBlank() || !offset.isBlank()) {
                throw new IllegalStateException("hub.clock.movable cannot be combined with hub.clock.fixed or hub.clock.offset: "
                        + "the movable clock's start is set by ./run-local (LOCAL_CLOCK)");
            }
            return LocalClockControl.shared().clock();
        }
        if (!fixed.isBlank()) {
            return Clock.fixed(Instant.parse(fixed), Clock.systemUTC().getZone());
        }
        if (!offset.isBlank()) {
            return Clock.offset(Clock.systemUTC(), Duration.parse(offset));
        }
        return Clock.systemUTC();
    }
}
