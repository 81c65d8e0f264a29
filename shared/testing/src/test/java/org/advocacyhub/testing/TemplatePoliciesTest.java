package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The IAM policies in template.yaml grant each function what it needs and no more (issue 8):
 * intake writes new cases and reads none; nothing scans; staff functions query the indexes.
 */
class TemplatePoliciesTest {

    private final SamTemplate template = SamTemplate.locate();

    private DynamoPolicy policy(String function) {
        return DynamoPolicy.of(template, function, "HubTable");
    }

    @Test
    @DisplayName("intake may read idempotency records only: never a case, never a Query or a Scan")
    void intakeReadsNoCase() {
        DynamoPolicy intake = policy("ReferralIntakeFunction");
        assertFalse(intake.grants().isEmpty());
        assertTrue(intake.allows(new DynamoPolicy.Call("GetItem", null, "IDEMPOTENCY#abc")));
        for (String read : List.of("GetItem", "Query", "Scan", "BatchGetItem")) {
            assertFalse(intake.allows(new DynamoPolicy.Call(read, null, "CASE#LLR-2026-000001")), read + " of a case");
            assertFalse(intake.allows(new DynamoPolicy.Call(read, null, "STAFF")), read + " of the staff directory");
        }
        for (String index : List.of("GSI1", "GSI2", "GSI3", "GSI4")) {
            assertFalse(intake.allows(new DynamoPolicy.Call("Query", index, "STATUS#LLR#ALLOCATED")), "Query on " + index);
        }
        for (DynamoPolicy.Grant grant : intake.grants()) {
            assertFalse(grant.leadingKeys().isEmpty(), "every intake grant names the partitions it may touch: " + grant);
            assertTrue(grant.indexes().isEmpty(), "intake uses no index: " + grant);
        }
    }

    @Test
    @DisplayName("intake may write new cases, their events and clocks, idempotency records, and count sequences; nothing else")
    void intakeWritesOnlyWhatIntakeWrites() {
        DynamoPolicy intake = policy("ReferralIntakeFunction");
        assertTrue(intake.allows(new DynamoPolicy.Call("PutItem", null, "CASE#LLR-2026-000001")));
        assertTrue(intake.allows(new DynamoPolicy.Call("PutItem", null, "IDEMPOTENCY#abc")));
        assertTrue(intake.allows(new DynamoPolicy.Call("UpdateItem", null, "SEQUENCE#LLR#2026")));
        assertFalse(intake.allows(new DynamoPolicy.Call("UpdateItem", null, "CASE#LLR-2026-000001")), "no change to a stored case");
        assertFalse(intake.allows(new DynamoPolicy.Call("PutItem", null, "STAFF")), "no staff directory");
        assertFalse(intake.allows(new DynamoPolicy.Call("DeleteItem", null, "CASE#LLR-2026-000001")));
    }

    @Test
    @DisplayName("no function may Scan the table but the report function for a contract's export, and none has a wildcard action")
    void nothingScans() {
        for (SamTemplate.SamFunction function : template.functions()) {
            DynamoPolicy policy = policy(function.logicalId());
            // The one exception (issue 22 item 4): a contract's export reads every item of the contract, of kinds no index
            // lists, on the report queue, never on a request's path (ExportContract, DynamoContractRecords).
            boolean exports = function.logicalId().equals("QuarterlyReportFunction");
            assertEquals(exports, policy.allows(new DynamoPolicy.Call("Scan", null, "")), function.logicalId());
            policy.grants().forEach(grant -> assertFalse(grant.actions().contains("*"), function.logicalId() + ": " + grant));
        }
    }

    @Test
    @DisplayName("the staff API may query the report, status and advocate indexes, and nothing beyond the table")
    void caseworkQueriesItsIndexes() {
        DynamoPolicy casework = policy("CaseworkFunction");
        for (String index : List.of("GSI2", "GSI3", "GSI4")) {
            assertTrue(casework.allows(new DynamoPolicy.Call("Query", index, "x")), index);
        }
        assertEquals(false, casework.allows(new DynamoPolicy.Call("Query", "GSI1", "CLOCK#DUE")), "the timers' index is the timer's");
        assertTrue(casework.allows(new DynamoPolicy.Call("Query", "GSI1", "MAIL#TROUBLE")), "the emails that did not go (issue 19)");
        assertTrue(casework.allows(new DynamoPolicy.Call("Query", "GSI1", "MAIL#WAITING")), "the emails waiting long (issue 19)");
    }

    @Test
    @DisplayName("every function that may send email names the configuration set that publishes bounces and complaints, and may use it")
    void everySendNamesTheConfigurationSet() {
        assertEquals("AWS::SES::ConfigurationSet", template.resourceType("MailConfigurationSet"));
        int senders = 0;
        for (SamTemplate.SamFunction function : template.functions()) {
            String policies = String.valueOf(function.properties().get("Policies"));
            boolean sends = policies.contains("ses:SendEmail") || policies.contains("ses:SendRawEmail")
                    || function.environment().containsKey("SENDER_ADDRESS");
            if (!sends) {
                continue;
            }
            senders++;
            assertEquals("MailConfigurationSet", SamTemplate.refTarget(function.environment().get("SES_CONFIGURATION_SET")),
                    function.logicalId() + " sends email: SES_CONFIGURATION_SET must name MailConfigurationSet");
            assertTrue(policies.contains("configuration-set/${MailConfigurationSet}"),
                    function.logicalId() + " may send only with the hub's configuration set named on its SES grant");
            assertFalse(policies.contains("ses:*") || policies.contains("identity/*"), function.logicalId() + ": no SES wildcard");
        }
        assertTrue(senders >= 2, "the mail sender and the report function send");
    }

    @Test
    @DisplayName("bounces and complaints reach the mail sender through their own queue, with a dead-letter queue and an alarm; only the rule may fill it")
    void bouncesAndComplaintsHaveTheirQueue() {
        Map<String, Object> destination = template.resourceProperties("MailFeedbackDestination");
        String text = String.valueOf(destination);
        assertTrue(text.contains("bounce") && text.contains("complaint"), text);
        assertTrue(template.deadLetterQueueIds().contains("MailFeedbackDeadLetterQueue"));
        assertTrue(template.function("ReminderEmailsFunction").sqsEvents().stream()
                .anyMatch(e -> String.valueOf(e).contains("MailFeedbackQueue")), "the mail sender reads the feedback queue");
        String policy = String.valueOf(template.resourceProperties("MailFeedbackQueuePolicy"));
        assertTrue(policy.contains("events.amazonaws.com") && policy.contains("aws:SourceArn") && policy.contains("MailFeedbackRule"),
                "only the rule may send to the queue: " + policy);
    }
}
