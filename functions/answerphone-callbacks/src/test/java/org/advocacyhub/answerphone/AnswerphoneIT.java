package org.advocacyhub.answerphone;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.advocacyhub.testing.HubFixtures.json;
import static org.advocacyhub.testing.HubFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.SqsEventSourceMapping;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 10 through the real functions on the local engines: answerphone messages keyed in by staff
 * and sent by a telephony system, their 24-working-hour callback clock (LLR 9.23), the responses,
 * and the alerts the allocation timer and reminder emails raise for them.
 */
@WithLocalAws
class AnswerphoneIT {

    static final String FUNCTION = "AnswerphoneCallbacksFunction";
    /** Friday 27 November 2026, 18:00 in London (GMT). */
    static final Instant FRIDAY_SIX = Instant.parse("2026-11-27T18:00:00Z");
    static final Instant MONDAY_SIX = Instant.parse("2026-11-30T18:00:00Z");

    private final LocalAws aws;
    private final HubFixtures hub;

    AnswerphoneIT(LocalAws aws) {
        this.aws = aws;
        this.hub = new HubFixtures(aws);
    }

    private APIGatewayProxyResponseEvent call(Map<String, Object> claims, String method, String path, Object body, Instant at) {
        return hub.staff(FUNCTION, claims, method, path, body, at);
    }

    private Map<String, Object> ok(int status, Map<String, Object> claims, String method, String path, Object body, Instant at) {
        APIGatewayProxyResponseEvent response = call(claims, method, path, body, at);
        assertEquals(status, response.getStatusCode(), method + " " + path + ": " + response.getBody());
        return json(response.getBody());
    }

    static Map<String, Object> message(Instant leftAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("contract", "LLR");
        body.put("leftAt", leftAt.toString());
        body.put("callerName", "Pat Example");
        body.put("callbackNumber", "07700 900123");
        body.put("preferredMethod", "PHONE");
        body.put("service", "IMCA");
        body.put("summary", "Please call me back about my mum's care home move.");
        return body;
    }

    private Map<String, Object> keyIn(Instant leftAt, Instant at) {
        return ok(201, MANAGER, "POST", "/answerphone-messages", message(leftAt), at);
    }

    private Map<String, Object> respond(String id, String method, String outcome, Instant at) {
        return ok(201, MANAGER, "POST", "/answerphone-messages/" + id + "/responses", Map.of("at", at.toString(), "method", method,
                "outcome", outcome), at.plusSeconds(30));
    }

    // ------------------------------------------------------------------ the callback clock (LLR 9.23)

