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
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;
import org.junit.jupiter.api.Test;

class ConsoleTest {

    private static final String TOKEN = "header.payload.signature";
    private final List<Console.Posted> reached = new ArrayList<>();
    private final Console console = new Console(new FakeSignIn(), new IdentifyStaff(new NoDirectory()),
            new RequestBodies(new Problems(JsonMapper.createDefault())));

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

    @Test
    void aFormPostWithItsSessionsCsrfTokenReachesThePageWithoutTheToken() {
        String csrf = Console.csrfToken(TOKEN);
        APIGatewayProxyResponseEvent response = post("csrf=" + csrf + "&method=PHONE");
        assertEquals(200, response.getStatusCode());
        assertEquals(Map.of("method", List.of("PHONE")), reached.get(0).values());
    }

    @Test
    void aMissingForgedOrRepeatedCsrfTokenIs403AndNothingIsDone() {
        for (String body : List.of("method=PHONE", "csrf=forged&method=PHONE", "csrf=" + Console.csrfToken(TOKEN) + "&csrf=x")) {
            APIGatewayProxyResponseEvent response = post(body);
            assertEquals(403, response.getStatusCode(), body);
            assertTrue(response.getBody().contains("Nothing was changed"));
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
        APIGatewayProxyResponseEvent response = post("csrf=" + Console.csrfToken(TOKEN) + "&note=%C3%28");
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
        return console.post(new HttpRequest(request("POST", "/console/cases/x/contacts", Map.of(), "hub_session=" + TOKEN, body)),
                "/console/cases/x", (staff, posted) -> {
                    reached.add(posted);
                    return new APIGatewayProxyResponseEvent().withStatusCode(200);
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
        @Override
        public Optional<Session> session(HttpRequest request) {
            return request.header("Cookie").filter(c -> c.equals("hub_session=" + TOKEN))
                    .map(c -> new Session(new StaffMember("s-1", EnumSet.of(StaffMember.Role.MANAGER)), TOKEN));
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
            throw new UnsupportedOperationException();
        }
    }

    private static final class NoDirectory implements StaffDirectory {
        @Override public Optional<StaffRecord> find(String staffId) { return Optional.empty(); }
        @Override public Optional<StaffRecord> findByLogin(String subject) { return Optional.empty(); }
        @Override public List<StaffRecord> all() { return List.of(); }
        @Override public List<StaffRecord> dutyManagers(String contract) { return List.of(); }
        @Override public StaffRecord save(StaffRecord record) { return record; }
    }
}
