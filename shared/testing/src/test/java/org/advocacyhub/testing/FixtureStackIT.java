package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.fixture.RecordingSqsHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The fixture template on the shared engines: environment resolution, functions behind API routes, the SQS event
 * source mapping (partial batch failures, errors, redrive) and schedules.
 */
@WithLocalAws
class FixtureStackIT {

    private static LocalAws fixture;

    @BeforeAll
    static void connect(AwsEndpoints endpoints) {
        fixture = LocalAws.connect(endpoints, Fixtures.template(), Map.of("SenderAddress", "hub@advocacy.test"));
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @BeforeEach
    void reset() {
        fixture.reset();
        RecordingSqsHandler.RECEIVED.clear();
        RecordingSqsHandler.RECORDS.clear();
    }

    @Test
    void environment_references_resolve_to_the_local_resources() {
        Map<String, String> environment = fixture.environment("EchoFunction");
        assertEquals("FixtureTable", environment.get("TABLE_NAME"));
        assertEquals(fixture.queueUrl("FixtureQueue"), environment.get("QUEUE_URL"));
        assertEquals("arn:aws:sqs:eu-west-2:000000000000:FixtureQueue", environment.get("QUEUE_ARN"));
        assertEquals("arn:aws:sqs:eu-west-2:000000000000:FixtureDeadLetterQueue", environment.get("DLQ_ARN"));
        assertEquals("hub@advocacy.test", environment.get("SENDER_ADDRESS"));
        assertEquals("hub-test", environment.get("STAGE_NAME"), "a parameter's template Default applies");
        assertEquals("arn:aws:dynamodb:eu-west-2:000000000000:table/FixtureTable/index/ByDue", environment.get("TABLE_ARN_INDEX"));
        assertEquals("a,test", environment.get("JOINED"));
        assertEquals("plain value", environment.get("PLAIN"));
        assertEquals("from-globals", environment.get("SHARED_SETTING"));
    }

    @Test
    void an_unresolvable_reference_names_the_function_and_the_variable() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> fixture.environment("BrokenEnvironmentFunction"));
        assertTrue(error.getMessage().contains("BrokenEnvironmentFunction"), error.getMessage());
        assertTrue(error.getMessage().contains("WRONG"), error.getMessage());
        assertTrue(error.getMessage().contains("NoSuchThing"), error.getMessage());
    }

    @Test
    void a_call_goes_through_the_route_and_its_authorizer_like_api_gateway() {
        APIGatewayProxyResponseEvent withoutToken = fixture.call(fixture.request("GET", "/items/7"));
        assertEquals(401, withoutToken.getStatusCode());
        assertEquals("Bearer realm=\"fixture\"", withoutToken.getHeaders().get("WWW-Authenticate"), "the template's gateway response");
        APIGatewayProxyResponseEvent withClaims = fixture.call(fixture.request("GET", "/items/7").claims(Map.of("sub", "u1")));
        assertEquals(200, withClaims.getStatusCode());
        assertEquals("GET /items/{id} table=FixtureTable", withClaims.getBody());
        assertEquals(200, fixture.call(fixture.request("GET", "/items/new")).getStatusCode(), "a public route");
        APIGatewayProxyResponseEvent nowhere = fixture.call(fixture.request("GET", "/nowhere"));
        assertEquals(403, nowhere.getStatusCode());
        assertEquals("https://fixture.example", nowhere.getHeaders().get("Access-Control-Allow-Origin"), "DEFAULT_4XX");
        assertEquals("MissingAuthenticationTokenException", nowhere.getHeaders().get("x-amzn-ErrorType"));
    }

    @Test
    void partial_batch_failures_keep_only_the_failed_message_until_it_reaches_the_dead_letter_queue() throws Exception {
        send("ok-1", "fail", "ok-2");
        SqsEventSourceMapping mapping = fixture.eventSource("ConsumerFunction");

        assertEquals(3, mapping.drainOnce());
        assertEquals(List.of("fail", "ok-1", "ok-2"), sorted(RecordingSqsHandler.RECEIVED));
        SQSEvent.SQSMessage record = RecordingSqsHandler.RECORDS.get(0);
        assertEquals("arn:aws:sqs:eu-west-2:000000000000:FixtureQueue", record.getEventSourceArn());
        assertEquals("aws:sqs", record.getEventSource());
        assertEquals("eu-west-2", record.getAwsRegion());
        assertEquals("1", record.getAttributes().get("ApproximateReceiveCount"));

        // The failed message comes back after the 1 s visibility timeout; the others were deleted.
        RecordingSqsHandler.RECEIVED.clear();
        awaitDrained(mapping, 1);
        assertEquals(List.of("fail"), RecordingSqsHandler.RECEIVED);

        // maxReceiveCount is 2: the next receive moves it to the dead-letter queue instead.
        assertEquals(List.of("fail"), awaitDeadLetters(1));
    }

    @Test
    void a_throwing_function_deletes_nothing_so_the_whole_batch_is_retried() throws Exception {
        send("boom");
        SqsEventSourceMapping mapping = fixture.eventSource("ConsumerFunction");
        SqsEventSourceMapping.BatchOutcome outcome = mapping.pollOnce(Duration.ofSeconds(1));
        assertEquals(1, outcome.received());
        assertEquals(0, outcome.deleted());
        assertTrue(outcome.error() instanceof IllegalStateException);
        awaitDrained(mapping, 1);
        assertEquals(List.of("boom"), awaitDeadLetters(1));
    }

    @Test
    void a_started_mapping_polls_by_itself() throws Exception {
        try (SqsEventSourceMapping mapping = fixture.eventSource("ConsumerFunction")) {
            mapping.start();
            send("ok-polled");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!RecordingSqsHandler.RECEIVED.contains("ok-polled") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertEquals(List.of("ok-polled"), RecordingSqsHandler.RECEIVED);
    }

    @Test
    void a_started_mapping_processes_batches_of_one_queue_in_parallel_on_several_instances() throws Exception {
        RecordingSqsHandler.hold = new java.util.concurrent.CountDownLatch(1);
        // A visibility timeout longer than the test: neither held message comes back to a poller while it waits.
        try (SqsEventSourceMapping mapping = fixture.eventSource("ConsumerFunction").retryingAfter(Duration.ofSeconds(60))
                .withPollers(2)) {
            mapping.start();
            send("hold-1");
            awaitHeld(List.of("hold-1"));
            send("hold-2");
            // The first poller is still inside the function with hold-1: only a second poller can bring hold-2 in.
            awaitHeld(List.of("hold-1", "hold-2"));
            RecordingSqsHandler.hold.countDown();
        } finally {
            RecordingSqsHandler.hold.countDown();
        }
        assertEquals(List.of("hold-1", "hold-2"), sorted(RecordingSqsHandler.RECEIVED));
        assertTrue(fixture.function("ConsumerFunction").peakConcurrency() >= 2, "two invocations at once");
    }

    private static void awaitHeld(List<String> bodies) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!RecordingSqsHandler.HELD.containsAll(bodies) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(java.util.Set.copyOf(bodies), java.util.Set.copyOf(RecordingSqsHandler.HELD), "held inside the function at once");
    }

    @Test
    void the_templates_schedule_invokes_its_function_with_the_input() {
        ScheduleRunnerTest.ManualClock clock = new ScheduleRunnerTest.ManualClock(Instant.parse("2026-03-28T12:00:00Z"));
        ScheduleRunner runner = fixture.schedules(clock);
        // cron(30 1 * * ? *) London: 01:30 does not exist on 29 March 2026, so the next run is 30 March 00:30Z.
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), runner.nextFiring("ConsumerFunction-Nightly").orElseThrow());
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-30T00:30:00Z")));
        assertEquals(1, runner.runDue().size());
        assertEquals(0, runner.runDue().size(), "fires once");
        assertEquals(List.of("schedule:nightly"), RecordingSqsHandler.RECEIVED);
    }

    private static void send(String... bodies) {
        for (String body : bodies) {
            fixture.sqs().sendMessage(b -> b.queueUrl(fixture.queueUrl("FixtureQueue")).messageBody(body));
        }
    }

    private static void awaitDrained(SqsEventSourceMapping mapping, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int handled = 0;
        while (handled < expected && System.nanoTime() < deadline) {
            handled += mapping.pollOnce(Duration.ofSeconds(1)).received();
        }
        assertEquals(expected, handled);
    }

    private static List<String> awaitDeadLetters(int expected) throws InterruptedException {
        String queueUrl = fixture.queueUrl("FixtureQueue");
        String dlqUrl = fixture.queueUrl("FixtureDeadLetterQueue");
        List<String> bodies = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bodies.size() < expected && System.nanoTime() < deadline) {
            // Redrive happens on a receive from the source queue once the message is visible again.
            List<Message> fromSource = fixture.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
            assertEquals(List.of(), fromSource.stream().map(Message::body).toList(), "nothing more for the consumer");
            fixture.sqs().receiveMessage(b -> b.queueUrl(dlqUrl).waitTimeSeconds(0)).messages().forEach(m -> bodies.add(m.body()));
        }
        return bodies;
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }
}
