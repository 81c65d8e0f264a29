package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 through the casework function on the local engines: a staff write sent again with its
 * {@code Idempotency-Key} is done once and answered as the first time, even when 20 instances of the
 * function take it at once or the first one stopped after its change was saved; and a change made
 * with {@code If-Match} goes only to the case at that version.
 */
@WithLocalAws
class IdempotentWritesIT {

    private final CaseworkFixtures fixtures;

    IdempotentWritesIT(LocalAws aws) {
        this.fixtures = new CaseworkFixtures(aws);
    }

    @Test
    void theSameKeyAndBodyGetsTheExactFirstAnswerAgainAndRecordsOneContact() {
        Case c = allocatedCase();
        APIGatewayProxyResponseEvent first = contact(c, "contact-1", Map.of(), c.later);
        APIGatewayProxyResponseEvent again = contact(c, "contact-1", Map.of(), c.later.plusSeconds(30));

        assertEquals(200, first.getStatusCode(), first.getBody());
        assertEquals(first.getStatusCode(), again.getStatusCode());
        assertEquals(first.getBody(), again.getBody(), "the first answer, not the case as it is 30 seconds on");
        assertEquals(first.getHeaders().get("ETag"), again.getHeaders().get("ETag"));
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
        assertNull(first.getHeaders().get("Idempotent-Replayed"));
        assertEquals(1, contacts(c), "recorded once");
    }

    @Test
    void theSameKeyWithAnotherBodyIs409NamingWhyAndRecordsNothing() {
        Case c = allocatedCase();
        contact(c, "contact-1", Map.of(), c.later);
        APIGatewayProxyResponseEvent other = fixtures.staff(CaseworkFixtures.CASEWORK, c.advocate, "POST",
                "/cases/" + c.reference + "/contacts", Map.of("at", c.later.minusSeconds(60).toString(), "method", "VISIT",
                        "withPerson", true, "successful", true), c.later, Map.of("Idempotency-Key", "contact-1"), Map.of());

        assertEquals(409, other.getStatusCode());
        assertTrue(other.getBody().contains("already used for another request"), other.getBody());
        assertEquals(1, contacts(c));
    }

    @Test
    void issue19TwentyParallelIdenticalContactsWithOneKeyStoreOneContact() throws Exception {
        Case c = allocatedCase();
        int calls = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        List<Future<APIGatewayProxyResponseEvent>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                // Each call builds its own instance of the function: they run side by side, as Lambda's instances do.
                answers.add(threads.submit((Callable<APIGatewayProxyResponseEvent>) () -> {
                    start.await();
                    return contact(c, "twenty-1", Map.of(), c.later);
                }));
            }
            start.countDown();
            for (Future<APIGatewayProxyResponseEvent> answer : answers) {
                APIGatewayProxyResponseEvent response = answer.get();
                boolean inProgress = response.getStatusCode() == 409 && response.getHeaders().containsKey("Retry-After");
                assertTrue(response.getStatusCode() == 200 || inProgress, response.getStatusCode() + " " + response.getBody());
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(1, contacts(c), "one contact, whichever instance made it");
        APIGatewayProxyResponseEvent afterwards = contact(c, "twenty-1", Map.of(), c.later.plusSeconds(60));
        assertEquals(200, afterwards.getStatusCode(), "once it is done, a repeat gets its answer");
        assertEquals(1, contacts(c));
    }

    @Test
    void aRetryAfterTheFunctionStoppedBetweenItsSaveAndItsAnswerAppliesNothingTwice() {
        Case c = allocatedCase();
        assertThrows(Throwable.class, () -> fixtures.staff(CaseworkFixtures.CASEWORK, c.advocate, "POST",
                "/cases/" + c.reference + "/contacts", c.contact, c.later, Map.of("Idempotency-Key", "lost-1"),
                Map.of("TEST_REQUEST_ANSWERS", "lost")), "the invocation ends where the function stopped");
        assertEquals(1, contacts(c), "the change was saved before it stopped");

        APIGatewayProxyResponseEvent soon = contact(c, "lost-1", Map.of(), c.later.plusSeconds(5));
        assertEquals(409, soon.getStatusCode(), "within its lease the first may still be running");
        assertTrue(Integer.parseInt(soon.getHeaders().get("Retry-After")) > 0);

        APIGatewayProxyResponseEvent retried = contact(c, "lost-1", Map.of(), c.later.plusSeconds(60));
        assertEquals(200, retried.getStatusCode(), retried.getBody());
        Map<String, Object> view = json(retried.getBody());
        assertEquals(1, list(view, "activities").size(), "the retry found its own change and applied nothing again");
        assertEquals(1, list(view, "audit").stream().filter(a -> "recorded a contact".equals(a.get("action"))).count());
        assertEquals(1, list(view, "timeline").stream().filter(e -> "CONTACT_RECORDED".equals(e.get("type"))).count());
        assertEquals("true", contact(c, "lost-1", Map.of(), c.later.plusSeconds(90)).getHeaders().get("Idempotent-Replayed"),
                "and its answer is kept now");
    }