    @Test
    void llr923AMessageLeftAtSixOnFridayIsDueAtSixOnMondayAndListedWithTheTimeLeft() {
        Map<String, Object> created = keyIn(FRIDAY_SIX, FRIDAY_SIX.plus(Duration.ofHours(63)));
        assertTrue(((String) created.get("id")).matches("AP-LLR-2026-\\d{6}"), created.toString());
        assertEquals(MONDAY_SIX.toString(), created.get("dueAt"), "24 working hours: the weekend does not count");
        assertEquals("OPEN", created.get("status"));
        assertEquals("LLR 9.23", created.get("clause"));

        Map<String, Object> later = keyIn(FRIDAY_SIX.plus(Duration.ofHours(1)), FRIDAY_SIX.plus(Duration.ofHours(63)));
        Instant mondayNine = Instant.parse("2026-11-30T09:00:00Z");
        Map<String, Object> page = ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR", null, mondayNine);
        List<Map<String, Object>> open = list(page, "messages");
        assertEquals(List.of(created.get("id"), later.get("id")), open.stream().map(m -> m.get("id")).toList(), "soonest due first");
        assertEquals("PT9H", open.get(0).get("timeLeft"));
        assertEquals(false, open.get(0).get("overdue"));
        assertEquals("Pat Example", open.get(0).get("callerName"), "staff see the caller's details");
        Map<String, Object> late = list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR", null, MONDAY_SIX.plusSeconds(60)),
                "messages").get(0);
        assertEquals("PT-1M", late.get("timeLeft"));
        assertEquals(true, late.get("overdue"));
    }

    @Test
    void llr923AMessageLeftAtEightOnChristmasEveIsDueAtEightOnTuesdayTheTwentyNinth() {
        Instant christmasEve = Instant.parse("2026-12-24T20:00:00Z");
        Map<String, Object> created = keyIn(christmasEve, christmasEve.plus(Duration.ofMinutes(5)));
        assertEquals("2026-12-29T20:00:00Z", created.get("dueAt"), "Christmas Day and the Boxing Day holiday do not count");
        assertEquals(christmasEve.toString(), created.get("leftAt"), "the clock starts when the message was left");
    }

    @Test
    void llr923ANoAnswerLeavesTheClockRunningAndAVoicemailStopsIt() {
        String id = (String) keyIn(FRIDAY_SIX, FRIDAY_SIX.plusSeconds(600)).get("id");
        Instant monday = Instant.parse("2026-11-30T10:00:00Z");
        Map<String, Object> noAnswer = respond(id, "PHONE", "NO_ANSWER", monday);
        assertEquals("OPEN", noAnswer.get("status"), "no answer and no message left: not a response");
        assertEquals(1, list(noAnswer, "attempts").size());
        assertEquals(false, list(noAnswer, "attempts").get(0).get("responds"));

        Map<String, Object> voicemail = respond(id, "PHONE", "LEFT_VOICEMAIL", monday.plus(Duration.ofHours(2)));
        assertEquals("RESPONDED", voicemail.get("status"));
        assertEquals(monday.plus(Duration.ofHours(2)).toString(), voicemail.get("respondedAt"));
        assertEquals(true, voicemail.get("met"));
        assertEquals(2, list(voicemail, "attempts").size());

        Instant later = monday.plus(Duration.ofHours(3));
        assertEquals(List.of(), list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR", null, later), "messages"));
        assertEquals(List.of(id), list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR&status=responded", null, later),
                "messages").stream().map(m -> m.get("id")).toList());
        Map<String, Object> sms = respond(id, "SMS", "MESSAGE_SENT", later);
        assertEquals(monday.plus(Duration.ofHours(2)).toString(), sms.get("respondedAt"), "the first response stands");
    }

    @Test
    void llr924EachMethodHasOnlyTheOutcomesItCanHaveAndAttemptsAreInTime() {
        String id = (String) keyIn(FRIDAY_SIX, FRIDAY_SIX.plusSeconds(600)).get("id");
        Instant at = FRIDAY_SIX.plus(Duration.ofHours(1));
        APIGatewayProxyResponseEvent voicemailBySms = call(MANAGER, "POST", "/answerphone-messages/" + id + "/responses",
                Map.of("at", at.toString(), "method", "SMS", "outcome", "LEFT_VOICEMAIL"), at);
        assertEquals(400, voicemailBySms.getStatusCode());
        assertTrue(voicemailBySms.getBody().contains("\"field\":\"outcome\""), voicemailBySms.getBody());
        APIGatewayProxyResponseEvent early = call(MANAGER, "POST", "/answerphone-messages/" + id + "/responses",
                Map.of("at", FRIDAY_SIX.minusSeconds(60).toString(), "method", "PHONE", "outcome", "SPOKE"), at);
        assertEquals(400, early.getStatusCode());
        assertTrue(early.getBody().contains("\"field\":\"at\""), early.getBody());
        APIGatewayProxyResponseEvent relay = call(MANAGER, "POST", "/answerphone-messages/" + id + "/responses",
                Map.of("at", at.toString(), "method", "TEXT_RELAY", "outcome", "SPOKE", "referralTaken", true), at);
        assertEquals(201, relay.getStatusCode(), relay.getBody());
        assertEquals(404, call(MANAGER, "POST", "/answerphone-messages/AP-LLR-2026-999999/responses",
                Map.of("at", at.toString(), "method", "PHONE", "outcome", "SPOKE"), at).getStatusCode());
    }

    // ------------------------------------------------------------------ who may, and which contracts

    @Test
    void aContractWithoutAnAnswerphoneClockRefusesMessagesNamingTheContract() {
        Map<String, Object> lew = message(FRIDAY_SIX);
        lew.put("contract", "LEW");
        lew.remove("service");
        APIGatewayProxyResponseEvent refused = call(MANAGER, "POST", "/answerphone-messages", lew, FRIDAY_SIX.plusSeconds(60));
        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getBody().contains("LEW has no answerphone callback clock"), refused.getBody());
        assertTrue(refused.getBody().contains("\"field\":\"contract\""), refused.getBody());
        assertEquals(400, call(MANAGER, "GET", "/answerphone-messages?contract=LEW", null, FRIDAY_SIX).getStatusCode());
    }

    @Test
    void onlyStaffWhoWorkInTheContractMaySeeOrAnswerItsMessagesAndEveryAccessIsAudited() {
        String id = (String) keyIn(FRIDAY_SIX, FRIDAY_SIX.plusSeconds(600)).get("id");
        Map<String, Object> lewOnly = hub.member("cai-cyp", "ADVOCATE", List.of("CYP"), Map.of(), Map.of("contracts", List.of("LEW")));
        Map<String, Object> llrStaff = hub.member("lee-llr", "ADVOCATE", List.of("IMCA"), Map.of(), Map.of("contracts", List.of("LLR")));
        Instant at = FRIDAY_SIX.plus(Duration.ofHours(1));
        assertEquals(403, call(lewOnly, "GET", "/answerphone-messages?contract=LLR", null, at).getStatusCode());
        assertEquals(403, call(lewOnly, "POST", "/answerphone-messages/" + id + "/responses",
                Map.of("at", at.toString(), "method", "PHONE", "outcome", "SPOKE"), at).getStatusCode());
        // Issue 20: who may respond is decided before the body is read: a body that is not JSON is refused as the person is.
        assertEquals(403, call(lewOnly, "POST", "/answerphone-messages/" + id + "/responses", "not json", at).getStatusCode());
        assertEquals(400, call(llrStaff, "POST", "/answerphone-messages/" + id + "/responses", "not json", at).getStatusCode());
        assertEquals(401, call(Map.of(), "GET", "/answerphone-messages?contract=LLR", null, at).getStatusCode());
        assertEquals(1, list(ok(200, llrStaff, "GET", "/answerphone-messages?contract=LLR", null, at), "messages").size());

        List<String> audit = aws.dynamoDb().query(b -> b.tableName(table()).keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("MESSAGE#" + id), ":a", AttributeValue.fromS("AUDIT#"))))
                .items().stream().map(i -> i.get("staffId").s() + ": " + i.get("action").s()).toList();
        assertTrue(audit.contains("hub-manager: keyed in the message"), audit.toString());
        assertTrue(audit.contains("lee-llr: saw the message in the answerphone list"), audit.toString());
        assertFalse(audit.stream().anyMatch(a -> a.startsWith("cai-cyp")), "a refused request saw nothing: " + audit);
    }

    // ------------------------------------------------------------------ the answerphone queue

    @Test
    void aMessagePutOnTheQueueTwiceIsStoredOnceAndABadOneGoesToTheDeadLetterQueueWithoutHoldingUpTheRest() throws Exception {
        String queue = aws.queueUrl("AnswerphoneQueue");
        Map<String, Object> fromTelephony = message(FRIDAY_SIX);
        fromTelephony.put("sourceId", "connect-contact-4f2a");
        String body = HubFixtures.write(fromTelephony);
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));
        Map<String, Object> noSource = message(FRIDAY_SIX);
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(HubFixtures.write(noSource)));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("{\"contract\": \"LLR\", \"leftAt\": 20261127}"));
        Map<String, Object> other = message(FRIDAY_SIX.plusSeconds(60));
        other.put("sourceId", "connect-contact-77b1");
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(HubFixtures.write(other)));

        Instant at = FRIDAY_SIX.plusSeconds(120);
        String deadLetters = aws.queueUrl("AnswerphoneDeadLetterQueue");
        try (FunctionInvoker function = aws.newFunction(FUNCTION, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            SqsEventSourceMapping mapping = SqsEventSourceMapping.of(aws.template().function(FUNCTION).sqsEvents().get(0), function,
                    aws.sqs(), aws.resources(), aws.endpoints().region()).retryingAfter(Duration.ofSeconds(1));
            assertEquals(5, mapping.drainOnce(), "all five handed over in the first batch");
            List<Map<String, Object>> stored = list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR", null, at), "messages");
            assertEquals(2, stored.size(), "the good ones stored at once, the repeat once, the bad ones not at all: " + stored);
            assertEquals("telephony", stored.get(0).get("keyedBy"));
            // The two bad ones come back for their retries (3 receives, template.yaml), then the queue moves them to its DLQ.
            List<String> dead = new java.util.ArrayList<>();
            for (int round = 0; round < 10 && dead.size() < 2; round++) {
                Thread.sleep(1100);
                mapping.drainOnce();
                aws.sqs().receiveMessage(b -> b.queueUrl(deadLetters).maxNumberOfMessages(10)).messages()
                        .forEach(m -> dead.add(m.body()));
            }
            assertEquals(2, dead.size(), "both bad messages in the dead-letter queue: " + dead.size());
            assertTrue(dead.stream().anyMatch(d -> d.contains("20261127")), "the one that is not a message");
            assertTrue(dead.stream().anyMatch(d -> d.contains("Pat Example") && !d.contains("sourceId")), "the one without its source id");
        }
        assertEquals(2, list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR", null, at), "messages").size(),
                "retries stored nothing more");
    }

    @Test
    void aRepeatOfAKeyedInMessageWithTheSameIdempotencyKeyIsAnsweredWithTheFirstAndOtherContentIsRefused() {
        Instant at = FRIDAY_SIX.plusSeconds(600);
        Map<String, Object> withKey = message(FRIDAY_SIX);
        withKey.put("sourceId", "desk-phone-12");
        Map<String, Object> first = ok(201, MANAGER, "POST", "/answerphone-messages", withKey, at);
        Map<String, Object> again = ok(200, MANAGER, "POST", "/answerphone-messages", withKey, at.plusSeconds(5));
        assertEquals(first.get("id"), again.get("id"));
        withKey.put("summary", "Something else");
        assertEquals(409, call(MANAGER, "POST", "/answerphone-messages", withKey, at.plusSeconds(9)).getStatusCode());
        assertEquals(1, list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR", null, at.plusSeconds(10)), "messages").size());
    }

    @Test
    void issue19AMessageOrAResponseSentAgainWithItsIdempotencyKeyGetsTheFirstAnswerAndIsStoredOnce() {
        Instant at = FRIDAY_SIX.plusSeconds(600);
        Map<String, String> key = Map.of("Idempotency-Key", "desk-7");
        APIGatewayProxyResponseEvent created = hub.staff(FUNCTION, MANAGER, "POST", "/answerphone-messages", message(FRIDAY_SIX), at,
                key, Map.of());
        APIGatewayProxyResponseEvent again = hub.staff(FUNCTION, MANAGER, "POST", "/answerphone-messages", message(FRIDAY_SIX),
                at.plusSeconds(5), key, Map.of());
        assertEquals(201, again.getStatusCode(), "the first answer, status and all");
        assertEquals(created.getBody(), again.getBody());
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));

        String id = (String) json(created.getBody()).get("id");
        Instant monday = Instant.parse("2026-11-30T10:00:00Z");
        Map<String, Object> response = Map.of("at", monday.toString(), "method", "PHONE", "outcome", "NO_ANSWER");
        Map<String, String> responseKey = Map.of("Idempotency-Key", "attempt-1");
        APIGatewayProxyResponseEvent first = hub.staff(FUNCTION, MANAGER, "POST", "/answerphone-messages/" + id + "/responses",
                response, monday.plusSeconds(30), responseKey, Map.of());
        APIGatewayProxyResponseEvent repeat = hub.staff(FUNCTION, MANAGER, "POST", "/answerphone-messages/" + id + "/responses",
                response, monday.plusSeconds(60), responseKey, Map.of());
        APIGatewayProxyResponseEvent other = hub.staff(FUNCTION, MANAGER, "POST", "/answerphone-messages/" + id + "/responses",
                Map.of("at", monday.toString(), "method", "PHONE", "outcome", "SPOKE"), monday.plusSeconds(90), responseKey, Map.of());

        assertEquals(201, first.getStatusCode(), first.getBody());
        assertEquals(first.getBody(), repeat.getBody());
        assertEquals(409, other.getStatusCode(), "the same key for another response");
        Map<String, Object> listed = list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR&status=all", null,
                monday.plusSeconds(120)), "messages").stream().filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
        assertEquals(1, ((Number) listed.get("attemptCount")).intValue(), "one attempt recorded: " + listed);
        assertEquals(1, list(ok(200, MANAGER, "GET", "/answerphone-messages?contract=LLR&status=all", null, monday.plusSeconds(120)),
                "messages").size(), "one message");
    }

    // ------------------------------------------------------------------ alerts, from the same timer and emails (issue 9)

    @Test
    void llr923TheReminderAndTheEscalationGoToTheDutyManagersOnceEach() {
        hub.member("morgan-manager", "MANAGER", List.of(), Map.of(), Map.of("dutyManagerFor", List.of("LLR")));
        String id = (String) keyIn(FRIDAY_SIX, FRIDAY_SIX.plusSeconds(600)).get("id");
        Instant mondayNine = Instant.parse("2026-11-30T09:00:00Z");
        assertEquals("read=0 raised=0", timer(mondayNine.minusMillis(1)));
        assertEquals("read=1 raised=1", timer(mondayNine), "at the start of the working day it falls due");
        deliver(mondayNine.plusSeconds(1));
        assertEquals("read=0 raised=0", timer(MONDAY_SIX));
        assertEquals("read=1 raised=1", timer(MONDAY_SIX.plusMillis(1)));
        deliver(MONDAY_SIX.plus(Duration.ofMinutes(10)));
        assertEquals("read=0 raised=0", timer(MONDAY_SIX.plus(Duration.ofHours(1))));
        deliver(MONDAY_SIX.plus(Duration.ofHours(1)));

        List<SesMailbox.SentEmail> mail = aws.mailbox().emailsTo("morgan-manager@hub.example");
        assertEquals(List.of("Reminder: answerphone message " + id + " to answer by 6pm on Monday 30 November 2026",
                "Missed: answerphone message " + id + " was due 6pm on Monday 30 November 2026"),
                mail.stream().map(SesMailbox.SentEmail::subject).toList());
        for (SesMailbox.SentEmail email : mail) {
            assertTrue(email.text().contains("from P.E."), email.text());
            assertFalse(email.text().contains("Pat") || email.text().contains("07700") || email.text().contains("care home"),
                    "initials only, no number, no summary: " + email.text());
            assertTrue(email.text().contains("answerphone-messages?contract=LLR&status=open"), email.text());
        }
        assertTrue(mail.get(1).text().contains("Missed by: 10 minutes"), mail.get(1).text());
    }

    @Test
    void aMessageRespondedToInTimeRaisesNoEscalation() {
        hub.member("morgan-manager", "MANAGER", List.of(), Map.of(), Map.of("dutyManagerFor", List.of("LLR")));
        String id = (String) keyIn(FRIDAY_SIX, FRIDAY_SIX.plusSeconds(600)).get("id");
        respond(id, "EMAIL", "MESSAGE_SENT", Instant.parse("2026-11-30T08:00:00Z"));
        assertEquals("read=0 raised=0", timer(Instant.parse("2026-11-30T09:00:00Z")));
        assertEquals("read=0 raised=0", timer(MONDAY_SIX.plusSeconds(1)));
    }

    // ------------------------------------------------------------------ data protection and the returns

    @Test
    void callersDetailsExpireAfterTheRetentionPeriodWhileTheFiguresTheReturnsNeedAreKeptWithoutThem() {
        String id = (String) keyIn(FRIDAY_SIX, FRIDAY_SIX.plusSeconds(600)).get("id");
        respond(id, "PHONE", "SPOKE", Instant.parse("2026-11-30T12:00:00Z"));
        long expires = FRIDAY_SIX.plus(Duration.ofDays(90)).getEpochSecond();
        for (Map<String, AttributeValue> item : aws.dynamoDb().query(b -> b.tableName(table()).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("MESSAGE#" + id)))).items()) {
            assertNotNull(item.get("expiresAt"), "TTL on " + item.get("SK").s());
            assertEquals(expires, Long.parseLong(item.get("expiresAt").n()), "90 days after it was left (LLR 22.1f): " + item.get("SK").s());
        }
        List<Map<String, AttributeValue>> kept = aws.dynamoDb().query(b -> b.tableName(table())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :c)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("RETURNS#LLR#FY2026Q3"), ":c", AttributeValue.fromS("CALLBACK#"))))
                .items();
        assertEquals(1, kept.size());
        assertNull(kept.get(0).get("expiresAt"), "the figures are kept");
        assertEquals(List.of("PK", "SK", "dueAt", "leftAt", "messageId", "respondedAt", "type"),
                kept.get(0).keySet().stream().sorted().toList(), "no name, number, email or summary");
    }

    @Test
    void theQuartersFiguresCountMessagesRespondedInTimeMissedAndOpenWithTheMedianWorkingResponseTime() {
        String inTime = (String) keyIn(FRIDAY_SIX, FRIDAY_SIX.plusSeconds(60)).get("id");                        // due Mon 30th 18:00
        respond(inTime, "PHONE", "SPOKE", Instant.parse("2026-11-30T12:00:00Z"));                                 // 18 working hours
        Instant mondayTen = Instant.parse("2026-11-30T10:00:00Z");
        String exactlyAtDue = (String) keyIn(mondayTen, mondayTen.plusSeconds(60)).get("id");                     // due Tue 1st 10:00
        respond(exactlyAtDue, "SMS", "MESSAGE_SENT", Instant.parse("2026-12-01T10:00:00Z"));                       // 24: met at the due time
        Instant mondayEight = Instant.parse("2026-11-30T08:00:00Z");
        String late = (String) keyIn(mondayEight, mondayEight.plusSeconds(60)).get("id");                         // due Tue 1st 08:00
        respond(late, "PHONE", "LEFT_VOICEMAIL", Instant.parse("2026-12-01T09:00:00Z"));                           // 25: late
        keyIn(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:01:00Z"));                       // never answered
        keyIn(Instant.parse("2026-12-03T08:00:00Z"), Instant.parse("2026-12-03T08:01:00Z"));                       // not yet due

        var contracts = org.advocacyhub.domain.contract.ContractCatalogue.bundled();
        var figures = new org.advocacyhub.application.answerphone.AnswerphoneFigures(
                new org.advocacyhub.persistence.DynamoAnswerphoneStore(aws.dynamoDb(), table(), contracts), contracts,
                java.time.Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), java.time.ZoneOffset.UTC))
                .of("LLR", org.advocacyhub.domain.time.FinancialQuarter.parseKey("FY2026Q3"));
        assertEquals(5, figures.received());
        assertEquals(2, figures.respondedInTime(), "within 24 working hours (LLR 9.23), exactly at the due time included");
        assertEquals(2, figures.missed(), "one answered late, one never answered and past due");
        assertEquals(1, figures.open());
        assertEquals(Duration.ofHours(24), figures.medianResponseTime(), "the middle of 18, 24 and 25 working hours");
    }

    private String table() {
        return aws.environment(FUNCTION).get("TABLE_NAME");
    }

    private String timer(Instant at) {
        return hub.runTimer(at);
    }

    private void deliver(Instant at) {
        hub.deliverAlerts(at);
    }
}
