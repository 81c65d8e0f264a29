package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.local.bench.ClockSeeder;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.testing.DynamoCallRecorder;
import org.advocacyhub.testing.DynamoPolicy;
import org.advocacyhub.testing.DynamoReads;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 9: the allocation timer's reads are proportional to the alerts due, not to the open clocks.
 * Counted from DynamoDB's own answers (the items each Query returned and examined), not timed.
 */
@WithLocalAws
class AlertReadsIT {

    private final LocalAws aws;

    AlertReadsIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void with5000OpenClocksOf10DueOneTimerRunReadsOnlyThe10FromTheAlertIndex() {
        String table = aws.environment("AllocationTimerFunction").get("TABLE_NAME");
        ContractCatalogue contracts = ContractCatalogue.bundled();
        String reference = new HubFixtures(aws).referAndScreen(HubFixtures.example("imca"), HubFixtures.MONDAY);
        ReferralCase template = new DynamoCaseStore(aws.dynamoDb(), table, new CaseItemMapper(), contracts)
                .findCase(ReferralReference.parse(reference).orElseThrow()).orElseThrow();
        // The template's own clock leaves the index: the table then holds exactly the seeded clocks.
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS("CASE#" + reference),
                "SK", AttributeValue.fromS("CLOCK#allocation"))));

        Instant now = Instant.parse("2026-12-08T12:00:00Z");
        List<ReferralReference> due = new ClockSeeder(aws.dynamoDb(), table, contracts).seed(template, 5000, 10, now);
        assertEquals(10, due.size());

        DynamoPolicy policy = DynamoPolicy.of(aws.template(), "AllocationTimerFunction", "HubTable");
        try (FunctionInvoker timer = aws.newFunction("AllocationTimerFunction", Map.of("HUB_CLOCK_FIXED", now.toString()))) {
            List<DynamoPolicy.Call> calls = new java.util.ArrayList<>();
            DynamoReads.Recorded<Object> run = DynamoReads.during(() -> {
                DynamoCallRecorder.Recorded<Object> recorded = DynamoCallRecorder.during(() -> timer.invoke(Map.of()));
                calls.addAll(recorded.calls());
                return recorded.result();
            });
            assertEquals("read=10 raised=10", run.result());
            assertTrue(run.reads().stream().noneMatch(r -> r.operation().equals("Scan")), "never a Scan: " + run.reads());
            assertTrue(run.reads().stream().allMatch(r -> r.operation().equals("Query") && "GSI1".equals(r.index())),
                    "only the alert index: " + run.reads());
            assertTrue(run.examined() <= 12, "at most 12 clock items read, not 5,000: " + run.reads());
            assertEquals(List.of(), calls.stream().filter(c -> !policy.allows(c)).toList(),
                    "calls AllocationTimerFunction's policy in template.yaml would refuse");
        }
        assertEquals(10, aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("ReminderQueue")).maxNumberOfMessages(10))
                .messages().size(), "one alert per due clock");
    }
}
