package org.advocacyhub.reminders;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.advocacyhub.testing.HubFixtures.MONDAY;
import static org.advocacyhub.testing.HubFixtures.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.DynamoCallRecorder;
import org.advocacyhub.testing.DynamoPolicy;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/** Every DynamoDB call the timer and the reminder emails make is one their policy in template.yaml allows. */
@WithLocalAws
class AlertsIamIT {

    private final LocalAws aws;
    private final AlertFixtures alerts;

    AlertsIamIT(LocalAws aws) {
        this.aws = aws;
        this.alerts = new AlertFixtures(aws);
    }

    @Test
    void theTimerAndTheReminderEmailsStayInsideTheirPolicies() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        alerts.imcaAdvocate("ira-imca");
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        alerts.referAndScreen(example("imca"), MONDAY.plusSeconds(60));
        alerts.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), MONDAY.plus(Duration.ofHours(24)));

        List<DynamoPolicy.Call> timer = new ArrayList<>();
        List<DynamoPolicy.Call> emails = new ArrayList<>();
        Instant nine = DeadlineAlertsIT.WEDNESDAY_NINE;
        Instant late = DeadlineAlertsIT.WEDNESDAY_FIVE.plusMillis(1);
        timer.addAll(DynamoCallRecorder.during(() -> { alerts.timer(nine); }));
        emails.addAll(DynamoCallRecorder.during(() -> { alerts.deliver(nine.plusSeconds(1)); }));
        timer.addAll(DynamoCallRecorder.during(() -> { alerts.timer(late); }));
        emails.addAll(DynamoCallRecorder.during(() -> { alerts.deliver(late.plusSeconds(1)); }));
        timer.addAll(DynamoCallRecorder.during(() -> { alerts.digestRun(Instant.parse("2026-11-26T08:30:00Z")); }));
        emails.addAll(DynamoCallRecorder.during(() -> { alerts.deliver(Instant.parse("2026-11-26T08:30:05Z")); }));

        assertTrue(timer.stream().anyMatch(c -> c.action().equals("UpdateItem")), "the timer moved clocks on: " + timer);
        assertTrue(emails.stream().anyMatch(c -> c.action().equals("Query") && "GSI3".equals(c.index())), "the digest read: " + emails);
        assertTrue(alerts.staffMail().stream().anyMatch(e -> e.subject().startsWith("Missed")));
        assertEquals(List.of(), refused("AllocationTimerFunction", timer), "calls AllocationTimerFunction's policy would refuse");
        assertEquals(List.of(), refused("ReminderEmailsFunction", emails), "calls ReminderEmailsFunction's policy would refuse");
    }

    private List<DynamoPolicy.Call> refused(String function, List<DynamoPolicy.Call> calls) {
        DynamoPolicy policy = DynamoPolicy.of(aws.template(), function, "HubTable");
        return calls.stream().filter(call -> !policy.allows(call)).toList();
    }
}
