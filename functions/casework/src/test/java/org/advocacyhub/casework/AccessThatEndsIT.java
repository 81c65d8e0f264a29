package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 through the casework function on the local engines: the staff directory decides every request, refused
 * access is on the record, authorization comes before validation, and the crashes and rule gaps hostile input found.
 */
@WithLocalAws
class AccessThatEndsIT {

    private static final Instant TUESDAY = MONDAY.plus(Duration.ofHours(24));

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    AccessThatEndsIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    private APIGatewayProxyResponseEvent call(Map<String, Object> claims, String method, String path, Object body) {
        return fixtures.staff(claims, method, path, body, TUESDAY);
    }

    private static Map<String, Object> complaint() {
        return Map.of("received", "2026-11-20", "contract", "LLR", "service", "IMCA", "stage", 1, "adrResolved", false);
    }

    /** An IMCA case allocated to {@code advocateId}. */
    private String allocatedTo(String advocateId) {
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", advocateId), MONDAY.plusSeconds(600));
        return reference;
    }

    private List<String> auditTrail(String reference) {
        return list(fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, TUESDAY), "audit").stream()
                .map(a -> a.get("staffId") + ": " + a.get("action")).toList();
    }

    private Map<String, Object> record(String staffId) {
        return list(fixtures.ok(MANAGER, "GET", "/staff", null, TUESDAY), "staff").stream()
                .filter(s -> staffId.equals(s.get("staffId"))).findFirst().orElseThrow();
    }

    /** Puts {@code staffId}'s record back with {@code changes}, as a manager editing it would. */
    private void change(String staffId, Map<String, Object> changes) {
        Map<String, Object> body = new LinkedHashMap<>(record(staffId));
        body.remove("staffId");
        body.remove("experience");
        body.putAll(changes);
        fixtures.ok(MANAGER, "PUT", "/staff/" + staffId, body, TUESDAY);
    }

    @Test
    void aSignInTheDirectoryNoLongerHasGetsNothing() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = allocatedTo("ira-imca");
        assertEquals(200, call(ira, "GET", "/waiting-list?contract=LLR", null).getStatusCode(), "before: she is staff");

        // The finding: her record now signs in as another identity; the old token is a leaver's whose Cognito account lives on.
        change("ira-imca", Map.of("email", "ira.new@hub.example", "loginSubjects", List.of("sub-ira-new")));
        for (String[] route : new String[][] {{"GET", "/waiting-list?contract=LLR"}, {"GET", "/cases/" + reference},
                {"GET", "/cases?contract=LLR"}}) {
            APIGatewayProxyResponseEvent refused = call(ira, route[0], route[1], null);
            assertEquals(403, refused.getStatusCode(), route[1] + ": " + refused.getBody());
            assertTrue(refused.getBody().contains("not in the staff directory"), refused.getBody());
        }
        for (String path : List.of("/complaints", "/compliments", "/awareness-sessions")) {
            APIGatewayProxyResponseEvent refused = call(ira, "POST", path, complaint());
            assertEquals(403, refused.getStatusCode(), path + ": " + refused.getBody());
        }
        assertTrue(auditTrail(reference).contains("login:sub-ira-imca: refused: opened or changed the case (their sign-in is not in "
                + "the staff directory)"), auditTrail(reference).toString());
        // The same person with her new sign-in is staff again, her case hers.
        assertEquals(200, call(Map.of("sub", "sub-ira-new", "cognito:groups", "advocate"), "GET", "/cases/" + reference, null)
                .getStatusCode());
    }

    @Test
    void deactivatingAnAdvocateEndsHerAccessAtOnceAndHerRefusedAttemptsAreOnTheCase() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = allocatedTo("ira-imca");
        Map<String, Object> time = Map.of("date", "2026-11-24", "minutes", 30, "kind", "DIRECT", "activity", "MEETING_ATTENDANCE");
        assertEquals(200, call(ira, "POST", "/cases/" + reference + "/time", time).getStatusCode());

        change("ira-imca", Map.of("active", false));
        APIGatewayProxyResponseEvent read = call(ira, "GET", "/cases/" + reference, null);
        assertEquals(403, read.getStatusCode(), read.getBody());
        assertTrue(read.getBody().contains("not active"), read.getBody());
        APIGatewayProxyResponseEvent write = call(ira, "POST", "/cases/" + reference + "/time", time);
        assertEquals(403, write.getStatusCode(), write.getBody());
        Map<String, Object> view = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, TUESDAY);
        assertEquals(1, list(view, "time").size(), "the refused entry was not stored");
        long refusals = auditTrail(reference).stream()
                .filter("ira-imca: refused: opened or changed the case (their staff record is not active)"::equals).count();
        assertEquals(2, refusals, auditTrail(reference).toString());
    }

    @Test
    void anotherAdvocatesRequestIsRefusedBeforeItsBodyIsReadAndTheRefusalIsOnTheCase() {
        fixtures.imcaAdvocate("ira-imca");
        Map<String, Object> jo = fixtures.imcaAdvocate("jo-imca");
        String reference = allocatedTo("ira-imca");

        APIGatewayProxyResponseEvent junkFields = call(jo, "POST", "/cases/" + reference + "/contacts", Map.of("at", "yesterday",
                "method", 7, "nonsense", true));
        assertEquals(403, junkFields.getStatusCode(), "not 400 with field errors: " + junkFields.getBody());
        assertTrue(junkFields.getBody().contains("not allocated to you"), junkFields.getBody());
        APIGatewayProxyResponseEvent notJson = call(jo, "POST", "/cases/" + reference + "/contacts", "{not json");
        assertEquals(403, notJson.getStatusCode(), notJson.getBody());
        APIGatewayProxyResponseEvent view = call(jo, "GET", "/cases/" + reference, null);
        assertEquals(403, view.getStatusCode(), view.getBody());

        List<String> audit = auditTrail(reference);
        assertTrue(audit.contains("jo-imca: refused: sent a contact (This case is not allocated to you.)"), audit.toString());
        assertTrue(audit.contains("jo-imca: refused: sent a change that could not be read (This case is not allocated to you.)"),
                audit.toString());
        assertTrue(audit.contains("jo-imca: refused: viewed the case (This case is not allocated to you.)"), audit.toString());
        // The case's own advocate still gets the field errors.
        APIGatewayProxyResponseEvent own = call(fixtures.imcaAdvocate("ira-imca"), "POST", "/cases/" + reference + "/contacts",
                Map.of("at", "yesterday"));
        assertEquals(400, own.getStatusCode(), own.getBody());
    }

    @Test
    void theFirstManagerMayOnlyBuildTheDirectoryAndOnlyWhileItHasNoManager() {
        Map<String, Object> first = Map.of("sub", "boss-1", "cognito:groups", "manager");
        APIGatewayProxyResponseEvent elsewhere = fixtures.staff(first, "GET", "/waiting-list?contract=LLR", null, TUESDAY);
        assertEquals(403, elsewhere.getStatusCode(), elsewhere.getBody());
        assertTrue(elsewhere.getBody().contains("no active manager yet"), elsewhere.getBody());
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Bo Boss", "email", "bo@hub.example", "role", "MANAGER",
                "active", true, "contracts", List.of("LLR"), "services", List.of(), "loginSubjects", List.of("boss-1")));
        APIGatewayProxyResponseEvent created = fixtures.staff(first, "PUT", "/staff/bo-boss", body, TUESDAY);
        assertEquals(200, created.getStatusCode(), created.getBody());
        assertEquals(200, fixtures.staff(first, "GET", "/waiting-list?contract=LLR", null, TUESDAY).getStatusCode(),
                "now a member of staff");

        Map<String, Object> second = Map.of("sub", "boss-2", "cognito:groups", "manager");
        body.put("loginSubjects", List.of("boss-2"));
        APIGatewayProxyResponseEvent late = fixtures.staff(second, "PUT", "/staff/bo-2", body, TUESDAY);
        assertEquals(403, late.getStatusCode(), "the directory has a manager: the exception is over. " + late.getBody());
        assertTrue(late.getBody().contains("not in the staff directory"), late.getBody());
    }

    @Test
    void aStaffRecordsListsOfTextRefuseAnythingElseNamingTheField() {
        fixtures.imcaAdvocate("ira-imca");
        for (String field : List.of("languages", "loginSubjects")) {
            for (Object value : List.of("Welsh", Map.of(), List.of(12345))) {
                Map<String, Object> body = new LinkedHashMap<>(record("ira-imca"));
                body.remove("staffId");
                body.remove("experience");
                body.put(field, value);
                APIGatewayProxyResponseEvent refused = call(MANAGER, "PUT", "/staff/ira-imca", body);
                assertEquals(400, refused.getStatusCode(), field + "=" + value + ": " + refused.getBody());
                Map<String, Object> problem = json(refused.getBody());
                assertEquals(List.of("/" + field), list(problem, "errors").stream().map(e -> e.get("pointer")).toList(),
                        refused.getBody());
            }
        }
    }

    @Test
    void noMoreThanADaysTimeGoesOnOneCaseForOneDate() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = allocatedTo("ira-imca");
        String path = "/cases/" + reference + "/time";
        // More than the contract's hours need a request first (LLR 26.17): the day's limit is what is tried here.
        fixtures.ok(ira, "POST", "/cases/" + reference + "/hour-requests", Map.of("hours", 40, "reasons", "A long hearing."), TUESDAY);
        for (int i = 0; i < 2; i++) {
            assertEquals(200, call(ira, "POST", path, Map.of("date", "2026-11-24", "minutes", 720, "kind", "DIRECT",
                    "activity", "MEETING_ATTENDANCE")).getStatusCode());
        }
        APIGatewayProxyResponseEvent over = call(MANAGER, "POST", path, Map.of("date", "2026-11-24", "minutes", 1, "kind", "INDIRECT",
                "activity", "ADMIN"));
        assertEquals(400, over.getStatusCode(), over.getBody());
        assertEquals(List.of("/minutes"), list(json(over.getBody()), "errors").stream().map(e -> e.get("pointer")).toList());
        assertTrue(over.getBody().contains("24 h is already recorded for 24 November 2026"), over.getBody());
        assertEquals(200, call(ira, "POST", path, Map.of("date", "2026-11-23", "minutes", 60, "kind", "DIRECT", "activity", "MEETING_ATTENDANCE"))
                .getStatusCode(), "another day has room");
    }
}
