package org.advocacyhub.web.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.staff.StaffRecord;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.IdempotentRequests;
import org.advocacyhub.web.InMemoryRequestLedger;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private static final String TOKEN = "header.payload.signature";
    private final List<Console.Posted> reached = new ArrayList<>();
    private final InMemoryRequestLedger ledger = new InMemoryRequestLedger();
    private final FakeSignIn signIn = new FakeSignIn();
    private final OneManager directory = new OneManager();
    private final Console console = new Console(signIn, new IdentifyStaff(directory),
            new RequestBodies(new Problems(JsonMapper.createDefault())),
            new IdempotentRequests(ledger, Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC)));
    private static final String FORM_ID = "formId=0d3c1f9e-7a51-4c8e-9f0b-2b7c1e6d5a44";

    @Test
    void aPageWithoutASessionSendsTheBrowserToSignInAndBackToThePageWithItsQuery() {
        APIGatewayProxyResponseEvent response = console.page(new HttpRequest(request("GET", "/console/waiting-list", Map.of("contract", "LLR"), null, null)),
                staff -> { throw new AssertionError("not signed in"); });
        assertEquals(303, response.getStatusCode());
        assertEquals("/console/sign-in?returnTo=%2Fconsole%2Fwaiting-list%3Fcontract%3DLLR", response.getHeaders().get("Location"));
    }

    @Test
    void onApiGatewaysOwnAddressLinksAndRedirectsKeepTheStage() {
        APIGatewayProxyRequestEvent event = request("GET", "/console", Map.of(), null, null);
        event.getHeaders().put("Host", "abc123.execute-api.eu-west-2.amazonaws.com");
        event.setRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage("prod"));
        assertEquals("/prod/console/sign-in?returnTo=%2Fconsole", console.page(new HttpRequest(event), s -> null).getHeaders().get("Location"));
    }

    private APIGatewayProxyResponseEvent page() {
        return console.page(new HttpRequest(request("GET", "/console", Map.of(), "hub_session=" + TOKEN, null)),
                staff -> org.advocacyhub.web.HttpResponses.html(200, staff.name()));
    }

    @Test
    void issue20ADeactivatedPersonsSessionEndsAtTheirNextRequestAndTheirPostChangesNothing() {
        assertEquals(200, page().getStatusCode());
        directory.record = OneManager.record(org.advocacyhub.domain.staff.StaffRole.MANAGER, false);
        APIGatewayProxyResponseEvent refused = post("csrf=" + Console.csrfToken(TOKEN) + "&" + FORM_ID + "&method=PHONE");
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getBody().contains("Your staff record is not active"), refused.getBody());
        assertTrue(reached.isEmpty(), "the form was not taken");
        assertTrue(signIn.ended, "the session is over");
        assertEquals(303, page().getStatusCode(), "the cookie names nothing now: to sign-in");
    }

    @Test
    void issue20ARoleChangeEndsTheSessionItWasBoundTo() {
        assertEquals(200, page().getStatusCode());
        assertEquals("MANAGER", signIn.role, "bound on first use");
        directory.record = OneManager.record(org.advocacyhub.domain.staff.StaffRole.ADVOCATE, true);
        APIGatewayProxyResponseEvent changed = page();
        assertEquals(303, changed.getStatusCode(), "signed in again, the new role applies");
        assertTrue(changed.getHeaders().get("Location").startsWith("/console/sign-in"), changed.getHeaders().toString());
        assertTrue(signIn.ended);
    }

    @Test
    void aFormPostWithItsSessionsCsrfTokenReachesThePageWithoutTheToken() {
        String csrf = Console.csrfToken(TOKEN);
        APIGatewayProxyResponseEvent response = post("csrf=" + csrf + "&" + FORM_ID + "&method=PHONE");
        assertEquals(200, response.getStatusCode());
        assertEquals(Map.of("method", List.of("PHONE")), reached.get(0).values(), "neither the token nor the form id is a value");
    }

    @Test
    void issue19AFormPostedTwiceIsDoneOnceAndAnsweredAsTheFirstTime() {
        String body = "csrf=" + Console.csrfToken(TOKEN) + "&" + FORM_ID + "&method=PHONE";
        APIGatewayProxyResponseEvent first = post(body, 303);
        APIGatewayProxyResponseEvent again = post(body, 303);

        assertEquals(1, reached.size(), "done once");
        assertEquals(first.getHeaders().get("Location"), again.getHeaders().get("Location"));
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
    }

    @Test
    void issue19TheSameFormIdWithOtherValuesIsRefusedAndNothingIsDone() {
        post("csrf=" + Console.csrfToken(TOKEN) + "&" + FORM_ID + "&method=PHONE", 303);
        APIGatewayProxyResponseEvent other = post("csrf=" + Console.csrfToken(TOKEN) + "&" + FORM_ID + "&method=VISIT", 303);

        assertEquals(409, other.getStatusCode());
        assertTrue(other.getBody().contains("This form was already sent"), other.getBody());
        assertEquals(1, reached.size());
    }

    @Test
    void issue19AFormThatWasRefusedMayBeSentAgainCorrectedUnderItsId() {
        post("csrf=" + Console.csrfToken(TOKEN) + "&" + FORM_ID + "&method=", 400);
        APIGatewayProxyResponseEvent corrected = post("csrf=" + Console.csrfToken(TOKEN) + "&" + FORM_ID + "&method=PHONE", 303);

        assertEquals(303, corrected.getStatusCode(), "a refusal changed nothing: the id is free again, as an intake key is");
        assertEquals(2, reached.size());
    }

    @Test
    void aFormWithoutItsOneTimeIdOrWithABadOneIsRefusedAndNothingIsDone() {
        for (String id : List.of("", "&formId=", "&formId=" + "x".repeat(256), "&" + FORM_ID + "&" + FORM_ID)) {
            APIGatewayProxyResponseEvent response = post("csrf=" + Console.csrfToken(TOKEN) + id + "&method=PHONE");
            assertEquals(400, response.getStatusCode(), id);
            assertTrue(response.getBody().contains("Nothing was changed"));
        }
        assertTrue(reached.isEmpty());
    }

    @Test
    void signingOutNeedsNoFormId() {
        APIGatewayProxyRequestEvent event = request("POST", "/console/sign-out", Map.of(), "hub_session=" + TOKEN,
                "csrf=" + Console.csrfToken(TOKEN));
        assertEquals(303, console.signOut(new HttpRequest(event)).getStatusCode());
    }

    @Test
    void aMissingForgedOrRepeatedCsrfTokenIs403AndNothingIsDone() {
        for (String body : List.of("method=PHONE", "csrf=forged&method=PHONE", "csrf=" + Console.csrfToken(TOKEN) + "&csrf=x")) {
            APIGatewayProxyResponseEvent response = post(body);
            assertEquals(403, response.getStatusCode(), body);
            assertTrue(response.getBody().contains("Nothing was changed"));
            // Issue 21: the console's page, with its navigation and the way to sign out, not a bare page.
            assertTrue(response.getBody().contains("aria-label=\"Console\"") && response.getBody().contains("Sign out"), response.getBody());
        }
        assertTrue(reached.isEmpty());
    }

    @Test
    void theCsrfTokenBelongsToItsSessionAlone() {
        assertNotEquals(Console.csrfToken(TOKEN), Console.csrfToken(TOKEN + "x"));
        assertFalse(Console.csrfToken(TOKEN).contains(TOKEN));
    }

    @Test
    void aValueThatCannotBeReadIsNamedAndNotKept() {
        APIGatewayProxyResponseEvent response = post("csrf=" + Console.csrfToken(TOKEN) + "&" + FORM_ID + "&note=%C3%28");
        assertEquals(200, response.getStatusCode());
        assertFalse(reached.get(0).values().containsKey("note"));
        assertEquals("note", reached.get(0).unreadable().get(0).field());
    }

    @Test
    void aFormThatIsNotUrlEncodedIs415() {
        APIGatewayProxyRequestEvent event = request("POST", "/console/cases/x/contacts", Map.of(), "hub_session=" + TOKEN, "{}");
        event.getHeaders().put("Content-Type", "application/json");
        assertEquals(415, console.post(new HttpRequest(event), "/console", (s, p) -> null).getStatusCode());
    }

    private APIGatewayProxyResponseEvent post(String body) {
        return post(body, 200);
    }

    /** A form post whose page answers {@code status}: 303 to the case after a change, 400 when a value is missing. */
    private APIGatewayProxyResponseEvent post(String body, int status) {
        return console.post(new HttpRequest(request("POST", "/console/cases/x/contacts", Map.of(), "hub_session=" + TOKEN, body)),
                "/console/cases/x", (staff, posted) -> {
                    reached.add(posted);
                    return status == 303 ? org.advocacyhub.web.HttpResponses.seeOther("/console/cases/x?saved=" + reached.size())
                            : new APIGatewayProxyResponseEvent().withStatusCode(status);
                });
    }

    private static APIGatewayProxyRequestEvent request(String method, String path, Map<String, String> query, String cookie, String body) {
        Map<String, String> headers = new java.util.HashMap<>();
        headers.put("Host", "localhost:3000");
        if (cookie != null) {
            headers.put("Cookie", cookie);
        }
        if (body != null) {
            headers.put("Content-Type", "application/x-www-form-urlencoded");
        }
        return new APIGatewayProxyRequestEvent().withHttpMethod(method).withPath(path).withResource(path).withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query).withBody(body).withIsBase64Encoded(false);
    }

    /** Signed in exactly when the request carries the test's session cookie. */
    private static final class FakeSignIn implements StaffSignIn {
        private boolean ended;
        private String role;

        @Override
        public Optional<Session> session(HttpRequest request) {
            return request.header("Cookie").filter(c -> c.equals("hub_session=" + TOKEN) && !ended)
                    .map(c -> new Session(new StaffMember("s-1", EnumSet.of(StaffMember.Role.MANAGER)), TOKEN, role));
        }

        @Override
        public void end(Session session) {
            ended = true;
        }

        @Override
        public void bind(Session session, String boundRole) {
            role = boundRole;
        }

        @Override
        public APIGatewayProxyResponseEvent startSignIn(HttpRequest request, String returnTo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public APIGatewayProxyResponseEvent callback(HttpRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public APIGatewayProxyResponseEvent signOut(HttpRequest request) {
            return org.advocacyhub.web.HttpResponses.seeOther("/console/signed-out");
        }
    }

    /** A directory in which every sign-in is one active manager (the directory decides every request: issue 20). */
    private static final class OneManager implements StaffDirectory {
        private StaffRecord record = record(org.advocacyhub.domain.staff.StaffRole.MANAGER, true);

        static StaffRecord record(org.advocacyhub.domain.staff.StaffRole role, boolean active) {
            return new StaffRecord("morgan-manager", "Morgan Manager", "morgan@hub.example", role, active, java.util.Set.of("LLR"),
                    java.util.Set.of(), List.of(), java.util.Set.of(), Map.of(), null, null, null, java.util.Set.of(),
                    StaffRecord.Experience.NONE);
        }

        @Override public Optional<StaffRecord> find(String staffId) { return Optional.of(record); }
        @Override public Optional<StaffRecord> findByLogin(String subject) { return Optional.of(record); }
        @Override public List<StaffRecord> all() { return List.of(); }
        @Override public List<StaffRecord> dutyManagers(String contract) { return List.of(); }
        @Override public StaffRecord save(StaffRecord record) { return record; }
    }
}
