package org.advocacyhub.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.DynamoCallRecorder;
import org.advocacyhub.testing.DynamoPolicy;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: every DynamoDB call the intake function makes, in each of its paths, is one its IAM
 * policy in template.yaml allows: it writes new cases and reads none. The local engines do not
 * enforce IAM, so this is where a read of a case would be caught before AWS refuses it.
 */
@WithLocalAws
class IntakeIamIT {

    private final LocalAws aws;

    IntakeIamIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void everyIntakePathStaysInsideItsPolicy() {
        DynamoPolicy policy = DynamoPolicy.of(aws.template(), IntakeScenarios.INTAKE, "HubTable");
        List<DynamoPolicy.Call> calls = new ArrayList<>();
        String imca = IntakeScenarios.example("imca");
        calls.addAll(DynamoCallRecorder.during(() -> post(imca, "iam-1", 201)));
        calls.addAll(DynamoCallRecorder.during(() -> post(imca, "iam-1", 201)));                       // a repeat
        calls.addAll(DynamoCallRecorder.during(() -> post(IntakeScenarios.example("icas"), "iam-1", 409))); // the key reused
        calls.addAll(DynamoCallRecorder.during(() -> post("{\"service\":\"IMCA\"}", null, 400)));       // invalid: nothing stored

        String token = IntakeScenarios.tokenOf(aws.call(aws.request("GET", "/referrals/new?service=ICAS")).getBody());
        Map<String, String> form = IntakeScenarios.validForm(token);
        calls.addAll(DynamoCallRecorder.during(() -> assertEquals(303, aws.call(aws.request("POST", "/referrals").form(form)).getStatusCode())));
        calls.addAll(DynamoCallRecorder.during(() -> assertEquals(200,
                aws.call(aws.request("GET", "/referrals/receipts/" + token)).getStatusCode())));
        form.put("reason", "Changed after sending");
        calls.addAll(DynamoCallRecorder.during(() -> assertEquals(409, aws.call(aws.request("POST", "/referrals").form(form)).getStatusCode())));

        assertTrue(calls.size() >= 10, "the recorder saw the function's calls: " + calls);
        assertTrue(calls.stream().anyMatch(c -> c.action().equals("PutItem") && c.partitionKey().startsWith("CASE#")), calls.toString());
        List<DynamoPolicy.Call> refused = calls.stream().filter(call -> !policy.allows(call)).toList();
        assertEquals(List.of(), refused, "calls ReferralIntakeFunction's policy in template.yaml would refuse");
    }

    private void post(String body, String key, int status) {
        var request = aws.request("POST", "/referrals").header("Content-Type", "application/json").body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        APIGatewayProxyResponseEvent response = aws.call(request);
        assertEquals(status, response.getStatusCode(), response.getBody());
    }
}
