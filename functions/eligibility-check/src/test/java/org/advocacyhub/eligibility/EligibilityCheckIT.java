package org.advocacyhub.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.AwsEndpoints;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Screening end to end: a referral submitted through the intake function travels through the real
 * screening queue to the eligibility-check function, which records the decision and writes to
 * the referrer. DynamoDB Local, ElasticMQ and aws-ses-v2-local throughout.
 */
@WithLocalAws
class EligibilityCheckIT {

    private static final String FUNCTION = "EligibilityCheckFunction";
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Map<String, Object> MANAGER = Map.of("sub", "m-1", "cognito:groups", "manager");

    private final LocalAws aws;

    EligibilityCheckIT(LocalAws aws) {
        this.aws = aws;
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> example(String service) {
        try {
            return json(Files.readString(Path.of("../../infrastructure/events/referral-" + service + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The IMCA example with these service answers (LLR 5.52-5.60). */
    private static Map<String, Object> imca(Map<String, Object> details) {
        Map<String, Object> referral = new LinkedHashMap<>(example("imca"));
        referral.put("details", details);
        return referral;
    }

    private static Map<String, Object> eligibleImcaDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("decisionType", "COUNCIL_CARE_HOME_ACCOMMODATION");
        details.put("stayDuration", "MORE_THAN_8_WEEKS");
        details.put("capacityJudgement", "LACKS_CAPACITY");
        details.put("capacityAssessed", true);
        details.put("familyOrFriendToConsult", "NO");
        return details;
    }

    private String submit(Map<String, Object> referral) {
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals")
                .header("Content-Type", "application/json").body(write(referral)));
        assertEquals(201, response.getStatusCode(), response.getBody());
        return (String) json(response.getBody()).get("reference");
    }

    private int screenQueued() {
        return aws.eventSource(FUNCTION).drainOnce();
    }

    private Map<String, Object> caseView(String reference) {
        APIGatewayProxyResponseEvent response = aws.call(aws.request("GET", "/cases/" + reference).claims(MANAGER));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response.getBody());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> screening(Map<String, Object> view) {
        return (Map<String, Object>) view.get("screening");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }

    private List<SesMailbox.SentEmail> lettersAbout(String reference) {
        return aws.mailbox().emails().stream()
                .filter(e -> e.subject().contains(reference) && !e.subject().startsWith("Referral received")).toList();
    }

    // ------------------------------------------------------------------ scenarios

    @ParameterizedTest(name = "the {0} example referral is screened eligible within one queue poll, with a letter")
    @ValueSource(strings = {"imca", "dols-imca", "imha", "care-act", "icas", "cyp", "accommodation"})
    void everyExampleIsScreenedEligibleAndTheReferrerIsTold(String service) {
        String reference = submit(example(service));
        assertEquals(1, screenQueued());

        Map<String, Object> view = caseView(reference);
        assertEquals("AWAITING_ALLOCATION", view.get("status"), String.valueOf(screening(view)));
        assertEquals("ELIGIBLE", screening(view).get("outcome"));
        List<Map<String, Object>> reasons = list(screening(view), "reasons");
        assertFalse(reasons.isEmpty());
        reasons.forEach(r -> assertTrue(String.valueOf(r.get("clause")).matches("(LLR|LEW|DERBY|SCIE) .+"), r.toString()));
        SesMailbox.SentEmail letter = aws.mailbox().await(e -> e.subject().equals("Referral " + reference + " accepted"), Duration.ofSeconds(5));
        assertTrue(letter.text().contains("We have accepted your referral"), letter.text());
        assertFalse(letter.text().contains(".."), "no doubled full stops: " + letter.text());
        assertTrue(view.get("timeline").toString().contains("DECISION_LETTER_SENT"));
    }

    @Test
    void llr560WithoutACapacityAssessmentTheClockPausesUntilAManagerSuppliesIt() {
        Map<String, Object> details = eligibleImcaDetails();
        details.put("capacityAssessed", false);
        String reference = submit(imca(details));
        screenQueued();

        Map<String, Object> view = caseView(reference);
        assertEquals("NEEDS_INFORMATION", view.get("status"));
        assertFalse(list(screening(view), "informationNeeded").isEmpty());
        Map<String, Object> allocation = list(view, "clocks").stream().filter(c -> c.get("name").equals("allocation")).findFirst().orElseThrow();
        assertEquals(true, allocation.get("paused"));
        assertTrue(list(view, "tasks").stream().anyMatch(t -> t.get("kind").equals("OBTAIN_INFORMATION") && t.get("open").equals(true)));
        SesMailbox.SentEmail asked = aws.mailbox().await(e -> e.subject().contains(reference + ": we need more information"), Duration.ofSeconds(5));
        assertTrue(asked.text().contains("LLR 5.60"), asked.text());

        APIGatewayProxyResponseEvent again = aws.call(aws.request("POST", "/cases/" + reference + "/screening").claims(MANAGER)
                .header("Content-Type", "application/json")
                .body("{\"details\":{\"capacityAssessed\":true},\"note\":\"Decision maker confirmed the assessment by phone\"}"));
        assertEquals(200, again.getStatusCode(), again.getBody());
        Map<String, Object> after = json(again.getBody());
        assertEquals("AWAITING_ALLOCATION", after.get("status"));
        allocation = list(after, "clocks").stream().filter(c -> c.get("name").equals("allocation")).findFirst().orElseThrow();
        assertEquals(false, allocation.get("paused"));
        assertEquals(1, list(allocation, "pauses").size(), "the pause is recorded for reports");
        assertNotNull(list(allocation, "pauses").get(0).get("end"));
        assertTrue(list(after, "tasks").stream().filter(t -> t.get("kind").equals("OBTAIN_INFORMATION")).allMatch(t -> t.get("open").equals(false)));
        assertEquals(2, lettersAbout(reference).size(), "one letter asking, one accepting");
    }

    @Test
    void llr52bAPersonWithFamilyToConsultIsNotAcceptedWithReasonsInWriting() {
        Map<String, Object> details = eligibleImcaDetails();
        details.put("familyOrFriendToConsult", "YES");
        String reference = submit(imca(details));
        screenQueued();

        Map<String, Object> view = caseView(reference);
        assertEquals("NOT_ACCEPTED", view.get("status"));
        assertTrue(list(view, "clocks").isEmpty(), "no deadline applies to a referral the hub does not take");
        SesMailbox.SentEmail letter = aws.mailbox().await(e -> e.subject().contains(reference + ": not accepted"), Duration.ofSeconds(5));
        assertTrue(letter.text().contains("Why we cannot accept it"), letter.text());
        assertTrue(letter.text().matches("(?s).*\\(LLR 5\\.[0-9a-z.\\-]+\\).*"), letter.text());
        assertFalse(letter.text().contains("Testperson"), "initials only");
    }

    @Test
    void llr938aAManagersCorrectionOfADeclinedReferralRestoresTheAllocationClockFromReceipt() {
        Map<String, Object> details = eligibleImcaDetails();
        details.put("familyOrFriendToConsult", "YES");
        String reference = submit(imca(details));
        screenQueued();
        Map<String, Object> declined = caseView(reference);
        assertEquals("NOT_ACCEPTED", declined.get("status"));

        APIGatewayProxyResponseEvent again = aws.call(aws.request("POST", "/cases/" + reference + "/screening").claims(MANAGER)
                .header("Content-Type", "application/json")
                .body("{\"details\":{\"familyOrFriendToConsult\":\"NO\"},\"note\":\"The friend named cannot be consulted\"}"));
        assertEquals(200, again.getStatusCode(), again.getBody());
        Map<String, Object> accepted = json(again.getBody());
        assertEquals("AWAITING_ALLOCATION", accepted.get("status"));
        Map<String, Object> allocation = list(accepted, "clocks").stream().filter(c -> c.get("name").equals("allocation"))
                .findFirst().orElseThrow();
        assertEquals(declined.get("receivedAt"), allocation.get("startedAt"), "the statutory clock runs from receipt");
    }

    /** A case screened to each outcome a re-screen can leave as it is. */
    private String screenedTo(String outcome) {
        Map<String, Object> details = eligibleImcaDetails();
        switch (outcome) {
            case "NEEDS_INFORMATION" -> details.put("capacityAssessed", false);
            case "NOT_ELIGIBLE" -> details.put("familyOrFriendToConsult", "YES");
            default -> { }
        }
        String reference = submit(imca(details));
        screenQueued();
        assertEquals(outcome, screening(caseView(reference)).get("outcome"));
        return reference;
    }

    private APIGatewayProxyResponseEvent screenAgain(String reference, String body) {
        return aws.call(aws.request("POST", "/cases/" + reference + "/screening").claims(MANAGER)
                .header("Content-Type", "application/json").body(body));
    }

    @ParameterizedTest(name = "issue 7: screening a {0} referral again to the same decision records the note and sends no letter")
    @ValueSource(strings = {"ELIGIBLE", "NEEDS_INFORMATION", "NOT_ELIGIBLE"})
    void aReScreenWithTheSameDecisionSendsNoLetter(String outcome) {
        String reference = screenedTo(outcome);
        Map<String, Object> before = caseView(reference);
        int letters = lettersAbout(reference).size();
        assertEquals(1, letters);

        APIGatewayProxyResponseEvent again = screenAgain(reference,
                "{\"details\":{\"decisionType\":\"COUNCIL_CARE_HOME_ACCOMMODATION\"},\"note\":\"Spoke to the ward\"}");
        assertEquals(200, again.getStatusCode(), again.getBody());
        Map<String, Object> after = json(again.getBody());
        assertEquals(before.get("status"), after.get("status"));
        assertEquals(screening(before), screening(after), "the decision and its time are unchanged");
        assertEquals(before.get("clocks"), after.get("clocks"));
        assertEquals(before.get("tasks"), after.get("tasks"), "open tasks stay open");
        String timeline = after.get("timeline").toString();
        assertTrue(timeline.contains("Spoke to the ward"), timeline);
        assertTrue(timeline.contains("unchanged; the referrer already has this decision, so no new letter was sent"), timeline);
        aws.eventSource(FUNCTION).drainOnce();
        assertEquals(letters, lettersAbout(reference).size(), "no second letter about the same decision");

        // A change of decision still writes to the referrer.
        if (outcome.equals("NEEDS_INFORMATION")) {
            assertEquals(200, screenAgain(reference, "{\"details\":{\"capacityAssessed\":true}}").getStatusCode());
            assertEquals(letters + 1, lettersAbout(reference).size());
        }
    }

    @ParameterizedTest(name = "issue 7: a re-screen body meets the referral's rules: {0}")
    @ValueSource(strings = {
        "{\"note\":123}|/note|Note must be text, not a number",
        "{\"note\":\"a\\u0007b\"}|/note|Note must not contain control characters",
        "{\"note\":\"x\\u202ey\"}|/note|Note must not contain invisible text-direction characters",
        "{\"details\":\"capacityAssessed\"}|/details|'details' must be an object of fields",
        "{\"details\":{\"capacityAssessed\":\"yes\"}}|/details/capacityAssessed|Capacity assessment done must be true or false, not text",
        "{\"details\":{\"decisionType\":7}}|/details/decisionType|Decision type must be text, not a number",
        "{\"details\":{\"nonsense\":\"x\"}}|/details/nonsense|'details.nonsense' is not a question for",
        "{\"service\":true}|/service|Service must be text, not true or false",
        "{\"service\":\"NOPE\"}|/service|Service must be one of:",
        "{\"reason\":\"x\"}|/reason|'reason' is not a field of a screening request",
        "{\"note\":\"a\",\"note\":\"b\"}|/note|'note' is given more than once"})
    void aReScreenBodyIsCheckedLikeAReferral(String both) {
        String[] parts = both.split("\\|");
        String reference = screenedTo("NEEDS_INFORMATION");
        Map<String, Object> before = caseView(reference);
        APIGatewayProxyResponseEvent response = screenAgain(reference, parts[0]);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        Map<String, Object> error = list(json(response.getBody()), "errors").stream()
                .filter(e -> e.get("pointer").equals(parts[1])).findFirst().orElseThrow(() -> new AssertionError(response.getBody()));
        assertTrue(((String) error.get("detail")).startsWith(parts[2]), error.toString());
        assertEquals(before, caseView(reference), "nothing changed");
    }

    @Test
    void issue7AReScreenBodyWithTextAfterTheObjectIsRefused() {
        String reference = screenedTo("NEEDS_INFORMATION");
        APIGatewayProxyResponseEvent response = screenAgain(reference, "{\"note\":\"x\"} trailing");
        assertEquals(400, response.getStatusCode());
        assertTrue(((String) json(response.getBody()).get("detail")).startsWith("The body has more after the JSON object"));
    }

    @Test
    void llr610WithoutAnEmailTheDecisionLetterBecomesAPostTask() {
        Map<String, Object> referral = imca(eligibleImcaDetails());
        @SuppressWarnings("unchecked")
        Map<String, Object> referrer = new LinkedHashMap<>((Map<String, Object>) referral.get("referrer"));
        referrer.remove("email");
        referral.put("referrer", referrer);
        String reference = submit(referral);
        screenQueued();

        Map<String, Object> view = caseView(reference);
        assertTrue(list(view, "tasks").stream().anyMatch(t -> t.get("kind").equals("SEND_DECISION_LETTER_BY_POST")));
        assertEquals("BY_POST", ((Map<?, ?>) view.get("decisionLetter")).get("status"));
        assertTrue(aws.mailbox().emails().isEmpty(), "nothing to email");
    }

    @Test
    void aDuplicateDeliveryDecidesOnceAndSendsOneLetter() {
        String reference = submit(example("icas"));
        String queue = aws.queueUrl("ScreeningQueue");
        // Take intake's message off the queue and deliver it twice, as SQS may (at-least-once).
        String original = aws.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages().get(0).body();
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(original));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(original));

        assertEquals(2, screenQueued() + screenQueued());

        assertEquals(1, lettersAbout(reference).size());
        String timeline = caseView(reference).get("timeline").toString();
        assertEquals(1, timeline.split("type=SCREENED", -1).length - 1, timeline);
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterQueueAfterThreeReceives() throws InterruptedException {
        String queue = aws.queueUrl("ScreeningQueue");
        String original = aws.template().queue("ScreeningQueue").visibilityTimeout().toString();
        // The template's 120 s visibility timeout would make this test wait six minutes.
        aws.sqs().setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "1")));
        try {
            aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody("this is not a screening message"));
            for (int receive = 1; receive <= 3; receive++) {
                assertEquals(1, aws.eventSource(FUNCTION).pollOnce(Duration.ofSeconds(1)).failed(), "receive " + receive);
                Thread.sleep(1_200);
            }
            String dlq = aws.queueUrl("ScreeningDeadLetterQueue");
            var parked = aws.sqs().receiveMessage(b -> b.queueUrl(queue).waitTimeSeconds(1)).messages();
            assertTrue(parked.isEmpty(), "gone from the screening queue");
            var dead = aws.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(2)).messages();
            assertEquals(1, dead.size());
            assertEquals("this is not a screening message", dead.get(0).body());
        } finally {
            aws.sqs().setQueueAttributes(b -> b.queueUrl(queue).attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, original)));
        }
    }

    @Test
    void llr610ALetterThatCouldNotBeSentIsSentByTheSweepOnceTheMailServiceIsBack() {
        String reference = submit(imca(eligibleImcaDetails()));
        var queued = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("ScreeningQueue")).waitTimeSeconds(1)).messages().get(0);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(queued.messageId());
        message.setBody(queued.body());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        AwsEndpoints mailDown = AwsEndpoints.of(aws.endpoints().dynamoDbEndpoint(), aws.endpoints().sqsEndpoint(),
                URI.create("http://127.0.0.1:9"));
        try (FunctionInvoker screening = FunctionInvoker.create(aws.template(), FUNCTION, aws.environment(FUNCTION), mailDown)) {
            SQSBatchResponse response = screening.invoke(event, SQSBatchResponse.class);
            assertEquals(1, response.getBatchItemFailures().size(), "the delivery is retried");
        }
        Map<String, Object> view = caseView(reference);
        assertEquals("AWAITING_ALLOCATION", view.get("status"), "the decision stands");
        assertEquals("PENDING", ((Map<?, ?>) view.get("decisionLetter")).get("status"));
        assertTrue(view.get("timeline").toString().contains("DECISION_LETTER_NOT_SENT"));
        assertTrue(lettersAbout(reference).isEmpty());

        Instant now = Instant.now();
        try (FunctionInvoker early = aws.newFunction("ScreeningSweepFunction", Map.of("HUB_CLOCK_FIXED", now.plusSeconds(300).toString()))) {
            assertEquals("requeued=0 letters=0", early.invoke(Map.of()), "the queue's own retries come first");
        }
        try (FunctionInvoker sweep = aws.newFunction("ScreeningSweepFunction", Map.of("HUB_CLOCK_FIXED", now.plusSeconds(660).toString()))) {
            assertEquals("requeued=0 letters=1", sweep.invoke(Map.of()));
            assertEquals("requeued=0 letters=0", sweep.invoke(Map.of()), "sent once");
        }
        assertEquals(1, lettersAbout(reference).size());
        assertEquals("SENT", ((Map<?, ?>) caseView(reference).get("decisionLetter")).get("status"));
    }

    @Test
    void aGoodMessageInABatchWithAPoisonOneIsStillScreened() {
        String reference = submit(example("care-act"));
        aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("ScreeningQueue")).messageBody("{\"type\":\"Unknown\"}"));
        var outcome = aws.eventSource(FUNCTION).pollOnce(Duration.ofSeconds(1));
        assertEquals(2, outcome.received());
        assertEquals(1, outcome.failed());
        assertEquals("AWAITING_ALLOCATION", caseView(reference).get("status"));
    }
}
