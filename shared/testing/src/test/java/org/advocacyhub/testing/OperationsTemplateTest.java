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

    @Test
    void the_dashboard_shows_every_queue_dead_letter_queue_and_function_and_the_hubs_own_metrics() {
        assertEquals("AWS::CloudWatch::Dashboard", template.resourceType("OperationsDashboard"));
        String body = String.valueOf(((Map<?, ?>) template.resourceProperties("OperationsDashboard").get("DashboardBody"))
                .get("Fn::Sub"));
        // Every ${...} names a resource of the template (or a pseudo parameter), with an attribute it has.
        List<String> problems = new ArrayList<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\$\\{([^}]+)}").matcher(body);
        while (names.find()) {
            String[] name = names.group(1).split("\\.", 2);
            if (name[0].startsWith("AWS::")) {
                continue;
            }
            if (!template.resources().containsKey(name[0])) {
                problems.add("the dashboard names " + name[0] + ", not a resource of the template");
            } else if (name.length == 2 && !(name[1].equals("QueueName") && "AWS::SQS::Queue".equals(template.resourceType(name[0])))) {
                problems.add("the dashboard reads " + names.group(1));
            }
        }
        assertEquals(List.of(), problems);

        com.fasterxml.jackson.databind.JsonNode widgets = Json.parse(body).path("widgets");
        java.util.Set<String> shown = new java.util.TreeSet<>();
        List<String> queries = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode widget : widgets) {
            if ("log".equals(widget.path("type").asText())) {
                queries.add(widget.path("properties").path("query").asText());
                continue;
            }
            for (com.fasterxml.jackson.databind.JsonNode metric : widget.path("properties").path("metrics")) {
                // [namespace, metric, dimension name, value, ..., {options}]
                StringBuilder key = new StringBuilder(metric.get(0).asText() + " " + metric.get(1).asText());
                for (int i = 2; i + 1 < metric.size() && metric.get(i).isTextual(); i += 2) {
                    key.append(' ').append(metric.get(i).asText()).append('=').append(metric.get(i + 1).asText());
                }
                shown.add(key.toString());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String metric : List.of("ReferralReceived", "ScreeningDelay", "DeadlineMissed", "LettersBounced")) {
            expect(shown, "AdvocacyHub " + metric, missing);
        }
        java.util.Set<String> deadLetterQueues = template.deadLetterQueueIds();
        for (SamTemplate.QueueDefinition queue : template.queues()) {
            String metric = deadLetterQueues.contains(queue.logicalId())
                    ? "ApproximateNumberOfMessagesVisible" : "ApproximateAgeOfOldestMessage";
            expect(shown, "AWS/SQS " + metric + " QueueName=${" + queue.logicalId() + ".QueueName}", missing);
        }
        for (SamFunction function : template.functions()) {
            for (String metric : List.of("Errors", "Throttles", "Duration")) {
                expect(shown, "AWS/Lambda " + metric + " FunctionName=${" + function.logicalId() + "}", missing);
            }
            String group = SamTemplate.refTarget(((Map<?, ?>) function.properties().get("LoggingConfig")).get("LogGroup"));
            if (queries.stream().noneMatch(q -> q.contains("SOURCE '${" + group + "}'") && q.contains("platform.report"))) {
                missing.add("cold starts of " + function.logicalId() + " (its log group " + group + ")");
            }
        }
        assertEquals(List.of(), missing, "shown: " + shown);
    }

    @Test
    void samconfig_has_the_three_environments_overriding_only_parameters_the_template_declares() throws Exception {
        String toml = java.nio.file.Files.readString(template.root().resolve("samconfig.toml"));
        java.util.Map<String, String> overrides = new java.util.TreeMap<>();
        String section = null;
        for (String line : toml.split("\n")) {
            if (line.startsWith("[")) {
                section = line.substring(1, line.indexOf('.'));
            } else if (line.startsWith("parameter_overrides")) {
                overrides.put(section, line.substring(line.indexOf('"') + 1, line.lastIndexOf('"')));
            }
        }
        assertEquals(java.util.Set.of("default", "staging", "production"), overrides.keySet());
        List<String> problems = new ArrayList<>();
        java.util.Set<String> stackNames = new java.util.HashSet<>();
        overrides.forEach((environment, text) -> {
            java.util.Set<String> given = new java.util.HashSet<>();
            for (String pair : text.trim().split("\\s+")) {
                String name = pair.substring(0, pair.indexOf('='));
                given.add(name);
                if (!template.parameters().containsKey(name)) {
                    problems.add(environment + " overrides " + name + ", not a parameter of template.yaml");
                }
            }
            template.parameters().values().stream()
                    .filter(parameter -> parameter.defaultValue() == null && !given.contains(parameter.name()))
                    .forEach(parameter -> problems.add(environment + " gives no " + parameter.name() + ", which has no default"));
        });
        assertEquals(List.of(), problems);
        for (String environment : List.of("staging", "production")) {
            assertTrue(toml.contains("[" + environment + ".global.parameters]\nstack_name = \"advocacy-hub-" + environment + "\""),
                    environment + " has its own stack");
        }
    }

    @Test
    void the_pipeline_builds_tests_then_deploys_staging_then_production_after_approval_with_oidc() throws Exception {
        Map<?, ?> workflow = new org.yaml.snakeyaml.Yaml().load(
                java.nio.file.Files.readString(template.root().resolve(".github/workflows/deploy.yml")));
        Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE); // YAML 1.1 reads on as true
        assertTrue(on instanceof Map<?, ?> events && events.containsKey("push"), "runs on push: " + on);
        Map<?, ?> jobs = (Map<?, ?>) workflow.get("jobs");
        List<String> problems = new ArrayList<>();
        jobs.forEach((name, value) -> {
            Map<?, ?> job = (Map<?, ?>) value;
            if (job.get("runs-on") == null || !(job.get("steps") instanceof List<?> steps) || steps.isEmpty()) {
                problems.add(name + " has no runner or no steps");
            }
            Object needs = job.get("needs");
            for (Object need : needs instanceof List<?> list ? list : needs == null ? List.of() : List.of(needs)) {
                if (!jobs.containsKey(need)) {
                    problems.add(name + " needs " + need + ", not a job");
                }
            }
            for (Object step : job.get("steps") instanceof List<?> steps ? steps : List.of()) {
                Map<?, ?> s = (Map<?, ?>) step;
                if (s.containsKey("uses") == s.containsKey("run")) {
                    problems.add(name + " has a step with both or neither of uses and run: " + s);
                }
                if (s.get("uses") instanceof String uses && !uses.matches("[\\w.-]+/[\\w./-]+@v\\d+")) {
                    problems.add(name + " uses " + uses + " without a major version");
                }
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(String.valueOf(jobs.get("build")).contains("./mvnw -B verify"), "the build job runs the tests");
        Map<?, ?> staging = (Map<?, ?>) jobs.get("deploy-staging");
        Map<?, ?> production = (Map<?, ?>) jobs.get("deploy-production");
        assertEquals("build", staging.get("needs"));
        assertEquals("deploy-staging", production.get("needs"), "production only after staging");
        assertEquals("staging", staging.get("environment"));
        assertEquals("production", production.get("environment"), "the environment with required reviewers is the approval");
        for (Map<?, ?> deploy : List.of(staging, production)) {
            assertEquals("write", ((Map<?, ?>) deploy.get("permissions")).get("id-token"), "OIDC, no stored keys");
            String text = String.valueOf(deploy.get("steps"));
            assertTrue(text.contains("--config-env " + deploy.get("environment")), text);
            assertFalse(text.contains("aws-access-key-id") || text.contains("secrets."), "no stored AWS keys");
        }
        assertEquals(Map.of("contents", "read"), workflow.get("permissions"), "least privilege by default");
    }

    @Test
    void the_bootstrap_role_trusts_only_main_and_the_two_environments_and_passes_only_the_stacks_role() throws Exception {
        Map<String, Object> bootstrap = CloudFormationYaml.parse(
                java.nio.file.Files.readString(template.root().resolve("infrastructure/bootstrap/github-oidc.yaml")));
        Map<?, ?> role = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) bootstrap.get("Resources")).get("GitHubDeployRole")).get("Properties");
        Map<?, ?> trust = (Map<?, ?>) ((List<?>) ((Map<?, ?>) role.get("AssumeRolePolicyDocument")).get("Statement")).get(0);
        Map<?, ?> equals = (Map<?, ?>) ((Map<?, ?>) trust.get("Condition")).get("StringEquals");
        assertEquals("sts.amazonaws.com", equals.get("token.actions.githubusercontent.com:aud"));
        assertEquals(List.of(Map.of("Fn::Sub", "repo:${Repository}:ref:refs/heads/main"),
                Map.of("Fn::Sub", "repo:${Repository}:environment:staging"),
                Map.of("Fn::Sub", "repo:${Repository}:environment:production")),
                equals.get("token.actions.githubusercontent.com:sub"));
        List<?> statements = (List<?>) ((Map<?, ?>) ((Map<?, ?>) ((List<?>) role.get("Policies")).get(0)).get("PolicyDocument"))
                .get("Statement");
        for (Object value : statements) {
            Map<?, ?> statement = (Map<?, ?>) value;
            String actions = String.valueOf(statement.get("Action"));
            assertFalse(actions.contains("*"), "no wildcard action: " + statement);
            if (actions.contains("iam:")) {
                assertEquals("[iam:PassRole]", actions.startsWith("[") ? actions : "[" + actions + "]");
                assertEquals(Map.of("Fn::GetAtt", List.of("CloudFormationExecutionRole", "Arn")), statement.get("Resource"));
            }
        }
    }

    private static void expect(java.util.Set<String> shown, String metric, List<String> missing) {
        if (!shown.contains(metric)) {
            missing.add(metric);
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
