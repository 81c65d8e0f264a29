package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.clock;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.advocacyhub.persistence.TableKeys;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Issue 8 items 7 and 9 through the real functions on the local engines: the whole IMCA case, the action plan
 * (LLR 9.34), closure with each goal's outcome (KPI 4) and its clocks (LEW 8.12, LLR 5.23), the
 * person's feedback at closure (LEW 13.3), a closed case left alone, and a manager's reopen.
 */
@WithLocalAws
class ClosureIT {

    private static final Instant TUESDAY = MONDAY.plus(Duration.ofDays(1));
    private static final Instant WEDNESDAY = MONDAY.plus(Duration.ofDays(2));
    private static final Instant THURSDAY = MONDAY.plus(Duration.ofDays(3));

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    ClosureIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    // ------------------------------------------------------------------ helpers

    private String allocatedImcaCase(Instant allocatedAt) {
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), allocatedAt);
        return reference;
    }

    private static Map<String, Object> closure(String reason, List<Map<String, Object>> goals, String summary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("goals", goals);
        body.put("summary", summary);
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> casework(Map<String, Object> view) {
        return (Map<String, Object>) view.get("casework");
    }

    private static List<String> timeline(Map<String, Object> view) {
        return list(view, "timeline").stream().map(e -> e.get("type") + ": " + e.get("description")).toList();
    }

    private static Map<String, String> errors(APIGatewayProxyResponseEvent response) {
        assertEquals(400, response.getStatusCode(), response.getBody());
        return list(json(response.getBody()), "errors").stream()
                .collect(Collectors.toMap(e -> (String) e.get("field"), e -> (String) e.get("detail"), (a, b) -> a + " | " + b,
                        LinkedHashMap::new));
    }

    /** The references in an advocate's list: the status and advocate index (GSI4) as the table holds it. */
    private List<String> advocatesList(String advocateId) {
        return aws.dynamoDb().query(QueryRequest.builder().tableName(aws.tableName("HubTable")).indexName(TableKeys.GSI4)
                        .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", TableKeys.GSI4PK))
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(TableKeys.advocatePk(advocateId)))).build())
                .items().stream().map(item -> item.get("reference").s()).toList();
    }

    // ------------------------------------------------------------------ tests

    @Test
    void llr934Kpi4Lew133AnImcaCaseFromReferralToClosureWithFeedbackMeetsItsKpiClocks() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        Map<String, Object> waiting = fixtures.ok(MANAGER, "GET", "/waiting-list?contract=LLR", null, MONDAY.plusSeconds(600));
        assertEquals(List.of(reference), list(waiting, "cases").stream().map(c -> c.get("reference")).toList());

        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), TUESDAY);
        assertEquals(List.of(reference), advocatesList("ira-imca"));
        fixtures.ok(ira, "POST", "/cases/" + reference + "/contacts", Map.of("at", WEDNESDAY.minusSeconds(3600).toString(),
                "method", "PHONE", "withPerson", true, "successful", true), WEDNESDAY);
        fixtures.ok(ira, "POST", "/cases/" + reference + "/meetings", Map.of("at", WEDNESDAY.plus(Duration.ofHours(2)).toString(),
                "held", true, "kind", "WITH_PERSON"), WEDNESDAY.plus(Duration.ofHours(3)));

        fixtures.ok(ira, "POST", "/cases/" + reference + "/time", Map.of("date", "2026-11-25", "minutes", 90, "kind", "DIRECT",
                "activity", "FACE_TO_FACE"), WEDNESDAY.plus(Duration.ofHours(3)));
        fixtures.ok(ira, "POST", "/cases/" + reference + "/time", Map.of("date", "2026-11-25", "minutes", 30, "kind", "INDIRECT",
                "activity", "TRAVEL"), WEDNESDAY.plus(Duration.ofHours(3)));

        // LLR 9.34: the plan; a goal given an id keeps it, a new goal gets one.
        Map<String, Object> planned = fixtures.ok(ira, "PUT", "/cases/" + reference + "/action-plan", Map.of("goals", List.of(
                Map.of("id", "home", "text", "Move to a care home near my daughter", "status", "IN_PROGRESS"),
                Map.of("text", "Have my say at the best interests meeting", "status", "NOT_STARTED"))), WEDNESDAY.plus(Duration.ofHours(4)));
        List<Map<String, Object>> plan = list(casework(planned), "actionPlan");
        assertEquals("home", plan.get(0).get("id"));
        String say = (String) plan.get(1).get("id");
        assertTrue(say.matches("[0-9a-f]{8}"), "a new goal gets an id: " + say);
        Map<String, Object> replanned = fixtures.ok(ira, "PUT", "/cases/" + reference + "/action-plan", Map.of("goals", List.of(
                Map.of("id", "home", "text", "Move to a care home near my daughter", "status", "IN_PROGRESS"),
                Map.of("id", say, "text", "Have my say at the best interests meeting", "status", "IN_PROGRESS"))),
                WEDNESDAY.plus(Duration.ofHours(5)));
        assertEquals(List.of("home", say), list(casework(replanned), "actionPlan").stream().map(g -> g.get("id")).toList());
        assertTrue(timeline(replanned).contains("ACTION_PLAN_UPDATED: Action plan updated (LLR 9.34): 2 goals: home In progress, "
                + say + " In progress"), timeline(replanned).toString());

        Instant closedAt = THURSDAY.plus(Duration.ofHours(4));
        Map<String, Object> closed = fixtures.ok(ira, "POST", "/cases/" + reference + "/closure", closure("OUTCOME_REACHED", List.of(
                Map.of("id", say, "outcome", "PARTLY_ACHIEVED"), Map.of("id", "home", "outcome", "ACHIEVED")),
                "Moved near her daughter; her views were put at the best interests meeting."), closedAt);
        assertEquals("CLOSED", closed.get("status"));
        assertEquals(Map.of("reason", "OUTCOME_REACHED", "at", closedAt.toString(), "by", "ira-imca",
                "summary", "Moved near her daughter; her views were put at the best interests meeting."), casework(closed).get("closure"));
        assertEquals(List.of("ACHIEVED", "PARTLY_ACHIEVED"), list(casework(closed), "actionPlan").stream().map(g -> g.get("status")).toList(),
                "KPI 4: each goal marked");
        for (String kpiClock : List.of("allocation", "first-contact", "first-meeting")) {
            assertEquals("MET", clock(closed, kpiClock).get("status"), kpiClock + " (LLR 9.38a-c)");
        }
        assertEquals(120, ((Map<?, ?>) casework(closed).get("hours")).get("totalMinutes"), "the case closes with its hours (LLR 26.17)");
        assertEquals("RUNNING", clock(closed, "report").get("status"), "LLR 5.23: the report is due after the instruction ends");
        assertEquals(closedAt.toString(), clock(closed, "report").get("startedAt"));
        assertTrue(timeline(closed).stream().anyMatch(e -> e.startsWith("CLOSED: Closed: The issue has an outcome (LEW 8.12, LLR 4.5.4); "
                + "goals (LLR Appendix One KPI 4): home Achieved, " + say + " Partly achieved. Summary: Moved near")), timeline(closed).toString());
        assertEquals(List.of(), advocatesList("ira-imca"), "a closed case leaves the advocate's list");

        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("gotInformation", true);
        answers.put("hadASay", true);
        answers.put("moreSettled", false);
        answers.put("overallSatisfaction", 5);
        answers.put("comments", "Ira listened to me.");
        Map<String, Object> withFeedback = fixtures.ok(ira, "POST", "/cases/" + reference + "/feedback", Map.of("answers", answers),
                closedAt.plusSeconds(600));
        @SuppressWarnings("unchecked")
        Map<String, Object> feedback = (Map<String, Object>) casework(withFeedback).get("feedback");
        assertEquals(Map.of("gotInformation", "true", "hadASay", "true", "moreSettled", "false", "overallSatisfaction", "5",
                "comments", "Ira listened to me."), feedback.get("answers"));
        assertEquals("ira-imca", feedback.get("recordedBy"));
        assertEquals("CLOSED", withFeedback.get("status"));
        assertTrue(timeline(withFeedback).contains("FEEDBACK_RECORDED: Feedback at closure recorded (LEW 13.3): 5 of 13 questions answered"),
                timeline(withFeedback).toString());
        List<String> audit = list(withFeedback, "audit").stream().map(a -> a.get("staffId") + ": " + a.get("action")).toList();
        assertTrue(audit.containsAll(List.of("ira-imca: updated the action plan", "ira-imca: closed the case",
                "ira-imca: recorded the person's feedback")), audit.toString());
    }

    @Test
    void llr523AClosureWithTheInstructionWithdrawnStartsTheImcaReportClockAndTheReportSentStopsIt() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = allocatedImcaCase(MONDAY.plusSeconds(3600));
        Map<String, Object> closed = fixtures.ok(ira, "POST", "/cases/" + reference + "/closure", Map.of("reason", "INSTRUCTION_WITHDRAWN",
                "summary", "The decision maker withdrew the instruction in writing (LLR 5.21)."), WEDNESDAY);
        Map<String, Object> report = clock(closed, "report");
        assertEquals("RUNNING", report.get("status"));
        assertEquals(WEDNESDAY.toString(), report.get("startedAt"));
        assertEquals("2026-12-02T17:00:00Z", report.get("dueAt"), "5 working days from Wednesday (LLR 5.23)");
        assertEquals("MISSED", clock(closed, "first-contact").get("status"), "due Tuesday 17:00 and stopped by the closure");
        assertEquals(WEDNESDAY.toString(), clock(closed, "first-contact").get("stoppedAt"));
        assertEquals("MET", clock(closed, "first-meeting").get("status"), "not yet due when the closure stopped it");
        assertTrue(timeline(closed).contains("INSTRUCTION_ENDED: The instruction ended with the closure (the instruction was withdrawn); "
                + "a report is still due (LLR 5.23)"), timeline(closed).toString());
        assertEquals(WEDNESDAY.toString(), ((Map<?, ?>) casework(closed).get("milestones")).get("INSTRUCTION_ENDED"));

        Instant friday = MONDAY.plus(Duration.ofDays(4));
        Map<String, Object> sent = fixtures.ok(ira, "POST", "/cases/" + reference + "/report-sent", Map.of("at", friday.minusSeconds(3600)
                .toString()), friday);
        assertEquals("MET", clock(sent, "report").get("status"));
        assertEquals(friday.minusSeconds(3600).toString(), clock(sent, "report").get("stoppedAt"));
        assertEquals("CLOSED", sent.get("status"), "the report is recorded on the closed case");
    }

    @Test
    void lew812AClosedCaseIsNotChangedExceptByItsReportFeedbackAndAManagersReopen() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = allocatedImcaCase(MONDAY.plusSeconds(3600));
        Map<String, Object> closed = fixtures.ok(ira, "POST", "/cases/" + reference + "/closure", Map.of("reason", "PERSON_DECLINED",
                "summary", "Declined advocacy at the first visit.", "goals", List.of()), TUESDAY);
        Instant later = TUESDAY.plusSeconds(3600);
        String at = TUESDAY.minusSeconds(600).toString();
        Map<String, Map<String, Object>> attempts = new LinkedHashMap<>();
        attempts.put("POST /contacts", Map.of("at", at, "method", "PHONE", "withPerson", true, "successful", true));
        attempts.put("POST /meetings", Map.of("at", at, "held", true, "kind", "WITH_PERSON"));
        attempts.put("PUT /action-plan", Map.of("goals", List.of(Map.of("text", "Move home", "status", "NOT_STARTED"))));
        attempts.put("POST /closure", Map.of("reason", "OUTCOME_REACHED", "summary", "Again"));
        attempts.put("POST /time", Map.of("date", "2026-11-24", "minutes", 30, "kind", "DIRECT", "activity", "FACE_TO_FACE"));
        for (Map.Entry<String, Map<String, Object>> attempt : attempts.entrySet()) {
            String[] route = attempt.getKey().split(" ");
            APIGatewayProxyResponseEvent response = fixtures.staff(ira, route[0], "/cases/" + reference + route[1], attempt.getValue(), later);
            assertEquals(409, response.getStatusCode(), attempt.getKey() + ": " + response.getBody());
            assertTrue(response.getBody().contains("The case is closed; a manager can reopen it"), response.getBody());
        }
        for (String[] managerRoute : List.of(new String[] {"/allocation", "{\"advocateId\": \"ira-imca\"}"},
                new String[] {"/screening", "{\"note\": \"Checked again\"}"})) {
            APIGatewayProxyResponseEvent response = fixtures.staff(MANAGER, "POST", "/cases/" + reference + managerRoute[0],
                    managerRoute[1], later);
            assertEquals(409, response.getStatusCode(), managerRoute[0] + ": " + response.getBody());
            assertTrue(response.getBody().contains("The case is closed; a manager can reopen it"), response.getBody());
        }
        Map<String, Object> after = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, later);
        assertEquals(closed.get("version"), after.get("version"), "nothing was saved");
        assertEquals(closed.get("clocks"), after.get("clocks"));
        assertEquals(200, fixtures.staff(ira, "POST", "/cases/" + reference + "/feedback", Map.of("answers", Map.of("hadASay", true)),
                later).getStatusCode(), "feedback is collected at closure (LEW 13.3)");
    }

    @Test
    void lew812OnlyAManagerReopensAClosedCaseWhichGoesBackToItsAdvocateWithItsStoppedClocksStillStopped() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = allocatedImcaCase(MONDAY.plusSeconds(3600));
        fixtures.ok(ira, "POST", "/cases/" + reference + "/contacts", Map.of("at", MONDAY.plusSeconds(7200).toString(),
                "method", "VISIT", "withPerson", true, "successful", true), MONDAY.plusSeconds(7200));
        Map<String, Object> closed = fixtures.ok(ira, "POST", "/cases/" + reference + "/closure", Map.of("reason", "NO_LONGER_WANTS_SUPPORT",
                "summary", "Said she no longer wants an advocate."), TUESDAY);
        assertEquals(TUESDAY.toString(), clock(closed, "first-meeting").get("stoppedAt"));

        APIGatewayProxyResponseEvent byAdvocate = fixtures.staff(ira, "POST", "/cases/" + reference + "/reopen",
                Map.of("reason", "She asked again"), WEDNESDAY);
        assertEquals(403, byAdvocate.getStatusCode(), byAdvocate.getBody());

        Map<String, Object> reopened = fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/reopen",
                Map.of("reason", "She phoned to ask for her advocate again."), WEDNESDAY);
        assertEquals("ALLOCATED", reopened.get("status"));
        assertFalse(casework(reopened).containsKey("closure"), "the closure leaves the case");
        assertTrue(timeline(reopened).stream().anyMatch(e -> e.startsWith("CLOSED: Closed: The person no longer wants support (LEW 8.12)")),
                "the closure stays in the timeline");
        assertTrue(timeline(reopened).stream().anyMatch(e -> e.startsWith("REOPENED: Reopened (closed " + TUESDAY
                + ": The person no longer wants support); back to: Allocated to an advocate. The clocks the closure stopped stay stopped. "
                + "Reason: She phoned to ask for her advocate again.")), timeline(reopened).toString());
        assertEquals(closed.get("clocks"), reopened.get("clocks"), "stopped clocks stay stopped; the report clock runs on");
        assertEquals(List.of(reference), advocatesList("ira-imca"), "back in the advocate's list");

        Map<String, Object> met = fixtures.ok(ira, "POST", "/cases/" + reference + "/meetings", Map.of("at", WEDNESDAY.plusSeconds(600)
                .toString(), "held", true, "kind", "WITH_PERSON"), WEDNESDAY.plusSeconds(700));
        assertEquals(TUESDAY.toString(), clock(met, "first-meeting").get("stoppedAt"), "counted once, at the closure");

        APIGatewayProxyResponseEvent notClosed = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/reopen",
                Map.of("reason", "Again"), WEDNESDAY.plusSeconds(800));
        assertEquals(409, notClosed.getStatusCode(), notClosed.getBody());
        assertTrue(notClosed.getBody().contains("The case is not closed"), notClosed.getBody());
    }

    @Test
    void issue8BadClosuresPlansAndFeedbackAreRefusedNamingEachFieldAndNothingIsSaved() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = allocatedImcaCase(MONDAY.plusSeconds(3600));
        Map<String, Object> planned = fixtures.ok(ira, "PUT", "/cases/" + reference + "/action-plan", Map.of("goals", List.of(
                Map.of("text", "Move home", "status", "IN_PROGRESS"))), MONDAY.plusSeconds(7200));
        String goal = (String) list(casework(planned), "actionPlan").get(0).get("id");
        Instant now = TUESDAY;

        Map<String, String> closure = errors(fixtures.staff(ira, "POST", "/cases/" + reference + "/closure", Map.of("reason", "FINISHED",
                "goals", List.of(Map.of("id", goal, "outcome", "DONE"))), now));
        assertEquals(List.of("reason", "summary", "goals.0.outcome"), List.copyOf(closure.keySet()), closure.toString());
        assertEquals("A goal's outcome must be one of: ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED", closure.get("goals.0.outcome"));

        Map<String, String> goals = errors(fixtures.staff(ira, "POST", "/cases/" + reference + "/closure", closure("OUTCOME_REACHED",
                List.of(Map.of("id", "nope", "outcome", "ACHIEVED")), "Done"), now));
        assertEquals("The action plan has no goal 'nope'; its goals are " + goal, goals.get("goals.0.id"));
        assertEquals("Goal '" + goal + "' has no outcome: every goal of the action plan is marked achieved, partly achieved or not "
                + "achieved at closure (LLR Appendix One KPI 4)", goals.get("goals"));
        Map<String, String> noGoals = errors(fixtures.staff(ira, "POST", "/cases/" + reference + "/closure",
                Map.of("reason", "OUTCOME_REACHED", "summary", "Done"), now));
        assertEquals(List.of("goals"), List.copyOf(noGoals.keySet()), "KPI 4: the plan's goal must be given its outcome");

        Map<String, String> plan = errors(fixtures.staff(ira, "PUT", "/cases/" + reference + "/action-plan", Map.of("goals", List.of(
                Map.of("text", 5, "status", "LATER"), Map.of("text", "See family", "status", "NOT_STARTED", "owner", "me"))), now));
        assertEquals("A goal must be text, not a number", plan.get("goals.0.text"));
        assertEquals("A goal's status must be one of: NOT_STARTED, IN_PROGRESS, ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED",
                plan.get("goals.0.status"));
        assertEquals("'goals.1.owner' is not a field of an action plan", plan.get("goals.1.owner"));
        assertEquals(Map.of("goals", "Goals must be a list of objects, like [{\"id\": ...}], not text"),
                errors(fixtures.staff(ira, "PUT", "/cases/" + reference + "/action-plan", Map.of("goals", "Move home"), now)));
        assertEquals(Map.of("goals.1.id", "Goal 'a' is given twice"), errors(fixtures.staff(ira, "PUT", "/cases/" + reference
                + "/action-plan", Map.of("goals", List.of(Map.of("id", "a", "text", "x", "status", "NOT_STARTED"),
                Map.of("id", "a", "text", "y", "status", "NOT_STARTED"))), now)));

        Map<String, Object> unchanged = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, now);
        assertEquals(planned.get("version"), unchanged.get("version"), "nothing saved on a bad request");
        assertEquals("ALLOCATED", unchanged.get("status"));

        fixtures.ok(ira, "POST", "/cases/" + reference + "/closure", closure("OUTCOME_REACHED",
                List.of(Map.of("id", goal, "outcome", "NOT_ACHIEVED")), "Could not move."), now);
        Map<String, Object> answers = new LinkedHashMap<>();
        answers.put("favouriteColour", "blue");
        answers.put("gotInformation", "yes");
        answers.put("overallSatisfaction", 6);
        answers.put("listenedTo", true);
        Map<String, String> feedback = errors(fixtures.staff(ira, "POST", "/cases/" + reference + "/feedback", Map.of("answers", answers),
                now.plusSeconds(60)));
        assertEquals("'answers.favouriteColour' is not a field of the LLR feedback questions", feedback.get("answers.favouriteColour"));
        assertEquals("'answers.listenedTo' is not a field of the LLR feedback questions", feedback.get("answers.listenedTo"),
                "a LEW question is not asked on an LLR case");
        assertEquals("The answer to 'gotInformation' must be true or false, not text", feedback.get("answers.gotInformation"));
        assertEquals("The answer to 'overallSatisfaction' must be a whole number from 1 to 5", feedback.get("answers.overallSatisfaction"));
        Map<String, String> none = errors(fixtures.staff(ira, "POST", "/cases/" + reference + "/feedback", Map.of("answers", Map.of()),
                now.plusSeconds(60)));
        assertEquals(java.util.Set.of("answers"), none.keySet());
        assertTrue(none.get("answers").startsWith("Answer at least one question, such as \""), none.toString());
        Map<String, Object> closed = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, now.plusSeconds(120));
        assertFalse(casework(closed).containsKey("feedback"), "nothing saved on a bad request");
    }

    @Test
    void lew133FeedbackAnswersTheQuestionsOfTheCasesContractAtClosure() {
        Map<String, Object> cai = fixtures.member("cai-cyp", "ADVOCATE", List.of("CYP"), Map.of(), Map.of());
        String child = fixtures.referAndScreen(example("cyp"), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + child + "/allocation", Map.of("advocateId", "cai-cyp"), MONDAY.plusSeconds(3600));
        // The young person's answers and the advocate's (LEW Appendix 1: what the advocate reports), in one feedback.
        Map<String, Object> answers = Map.of("answers", Map.of("listenedTo", true, "understandsRights", true, "moreConfident", false,
                "comments", "Cai helped me say what I wanted at my review.", "selfAdvocacyInMeeting", true,
                "referredToParticipation", false));
        APIGatewayProxyResponseEvent open = fixtures.staff(cai, "POST", "/cases/" + child + "/feedback", answers, TUESDAY);
        assertEquals(409, open.getStatusCode(), open.getBody());
        assertTrue(open.getBody().contains("Feedback is recorded at closure (LEW 13.3): close the case first"), open.getBody());

        Map<String, Object> closed = fixtures.ok(cai, "POST", "/cases/" + child + "/closure", Map.of("reason", "SELF_ADVOCATING",
                "summary", "Spoke up for himself at his review."), TUESDAY);
        assertFalse(list(closed, "clocks").stream().anyMatch(c -> "RUNNING".equals(c.get("status"))), "LEW 8.12: every clock stops");
        Map<String, Object> recorded = fixtures.ok(cai, "POST", "/cases/" + child + "/feedback", answers, TUESDAY.plusSeconds(60));
        assertEquals(Map.of("listenedTo", "true", "understandsRights", "true", "moreConfident", "false",
                "comments", "Cai helped me say what I wanted at my review.", "selfAdvocacyInMeeting", "true", "referredToParticipation",
                "false"), ((Map<?, ?>) casework(recorded).get("feedback")).get("answers"));
        Map<String, String> wrongType = errors(fixtures.staff(cai, "POST", "/cases/" + child + "/feedback", Map.of("answers",
                Map.of("positiveOutcome", "yes")), TUESDAY.plusSeconds(90)));
        assertEquals(Map.of("answers.positiveOutcome", "The answer to 'positiveOutcome' must be true or false, not text"), wrongType,
                "an advocate's answer is checked as the young person's are");
        Map<String, Object> again = fixtures.ok(MANAGER, "POST", "/cases/" + child + "/feedback", Map.of("answers",
                Map.of("listenedTo", true)), TUESDAY.plusSeconds(120));
        assertEquals(Map.of("listenedTo", "true"), ((Map<?, ?>) casework(again).get("feedback")).get("answers"));
        assertTrue(timeline(again).stream().anyMatch(e -> e.contains("1 of 23 questions answered; replaces the answers recorded at "
                + TUESDAY.plusSeconds(60) + " by cai-cyp")), timeline(again).toString());

        String placement = fixtures.referAndScreen(example("accommodation"), MONDAY);
        Map<String, Object> derby = fixtures.ok(MANAGER, "POST", "/cases/" + placement + "/closure", Map.of("reason", "NO_LONGER_WANTS_SUPPORT",
                "summary", "The council found a placement elsewhere."), MONDAY.plusSeconds(1800));
        assertEquals("CLOSED", derby.get("status"));
        APIGatewayProxyResponseEvent none = fixtures.staff(MANAGER, "POST", "/cases/" + placement + "/feedback",
                Map.of("answers", Map.of("listenedTo", true)), MONDAY.plusSeconds(1900));
        assertEquals(409, none.getStatusCode(), none.getBody());
        assertTrue(none.getBody().contains("The DERBY contract asks no feedback questions at closure"), none.getBody());
        assertNotEquals(child, placement);
    }
}
