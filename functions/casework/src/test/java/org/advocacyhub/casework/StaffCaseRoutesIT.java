package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.CASEWORK;
import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.WithLocalAws;
import org.advocacyhub.web.CaseViewJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The casework function's case routes through real API Gateway events: who may see a case, how a
 * request without a token is answered, HEAD, and screening a referral again. Referrals come in
 * through the intake function and are screened from the real screening queue by the
 * eligibility-check function, as in production. DynamoDB Local, ElasticMQ and aws-ses-v2-local
 * throughout.
 */
@WithLocalAws
class StaffCaseRoutesIT {

    private static final String SCREENING = "EligibilityCheckFunction";

    private final LocalAws aws;

    StaffCaseRoutesIT(LocalAws aws) {
        this.aws = aws;
    }

    // ------------------------------------------------------------------ helpers

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

    /** A referral through the intake function, as a referrer sends one. */
    private String submit(Map<String, Object> referral) {
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals")
                .header("Content-Type", "application/json").body(write(referral)));
        assertEquals(201, response.getStatusCode(), response.getBody());
        return (String) json(response.getBody()).get("reference");
    }

    /** The eligibility-check function takes what is on the screening queue. */
    private int screenQueued() {
        return aws.eventSource(SCREENING).drainOnce();
    }

    /** {@code GET /cases/{reference}} as a manager (each such read is audited, LLR 26.8). */
    private Map<String, Object> caseView(String reference) {
        APIGatewayProxyResponseEvent response = aws.call(aws.request("GET", "/cases/" + reference).claims(MANAGER));
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response.getBody());
    }

    /**
     * The same view built from the table, without a request: to compare the case before and after
     * something, since every {@code GET} adds its own audit entry.
     */
    private Map<String, Object> stored(String reference) {
        ContractCatalogue contracts = ContractCatalogue.bundled();
        DynamoCaseStore store = new DynamoCaseStore(aws.dynamoDb(), aws.tableName("HubTable"), new CaseItemMapper(), contracts);
        ReferralCase referral = store.findCase(ReferralReference.parse(reference).orElseThrow())
                .orElseThrow(() -> new AssertionError("no case " + reference));
        ViewCase.Found found = ViewCase.found(store, referral);
        return json(new CaseViewJson(CaseworkFixtures.JSON).write(found, contracts.contractFor(referral.details().service()).calendar(), Instant.now()));
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

    /** The path of one of the casework function's routes with its parameters filled in. */
    private static String path(SamTemplate.ApiEvent route, String reference) {
        String path = route.path().replace("{reference}", reference).replace("{staffId}", "s-1");
        // The lists that need a contract.
        return List.of("/waiting-list", "/awareness-sessions", "/complaints", "/compliments", "/retention-review", "/case-studies",
                "/service-summaries", "/annual-return-items").contains(path)
                ? path + "?contract=LLR" : path;
    }

    /** A request on one of the casework function's routes, with a JSON body where the method takes one. */
    private ApiRoutes.Request request(SamTemplate.ApiEvent route, String reference) {
        ApiRoutes.Request request = aws.request(route.method(), path(route, reference));
        return route.method().equals("POST") || route.method().equals("PUT") ? request.json("{}") : request;
    }

    // ------------------------------------------------------------------ who sees a case

    @Test
    void staffSeeACaseWithItsTimelineOnlyWithAToken() {
        String reference = submit(example("dols-imca"));

        APIGatewayProxyResponseEvent anonymous = aws.call(aws.request("GET", "/cases/" + reference));
        assertEquals(401, anonymous.getStatusCode());

        APIGatewayProxyResponseEvent manager = aws.call(aws.request("GET", "/cases/" + reference).claims(MANAGER));
        assertEquals(200, manager.getStatusCode(), manager.getBody());
        Map<String, Object> view = json(manager.getBody());
        assertEquals(reference, view.get("reference"));
        assertEquals("RECEIVED", view.get("status"));
        List<Map<String, Object>> timeline = list(view, "timeline");
        assertEquals(List.of("RECEIVED"), timeline.stream().map(e -> e.get("type")).toList(), "the acknowledgement waits in the outbox");

        // An advocate sees only the cases allocated to them, and this one is allocated to no one.
        assertEquals(403, aws.call(aws.request("GET", "/cases/" + reference)
                .claims(Map.of("sub", "a-1", "cognito:groups", "advocate"))).getStatusCode());
        assertEquals(404, aws.call(aws.request("GET", "/cases/LLR-2020-999999")
                .claims(Map.of("sub", "m-1", "cognito:groups", "[manager, advocate]"))).getStatusCode());
    }

    // ------------------------------------------------------------------ issue 7, class 10: HTTP details

    @Test
    void class10A401SaysHowToAuthenticate() {
        // Claims without a subject reach the function: its own check (defence in depth) answers.
        APIGatewayProxyResponseEvent view = aws.call(aws.request("GET", "/cases/LLR-2026-000001").claims(Map.of()));
        APIGatewayProxyResponseEvent screen = aws.call(aws.request("POST", "/cases/LLR-2026-000001/screening").json("{}")
                .claims(Map.of("cognito:groups", "manager")));
        // No token at all: API Gateway's authorizer answers, with the template's gateway response.
        APIGatewayProxyResponseEvent gateway = aws.call(aws.request("GET", "/cases/LLR-2026-000001"));
        for (APIGatewayProxyResponseEvent response : List.of(view, screen, gateway)) {
            assertEquals(401, response.getStatusCode());
            assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"));
        }
    }

    @Test
    void class10EveryStaffRouteNeedsATokenAndSaysHowToAuthenticate() {
        String reference = submit(example("imca"));
        Map<String, Object> before = stored(reference);
        List<String> checked = new ArrayList<>();
        for (SamTemplate.ApiEvent route : aws.template().function(CASEWORK).apiEvents()) {
            String name = route.method() + " " + route.path();
            if (route.path().equals("/openapi.json")) {
                assertFalse(route.authorized(), "the API's description is public, like the referral schema");
                continue;
            }
            if (route.path().startsWith("/console")) {
                // A browser sends no bearer token: the console checks its own session cookie (ConsoleIT).
                assertFalse(route.authorized(), name + ": the console verifies its own cookie, not the API's authorizer");
                continue;
            }
            assertTrue(route.authorized(), name + " is behind the authorizer");
            APIGatewayProxyResponseEvent gateway = aws.call(request(route, reference));
            APIGatewayProxyResponseEvent function = aws.call(request(route, reference).claims(Map.of("cognito:groups", "manager")));
            for (APIGatewayProxyResponseEvent response : List.of(gateway, function)) {
                assertEquals(401, response.getStatusCode(), name);
                assertEquals("Bearer", response.getHeaders().get("WWW-Authenticate"), name);
            }
            checked.add(name);
        }
        assertTrue(checked.containsAll(List.of("GET /cases/{reference}", "HEAD /cases/{reference}", "POST /cases/{reference}/screening",
                "POST /cases/{reference}/allocation", "GET /staff", "PUT /staff/{staffId}", "GET /waiting-list")),
                "routes checked: " + checked);
        assertEquals(before, stored(reference), "nothing was done to the case, nor recorded as seen");
    }

    @Test
    void class10HeadWorksWhereverGetDoes() {
        String reference = submit(example("imca"));
        // A subject access request, for the data protection routes' {id} (issue 22).
        APIGatewayProxyResponseEvent recorded = aws.call(aws.request("POST", "/subject-access-requests").claims(MANAGER)
                .json("{\"name\":\"Alex Testperson\",\"dateOfBirth\":\"1941-05-17\"}"));
        assertEquals(201, recorded.getStatusCode(), recorded.getBody());
        String requestId = (String) json(recorded.getBody()).get("id");
        List<String> checked = new ArrayList<>();
        for (SamTemplate.ApiEvent route : aws.template().function(CASEWORK).apiEvents()) {
            if (!route.method().equals("GET") || route.path().startsWith("/console")) {
                // The console's pages answer HEAD as GET through the same route table; their sign-in is tested in ConsoleIT.
                continue;
            }
            String path = path(route, reference).replace("{id}", requestId);
            APIGatewayProxyResponseEvent get = aws.call(aws.request("GET", path).claims(MANAGER));
            APIGatewayProxyResponseEvent head = aws.call(aws.request("HEAD", path).claims(MANAGER));
            assertEquals(200, get.getStatusCode(), path + ": " + get.getBody());
            assertEquals(get.getStatusCode(), head.getStatusCode(), path);
            assertEquals(get.getHeaders(), head.getHeaders(), path);
            assertTrue(get.getBody() != null && !get.getBody().isEmpty(), path);
            assertNull(head.getBody(), path);
            checked.add(route.path());
        }
        assertTrue(checked.containsAll(List.of("/cases/{reference}", "/staff", "/waiting-list")), "routes checked: " + checked);
    }

    // ------------------------------------------------------------------ screening again (POST /cases/{reference}/screening)

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
        SesMailbox.SentEmail asked = aws.outbox().await(e -> e.subject().contains(reference + ": we need more information"), Duration.ofSeconds(5));
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
        screenQueued();
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
        // Read from the table, not by GET: every GET adds an entry to the case's audit trail.
        Map<String, Object> before = stored(reference);
        APIGatewayProxyResponseEvent response = screenAgain(reference, parts[0]);
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        Map<String, Object> error = list(json(response.getBody()), "errors").stream()
                .filter(e -> e.get("pointer").equals(parts[1])).findFirst().orElseThrow(() -> new AssertionError(response.getBody()));
        assertTrue(((String) error.get("detail")).startsWith(parts[2]), error.toString());
        assertEquals(before, stored(reference), "nothing changed");
    }

    @Test
    void issue7AReScreenBodyWithTextAfterTheObjectIsRefused() {
        String reference = screenedTo("NEEDS_INFORMATION");
        APIGatewayProxyResponseEvent response = screenAgain(reference, "{\"note\":\"x\"} trailing");
        assertEquals(400, response.getStatusCode());
        assertTrue(((String) json(response.getBody()).get("detail")).startsWith("The body has more after the JSON object"));
    }
}
