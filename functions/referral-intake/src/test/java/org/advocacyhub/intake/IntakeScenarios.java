package org.advocacyhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.web.CaseViewJson;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Intake scenarios that must hold on any engines: the local ones (DynamoDB Local, ElasticMQ,
 * aws-ses-v2-local) and LocalStack. Subclasses differ only in where {@link #aws()} points.
 */
abstract class IntakeScenarios {

    static final String INTAKE = "ReferralIntakeFunction";
    static final JsonMapper JSON = JsonMapper.createDefault();
    private static final Path EVENTS = Path.of("../../infrastructure/events");

    abstract LocalAws aws();

    static String example(String service) {
        try {
            return Files.readString(EVENTS.resolve("referral-" + service + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An NHS complaints self-referral as the form posts it, under the form's one-time token. */
    static Map<String, String> validForm(String token) {
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("formToken", token);
        form.put("service", "ICAS");
        form.put("person.name", "Fran Specimen");
        form.put("person.dateOfBirth.day", "9");
        form.put("person.dateOfBirth.month", "3");
        form.put("person.dateOfBirth.year", "1968");
        form.put("person.gender", "FEMALE");
        form.put("person.ethnicity", "BLACK_CARIBBEAN");
        form.put("person.residence", "OWN_HOME");
        form.put("person.postcode", "le2 0qa");
        form.put("person.authority", "LEICESTER");
        form.put("person.interpreterNeeded", "no");
        form.put("referrer.relationship", "SELF");
        form.put("referrer.name", "Fran Specimen");
        form.put("referrer.phone", "07700 900123");
        form.put("source", "SELF");
        form.put("urgency", "STANDARD");
        form.put("awareness", "AWARE_AND_AGREES");
        form.put("reason", "Complaint about my late father's hospital care");
        return form;
    }

    /** The one-time token of a form page. */
    static String tokenOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"formToken\" value=\"([^\"]+)\"").matcher(html);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "the page has a form token");
        return m.group(1);
    }

    APIGatewayProxyResponseEvent postJson(String body, String idempotencyKey) {
        var request = aws().request("POST", "/referrals").header("Content-Type", "application/json").body(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return aws().call(request);
    }

    Map<String, AttributeValue> caseItem(String reference) {
        return aws().dynamoDb().getItem(b -> b.tableName(aws().tableName("HubTable"))
                .key(Map.of("PK", AttributeValue.fromS("CASE#" + reference), "SK", AttributeValue.fromS("CASE")))).item();
    }

    /**
     * The case as staff see it (the JSON of {@code GET /cases/{reference}}), built from the table: that route is the
     * casework function's, whose tests depend on this module and not the other way round. Reading here audits nothing.
     */
    Map<String, Object> caseView(String reference) {
        ContractCatalogue contracts = ContractCatalogue.bundled();
        DynamoCaseStore store = new DynamoCaseStore(aws().dynamoDb(), aws().tableName("HubTable"), new CaseItemMapper(), contracts);
        ReferralCase referral = store.findCase(ReferralReference.parse(reference).orElseThrow())
                .orElseThrow(() -> new AssertionError("no case " + reference));
        ViewCase.Found found = ViewCase.found(store, referral);
        return json(new CaseViewJson(JSON).write(found, contracts.contractFor(referral.details().service()).calendar(), Instant.now()));
    }

    List<Message> screeningMessages() {
        return aws().sqs().receiveMessage(b -> b.queueUrl(aws().queueUrl("ScreeningQueue")).maxNumberOfMessages(10)
                .waitTimeSeconds(1)).messages();
    }

    @Test
    void aJsonReferralIsStoredQueuedForScreeningAndAcknowledged() {
        APIGatewayProxyResponseEvent response = postJson(example("imca"), "scenario-1");

        assertEquals(201, response.getStatusCode(), response.getBody());
        Map<String, Object> body = json(response.getBody());
        String reference = (String) body.get("reference");
        assertTrue(reference.matches("LLR-\\d{4}-000001"), reference);
        assertEquals("RECEIVED", body.get("status"));
        assertEquals("cases/" + reference, response.getHeaders().get("Location"));

        Map<String, AttributeValue> item = caseItem(reference);
        assertEquals("IMCA", item.get("service").s());
        assertEquals("Alex Testperson", item.get("person").m().get("name").s());
        assertEquals("SCREENING#PENDING", item.get("GSI1PK").s());

        List<Message> messages = screeningMessages();
        assertEquals(1, messages.size());
        Map<String, Object> message = json(messages.get(0).body());
        assertEquals("ReferralReceived", message.get("type"));
        assertEquals(reference, message.get("reference"));
        assertFalse(messages.get(0).body().contains("Testperson"), "messages carry no personal data");

        SesMailbox.SentEmail email = aws().outbox().await(e -> e.subject().contains(reference), java.time.Duration.ofSeconds(5));
        assertTrue(email.isAddressedTo("sam.example@council.example"));
        assertTrue(email.text().contains("Your reference is " + reference), email.text());
        assertTrue(email.text().contains("A.T."), "initials only");
        assertFalse(email.text().contains("Testperson"), "no name in the email");
        assertFalse(email.text().contains("1941"), "no date of birth in the email");
    }

    @Test
    void theSameIdempotencyKeyReturnsTheOriginalReferenceAndStoresNothingNew() {
        String first = (String) json(postJson(example("imha"), "same-key").getBody()).get("reference");
        APIGatewayProxyResponseEvent again = postJson(example("imha"), "same-key");

        assertEquals(201, again.getStatusCode());
        assertEquals(first, json(again.getBody()).get("reference"));
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
        assertEquals(1, screeningMessages().size(), "one screening message");
        assertEquals(1, aws().outbox().emails().size(), "one acknowledgement");
        String next = (String) json(postJson(example("imha"), "another-key").getBody()).get("reference");
        assertNotEquals(first, next);
    }

    @Test
    void anInvalidReferralNamesEveryFieldAndStoresNothing() {
        APIGatewayProxyResponseEvent response = postJson(
                "{\"service\":\"IMCAX\",\"route\":\"EMAIL\",\"person\":{\"name\":\"\",\"dateOfBirth\":\"2999-01-01\"}}", null);

        assertEquals(400, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) json(response.getBody()).get("errors");
        List<Object> pointers = errors.stream().map(e -> e.get("pointer")).toList();
        for (String pointer : List.of("/service", "/person/name", "/person/dateOfBirth", "/person/gender", "/referrer/name",
                "/reason", "/urgency", "/awareness", "/source")) {
            assertTrue(pointers.contains(pointer), pointer + " in " + pointers);
        }
        assertTrue(screeningMessages().isEmpty());
        assertTrue(aws().outbox().emails().isEmpty());
    }
}
