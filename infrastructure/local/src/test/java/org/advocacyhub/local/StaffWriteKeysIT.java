package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 ("POST /answerphone-messages accepts a 300-character Idempotency-Key; intake refuses over 255"): one key
 * rule on every route of every function that takes a key, found from template.yaml's routes so that a new route is
 * checked without being listed here.
 */
@WithLocalAws
class StaffWriteKeysIT {

    private static final Map<String, Object> MANAGER = Map.of("sub", LocalAws.TEST_MANAGER_SUBJECT, "cognito:groups", "manager");

    private final LocalAws aws;

    StaffWriteKeysIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void issue20AKeyOf256CharactersIsRefused400OnEveryStaffWriteAndOnIntake() {
        List<String> checked = new ArrayList<>();
        for (SamTemplate.ApiEvent route : aws.api().routes()) {
            boolean write = route.method().equals("POST") || route.method().equals("PUT");
            if (!write || !(route.authorized() || route.path().equals("/referrals"))) {
                continue;
            }
            ApiRoutes.Request request = aws.request(route.method(), route.path().replaceAll("\\{[^}]+}", "LLR-2026-999999"))
                    .json("{}").header("Idempotency-Key", "k".repeat(256));
            if (route.authorized()) {
                request.claims(MANAGER);
            }
            APIGatewayProxyResponseEvent answer = aws.call(request);
            assertEquals(400, answer.getStatusCode(), route.method() + " " + route.path() + ": " + answer.getBody());
            assertTrue(answer.getBody().contains("Idempotency-Key must be 1 to 255 printable ASCII characters"), answer.getBody());
            checked.add(route.functionId() + " " + route.method() + " " + route.path());
        }
        assertTrue(checked.stream().anyMatch(r -> r.endsWith("POST /answerphone-messages")), checked.toString());
        assertTrue(checked.stream().anyMatch(r -> r.endsWith("POST /referrals")), checked.toString());
        assertTrue(checked.stream().anyMatch(r -> r.endsWith("PUT /staff/{staffId}")), checked.toString());
        assertTrue(checked.stream().anyMatch(r -> r.endsWith("POST /reports")), checked.toString());
        assertTrue(checked.size() > 20, "every write: " + checked);
    }

    @Test
    void issue20AnAnswerphoneMessageKeyedIn300CharactersLongIsRefusedAnd255AreTaken() {
        String left = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600).toString();
        String body = "{\"contract\":\"LLR\",\"leftAt\":\"" + left + "\",\"callerName\":\"Pat Example\",\"callbackNumber\":\"0116 496 0000\"}";
        APIGatewayProxyResponseEvent refused = aws.call(aws.request("POST", "/answerphone-messages").json(body).claims(MANAGER)
                .header("Idempotency-Key", "k".repeat(300)));
        APIGatewayProxyResponseEvent taken = aws.call(aws.request("POST", "/answerphone-messages").json(body).claims(MANAGER)
                .header("Idempotency-Key", "k".repeat(255)));

        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertEquals(201, taken.getStatusCode(), taken.getBody());
    }
}
