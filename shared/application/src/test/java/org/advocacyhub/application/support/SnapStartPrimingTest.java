package org.advocacyhub.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    @Test
    void before_the_snapshot_every_primer_and_then_the_priming_event_run() {
        List<String> ran = new ArrayList<>();
        SnapStartPriming.Primer table = () -> ran.add("table");
        try (ApplicationContext context = ApplicationContext.builder().singletons(table).start()) {
            SnapStartPriming priming = new SnapStartPriming("TestHandler", context, () -> ran.add("event"));

            priming.beforeCheckpoint(null);

            assertEquals(List.of("table", "event"), ran);
        }
    }

    @Test
    void a_failing_step_is_counted_and_never_stops_the_others_nor_the_snapshot() {
        List<String> ran = new ArrayList<>();
        SnapStartPriming.Primer refused = () -> {
            throw new IllegalStateException("access denied");
        };
        try (ApplicationContext context = ApplicationContext.builder().singletons(refused).start()) {
            SnapStartPriming priming = new SnapStartPriming("TestHandler", context, () -> ran.add("event"));

            int failed = priming.prime();

            assertEquals(1, failed);
            assertTrue(ran.contains("event"));
        }
    }

    @Test
    void registering_on_a_jvm_without_crac_is_harmless() {
        try (ApplicationContext context = ApplicationContext.builder().start()) {
            SnapStartPriming priming = SnapStartPriming.register("TestHandler", context, () -> { });

            assertEquals(0, priming.prime());
        }
    }
}
