package org.advocacyhub.answerphone;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.DynamoCallRecorder;
import org.advocacyhub.testing.DynamoPolicy;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SqsEventSourceMapping;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/** Every DynamoDB call the answerphone function makes, on every route and from the queue, is one its template.yaml policy allows. */
@WithLocalAws
class AnswerphoneIamIT {

    private final LocalAws aws;
    private final HubFixtures hub;

    AnswerphoneIamIT(LocalAws aws) {
        this.aws = aws;
        this.hub = new HubFixtures(aws);
    }

    @Test
    void theAnswerphoneFunctionStaysInsideItsPolicy() {
        String reference = hub.referAndScreen(HubFixtures.example("imca"), HubFixtures.MONDAY);
        Instant at = AnswerphoneIT.FRIDAY_SIX.plusSeconds(600);
        List<DynamoPolicy.Call> calls = new ArrayList<>();
        Map<String, Object> body = AnswerphoneIT.message(AnswerphoneIT.FRIDAY_SIX);
        body.put("reference", reference);
        body.put("sourceId", "iam-1");
        String[] id = new String[1];
        calls.addAll(DynamoCallRecorder.during(() -> {
            id[0] = (String) HubFixtures.json(hub.staff(AnswerphoneIT.FUNCTION, MANAGER, "POST", "/answerphone-messages", body, at)
                    .getBody()).get("id");
        }));
        calls.addAll(DynamoCallRecorder.during(() -> {
            hub.staff(AnswerphoneIT.FUNCTION, MANAGER, "POST", "/answerphone-messages", body, at);
        }));
        calls.addAll(DynamoCallRecorder.during(() -> {
            hub.staff(AnswerphoneIT.FUNCTION, MANAGER, "GET", "/answerphone-messages?contract=LLR&status=all", null, at);
        }));
        calls.addAll(DynamoCallRecorder.during(() -> {
            hub.staff(AnswerphoneIT.FUNCTION, MANAGER, "POST", "/answerphone-messages/" + id[0] + "/responses",
                    Map.of("at", at.toString(), "method", "PHONE", "outcome", "SPOKE", "reference", reference), at);
        }));
        Map<String, Object> queued = AnswerphoneIT.message(AnswerphoneIT.FRIDAY_SIX);
        queued.put("sourceId", "iam-2");
        aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("AnswerphoneQueue")).messageBody(HubFixtures.write(queued)));
        calls.addAll(DynamoCallRecorder.during(() -> {
            try (FunctionInvoker function = aws.newFunction(AnswerphoneIT.FUNCTION, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
                SqsEventSourceMapping.of(aws.template().function(AnswerphoneIT.FUNCTION).sqsEvents().get(0), function, aws.sqs(),
                        aws.resources(), aws.endpoints().region()).drainOnce();
            }
        }));

        assertTrue(calls.stream().anyMatch(c -> c.action().equals("BatchWriteItem")), "the list's audit: " + calls);
        assertTrue(calls.stream().anyMatch(c -> c.action().equals("Query") && "GSI3".equals(c.index())), calls.toString());
        DynamoPolicy policy = DynamoPolicy.of(aws.template(), AnswerphoneIT.FUNCTION, "HubTable");
        assertEquals(List.of(), calls.stream().filter(c -> !policy.allows(c)).toList(), "calls the policy in template.yaml would refuse");
    }
}
