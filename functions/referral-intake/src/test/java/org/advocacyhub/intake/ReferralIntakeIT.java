package org.advocacyhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The intake function through real API Gateway events against DynamoDB Local, ElasticMQ and aws-ses-v2-local. */
@WithLocalAws
class ReferralIntakeIT extends IntakeScenarios {

    private final LocalAws aws;

    ReferralIntakeIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    LocalAws aws() {
        return aws;
    }

    @ParameterizedTest(name = "the example referral for {0} is accepted")
    @ValueSource(strings = {"imca", "dols-imca", "imha", "care-act", "icas", "cyp", "accommodation"})
    void everyExampleReferralIsAccepted(String service) {
        APIGatewayProxyResponseEvent response = postJson(example(service), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        String expectedContract = switch (service) {
            case "cyp" -> "LEW-";
            case "accommodation" -> "DERBY-";
            default -> "LLR-";
        };
        assertTrue(((String) json(response.getBody()).get("reference")).startsWith(expectedContract));
    }

    /**
     * Issue 19's finding: with only the SES engine frozen, a referral was answered after 120 s, its referrer got four
     * identical acknowledgements and its timeline said none was sent. Intake now asks the mail service nothing: the
     * referral is answered once it is stored with its acknowledgement in the outbox.
     */
    @Test
    void aReferralIsAnsweredWithoutAskingAFrozenMailServiceAnything() {
        org.advocacyhub.testing.LocalEngines engines = (org.advocacyhub.testing.LocalEngines) aws.endpoints();
        org.advocacyhub.testing.FaultProxy.Counts before = engines.sesFaults().counts();
        engines.sesFaults().apply(org.advocacyhub.testing.FaultProxy.Fault.hang());
        try {
            APIGatewayProxyResponseEvent response = postJson(example("imca"), "frozen-mail-service");
            assertEquals(201, response.getStatusCode(), response.getBody());
            String reference = (String) json(response.getBody()).get("reference");
            assertEquals(before.hung(), engines.sesFaults().counts().hung(), "no request of intake's met the frozen mail service");
            assertEquals(before.forwarded(), engines.sesFaults().counts().forwarded(), "nor any other");
            assertEquals("PENDING", aws.outbox().statuses().get(reference + "/ACKNOWLEDGEMENT"), "the acknowledgement waits for the sender");
        } finally {
            engines.sesFaults().pass();
        }
    }

    @Test
    void referenceSequencesRunPerContract() {
        assertTrue(((String) json(postJson(example("imca"), null).getBody()).get("reference")).endsWith("-000001"));
        assertTrue(((String) json(postJson(example("care-act"), null).getBody()).get("reference")).endsWith("-000002"));
        assertTrue(((String) json(postJson(example("cyp"), null).getBody()).get("reference")).matches("LEW-\\d{4}-000001"));
    }

    @Test
    void theSameKeyWithDifferentContentIsAConflictAsOnEveryStaffRoute() {
        postJson(example("imca"), "reused");
        APIGatewayProxyResponseEvent response = postJson(example("icas"), "reused");
        assertEquals(409, response.getStatusCode(), "issue 19: one answer for a key reused for another request");
        assertTrue(response.getBody().contains("different content"));
    }

    @Test
    void issue20AKeyOf256CharactersIsRefusedAsOnEveryOtherRouteAnd255AreTaken() {
        APIGatewayProxyResponseEvent refused = postJson(example("imca"), "k".repeat(256));
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertTrue(refused.getBody().contains("1 to 255 printable ASCII characters"), refused.getBody());
        assertEquals(201, postJson(example("imca"), "k".repeat(255)).getStatusCode());
    }

    @Test
    void bodiesOver64KbAreRefusedWith413() {
        String huge = "{\"reason\":\"" + "x".repeat(65 * 1024) + "\"}";
        assertEquals(413, postJson(huge, null).getStatusCode());
    }

    @Test
    void otherMediaTypesAreRefusedWith415() {
        var response = aws.call(aws.request("POST", "/referrals").header("Content-Type", "text/plain").body("hello"));
        assertEquals(415, response.getStatusCode());
    }

    @Test
    void theJsonSchemaIsPublished() {
        APIGatewayProxyResponseEvent response = aws.call(aws.request("GET", "/referrals/schema"));
        assertEquals(200, response.getStatusCode());
        Map<String, Object> schema = json(response.getBody());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema"));
        assertTrue(response.getBody().contains("\"decisionType\""), "service questions are in it");
    }

    @Test
    void theFirstStepAsksOnlyWhichServiceWithAPlainGetForm() {
        APIGatewayProxyResponseEvent response = aws.call(aws.request("GET", "/referrals/new"));
        assertEquals(200, response.getStatusCode());
        String html = response.getBody();
        assertTrue(html.contains("<form method=\"get\" action=\"new\""));
        for (var service : org.advocacyhub.domain.referral.ServiceCode.values()) {
            assertTrue(html.contains("value=\"" + service.name() + "\""), service.name());
        }
        assertFalse(html.contains("person.name"), "no other questions yet");
        assertEquals(400, aws.call(aws.request("GET", "/referrals/new?service=NOPE")).getStatusCode());
    }

    @ParameterizedTest(name = "the form for {0} shows its own questions and no other service's")
    @org.junit.jupiter.params.provider.EnumSource(org.advocacyhub.domain.referral.ServiceCode.class)
    void eachServicesFormShowsOnlyItsOwnQuestions(org.advocacyhub.domain.referral.ServiceCode service) {
        String html = aws.call(aws.request("GET", "/referrals/new?service=" + service.name())).getBody();
        for (var other : org.advocacyhub.domain.referral.ServiceCode.values()) {
            for (var question : org.advocacyhub.domain.referral.ServiceQuestions.forService(other)) {
                boolean own = org.advocacyhub.domain.referral.ServiceQuestions.find(service, question.name()).isPresent();
                assertEquals(own, html.contains("name=\"" + question.name()), question.name() + " on the " + service + " form");
            }
        }
    }

    /**
     * What a browser posts: every text box, text area and select of the page (empty when not
     * filled), the chosen radios and checkboxes, and the hidden fields, with the example's answers.
     */
    @ParameterizedTest(name = "the {0} form, filled in and posted as a browser does, makes a referral")
    @ValueSource(strings = {"imca", "dols-imca", "imha", "care-act", "icas", "cyp", "accommodation"})
    void eachServicesFormPostedAsABrowserDoesMakesAReferral(String service) {
        Map<String, Object> example = json(example(service));
        String html = aws.call(aws.request("GET", "/referrals/new?service=" + example.get("service"))).getBody();
        List<String[]> fields = new java.util.ArrayList<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
        while (hidden.find()) {
            fields.add(new String[] {hidden.group(1), hidden.group(2)});
        }
        Map<String, List<String>> answers = HubFixtures.formAnswers(example);
        Matcher boxes = Pattern.compile("<(input|textarea|select)[^>]* name=\"([^\"]+)\"[^>]*>").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (boxes.find()) {
            String tag = boxes.group(0);
            String name = boxes.group(2);
            if (tag.contains("type=\"hidden\"") || tag.contains("type=\"radio\"") || tag.contains("type=\"checkbox\"")) {
                continue;
            }
            if (seen.add(name)) {
                List<String> values = answers.getOrDefault(name, List.of(""));
                fields.add(new String[] {name, values.get(0)});
            }
        }
        answers.forEach((name, values) -> {
            if (!seen.contains(name) && !name.equals("service")) {
                values.forEach(v -> fields.add(new String[] {name, v}));
            }
        });
        StringBuilder body = new StringBuilder();
        for (String[] field : fields) {
            body.append(body.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(field[0], java.nio.charset.StandardCharsets.UTF_8))
                    .append('=').append(java.net.URLEncoder.encode(field[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals")
                .header("Content-Type", "application/x-www-form-urlencoded").body(body.toString()));
        assertEquals(303, response.getStatusCode(), () -> String.join("\n",
                Pattern.compile("<li>(?:<a [^>]*>)?([^<]+)").matcher(response.getBody()).results().map(r -> r.group(1)).toList()));
    }

    /** The example's answers as the form names them: dates in day, month and year boxes, yes or no for booleans. */

    @Test
    void theFormIsAccessibleHtmlWithATokenAndNoScripts() {
        APIGatewayProxyResponseEvent response = aws.call(aws.request("GET", "/referrals/new?service=IMCA"));
        assertEquals(200, response.getStatusCode());
        String html = response.getBody();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<html lang=\"en-GB\">"));
        assertTrue(html.contains("name=\"formToken\""));
        assertFalse(html.contains("<script"), "works without JavaScript");
        assertFalse(html.matches("(?s).*(src|href)=\"https?://.*"), "no external assets");
        // Every input, select and textarea has a label or sits in a fieldset with a legend.
        Matcher ids = Pattern.compile("<(?:input|select|textarea)[^>]* id=\"([^\"]+)\"").matcher(html);
        int checked = 0;
        while (ids.find()) {
            assertTrue(html.contains("<label for=\"" + ids.group(1) + "\""), "label for " + ids.group(1));
            checked++;
        }
        // Every referral field but the route and the service (fixed for the form) has at least one labelled control.
        for (var field : org.advocacyhub.domain.referral.ReferralFields.ALL) {
            if (!field.name().equals("route") && !field.name().equals("service")) {
                assertTrue(html.contains("name=\"" + field.name()), "control for " + field.name());
            }
        }
        assertTrue(checked >= org.advocacyhub.domain.referral.ReferralFields.ALL.size() - 2, "inputs checked: " + checked);
        assertTrue(response.getHeaders().get("Content-Security-Policy").contains("default-src 'none'"));
    }

    @Test
    void theFormWorksEndToEndWithoutJavaScriptAndASecondPostIsTheSameReferral() {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        APIGatewayProxyResponseEvent first = aws.call(aws.request("POST", "/referrals").form(validForm(token)));
        assertEquals(303, first.getStatusCode(), first.getBody());
        String location = first.getHeaders().get("Location");
        assertEquals("referrals/receipts/" + token, location, "the receipt is found by the form's one-time token");

        APIGatewayProxyResponseEvent second = aws.call(aws.request("POST", "/referrals").form(validForm(token)));
        assertEquals(location, second.getHeaders().get("Location"), "a double click makes one referral");

        APIGatewayProxyResponseEvent confirmation = aws.call(aws.request("GET", "/" + location));
        assertEquals(200, confirmation.getStatusCode());
        assertTrue(confirmation.getBody().matches("(?s).*LLR-\\d{4}-000001.*"), "the reference is on the receipt");
        assertFalse(confirmation.getBody().contains("Specimen"), "the confirmation page holds no personal data");
        assertEquals(1, screeningMessages().size());
        assertTrue(aws.outbox().emails().isEmpty(), "no email address given, so no email");
    }

    @Test
    void anInvalidFormIsShownAgainWithItsValuesAndEachError() {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        Map<String, String> form = validForm(token);
        form.put("person.name", "<b>Fran</b>");
        form.put("person.dateOfBirth.day", "31");
        form.put("person.dateOfBirth.month", "2");
        form.remove("reason");
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals").form(form));

        assertEquals(400, response.getStatusCode());
        String html = response.getBody();
        assertTrue(html.contains("<title>Error: "));
        assertTrue(html.contains("<a href=\"#person-dateOfBirth-day\">Enter a real date, for example 17 5 1941</a>"));
        assertTrue(html.contains("<a href=\"#reason\">Enter why the person needs an advocate</a>"));
        assertTrue(html.contains("value=\"&lt;b&gt;Fran&lt;/b&gt;\""), "values kept, escaped");
        assertFalse(html.contains("<b>Fran</b>"));
        assertTrue(html.contains("value=\"" + token + "\""), "the same token, so the corrected form is still one referral");
        assertTrue(screeningMessages().isEmpty());
    }

    @Test
    void llr938aAReferralOnChristmasEveEveningIsDueOnThe31stAt17() {
        try (FunctionInvoker christmasEve = aws.newFunction(INTAKE, Map.of("HUB_CLOCK_FIXED", "2026-12-24T20:00:00Z"))) {
            var response = christmasEve.invoke(aws.api().event(
                    (org.advocacyhub.testing.ApiRoutes.Found) aws.api().match("POST", "/referrals"),
                    aws.request("POST", "/referrals").header("Content-Type", "application/json").body(example("imca"))),
                    APIGatewayProxyResponseEvent.class);
            String reference = (String) json(response.getBody()).get("reference");
            assertTrue(reference.startsWith("LLR-2026-"));
            Map<String, Object> view = caseView(reference);
            @SuppressWarnings("unchecked")
            Map<String, Object> deadline = (Map<String, Object>) view.get("deadline");
            assertEquals("2026-12-31T17:00:00Z", deadline.get("dueAt"));
            assertEquals("2026-12-29", deadline.get("takenAsReceived"));
            assertEquals("LLR 9.38a", deadline.get("clause"));
            String text = aws.outbox().emails().get(0).text();
            assertTrue(text.contains("by 5pm on Thursday 31 December 2026"), text);
            assertTrue(text.contains("we count it as received on Tuesday 29 December 2026"), text);
        }
    }

    @Test
    void aOneOffBankHolidayFromConfigurationMovesTheDeadlineWithoutARelease() {
        var found = (org.advocacyhub.testing.ApiRoutes.Found) aws.api().match("POST", "/referrals");
        String dueWithout;
        try (FunctionInvoker monday = aws.newFunction(INTAKE, Map.of("HUB_CLOCK_FIXED", "2026-11-23T10:00:00Z"))) {
            dueWithout = dueAt(monday.invoke(aws.api().event(found, aws.request("POST", "/referrals")
                    .header("Content-Type", "application/json").body(example("imca"))), APIGatewayProxyResponseEvent.class));
        }
        String dueWith;
        try (FunctionInvoker mondayWithHoliday = aws.newFunction(INTAKE,
                Map.of("HUB_CLOCK_FIXED", "2026-11-23T10:00:00Z", "EXTRA_BANK_HOLIDAYS", "2026-11-24"))) {
            dueWith = dueAt(mondayWithHoliday.invoke(aws.api().event(found, aws.request("POST", "/referrals")
                    .header("Content-Type", "application/json").body(example("imca"))), APIGatewayProxyResponseEvent.class));
        }
        assertEquals("2026-11-25T17:00:00Z", dueWithout, "LLR 9.38a: Monday 10:00 is due Wednesday 17:00");
        assertEquals("2026-11-26T17:00:00Z", dueWith, "with Tuesday a bank holiday, Thursday 17:00");
    }

    @SuppressWarnings("unchecked")
    private String dueAt(APIGatewayProxyResponseEvent created) {
        String reference = (String) json(created.getBody()).get("reference");
        Map<String, Object> view = caseView(reference);
        return (String) ((Map<String, Object>) view.get("deadline")).get("dueAt");
    }

    @Test
    void aReferralWhoseEnqueueFailedIsRequeuedByTheSweepAfterFiveMinutes() {
        String missingQueue = aws.queueUrl("ScreeningQueue") + "-missing";
        String reference;
        try (FunctionInvoker brokenQueue = aws.newFunction(INTAKE,
                Map.of("SCREENING_QUEUE_URL", missingQueue, "HUB_CLOCK_FIXED", "2026-11-23T10:00:00Z"))) {
            var found = (org.advocacyhub.testing.ApiRoutes.Found) aws.api().match("POST", "/referrals");
            var response = brokenQueue.invoke(aws.api().event(found, aws.request("POST", "/referrals")
                    .header("Content-Type", "application/json").body(example("care-act"))), APIGatewayProxyResponseEvent.class);
            assertEquals(201, response.getStatusCode(), "stored even though the queue failed");
            reference = (String) json(response.getBody()).get("reference");
        }
        assertTrue(screeningMessages().isEmpty());

        // The acknowledgement waits in the outbox (no mail sender runs here): the sweep hands it over again each time.
        try (FunctionInvoker tooEarly = aws.newFunction("ScreeningSweepFunction", Map.of("HUB_CLOCK_FIXED", "2026-11-23T10:04:00Z"))) {
            assertEquals("requeued=0 mail=1", tooEarly.invoke(new com.amazonaws.services.lambda.runtime.events.ScheduledEvent()));
        }
        try (FunctionInvoker sweep = aws.newFunction("ScreeningSweepFunction", Map.of("HUB_CLOCK_FIXED", "2026-11-23T10:05:00Z"))) {
            assertEquals("requeued=1 mail=1", sweep.invoke(new com.amazonaws.services.lambda.runtime.events.ScheduledEvent()));
        }
        var messages = screeningMessages();
        assertEquals(1, messages.size());
        assertTrue(messages.get(0).body().contains(reference));
        Map<String, Object> view = caseView(reference);
        assertTrue(view.get("timeline").toString().contains("REQUEUED_FOR_SCREENING"));
    }
}
