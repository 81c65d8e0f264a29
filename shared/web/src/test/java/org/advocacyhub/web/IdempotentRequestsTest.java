package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.advocacyhub.application.support.LocalClockControl;
import org.junit.jupiter.api.Test;

/** Issue 19: a staff write sent again under its key is done once and answered as the first time. */
class IdempotentRequestsTest {

    /** The clock the test moves on (the local stack's own movable clock). */
    private final LocalClockControl clock = new LocalClockControl(Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
    private final InMemoryRequestLedger ledger = new InMemoryRequestLedger();
    private final IdempotentRequests idempotency = new IdempotentRequests(ledger, clock.clock());
    /** The request ids the handler was run with, one per run. */
    private final List<String> runs = new ArrayList<>();

    @Test
    void theSameKeyAndRequestIsDoneOnceAndAnsweredWithTheFirstStatusHeadersAndBody() {
        APIGatewayProxyResponseEvent first = run("m-1", "key-1", "{\"at\":\"now\"}", created());
        APIGatewayProxyResponseEvent again = run("m-1", "key-1", "{\"at\":\"now\"}", created());

        assertEquals(1, runs.size(), "done once");
        assertEquals(first.getStatusCode(), again.getStatusCode());
        assertEquals(first.getBody(), again.getBody());
        assertEquals("/things/1", again.getHeaders().get("Location"));
        assertEquals("\"3\"", again.getHeaders().get("ETag"));
        assertEquals("true", again.getHeaders().get(IdempotencyKey.REPLAYED));
        assertNull(first.getHeaders().get(IdempotencyKey.REPLAYED), "the first answer is not a replay");
    }

    @Test
    void theSameKeyWithAnotherBodyPathOrMethodIsRefusedAndNothingIsDone() {
        run("m-1", "key-1", "{\"at\":\"now\"}", created());
        List<APIGatewayProxyRequestEvent> others = List.of(event("POST", "/cases/LLR-2026-000001/contacts", "{\"at\":\"later\"}"),
                event("POST", "/cases/LLR-2026-000002/contacts", "{\"at\":\"now\"}"),
                event("PUT", "/cases/LLR-2026-000001/contacts", "{\"at\":\"now\"}"));
        for (APIGatewayProxyRequestEvent other : others) {
            assertEquals("other", idempotency.run(new HttpRequest(other), "m-1", "key-1", REFUSALS, handler(created())).getBody());
        }
        assertEquals(1, runs.size());
    }

    @Test
    void aKeyIsItsSendersOwnAnotherPersonsSameKeyIsAnotherRequest() {
        run("m-1", "key-1", "{}", created());
        run("a-2", "key-1", "{}", created());

        assertEquals(2, runs.size());
        assertNotEquals(runs.get(0), runs.get(1));
        assertFalse(runs.get(0).contains("key-1") || runs.get(0).contains("m-1"), "neither the key nor its sender is kept as sent");
    }

    @Test
    void aRepeatWhileTheFirstIsStillRunningIsRefusedWithRetryAfterTheLease() {
        APIGatewayProxyResponseEvent[] inner = new APIGatewayProxyResponseEvent[1];
        run("m-1", "key-1", "{}", request -> {
            inner[0] = run("m-1", "key-1", "{}", created());
            return created().apply(request);
        });

        assertEquals("busy " + (IdempotentRequests.LEASE.toSeconds() + 1), inner[0].getBody());
        assertEquals(1, runs.size());
    }

    @Test
    void aRefusalOrAFailureChangedNothingSoTheKeyIsFreeForTheNextRequest() {
        run("m-1", "key-1", "{\"at\":\"bad\"}", answer(400));
        run("m-1", "key-1", "{\"at\":\"now\"}", answer(503));
        assertThrows(IllegalStateException.class, () -> run("m-1", "key-1", "{\"at\":\"now\"}", request -> {
            throw new IllegalStateException("table unavailable");
        }));
        APIGatewayProxyResponseEvent done = run("m-1", "key-1", "{\"at\":\"now\"}", created());

        assertEquals(201, done.getStatusCode());
        assertEquals(4, runs.size());
        assertEquals(1, ledger.size());
    }

    @Test
    void aFunctionThatStopsBeforeItsAnswerIsKeptHoldsTheKeyUntilItsLeaseEndsThenTheRequestRunsAgainUnderTheSameId() {
        ledger.failAnswers = new OutOfMemoryError("the function stops here");
        assertThrows(OutOfMemoryError.class, () -> run("m-1", "key-1", "{}", created()));
        ledger.failAnswers = null;

        assertTrue(run("m-1", "key-1", "{}", created()).getBody().startsWith("busy"), "still held: it may be running yet");
        clock.advance(IdempotentRequests.LEASE.plusSeconds(1));
        APIGatewayProxyResponseEvent retried = run("m-1", "key-1", "{}", created());

        assertEquals(201, retried.getStatusCode());
        assertEquals(2, runs.size());
        assertEquals(runs.get(0), runs.get(1), "the same request id: what the first run changed carries it");
    }

    // ------------------------------------------------------------------ helpers

    private static final IdempotentRequests.Refusals REFUSALS = new IdempotentRequests.Refusals() {
        @Override
        public APIGatewayProxyResponseEvent inProgress(long retryAfterSeconds) {
            return new APIGatewayProxyResponseEvent().withStatusCode(409).withBody("busy " + retryAfterSeconds);
        }

        @Override
        public APIGatewayProxyResponseEvent otherRequest() {
            return new APIGatewayProxyResponseEvent().withStatusCode(409).withBody("other");
        }

        @Override
        public APIGatewayProxyResponseEvent doneNotKept() {
            return new APIGatewayProxyResponseEvent().withStatusCode(409).withBody("not kept");
        }
    };

    private APIGatewayProxyResponseEvent run(String who, String key, String body,
                                             Function<HttpRequest, APIGatewayProxyResponseEvent> handler) {
        return idempotency.run(new HttpRequest(event("POST", "/cases/LLR-2026-000001/contacts", body)), who, key, REFUSALS,
                handler(handler));
    }

    private Function<HttpRequest, APIGatewayProxyResponseEvent> handler(Function<HttpRequest, APIGatewayProxyResponseEvent> then) {
        return request -> {
            runs.add(request.requestId().orElseThrow());
            return then.apply(request);
        };
    }

    private static Function<HttpRequest, APIGatewayProxyResponseEvent> created() {
        return request -> HttpResponses.withHeader(HttpResponses.withHeader(HttpResponses.json(201, "{\"id\":\"1\"}"), "Location",
                "/things/1"), "ETag", "\"3\"");
    }

    private static Function<HttpRequest, APIGatewayProxyResponseEvent> answer(int status) {
        return request -> HttpResponses.problem(status, "{}");
    }

    private static APIGatewayProxyRequestEvent event(String method, String path, String body) {
        String reference = path.split("/")[2];
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path).withResource("/cases/{reference}/contacts")
                .withPathParameters(Map.of("reference", reference)).withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(body).withIsBase64Encoded(false);
    }
}
