package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Awareness sessions, complaints and compliments through the real casework function (issue 8
 * item 10): stored in their contract's financial quarter so the report reads a quarter with one
 * Query, complaints and compliments with the table's TTL three years on (LEW 14.3), listed for
 * managers, and every body checked by the shared field rules.
 */
@WithLocalAws
class ReturnsIT {

    private static final Instant NOW = MONDAY;

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    ReturnsIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    private Map<String, Object> created(Map<String, Object> claims, String path, Object body) {
        APIGatewayProxyResponseEvent response = fixtures.staff(claims, "POST", path, body, NOW);
        assertEquals(201, response.getStatusCode(), path + ": " + response.getBody());
        return json(response.getBody());
    }

    /** Every item of a returns partition, as stored: one Query on the table. */
    private List<Map<String, AttributeValue>> partition(String pk) {
        return aws.dynamoDb().query(b -> b.tableName(aws.tableName("HubTable")).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk)))).items();
    }

    @Test
    void llrKpi5And6AwarenessSessionsAreStoredInTheQuarterOfTheirDayAndListedForManagers() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        Map<String, Object> session = created(ira, "/awareness-sessions", Map.of("date", "2026-11-20", "contract", "LLR",
                "authority", "RUTLAND", "setting", "PROFESSIONAL", "attendees", 14));
        assertEquals("FY2026Q3", session.get("quarter"));
        assertEquals("ira-imca", session.get("recordedBy"));
        assertFalse(session.containsKey("keptUntil"), "sessions hold nothing personal and have no set retention");
        created(MANAGER, "/awareness-sessions", Map.of("date", "2026-03-31", "contract", "LLR", "authority", "LEICESTER",
                "setting", "COMMUNITY"));

        List<Map<String, AttributeValue>> q3 = partition("RETURNS#LLR#FY2026Q3");
        assertEquals(1, q3.size());
        assertEquals("AWARENESS_SESSION#2026-11-20#" + session.get("id"), q3.get(0).get("SK").s());
        assertNull(q3.get(0).get("expiresAt"));
        assertEquals(1, partition("RETURNS#LLR#FY2025Q4").size(), "31 March is the last day of the financial year");

        Map<String, Object> listed = fixtures.ok(MANAGER, "GET", "/awareness-sessions?contract=LLR&quarter=FY2026Q3", null, NOW);
        assertEquals("FY2026Q3", listed.get("quarter"));
        List<Map<String, Object>> sessions = list(listed, "awarenessSessions");
        assertEquals(List.of(session), sessions, "the session as it was recorded");
        assertEquals(listed, fixtures.ok(MANAGER, "GET", "/awareness-sessions?contract=LLR", null, NOW), "this quarter unless given");
        assertEquals(List.of(), list(fixtures.ok(MANAGER, "GET", "/awareness-sessions?contract=LEW", null, NOW), "awarenessSessions"));

        APIGatewayProxyResponseEvent advocateList = fixtures.staff(ira, "GET", "/awareness-sessions?contract=LLR", null, NOW);
        assertEquals(403, advocateList.getStatusCode(), "managers list what the returns count");
    }

    @Test
    void lew143ComplaintsAndComplimentsAreKeptThreeYearsByTheTablesTtlInTheirQuartersPartition() {
        Map<String, Object> complaint = created(MANAGER, "/complaints", Map.of("received", "2026-10-05", "contract", "LEW",
                "service", "CYP", "stage", 2, "resolvedByAdr", true, "closed", "2026-11-20",
                "summary", "About how a review meeting was arranged; resolved by a meeting with the team manager"));
        assertEquals("FY2026Q3", complaint.get("quarter"));
        assertEquals("2029-11-20", complaint.get("keptUntil"), "three years from closing (LEW 14.3)");
        Map<String, Object> open = created(MANAGER, "/complaints", Map.of("received", "2026-11-02", "contract", "LLR",
                "service", "IMHA", "stage", 1));
        assertEquals("2029-11-02", open.get("keptUntil"), "an open complaint: three years from receipt");
        Map<String, Object> compliment = created(fixtures.imcaAdvocate("ira-imca"), "/compliments", Map.of("received", "2026-07-01",
                "contract", "LLR", "service", "IMCA"));
        assertEquals("FY2026Q2", compliment.get("quarter"));

        Map<String, AttributeValue> stored = partition("RETURNS#LEW#FY2026Q3").get(0);
        assertEquals("COMPLAINT#2026-10-05#" + complaint.get("id"), stored.get("SK").s());
        // The end of 20 November 2029 in London (GMT): DynamoDB may delete it after.
        assertEquals(Long.toString(Instant.parse("2029-11-21T00:00:00Z").getEpochSecond()), stored.get("expiresAt").n());
        assertEquals("2", stored.get("stage").n());
        assertTrue(stored.get("resolvedByAdr").bool());
        Map<String, AttributeValue> kept = partition("RETURNS#LLR#FY2026Q2").get(0);
        assertEquals("COMPLIMENT#2026-07-01#" + compliment.get("id"), kept.get("SK").s());
        // The end of 1 July 2029 in London (BST, an hour ahead of UTC).
        assertEquals(Long.toString(Instant.parse("2029-07-01T23:00:00Z").getEpochSecond()), kept.get("expiresAt").n());

        Map<String, Object> complaints = fixtures.ok(MANAGER, "GET", "/complaints?contract=LLR&quarter=FY2026Q3", null, NOW);
        assertEquals(List.of(open), list(complaints, "complaints"));
        assertEquals(List.of(), list(fixtures.ok(MANAGER, "GET", "/compliments?contract=LLR&quarter=FY2026Q3", null, NOW),
                "compliments"), "a quarter lists its own kind only");
        assertEquals(List.of(compliment), list(fixtures.ok(MANAGER, "GET", "/compliments?contract=LLR&quarter=FY2026Q2", null, NOW),
                "compliments"));
    }

    @ParameterizedTest(name = "issue 8: a returns body meets the shared field rules: {0}")
    @ValueSource(strings = {
        "/complaints|{\"stage\":4}|/stage|Stage must be a whole number from 1 to 3",
        "/complaints|{\"stage\":\"2\"}|/stage|Stage must be a number, not text",
        "/complaints|{\"contract\":\"LEW\"}|/service|Service must be one that LEW runs: CYP",
        "/complaints|{\"closed\":\"2026-11-01\"}|/closed|Closed on must be the day it was received or later",
        "/complaints|{\"received\":\"2027-01-01\"}|/received|Received must be today or in the past",
        "/complaints|{\"resolvedByAdr\":\"yes\"}|/resolvedByAdr|Resolved by alternative dispute resolution must be true or false",
        "/complaints|{\"summary\":\"a\\u0007b\"}|/summary|Brief details must not contain control characters",
        "/complaints|{\"name\":\"Alex\"}|/name|'name' is not a field of a complaint",
        "/compliments|{\"service\":\"ICAS\",\"contract\":\"DERBY\"}|/service|Service must be one that DERBY runs",
        "/compliments|{\"summary\":\"line\\u202eflip\"}|/summary|Brief details must not contain invisible text-direction characters",
        "/awareness-sessions|{\"authority\":\"LEWISHAM\"}|/authority|Council area must be one of LLR's: ",
        "/awareness-sessions|{\"setting\":\"SCHOOL\"}|/setting|Setting must be one of: PROFESSIONAL, COMMUNITY",
        "/awareness-sessions|{\"attendees\":0}|/attendees|Attendees must be a whole number from 1 to 10000",
        "/awareness-sessions|{\"date\":\"20/11/2026\"}|/date|Held on must be a date in the form YYYY-MM-DD"})
    void issue8AReturnsBodyIsCheckedByTheSharedRulesAndNothingIsStored(String all) {
        String[] parts = all.split("\\|");
        Map<String, Object> body = new LinkedHashMap<>(parts[0].equals("/awareness-sessions")
                ? Map.of("date", "2026-11-20", "contract", "LLR", "authority", "RUTLAND", "setting", "PROFESSIONAL")
                : Map.of("received", "2026-11-20", "contract", "LLR", "service", "IMCA", "stage", 1));
        if (parts[0].equals("/compliments")) {
            body.remove("stage");
        }
        body.putAll(json(parts[1]));
        APIGatewayProxyResponseEvent response = fixtures.staff(MANAGER, "POST", parts[0], body, NOW);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        Map<String, Object> error = list(json(response.getBody()), "errors").stream().filter(e -> e.get("pointer").equals(parts[2]))
                .findFirst().orElseThrow(() -> new AssertionError(response.getBody()));
        assertTrue(((String) error.get("detail")).startsWith(parts[3]), error.toString());
        for (String contract : List.of("LLR", "LEW", "DERBY")) {
            assertEquals(List.of(), partition("RETURNS#" + contract + "#FY2026Q3"), "nothing stored");
        }
    }

    @Test
    void issue8AQuarterThatIsNotOneIsA400NamingIt() {
        for (String query : List.of("contract=LLR&quarter=2026Q3", "contract=LLR&quarter=FY2026Q5", "quarter=FY2026Q3")) {
            APIGatewayProxyResponseEvent response = fixtures.staff(MANAGER, "GET", "/complaints?" + query, null, NOW);
            assertEquals(400, response.getStatusCode(), query + ": " + response.getBody());
            String field = query.startsWith("quarter") ? "contract" : "quarter";
            assertTrue(list(json(response.getBody()), "errors").stream().anyMatch(e -> e.get("field").equals(field)), response.getBody());
        }
    }
}
