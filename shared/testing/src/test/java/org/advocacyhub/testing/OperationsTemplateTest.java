package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.SamTemplate.SamFunction;
import org.junit.jupiter.api.Test;

/**
 * template.yaml's operations (issue 24): log groups with a retention, structured logs, safe deployments and the
 * dashboard. Nothing local runs any of it, so the template is the only place to check it.
 */
class OperationsTemplateTest {

    private final SamTemplate template = SamTemplate.locate();

    @Test
    void every_function_logs_as_json_to_its_own_group_kept_for_the_retention_parameter() {
        assertEquals("90", template.parameters().get("LogRetentionDays").defaultValue(), "90 days by default");
        assertFalse(template.functions().isEmpty());
        List<String> problems = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (SamFunction function : template.functions()) {
            Map<?, ?> logging = (Map<?, ?>) function.properties().get("LoggingConfig");
            if (logging == null) {
                problems.add(function.logicalId() + " has no LoggingConfig");
                continue;
            }
            if (!"JSON".equals(logging.get("LogFormat"))) {
                problems.add(function.logicalId() + " logs as " + logging.get("LogFormat") + ", not JSON");
            }
            String group = SamTemplate.refTarget(logging.get("LogGroup"));
            if (group == null || !template.resources().containsKey(group)) {
                problems.add(function.logicalId() + " names no log group of the template: " + logging.get("LogGroup"));
                continue;
            }
            groups.add(group);
            problems.addAll(retentionProblems(group));
        }
        assertEquals(List.of(), problems);
        assertEquals(groups.size(), groups.stream().distinct().count(), "each function has its own group: " + groups);
    }

    @Test
    void the_api_writes_an_access_log_without_personal_data_to_a_group_with_retention() {
        Map<?, ?> access = (Map<?, ?>) template.resourceProperties("HubApi").get("AccessLogSetting");
        assertEquals(Map.of("Fn::GetAtt", List.of("ApiAccessLogGroup", "Arn")), access.get("DestinationArn"));
        assertEquals(List.of(), retentionProblems("ApiAccessLogGroup"));
        String format = String.valueOf(access.get("Format"));
        Json.parse(format.replace("\n", " "));
        assertTrue(format.contains("$context.requestId"), format);
        // The caller's address and browser are personal data; the raw path holds the referral form's receipt token.
        for (String personal : List.of("sourceIp", "userAgent", "$context.path", "caller", "user\"", "cognitoIdentity")) {
            assertFalse(format.contains(personal), "the access log writes " + personal);
        }
    }

    @Test
    void every_function_deploys_as_a_canary_that_its_errors_and_throttles_roll_back() {
        List<String> problems = new ArrayList<>();
        for (SamFunction function : template.functions()) {
            String id = function.logicalId();
            if (!"live".equals(function.properties().get("AutoPublishAlias"))) {
                problems.add(id + " publishes no live alias to shift");
            }
            Map<?, ?> preference = (Map<?, ?>) function.properties().get("DeploymentPreference");
            if (preference == null) {
                problems.add(id + " has no DeploymentPreference: a deploy goes to 100% at once");
                continue;
            }
            String type = String.valueOf(preference.get("Type"));
            if (!type.startsWith("Canary") && !type.startsWith("Linear")) {
                problems.add(id + " deploys " + type + ", not gradually");
            }
            List<String> watched = new ArrayList<>();
            Object alarms = preference.get("Alarms");
            for (Object alarm : alarms instanceof List<?> list ? list : List.of()) {
                String alarmId = SamTemplate.refTarget(alarm);
                if (alarmId == null || !"AWS::CloudWatch::Alarm".equals(template.resourceType(alarmId))) {
                    problems.add(id + " rolls back on " + alarm + ", not an alarm of the template");
                    continue;
                }
                Map<String, Object> properties = template.resourceProperties(alarmId);
                boolean ofThisFunction = ((List<?>) properties.get("Dimensions")).stream()
                        .map(d -> (Map<?, ?>) d)
                        .anyMatch(d -> "FunctionName".equals(d.get("Name")) && Map.of("Ref", id).equals(d.get("Value")));
                if (!"AWS/Lambda".equals(properties.get("Namespace")) || !ofThisFunction) {
                    problems.add(id + " rolls back on " + alarmId + ", which watches another function or metric");
                    continue;
                }
                watched.add(String.valueOf(properties.get("MetricName")));
            }
            if (!watched.containsAll(List.of("Errors", "Throttles"))) {
                problems.add(id + " rolls back on " + watched + ", not on both errors and throttles");
            }
        }
        assertEquals(List.of(), problems);
    }

    private List<String> retentionProblems(String group) {
        List<String> problems = new ArrayList<>();
        if (!"AWS::Logs::LogGroup".equals(template.resourceType(group))) {
            problems.add(group + " is a " + template.resourceType(group) + ", not a log group");
            return problems;
        }
        Map<String, Object> properties = template.resourceProperties(group);
        if (!Map.of("Ref", "LogRetentionDays").equals(properties.get("RetentionInDays"))) {
            problems.add(group + " keeps its events for " + properties.get("RetentionInDays") + ", not LogRetentionDays");
        }
        if (properties.get("LogGroupName") == null) {
            problems.add(group + " has no fixed name");
        }
        return problems;
    }
}
