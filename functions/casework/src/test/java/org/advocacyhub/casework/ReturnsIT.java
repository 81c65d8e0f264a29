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
                "service", "CYP", "formality", "FORMAL", "stage", 2, "resolvedByAdr", true, "closed", "2026-11-20",
                "summary", "About how a review meeting was arranged; resolved by a meeting with the team manager"));
        assertEquals("FY2026Q3", complaint.get("quarter"));
        assertEquals("2029-11-20", complaint.get("keptUntil"), "three years from closing (LEW 14.3)");
        Map<String, Object> open = created(MANAGER, "/complaints", Map.of("received", "2026-11-02", "contract", "LLR",
                "service", "IMHA", "formality", "INFORMAL", "stage", 1));
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

    @Test
    void llr2617AComplaintsProgressIsRecordedOnTheRevisionItWasReadAtOnceAndForManagersOnly() {
        Map<String, Object> complaint = created(MANAGER, "/complaints", Map.of("received", "2026-11-03", "contract", "LLR",
                "service", "IMCA", "formality", "FORMAL", "stage", 1, "summary", "Said allocation took too long"));
        assertEquals("FORMAL", complaint.get("formality"));
        assertEquals(1, complaint.get("revision"));
        String path = "/complaints/" + complaint.get("id") + "/progress";
        Map<String, Object> progress = new LinkedHashMap<>(Map.of("contract", "LLR", "received", "2026-11-03", "revision", 1,
                "stage", 2, "progress", "Investigation under way; a meeting with the service manager is arranged"));

        APIGatewayProxyResponseEvent advocate = fixtures.staff(fixtures.imcaAdvocate("ira-imca"), "POST", path, progress, NOW);
        assertEquals(403, advocate.getStatusCode(), "managers record a complaint's progress");

        APIGatewayProxyResponseEvent first = fixtures.staff(MANAGER, "POST", path, progress, NOW);
        assertEquals(200, first.getStatusCode(), first.getBody());
        Map<String, Object> progressed = json(first.getBody());
        assertEquals(List.of(2, 2, "Investigation under way; a meeting with the service manager is arranged", LocalAws.TEST_MANAGER),
                List.of(progressed.get("revision"), progressed.get("stage"), progressed.get("progress"), progressed.get("progressBy")));
        assertEquals("Said allocation took too long", progressed.get("summary"), "the brief details stay");

        APIGatewayProxyResponseEvent again = fixtures.staff(MANAGER, "POST", path, progress, NOW.plusSeconds(60));
        assertEquals(200, again.getStatusCode(), "the same progress sent again: the complaint as it is");
        assertEquals(progressed, json(again.getBody()));

        Map<String, Object> stale = new LinkedHashMap<>(progress);
        stale.put("progress", "Closed after a meeting");
        stale.put("closed", "2026-11-20");
        APIGatewayProxyResponseEvent conflict = fixtures.staff(MANAGER, "POST", path, stale, NOW.plusSeconds(120));
        assertEquals(409, conflict.getStatusCode(), "read at revision 1, it is at 2: " + conflict.getBody());

        stale.put("revision", 2);
        stale.put("progress", "Ring 0116 496 0000 for the outcome");
        APIGatewayProxyResponseEvent identifying = fixtures.staff(MANAGER, "POST", path, stale, NOW.plusSeconds(150));
        assertEquals(400, identifying.getStatusCode());
        assertTrue(identifying.getBody().contains("Progress must not identify anyone"), identifying.getBody());

        stale.put("progress", "Closed after a meeting with the service manager");
        APIGatewayProxyResponseEvent closed = fixtures.staff(MANAGER, "POST", path, stale, NOW.plusSeconds(180));
        assertEquals(200, closed.getStatusCode(), closed.getBody());
        assertEquals(List.of(3, "2026-11-20"), List.of(json(closed.getBody()).get("revision"), json(closed.getBody()).get("closed")));

        Map<String, Object> elsewhere = new LinkedHashMap<>(stale);
        elsewhere.put("received", "2026-11-04");
        assertEquals(404, fixtures.staff(MANAGER, "POST", path, elsewhere, NOW.plusSeconds(200)).getStatusCode(),
                "found by its contract and the day it was received");
        List<Map<String, Object>> listed = list(fixtures.ok(MANAGER, "GET", "/complaints?contract=LLR&quarter=FY2026Q3", null,
                NOW.plusSeconds(240)), "complaints");
        assertEquals(List.of("Closed after a meeting with the service manager"), listed.stream()
                .filter(c -> c.get("id").equals(complaint.get("id"))).map(c -> c.get("progress")).toList());
    }

    /** An IMCA case of {@code name}, allocated to ira-imca and closed on Tuesday 24 November 2026 (FY2026Q3). */
    private String closedImcaCase(String name) {
        String reference = fixtures.referAndScreen(CaseworkFixtures.about(CaseworkFixtures.example("imca"), name, "1940-02-02"), NOW);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), NOW.plusSeconds(3600));
        fixtures.ok(fixtures.imcaAdvocate("ira-imca"), "POST", "/cases/" + reference + "/closure", Map.of("reason", "PERSON_DECLINED",
                "summary", "Declined advocacy at the first visit.", "goals", List.of()), NOW.plusSeconds(86_400));
        return reference;
    }

    private static Map<String, Object> study(int revision, String text) {
        return new LinkedHashMap<>(Map.of("revision", revision, "consent", "GIVEN", "measures", List.of("hadASay", "gotInformation"),
                "text", text));
    }

    private static String field(APIGatewayProxyResponseEvent response) {
        return (String) list(json(response.getBody()), "errors").get(0).get("field");
    }

    @Test
    void llr2616ACaseStudyIsWrittenOnAClosedCaseByItsAdvocateOnTheRevisionItSawAndFourAServiceAreSelected() {
        Instant later = NOW.plusSeconds(2 * 86_400);
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String open = fixtures.referAndScreen(CaseworkFixtures.example("imca"), NOW);
        fixtures.ok(MANAGER, "POST", "/cases/" + open + "/allocation", Map.of("advocateId", "ira-imca"), NOW.plusSeconds(3600));
        APIGatewayProxyResponseEvent notClosed = fixtures.staff(ira, "POST", "/cases/" + open + "/case-study", study(0, "A journey"), later);
        assertEquals(409, notClosed.getStatusCode(), "written at or after closure: " + notClosed.getBody());

        List<String> closed = new java.util.ArrayList<>();
        for (String name : List.of("Rhiannon Uniquename", "Bea Second", "Cal Third", "Dee Fourth", "Eve Fifth")) {
            closed.add(closedImcaCase(name));
        }
        String first = closed.get(0);
        String path = "/cases/" + first + "/case-study";
        APIGatewayProxyResponseEvent other = fixtures.staff(fixtures.imcaAdvocate("ivy-imca"), "POST", path, study(0, "A journey"), later);
        assertEquals(403, other.getStatusCode(), "the advocate of another case: " + other.getBody());
        APIGatewayProxyResponseEvent named = fixtures.staff(ira, "POST", path, study(0, "Rhiannon moved home in March."), later);
        assertEquals(400, named.getStatusCode(), named.getBody());
        assertEquals("text", field(named));
        assertTrue(named.getBody().contains("Case study must not identify anyone: it has the person's name"), named.getBody());
        Map<String, Object> wrongType = study(0, "A journey");
        wrongType.put("revision", "0");
        assertEquals("revision", field(fixtures.staff(ira, "POST", path, wrongType, later)), "JSON types honoured");
        Map<String, Object> unknownMeasure = study(0, "A journey");
        unknownMeasure.put("measures", List.of("happiness"));
        assertEquals("measures", field(fixtures.staff(ira, "POST", path, unknownMeasure, later)));

        String text = "Met the person four times; their wish to stay at home was heard at the best interests meeting.";
        Map<String, Object> written = fixtures.ok(ira, "POST", path, study(0, text), later);
        assertEquals(List.of("CS-" + first, "LLR", "IMCA", "FY2026Q3", first, List.of("gotInformation", "hadASay"), "GIVEN", text, false, 1,
                "ira-imca", "2029-12-31"), List.of(written.get("id"), written.get("contract"), written.get("service"), written.get("quarter"),
                written.get("reference"), written.get("measures"), written.get("consent"), written.get("text"), written.get("selected"),
                written.get("revision"), written.get("writtenBy"), written.get("keptUntil")), "measures in the contract's order; kept "
                + "three years from the quarter's end");
        assertEquals(written, fixtures.ok(ira, "POST", path, study(0, text), later.plusSeconds(60)), "the same request again: as stored");
        APIGatewayProxyResponseEvent stale = fixtures.staff(ira, "POST", path, study(0, "Another journey"), later.plusSeconds(90));
        assertEquals(409, stale.getStatusCode(), "written meanwhile: " + stale.getBody());
        Map<String, Object> rewritten = fixtures.ok(MANAGER, "POST", path, study(1, "Another journey, in the person's words."),
                later.plusSeconds(120));
        assertEquals(List.of(2, LocalAws.TEST_MANAGER), List.of(rewritten.get("revision"), rewritten.get("writtenBy")));

        Map<String, AttributeValue> stored = partition("RETURNS#LLR#FY2026Q3").stream()
                .filter(item -> item.get("SK").s().equals("CASE_STUDY#IMCA#CS-" + first)).findFirst().orElseThrow();
        // The end of 31 December 2029 in London (GMT): DynamoDB may delete it after.
        assertEquals(Long.toString(Instant.parse("2030-01-01T00:00:00Z").getEpochSecond()), stored.get("expiresAt").n());
        List<String> audit = list(fixtures.ok(MANAGER, "GET", "/cases/" + first, null, later.plusSeconds(130)), "audit").stream()
                .map(a -> a.get("staffId") + ": " + a.get("action")).toList();
        assertTrue(audit.contains("ira-imca: wrote the case study for the return of FY2026Q3"), audit.toString());

        for (String reference : closed.subList(1, 5)) {
            fixtures.ok(ira, "POST", "/cases/" + reference + "/case-study", study(0, "The journey of another person to their outcomes."),
                    later.plusSeconds(150));
        }
        assertEquals(403, fixtures.staff(ira, "GET", "/case-studies?contract=LLR&quarter=FY2026Q3", null, later).getStatusCode(),
                "managers list the case studies");
        Map<String, Object> listed = fixtures.ok(MANAGER, "GET", "/case-studies?contract=LLR&quarter=FY2026Q3", null, later.plusSeconds(200));
        assertEquals(4, listed.get("perService"));
        List<Map<String, Object>> studies = list(listed, "caseStudies");
        assertEquals(5, studies.size());

        APIGatewayProxyResponseEvent advocateSelects = fixtures.staff(ira, "POST", "/case-studies/CS-" + first + "/selection",
                Map.of("contract", "LLR", "quarter", "FY2026Q3", "revision", 2, "selected", true), later);
        assertEquals(403, advocateSelects.getStatusCode(), "managers choose the return's");
        for (Map<String, Object> one : studies.subList(0, 4)) {
            Map<String, Object> chosen = fixtures.ok(MANAGER, "POST", "/case-studies/" + one.get("id") + "/selection", Map.of("contract",
                    "LLR", "quarter", "FY2026Q3", "revision", one.get("revision"), "selected", true), later.plusSeconds(300));
            assertEquals(true, chosen.get("selected"));
        }
        Map<String, Object> fifth = studies.get(4);
        Map<String, Object> selectFifth = new LinkedHashMap<>(Map.of("contract", "LLR", "quarter", "FY2026Q3", "revision",
                fifth.get("revision"), "selected", true));
        APIGatewayProxyResponseEvent refused = fixtures.staff(MANAGER, "POST", "/case-studies/" + fifth.get("id") + "/selection",
                selectFifth, later.plusSeconds(400));
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertEquals("selected", field(refused));
        assertTrue(refused.getBody().contains("the return takes 4 case studies of each service a quarter (LLR Appendix One)"), refused.getBody());

        Map<String, Object> firstChosen = studies.get(0);
        APIGatewayProxyResponseEvent staleSelection = fixtures.staff(MANAGER, "POST", "/case-studies/" + firstChosen.get("id")
                + "/selection", Map.of("contract", "LLR", "quarter", "FY2026Q3", "revision", firstChosen.get("revision"), "selected", false),
                later.plusSeconds(500));
        assertEquals(409, staleSelection.getStatusCode(), "selected since it was read: " + staleSelection.getBody());
        fixtures.ok(MANAGER, "POST", "/case-studies/" + firstChosen.get("id") + "/selection", Map.of("contract", "LLR", "quarter",
                "FY2026Q3", "revision", ((Integer) firstChosen.get("revision")) + 1, "selected", false), later.plusSeconds(600));
        Map<String, Object> nowFourth = fixtures.ok(MANAGER, "POST", "/case-studies/" + fifth.get("id") + "/selection", selectFifth,
                later.plusSeconds(700));
        assertEquals(List.of(true, 2), List.of(nowFourth.get("selected"), nowFourth.get("revision")), "one unselected, the fifth fits");
        assertEquals(4, list(fixtures.ok(MANAGER, "GET", "/case-studies?contract=LLR&quarter=FY2026Q3", null, later.plusSeconds(800)),
                "caseStudies").stream().filter(one -> Boolean.TRUE.equals(one.get("selected"))).count());
        assertEquals(404, fixtures.staff(MANAGER, "POST", "/case-studies/CS-LLR-2026-999999/selection", selectFifth, later).getStatusCode());
    }

    @Test
    void llrAppendixOneDAServiceSummaryIsItsTextOrNotCompletedWrittenByManagersOnTheRevisionTheySaw() {
        Map<String, Object> trends = new LinkedHashMap<>(Map.of("contract", "LLR", "quarter", "FY2026Q3", "summary", "trends",
                "revision", 0, "text", "More DoLS referrals from care homes; IMHA waits fell in November."));
        assertEquals(403, fixtures.staff(fixtures.imcaAdvocate("ira-imca"), "PUT", "/service-summaries", trends, NOW).getStatusCode());
        Map<String, Object> both = new LinkedHashMap<>(trends);
        both.put("notCompleted", true);
        assertEquals("notCompleted", field(fixtures.staff(MANAGER, "PUT", "/service-summaries", both, NOW)), "exactly one of the two");
        Map<String, Object> neither = new LinkedHashMap<>(trends);
        neither.remove("text");
        assertEquals("text", field(fixtures.staff(MANAGER, "PUT", "/service-summaries", neither, NOW)));
        Map<String, Object> unknown = new LinkedHashMap<>(trends);
        unknown.put("summary", "weather");
        APIGatewayProxyResponseEvent notAsked = fixtures.staff(MANAGER, "PUT", "/service-summaries", unknown, NOW);
        assertEquals("summary", field(notAsked));
        assertTrue(notAsked.getBody().contains("harderToReach, peerSupport"), notAsked.getBody());
        Map<String, Object> identifying = new LinkedHashMap<>(trends);
        identifying.put("text", "Spoke with Mrs Jones at the forum");
        assertEquals("text", field(fixtures.staff(MANAGER, "PUT", "/service-summaries", identifying, NOW)));
        Map<String, Object> future = new LinkedHashMap<>(trends);
        future.put("quarter", "FY2026Q4");
        assertEquals("quarter", field(fixtures.staff(MANAGER, "PUT", "/service-summaries", future, NOW)), "a summary reports work done");
        Map<String, Object> control = new LinkedHashMap<>(trends);
        control.put("text", "a" + (char) 7 + "b");
        APIGatewayProxyResponseEvent controlled = fixtures.staff(MANAGER, "PUT", "/service-summaries", control, NOW);
        assertEquals("text", field(controlled), "control characters refused: " + controlled.getBody());

        Map<String, Object> written = fixtures.ok(MANAGER, "PUT", "/service-summaries", trends, NOW);
        assertEquals(List.of("trends", "Trends in each service area", "LLR Appendix One, 26.17", 1, false, "2029-12-31"),
                List.of(written.get("summary"), written.get("title"), written.get("clause"), written.get("revision"),
                        written.get("notCompleted"), written.get("keptUntil")));
        assertEquals(written, fixtures.ok(MANAGER, "PUT", "/service-summaries", trends, NOW.plusSeconds(60)), "sent again: as stored");
        Map<String, Object> stale = new LinkedHashMap<>(trends);
        stale.put("text", "Something else");
        assertEquals(409, fixtures.staff(MANAGER, "PUT", "/service-summaries", stale, NOW.plusSeconds(90)).getStatusCode());
        Map<String, Object> peer = new LinkedHashMap<>(Map.of("contract", "LLR", "quarter", "FY2026Q3", "summary", "peerSupport",
                "revision", 0, "notCompleted", true));
        Map<String, Object> notDone = fixtures.ok(MANAGER, "PUT", "/service-summaries", peer, NOW.plusSeconds(120));
        assertEquals(List.of(true, 1), List.of(notDone.get("notCompleted"), notDone.get("revision")));
        assertFalse(notDone.containsKey("text"));

        assertEquals(403, fixtures.staff(fixtures.imcaAdvocate("ira-imca"), "GET", "/service-summaries?contract=LLR", null, NOW)
                .getStatusCode());
        List<Map<String, Object>> summaries = list(fixtures.ok(MANAGER, "GET", "/service-summaries?contract=LLR&quarter=FY2026Q3", null,
                NOW.plusSeconds(180)), "summaries");
        assertEquals(List.of("harderToReach", "peerSupport", "involvement", "rightsAndIndependence", "goodPractice", "networking",
                "trends"), summaries.stream().map(one -> one.get("summary")).toList(), "each the contract asks for, in its order");
        assertEquals(List.of(0, 1, 0, 0, 0, 0, 1), summaries.stream().map(one -> one.get("revision")).toList(), "0: not written yet");
        assertEquals(written, summaries.get(6));
        assertTrue(partition("RETURNS#LLR#FY2026Q3").stream().anyMatch(item -> item.get("SK").s().equals("SERVICE_SUMMARY#trends")
                && item.containsKey("expiresAt")));
        assertEquals(List.of("areasForDevelopment"), list(fixtures.ok(MANAGER, "GET", "/service-summaries?contract=LEW", null, NOW),
                "summaries").stream().map(one -> one.get("summary")).toList(), "LEW 17.2");
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
        "/complaints|{\"formality\":\"VERBAL\"}|/formality|Formal or informal must be one of: FORMAL, INFORMAL",
        "/complaints|{\"summary\":\"Ring 0116 496 0000\"}|/summary|Brief details must not identify anyone: it has a telephone",
        "/compliments|{\"summary\":\"From Mrs Jones\"}|/summary|Brief details must not identify anyone: it has a title with a name",
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
                : Map.of("received", "2026-11-20", "contract", "LLR", "service", "IMCA", "formality", "FORMAL", "stage", 1));
        if (parts[0].equals("/compliments")) {
            body.remove("stage");
            body.remove("formality");
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