    @Test
    void aComplaintRecordedAgainAfterTheFunctionStoppedIsStillOneComplaint() {
        Map<String, Object> complaint = Map.of("received", "2026-11-19", "contract", "LLR", "service", "IMCA", "formality", "FORMAL", "stage", 1);
        Map<String, String> key = Map.of("Idempotency-Key", "complaint-lost-1");
        assertThrows(Throwable.class, () -> fixtures.staff(CaseworkFixtures.CASEWORK, MANAGER, "POST", "/complaints", complaint, MONDAY,
                key, Map.of("TEST_REQUEST_ANSWERS", "lost")));

        APIGatewayProxyResponseEvent retried = fixtures.staff(CaseworkFixtures.CASEWORK, MANAGER, "POST", "/complaints", complaint,
                MONDAY.plusSeconds(60), key, Map.of());

        assertEquals(201, retried.getStatusCode(), retried.getBody());
        List<Map<String, Object>> listed = list(fixtures.ok(MANAGER, "GET", "/complaints?contract=LLR&quarter=FY2026Q3", null,
                MONDAY.plusSeconds(90)), "complaints").stream().filter(c -> "2026-11-19".equals(c.get("received"))).toList();
        assertEquals(1, listed.size(), "the retry found the complaint the first run stored, under the id its key gives: " + listed);
        assertEquals(json(retried.getBody()).get("id"), listed.get(0).get("id"));
    }

    @Test
    void theCaseAndEveryChangesAnswerCarryTheVersionsETagAndAStaleIfMatchIs412WithNothingWritten() {
        Case c = allocatedCase();
        APIGatewayProxyResponseEvent read = fixtures.staff(MANAGER, "GET", "/cases/" + c.reference, null, c.later);
        String tag = read.getHeaders().get("ETag");
        assertTrue(tag.matches("\"[0-9]+\""), "a strong tag of the version: " + tag);

        APIGatewayProxyResponseEvent changed = contact(c, null, Map.of("If-Match", tag), c.later);
        assertEquals(200, changed.getStatusCode(), changed.getBody());
        String newTag = changed.getHeaders().get("ETag");
        assertFalse(newTag.equals(tag), "the change moved the version on");
        assertEquals(newTag, fixtures.staff(MANAGER, "GET", "/cases/" + c.reference, null, c.later).getHeaders().get("ETag"));

        APIGatewayProxyResponseEvent stale = contact(c, null, Map.of("If-Match", tag), c.later.plusSeconds(10));
        assertEquals(412, stale.getStatusCode(), stale.getBody());
        assertEquals("application/problem+json", stale.getHeaders().get("Content-Type"));
        assertTrue(stale.getBody().contains("The case has changed since the version If-Match names"), stale.getBody());
        assertEquals(newTag, stale.getHeaders().get("ETag"), "the 412 carries the case's tag now");
        assertEquals(412, contact(c, null, Map.of("If-Match", "W/" + newTag), c.later.plusSeconds(20)).getStatusCode(),
                "a weak tag never matches (RFC 9110 13.1.1)");
        assertEquals(1, contacts(c), "nothing written by a stale change");

        assertEquals(200, contact(c, null, Map.of("If-Match", "*"), c.later.plusSeconds(30)).getStatusCode(), "* asks only that it exists");
        assertEquals(404, fixtures.staff(CaseworkFixtures.CASEWORK, MANAGER, "POST", "/cases/LLR-2026-999999/contacts", c.contact,
                c.later, Map.of("If-Match", "*"), Map.of()).getStatusCode());
        assertEquals(2, contacts(c));
    }

    @Test
    void aStaleIfMatchOnAScreeningOrAnAllocationIs412Too() {
        fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        Instant at = MONDAY.plusSeconds(3600);
        Map<String, String> stale = Map.of("If-Match", "\"0\"");
        APIGatewayProxyResponseEvent screening = fixtures.staff(CaseworkFixtures.CASEWORK, MANAGER, "POST",
                "/cases/" + reference + "/screening", Map.of("note", "Checked by phone"), at, stale, Map.of());
        APIGatewayProxyResponseEvent allocation = fixtures.staff(CaseworkFixtures.CASEWORK, MANAGER, "POST",
                "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), at, stale, Map.of());

        assertEquals(412, screening.getStatusCode(), screening.getBody());
        assertEquals(412, allocation.getStatusCode(), allocation.getBody());
        assertEquals("AWAITING_ALLOCATION", fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, at).get("status"));
    }

    // ------------------------------------------------------------------ helpers

    /** An IMCA case allocated to its advocate, and a contact to record an hour later. */
    private record Case(String reference, Map<String, Object> advocate, Instant later, Map<String, Object> contact) {
    }

    private Case allocatedCase() {
        Map<String, Object> advocate = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), MONDAY.plusSeconds(600));
        Instant later = MONDAY.plus(Duration.ofHours(1));
        return new Case(reference, advocate, later, Map.of("at", later.minusSeconds(60).toString(), "method", "PHONE",
                "withPerson", true, "successful", true));
    }

    /** The case's contact posted by its advocate at {@code at}, with {@code key} (none when null) and {@code headers}. */
    private APIGatewayProxyResponseEvent contact(Case c, String key, Map<String, String> headers, Instant at) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        if (key != null) {
            all.put("Idempotency-Key", key);
        }
        return fixtures.staff(CaseworkFixtures.CASEWORK, c.advocate, "POST", "/cases/" + c.reference + "/contacts", c.contact, at,
                all, Map.of());
    }

    private long contacts(Case c) {
        return list(fixtures.ok(MANAGER, "GET", "/cases/" + c.reference, null, c.later.plusSeconds(120)), "activities").size();
    }
}
