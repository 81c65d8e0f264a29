package org.advocacyhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 7 through the real intake function on the local engines: junk text, JSON types, form
 * encoding, clear date messages, resubmitted forms, what the public can learn from a reference,
 * and HTTP details. Each bad request must be refused with the field named, and store nothing.
 */
@WithLocalAws
class IntakeHardeningIT extends IntakeScenarios {

    private final LocalAws aws;

    IntakeHardeningIT(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    LocalAws aws() {
        return aws;
    }

    /** The IMCA example with one value replaced: {@code path} like {@code person.name}, {@code rawJson} as written. */
    private static String exampleWith(String path, String rawJson) {
        String example = example("imca");
        String key = path.substring(path.lastIndexOf('.') + 1);
        Matcher value = Pattern.compile("\"" + key + "\": (\"[^\"]*\"|true|false|\\[[^\\]]*\\])").matcher(example);
        assertTrue(value.find(), path);
        return example.substring(0, value.start(1)) + rawJson + example.substring(value.end(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errorsByPointer(APIGatewayProxyResponseEvent response) {
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        Map<String, String> errors = new LinkedHashMap<>();
        ((List<Map<String, Object>>) json(response.getBody()).get("errors"))
                .forEach(e -> errors.put((String) e.get("pointer"), (String) e.get("detail")));
        return errors;
    }

    private void assertNothingStored() {
        // Sent before the response if at all, so no need to wait for one.
        assertTrue(aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("ScreeningQueue")).waitTimeSeconds(0)).messages().isEmpty(),
                "nothing queued");
        assertTrue(aws.outbox().emails().isEmpty(), "nothing sent");
        assertTrue(aws.dynamoDb().scan(b -> b.tableName(aws.tableName("HubTable"))).items().stream()
                .noneMatch(i -> i.get("SK").s().equals("CASE")), "no case stored");
    }

    // ------------------------------------------------------------------ 1. text no person types

    @ParameterizedTest(name = "class 1, JSON: person.name with {0} is refused naming the field")
    @ValueSource(strings = {"\\u0007", "\\u0000", "\\u001b[31m", "\\u0085", "\\u202e", "\\u2066", "\\ud800", "\\n", "\\t"})
    void junkTextInJsonIsRefused(String escape) {
        Map<String, String> errors = errorsByPointer(postJson(exampleWith("person.name", "\"Alex" + escape + "Testperson\""), null));
        assertTrue(errors.get("/person/name").startsWith("Full name "), errors.toString());
        assertNothingStored();
    }

    @Test
    void class1NamesInAnyScriptAreAccepted() {
        String name = "Zoë O’Neill-Ó Briain 王秀英 محمد \uD83C\uDF08";
        APIGatewayProxyResponseEvent response = postJson(exampleWith("person.name", "\"" + name + "\""), null);
        assertEquals(201, response.getStatusCode(), response.getBody());
        assertEquals(name, caseItem((String) json(response.getBody()).get("reference")).get("person").m().get("name").s());
    }

    @Test
    void class1JunkTextInTheFormIsRefusedAndTheRestShownAgain() {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        Map<String, String> form = validForm(token);
        form.put("person.name", "Fran\u202E Specimen");
        form.put("reason", "Line one\r\nLine two\u0007");
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals").form(form));
        assertEquals(400, response.getStatusCode());
        String html = response.getBody();
        assertTrue(html.contains(">Full name must not contain invisible text-direction characters (U+202E at character 5)</a>"), html);
        assertTrue(html.contains(">Reason for referral must not contain control characters (U+0007 at character 19)</a>"), html);
        assertTrue(html.contains("value=\"Fran Specimen\""), "shown again without the refused character");
        assertFalse(html.contains("\u202E") || html.contains("\u0007"));
        assertNothingStored();
    }

    // ------------------------------------------------------------------ 2. JSON types

    @ParameterizedTest(name = "class 2: person.name = {0} is not a name")
    @ValueSource(strings = {"12345", "true", "1e999", "{\"first\": \"Alex\"}", "[\"Alex\"]"})
    void jsonTypesAreHonoured(String value) {
        Map<String, String> errors = errorsByPointer(postJson(exampleWith("person.name", value), null));
        assertTrue(errors.get("/person/name").startsWith("Full name must be text, not "), errors.toString());
        assertNothingStored();
    }

    @Test
    void class2APhoneNumberMustBeText() {
        String body = exampleWith("referrer.phone", "1164960000");
        assertEquals("Phone number must be text, not a number", errorsByPointer(postJson(body, null)).get("/referrer/phone"));
    }

    @Test
    void class2ContentAfterTheObjectIsRefused() {
        APIGatewayProxyResponseEvent response = postJson(example("imca") + " xyz", null);
        assertEquals(400, response.getStatusCode());
        assertTrue(((String) json(response.getBody()).get("detail")).startsWith("The body has more after the JSON object"));
        assertNothingStored();
    }

    @Test
    void class2ADuplicateKeyIsNamed() {
        String body = example("imca").replace("\"name\": \"Alex Testperson\",", "\"name\": \"Alex Testperson\", \"name\": \"Someone Else\",");
        Map<String, String> errors = errorsByPointer(postJson(body, null));
        assertEquals("'person.name' is given more than once in one object: give each field once", errors.get("/person/name"));
        assertNothingStored();
    }

    @Test
    void class2InvalidUtf8AndNulBytesAreSaidToBeSo() {
        byte[] example = example("imca").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = example("imca").replace("Alex", "Zoë").getBytes(StandardCharsets.ISO_8859_1);
        APIGatewayProxyResponseEvent notUtf8 = aws.call(aws.request("POST", "/referrals")
                .header("Content-Type", "application/json").body(latin1));
        assertEquals(400, notUtf8.getStatusCode());
        assertEquals("The body is not valid UTF-8: send JSON encoded as UTF-8.", json(notUtf8.getBody()).get("detail"));
        byte[] withNul = java.util.Arrays.copyOf(example, example.length + 1);
        APIGatewayProxyResponseEvent nul = aws.call(aws.request("POST", "/referrals")
                .header("Content-Type", "application/json").body(withNul));
        assertTrue(((String) json(nul.getBody()).get("detail")).startsWith("The body contains a NUL byte"), nul.getBody());
        assertNothingStored();
    }

    // ------------------------------------------------------------------ 3. form encoding

    @ParameterizedTest(name = "class 3: a form value {0} is never stored as typed")
    @ValueSource(strings = {"%zz", "%E9", "Fran%C3", "%ED%A0%80"})
    void brokenFormEncodingIsShownAgain(String raw) {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        Map<String, String> form = validForm(token);
        form.remove("person.name");
        String body = encode(form) + "&person.name=" + raw;
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals")
                .header("Content-Type", "application/x-www-form-urlencoded").body(body));
        assertEquals(400, response.getStatusCode());
        String html = response.getBody();
        assertTrue(html.contains(">Full name could not be read: the text was garbled in sending"), html);
        assertTrue(html.contains("value=\"07700 900123\""), "what could be read is shown again");
        assertFalse(html.contains("\uFFFD"), "no replacement characters");
        assertNothingStored();
    }

    @Test
    void class3AnUnknownFormFieldIsNamed() {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        Map<String, String> form = validForm(token);
        form.put("nickname", "Frankie");
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals").form(form));
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().contains("<li>&#39;nickname&#39; is not a field of a referral</li>"), response.getBody());
        assertNothingStored();
    }

