package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.advocacyhub.testing.fixture.EchoHandler;
import org.advocacyhub.testing.fixture.Gate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A function is a pool of single-threaded instances, as Lambda runs it: calls overlap on separate instances, an
 * instance never serves two calls at once, the maximum concurrency holds, and a call made alone meets the warm instance.
 * Invocations are held at a {@link Gate} the test opens, so nothing here depends on how long anything takes.
 */
class FunctionInvokerPoolTest {

    private static final AwsEndpoints ENDPOINTS = AwsEndpoints.of(URI.create("http://127.0.0.1:1001"),
            URI.create("http://127.0.0.1:1002"), URI.create("http://127.0.0.1:1003"));
    private static final Map<String, String> ENVIRONMENT = Map.of("TABLE_NAME", "FixtureTable");

    private final SamTemplate template = Fixtures.template();
    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void two_calls_held_inside_the_handler_run_at_the_same_time_on_two_instances() throws Exception {
        try (FunctionInvoker echo = FunctionInvoker.create(template, "EchoFunction", ENVIRONMENT, ENDPOINTS, 4)) {
            Gate gate = new Gate();
            Future<Object> first = callers.submit(() -> echo.invoke(gate));
            Future<Object> second = callers.submit(() -> echo.invoke(gate));

            awaitUntil(() -> gate.inside() == 2, "both calls inside the handler at once");
            assertEquals(2, gate.entered().size(), "each on its own instance");
            assertEquals(2, echo.instanceCount(), "one cold start for the second call");
            gate.open();

            assertEquals("passed", first.get());
            assertEquals("passed", second.get());
            assertEquals(2, echo.peakConcurrency());
        }
    }

    @Test
    void calls_beyond_the_maximum_wait_for_an_instance_and_reuse_it_warm() throws Exception {
        try (FunctionInvoker echo = FunctionInvoker.create(template, "EchoFunction", ENVIRONMENT, ENDPOINTS, 2)) {
            Gate gate = new Gate();
            List<Future<Object>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(callers.submit(() -> echo.invoke(gate)));
            }

            awaitUntil(() -> gate.inside() == 2 && echo.waitingCount() == 1, "two calls inside, the third waiting");
            assertEquals(2, echo.instanceCount(), "no instance beyond the maximum of 2");
            gate.open();
            for (Future<Object> call : calls) {
                assertEquals("passed", call.get());
            }

            assertEquals(3, gate.passed());
            assertEquals(2, echo.instanceCount(), "the third call reused an instance the others left");
            assertEquals(2, echo.peakConcurrency());
        }
    }

    @Test
    void an_instance_is_never_entered_by_two_threads_at_once_under_load() throws Exception {
        int overlapsBefore = EchoHandler.OVERLAPS.get();
        try (FunctionInvoker echo = FunctionInvoker.create(template, "EchoFunction", ENVIRONMENT, ENDPOINTS, 3)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                calls.add(callers.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        assertEquals("echo", echo.invoke("call " + i));
                    }
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
            assertEquals(overlapsBefore, EchoHandler.OVERLAPS.get(), "no instance ran two calls at once");
            assertTrue(echo.instanceCount() <= 3, "at most 3 instances: " + echo.instanceCount());
            assertTrue(echo.peakConcurrency() <= 3, "at most 3 calls at once: " + echo.peakConcurrency());
        }
    }

    @Test
    void calls_made_one_after_another_meet_the_first_warm_instance_even_after_a_cold_start() throws Exception {
        try (FunctionInvoker echo = FunctionInvoker.create(template, "EchoFunction", ENVIRONMENT, ENDPOINTS, 4)) {
            EchoHandler warm = (EchoHandler) echo.handler();
            Gate gate = new Gate();
            Future<Object> held = callers.submit(() -> echo.invoke(gate));
            Future<Object> other = callers.submit(() -> echo.invoke(gate));
            awaitUntil(() -> gate.inside() == 2, "two calls inside");
            gate.open();
            held.get();
            other.get();

            for (int i = 0; i < 3; i++) {
                echo.invoke("alone " + i);
                assertEquals("alone " + i, warm.lastEvent, "the warm instance served it");
            }
            assertSame(warm, echo.handler());
            assertEquals(2, echo.instanceCount());
        }
    }

    @Test
    void closing_closes_every_instance_and_refuses_further_calls() throws Exception {
        FunctionInvoker echo = FunctionInvoker.create(template, "EchoFunction", ENVIRONMENT, ENDPOINTS, 2);
        Gate gate = new Gate();
        Future<Object> first = callers.submit(() -> echo.invoke(gate));
        Future<Object> second = callers.submit(() -> echo.invoke(gate));
        awaitUntil(() -> gate.inside() == 2, "two calls inside");
        List<EchoHandler> instances = List.copyOf(gate.entered());
        gate.open();
        first.get();
        second.get();

        echo.close();

        for (EchoHandler instance : instances) {
            assertFalse(instance.context().isRunning(), "each instance's application context is closed");
        }
        assertThrows(IllegalStateException.class, () -> echo.invoke("late"));
    }

    @Test
    void a_maximum_below_one_is_refused() {
        assertThrows(IllegalArgumentException.class,
                () -> FunctionInvoker.create(template, "EchoFunction", ENVIRONMENT, ENDPOINTS, 0));
    }

    /** Waits for a state other threads reach; fails (after a minute, a guard against hanging) if they never do. */
    private static void awaitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Never reached: " + what);
            }
            Thread.sleep(5);
        }
    }
}
