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