    // ------------------------------------------------------------------ 4. clear messages for dates

    @ParameterizedTest(name = "class 4, JSON: date of birth {0}")
    @ValueSource(strings = {"1941-05-17T00:00:00", "12345-05-17", "17/05/1941", "1941-5-17", "19410517"})
    void jsonDatesSayTheirForm(String value) {
        assertEquals("Date of birth must be a date in the form YYYY-MM-DD",
                errorsByPointer(postJson(exampleWith("person.dateOfBirth", "\"" + value + "\""), null)).get("/person/dateOfBirth"));
    }

    @ParameterizedTest(name = "class 4, form: date of birth year {0}")
    @ValueSource(strings = {"12345", "41", "19x1", "1941 "})
    void formDatesSayTheirForm(String year) {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        Map<String, String> form = validForm(token);
        form.put("person.dateOfBirth.year", year + (year.endsWith(" ") ? "1" : ""));
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals").form(form));
        assertTrue(response.getBody().contains(">Enter a real date, for example 17 5 1941</a>"), year);
    }

    // ------------------------------------------------------------------ 6. resubmitted forms

    @Test
    void class6AFormSentAgainWithChangesSaysItWasAlreadySent() {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        assertEquals(303, aws.call(aws.request("POST", "/referrals").form(validForm(token))).getStatusCode());
        Map<String, String> corrected = validForm(token);
        corrected.put("reason", "Complaint about my late father's care at the LRI");
        APIGatewayProxyResponseEvent again = aws.call(aws.request("POST", "/referrals").form(corrected));

        assertEquals(409, again.getStatusCode());
        String html = again.getBody();
        assertTrue(html.matches("(?s).*You have already sent this referral\\. Its reference is LLR-\\d{4}-000001\\. "
                + "Your changes have not been sent: to correct the referral, email referrals@advocacy-hub\\.example.*"), html);
        assertTrue(html.contains("Complaint about my late father&#39;s care at the LRI"), "the changed answers are shown");
        assertFalse(html.contains("value=\"" + token + "\""), "a new token: sending again is a new referral, by choice");
        assertEquals(1, screeningMessages().size(), "still one referral");
        assertEquals(List.of("Complaint about my late father's hospital care"),
                List.of(caseItem(referenceOf(html)).get("reason").s()), "the stored referral is the one first sent");
    }

    private static String referenceOf(String html) {
        Matcher m = Pattern.compile("(LLR-\\d{4}-\\d{6})").matcher(html);
        assertTrue(m.find());
        return m.group(1);
    }

