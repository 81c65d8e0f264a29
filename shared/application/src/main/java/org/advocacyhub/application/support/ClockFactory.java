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
 * ISO-8601 duration) shifts a ticking clock, which is how {@code LOCAL_CLOCK} starts
 * {@code ./run-local} at another time.
 */
@Factory
public class ClockFactory {

    @Singleton
    Clock clock(@Value("${hub.clock.fixed:}") String fixed, @Value("${hub.clock.offset:}") String offset) {
        if (!fixed.isBlank()) {
            return Clock.fixed(Instant.parse(fixed), Clock.systemUTC().getZone());
        }
        if (!offset.isBlank()) {
            return Clock.offset(Clock.systemUTC(), Duration.parse(offset));
        }
        return Clock.systemUTC();
    }
}
