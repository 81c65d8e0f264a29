package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the retention review (a dry run) through the real casework function, with the clock years ahead: a closed
 * adult's case is listed from the day after the sixth anniversary of its closing day, a held one is listed as kept, an
 * open one never; nothing is changed by looking.
 */
@WithLocalAws
class RetentionReviewIT {

    private static final Instant CLOSED_AT = MONDAY.plus(Duration.ofDays(1));

    private final CaseworkFixtures fixtures;

    RetentionReviewIT(LocalAws aws) {
        this.fixtures = new CaseworkFixtures(aws);
    }

    private String allocated() {
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), MONDAY.plusSeconds(600));
        return reference;
    }

    private String closed() {
        String reference = allocated();
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/closure", Map.of("reason", "OUTCOME_REACHED", "goals", List.of(),
                "summary", "Represented at the meeting"), CLOSED_AT);
        return reference;
    }

    private Map<String, Object> review(Instant at) {
        return fixtures.ok(MANAGER, "GET", "/retention-review?contract=LLR", null, at);
    }

    @Test
    void aClosedCaseIsListedFromTheDayAfterItsSixthAnniversaryAHeldOneAsKeptAndAnOpenOneNever() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String goes = closed();
        String held = closed();
        fixtures.ok(MANAGER, "PUT", "/cases/" + held + "/legal-hold", Map.of("reason", "LITIGATION", "details", "A claim"),
                CLOSED_AT.plusSeconds(60));
        String open = allocated();

        // Closed on Tuesday 24 November 2026 (UK): kept through Wednesday 24 November 2032.
        Map<String, Object> onTheDay = review(Instant.parse("2032-11-24T22:00:00Z"));
        assertEquals(0, onTheDay.get("total"), onTheDay.toString());
        Map<String, Object> after = review(Instant.parse("2032-11-25T09:00:00Z"));
        assertEquals("2032-11-25", after.get("asOf"));
        assertEquals(2, after.get("total"), after.toString());
        assertEquals(1, after.get("held"));
        List<Map<String, Object>> cases = list(after, "cases");
        Map<String, Object> going = cases.stream().filter(c -> goes.equals(c.get("reference"))).findFirst().orElseThrow();
        assertEquals("closedCase", going.get("record"));
        assertEquals("2026-11-24", going.get("start"));
        assertEquals("2032-11-24", going.get("keptUntil"));
        assertEquals(true, going.get("wouldGo"));
        assertTrue(((String) going.get("why")).contains("Limitation Act 1980"), going.toString());
        Map<String, Object> kept = cases.stream().filter(c -> held.equals(c.get("reference"))).findFirst().orElseThrow();
        assertEquals(false, kept.get("wouldGo"));
        assertEquals("LITIGATION", ((Map<?, ?>) kept.get("legalHold")).get("reason"));
        assertTrue(cases.stream().noneMatch(c -> open.equals(c.get("reference"))), "an open case is kept");

        Map<String, Object> unchanged = fixtures.ok(MANAGER, "GET", "/cases/" + goes, null, Instant.parse("2032-11-25T09:05:00Z"));
        assertEquals("CLOSED", unchanged.get("status"), "looking changes nothing");
        assertEquals(403, fixtures.staff(ira, "GET", "/retention-review?contract=LLR", null, CLOSED_AT).getStatusCode(), "managers only");
        var bad = fixtures.staff(MANAGER, "GET", "/retention-review?contract=NOPE", null, CLOSED_AT);
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        assertEquals(List.of("contract"), list(json(bad.getBody()), "errors").stream().map(e -> e.get("field")).toList());
    }
}