    // ------------------------------------------------------------------ 7. nothing public by reference

    @Test
    void class7GuessingAReferenceRevealsNothing() {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        aws.call(aws.request("POST", "/referrals").form(validForm(token)));
        String existing = referenceOf(aws.call(aws.request("GET", "/referrals/receipts/" + token)).getBody());
        String missing = existing.replace("000001", "000999");

        // No public route answers for a reference: the old confirmation address is gone.
        for (String reference : List.of(existing, missing)) {
            assertTrue(aws.api().match("GET", "/referrals/" + reference + "/confirmation") instanceof ApiRoutes.NoRoute, reference);
        }
        // The staff view answers an existing and a made-up reference alike to anyone without a token.
        APIGatewayProxyResponseEvent a = aws.call(aws.request("GET", "/cases/" + existing));
        APIGatewayProxyResponseEvent b = aws.call(aws.request("GET", "/cases/" + missing));
        assertEquals(401, a.getStatusCode());
        assertEquals(a.getBody(), b.getBody());
        // A receipt cannot be guessed, and a wrong one looks like an expired one.
        APIGatewayProxyResponseEvent guessed = aws.call(aws.request("GET", "/referrals/receipts/" + UUID.randomUUID()));
        APIGatewayProxyResponseEvent byReference = aws.call(aws.request("GET", "/referrals/receipts/" + existing));
        assertEquals(404, guessed.getStatusCode());
        assertEquals(guessed.getBody(), byReference.getBody());
        assertFalse(guessed.getBody().contains(existing));
        // The receipt itself names no service, person or deadline.
        String receipt = aws.call(aws.request("GET", "/referrals/receipts/" + token)).getBody();
        for (var service : org.advocacyhub.domain.referral.ServiceCode.values()) {
            assertFalse(receipt.contains(service.displayName()), service.name());
        }
        assertFalse(receipt.contains("Specimen") || receipt.contains("Complaint") || receipt.contains("by 5pm"), receipt);
    }

    @Test
    void class7APublicAnswerNeverCarriesTheService() {
        APIGatewayProxyResponseEvent created = postJson(example("imha"), null);
        assertEquals(201, created.getStatusCode());
        assertEquals(Map.of("reference", json(created.getBody()).get("reference"), "status", "RECEIVED",
                "receivedAt", json(created.getBody()).get("receivedAt")), json(created.getBody()));
    }

    // ------------------------------------------------------------------ 10. HTTP details

    @Test
    void class10ThePublicRoutesAskForNoToken() {
        // The staff routes and their 401s are the casework function's (StaffCaseRoutesIT): everything intake serves is public.
        List<String> checked = new ArrayList<>();
        for (SamTemplate.ApiEvent route : aws.template().function(INTAKE).apiEvents()) {
            String name = route.method() + " " + route.path();
            assertFalse(route.authorized(), name + " has no authorizer");
            var request = aws.request(route.method(), route.path().replace("{receipt}", UUID.randomUUID().toString()));
            APIGatewayProxyResponseEvent response = aws.call(route.method().equals("POST") ? request.json("{}") : request);
            assertNotEquals(401, response.getStatusCode(), name);
            assertFalse(response.getHeaders().containsKey("WWW-Authenticate"), name);
            checked.add(name);
        }
        assertTrue(checked.containsAll(List.of("GET /referrals/new", "POST /referrals", "GET /referrals/receipts/{receipt}")),
                "routes checked: " + checked);
    }

    @Test
    void class10HeadWorksWhereverGetDoes() {
        String token = tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        aws.call(aws.request("POST", "/referrals").form(validForm(token)));
        List<String> checked = new ArrayList<>();
        // This module's routes only: the casework function's are checked in its own module (StaffCaseRoutesIT).
        for (SamTemplate.ApiEvent route : aws.template().function(INTAKE).apiEvents()) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String path = route.path().replace("{receipt}", token);
            APIGatewayProxyResponseEvent get = aws.call(aws.request("GET", path));
            APIGatewayProxyResponseEvent head = aws.call(aws.request("HEAD", path));
            assertEquals(200, get.getStatusCode(), path);
            assertEquals(get.getStatusCode(), head.getStatusCode(), path);
            assertEquals(get.getHeaders(), head.getHeaders(), path);
            assertTrue(get.getBody() != null && !get.getBody().isEmpty(), path);
            assertNull(head.getBody(), path);
            checked.add(route.path());
        }
        assertTrue(checked.containsAll(List.of("/referrals/new", "/referrals/schema", "/referrals/receipts/{receipt}")),
                "routes checked: " + checked);
    }

    @Test
    void class10HeaderNamesKeepTheirCanonicalCase() {
        APIGatewayProxyResponseEvent form = aws.call(aws.request("GET", "/referrals/new"));
        for (String name : List.of("Content-Type", "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")) {
            assertTrue(form.getHeaders().containsKey(name), name + " in " + form.getHeaders().keySet());
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(java.net.URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return body.toString();
    }

}
