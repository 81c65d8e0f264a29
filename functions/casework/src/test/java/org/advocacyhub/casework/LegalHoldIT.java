package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a manager's legal hold on a case, through the real casework function on the local engines: set with its reason
 * and what it is about, shown on the case, the same hold again a no-op, refused to an advocate and to a bad body naming
 * each field, and lifted with why; 20 identical holds at once record one.
 */
@WithLocalAws
class LegalHoldIT {

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    LegalHoldIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> casework(Map<String, Object> view) {
        return (Map<String, Object>) view.get("casework");
    }

    private static List<String> timeline(Map<String, Object> view) {
        return list(view, "timeline").stream().map(e -> e.get("type") + ": " + e.get("description")).toList();
    }

    @Test
    void aManagerHoldsACaseWithItsReasonAndLiftsItWithWhyAndEachIsOnTheTimelineOnce() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        String path = "/cases/" + reference + "/legal-hold";
        Map<String, Object> body = Map.of("reason", "LITIGATION", "details", "A solicitor's letter of 1 December");

        assertEquals(403, fixtures.staff(ira, "PUT", path, body, MONDAY.plusSeconds(60)).getStatusCode(), "managers only");
        APIGatewayProxyResponseEvent bad = fixtures.staff(MANAGER, "PUT", path, Map.of("reason", "BECAUSE"), MONDAY.plusSeconds(60));
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        List<Object> fields = list(json(bad.getBody()), "errors").stream().map(e -> e.get("field")).toList();
        assertEquals(List.of("reason", "details"), fields, bad.getBody());
        assertEquals(409, fixtures.staff(MANAGER, "POST", path + "/lift", Map.of("reason", "Over"), MONDAY.plusSeconds(60))
                .getStatusCode(), "nothing to lift");

        Map<String, Object> held = fixtures.ok(MANAGER, "PUT", path, body, MONDAY.plusSeconds(120));
        assertEquals(Map.of("reason", "LITIGATION", "details", "A solicitor's letter of 1 December", "by", "hub-manager",
                "at", MONDAY.plusSeconds(120).toString()), casework(held).get("legalHold"));
        assertTrue(timeline(held).contains("LEGAL_HOLD_SET: Legal hold set: Litigation, or a claim that may come. Nothing of the case "
                + "is anonymised while it holds. About: A solicitor's letter of 1 December"), timeline(held).toString());
        Map<String, Object> again = fixtures.ok(MANAGER, "PUT", path, body, MONDAY.plusSeconds(180));
        assertEquals(held.get("version"), again.get("version"), "the same hold again changes nothing");

        Map<String, Object> lifted = fixtures.ok(MANAGER, "POST", path + "/lift", Map.of("reason", "The claim was withdrawn"),
                MONDAY.plusSeconds(240));
        assertFalse(casework(lifted).containsKey("legalHold"));
        assertTrue(timeline(lifted).contains("LEGAL_HOLD_LIFTED: Legal hold lifted (Litigation, or a claim that may come); the case's "
                + "retention period applies again. Reason: The claim was withdrawn"), timeline(lifted).toString());
        assertEquals(1, timeline(lifted).stream().filter(e -> e.startsWith("LEGAL_HOLD_SET")).count());
    }

    @Test
    void twentyIdenticalHoldsAtOnceRecordOneAndNoneIsLost() throws Exception {
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        String path = "/cases/" + reference + "/legal-hold";
        Map<String, Object> body = Map.of("reason", "SAFEGUARDING_ENQUIRY", "details", "Enquiry opened by the council");
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<APIGatewayProxyResponseEvent>> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return fixtures.staff(MANAGER, "PUT", path, body, MONDAY.plusSeconds(600));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<APIGatewayProxyResponseEvent> answer : answers) {
                statuses.add(answer.get().getStatusCode());
            }
            assertTrue(statuses.contains(200), statuses.toString());
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "each held, or told the case changed meanwhile: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> view = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(700));
        assertEquals(1, timeline(view).stream().filter(e -> e.startsWith("LEGAL_HOLD_SET")).count(), timeline(view).toString());
        assertEquals("SAFEGUARDING_ENQUIRY", ((Map<?, ?>) casework(view).get("legalHold")).get("reason"));
    }
}
