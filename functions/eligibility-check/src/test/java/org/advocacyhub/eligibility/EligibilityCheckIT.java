package org.advocacyhub.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.testing.AwsEndpoints;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.WithLocalAws;
import org.advocacyhub.web.CaseViewJson;
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

    /**
     * The case as staff see it (the JSON of {@code GET /cases/{reference}}), built from the table: that route is the
     * casework function's, whose tests depend on this module and not the other way round. Reading here audits nothing.
     */
    private Map<String, Object> caseView(String reference) {
        ContractCatalogue contracts = ContractCatalogue.bundled();
        DynamoCaseStore store = new DynamoCaseStore(aws.dynamoDb(), aws.tableName("HubTable"), new CaseItemMapper(), contracts);
        ReferralCase referral = store.findCase(ReferralReference.parse(reference).orElseThrow())
                .orElseThrow(() -> new AssertionError("no case " + reference));
        ViewCase.Found found = ViewCase.found(store, referral);
        return json(new CaseViewJson(JSON).write(found, contracts.contractFor(referral.details().service()).calendar(), Instant.now()));
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
        return aws.outbox().emails().stream()
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
        SesMailbox.SentEmail letter = aws.outbox().await(e -> e.subject().equals("Referral " + reference + " accepted"), Duration.ofSeconds(5));
        assertTrue(letter.text().contains("We have accepted your referral"), letter.text());
        assertFalse(letter.text().contains(".."), "no doubled full stops: " + letter.text());
        assertEquals("PENDING", ((Map<?, ?>) view.get("decisionLetter")).get("status"), "written with the decision; sent from the outbox");
    }

    @Test
    void llr560WithoutACapacityAssessmentTheClockPausesAndTheReferrerIsAskedForIt() {
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
        SesMailbox.SentEmail asked = aws.outbox().await(e -> e.subject().contains(reference + ": we need more information"), Duration.ofSeconds(5));
        assertTrue(asked.text().contains("LLR 5.60"), asked.text());
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
        SesMailbox.SentEmail letter = aws.outbox().await(e -> e.subject().contains(reference + ": not accepted"), Duration.ofSeconds(5));
        assertTrue(letter.text().contains("Why we cannot accept it"), letter.text());
        assertTrue(letter.text().matches("(?s).*\\(LLR 5\\.[0-9a-z.\\-]+\\).*"), letter.text());
        assertFalse(letter.text().contains("Testperson"), "initials only");
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
        assertTrue(aws.outbox().emails().isEmpty(), "nothing to email");
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

    /**
     * Issue 19: screening never waits for, nor depends on, the mail service. With it unreachable, the referral is screened
     * at the first delivery and the letter (LLR 6.10) is written into the outbox with the decision, for the mail sender.
     */
    @Test
    void llr610ScreeningWritesTheLetterWithTheDecisionAndNeedsNoMailService() {
        String reference = submit(imca(eligibleImcaDetails()));
        var queued = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("ScreeningQueue")).waitTimeSeconds(1)).messages().get(0);
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(queued.messageId());
        message.setBody(queued.body());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message));
        aws.sqs().purgeQueue(b -> b.queueUrl(aws.queueUrl("MailQueue")));
        AwsEndpoints mailDown = AwsEndpoints.of(aws.endpoints().dynamoDbEndpoint(), aws.endpoints().sqsEndpoint(),
                URI.create("http://127.0.0.1:9"));
        try (FunctionInvoker screening = FunctionInvoker.create(aws.template(), FUNCTION, aws.environment(FUNCTION), mailDown)) {
            SQSBatchResponse response = screening.invoke(event, SQSBatchResponse.class);
            assertEquals(0, response.getBatchItemFailures().size(), "screened at the first delivery");
        }
        Map<String, Object> view = caseView(reference);
        assertEquals("AWAITING_ALLOCATION", view.get("status"));
        assertEquals("PENDING", ((Map<?, ?>) view.get("decisionLetter")).get("status"));
        assertEquals(1, lettersAbout(reference).size(), "the letter is in the outbox");
        var mail = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("MailQueue")).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertEquals(1, mail.size(), "and handed to the mail sender");
        assertTrue(mail.get(0).body().contains("DECISION_LETTER#") && mail.get(0).body().contains(reference));
        assertFalse(mail.get(0).body().contains("Testperson"), "the message names the email, not the person");
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
