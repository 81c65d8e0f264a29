package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the code it deploys: a wrong template must fail here, not in AWS.
 * Runs after every function module is packaged (this module builds last).
 */
@WithLocalAws
class TemplateMatchesCodeIT {

    private static final Pattern REQUIRED_PROPERTY = Pattern.compile("@Value\\(\"\\$\\{([a-z0-9.\\-]+)}\"\\)");
    private static final Pattern OPTIONAL_PROPERTY = Pattern.compile("@Requires\\(property = \"([a-z0-9.\\-]+)\"\\)");

    private final LocalAws aws;
    private final SamTemplate template;
    private final Path root;

    TemplateMatchesCodeIT(LocalAws aws) {
        this.aws = aws;
        this.template = aws.template();
        this.root = template.path().getParent();
    }

    @Test
    void everyHandlerClassIsInTheJarAtItsCodeUriAndImplementsRequestHandler() throws Exception {
        for (SamTemplate.SamFunction function : template.functions()) {
            Path jar = root.resolve(function.codeUri());
            assertTrue(Files.isRegularFile(jar), function.logicalId() + ": no jar at CodeUri " + function.codeUri());
            String handler = function.handler().split("::")[0];
            try (JarFile file = new JarFile(jar.toFile())) {
                assertNotNull(file.getEntry(handler.replace('.', '/') + ".class"),
                        function.logicalId() + ": " + handler + " is not in " + function.codeUri());
                assertTrue(file.stream().anyMatch(e -> e.getName().startsWith("META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/")),
                        function.logicalId() + ": the jar has no Micronaut bean definitions (annotation processing missing?)");
            }
            // Load it from the jar alone, as Lambda does: the jar must carry its own dependencies.
            try (URLClassLoader isolated = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Class<?> type = Class.forName(handler, false, isolated);
                Class<?> requestHandler = Class.forName("com.amazonaws.services.lambda.runtime.RequestHandler", false, isolated);
                assertTrue(requestHandler.isAssignableFrom(type), handler + " must implement RequestHandler");
                type.getConstructor();
            }
        }
    }

    @Test
    void everyConfigurationValueTheCodeRequiresIsSetForEveryFunction() throws IOException {
        Set<String> required = new TreeSet<>();
        Set<String> optional = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")
                    && !p.startsWith(root.resolve("shared/testing")) && !p.startsWith(root.resolve("infrastructure"))).toList()) {
                String code = Files.readString(source);
                collect(REQUIRED_PROPERTY, code, required);
                collect(OPTIONAL_PROPERTY, code, optional);
            }
        }
        required.removeAll(optional);
        assertFalse(required.isEmpty(), "the scan found the code's configuration");
        for (SamTemplate.SamFunction function : template.functions()) {
            Set<String> given = new TreeSet<>();
            function.environment().keySet().forEach(name -> given.add(FunctionInvoker.propertyName(name)));
            List<String> missing = new ArrayList<>(required);
            missing.removeAll(given);
            assertEquals(List.of(), missing, function.logicalId() + " lacks environment variables for " + missing);
        }
    }

    @Test
    void everyFunctionStartsFromTheTemplatesEnvironmentAloneAndAnswersItsEvents() throws java.io.IOException {
        for (SamTemplate.SamFunction function : template.functions()) {
            FunctionInvoker invoker = aws.newFunction(function.logicalId(), Map.of());
            try (invoker) {
                for (SamTemplate.ApiEvent route : function.apiEvents()) {
                    String path = route.path().replace("{reference}", "LLR-2026-000001");
                    var request = aws.request(route.method(), path);
                    if (route.method().equals("POST")) {
                        request.header("Content-Type", "application/json").body("{}");
                    }
                    if (route.authorized()) {
                        request.claims(Map.of("sub", "m-1", "cognito:groups", "manager"));
                    }
                    var found = (org.advocacyhub.testing.ApiRoutes.Found) aws.api().match(route.method(), path);
                    APIGatewayProxyResponseEvent response = invoker.invoke(aws.api().event(found, request),
                            APIGatewayProxyResponseEvent.class);
                    assertTrue(response.getStatusCode() < 500, function.logicalId() + " " + route.method() + " " + path
                            + " answered " + response.getStatusCode());
                }
                for (SamTemplate.ScheduleEventSource schedule : function.schedules()) {
                    // A ScheduleV2 with an Input hands the function exactly that JSON; without one, a scheduled event.
                    Object event = schedule.input() == null ? new ScheduledEvent()
                            : io.micronaut.json.JsonMapper.createDefault().readValue(schedule.input(), Map.class);
                    assertNotNull(invoker.invoke(event), function.logicalId() + " schedule " + schedule.eventName());
                }
            }
        }
    }

    @Test
    void everyConsoleRouteIsWithoutTheApiAuthorizerAndEveryGetRouteHasItsHeadTwin() {
        Set<String> routes = new TreeSet<>();
        for (SamTemplate.ApiEvent route : template.apiEvents()) {
            routes.add(route.method() + " " + route.path());
            // A browser sends no bearer token: the console verifies its own session cookie (Console), so the
            // authorizer, which reads only bearer tokens, would refuse every page.
            if (route.path().equals("/console") || route.path().startsWith("/console/")) {
                assertFalse(route.authorized(), route.functionId() + " " + route.method() + " " + route.path() + " has an authorizer");
            }
        }
        assertTrue(routes.contains("GET /console/reports"), "the console's reports pages are routed: " + routes);
        for (String route : routes) {
            if (route.startsWith("GET ")) {
                assertTrue(routes.contains("HEAD " + route.substring(4)), route + " has no HEAD twin");
            }
        }
    }

    @Test
    void everySampleEventIsReadAsItsHandlersInputAndAnswered() throws IOException {
        io.micronaut.json.JsonMapper json = io.micronaut.json.JsonMapper.createDefault();
        Map<String, String> functionOfEvent = Map.of("apigateway-", "ReferralIntakeFunction",
                "schedule-screening-sweep", "ScreeningSweepFunction", "sqs-screening", "EligibilityCheckFunction",
                "schedule-allocation-timer", "AllocationTimerFunction", "schedule-daily-digest", "AllocationTimerFunction",
                "schedule-retention", "RetentionFunction",
                "sqs-reminder", "ReminderEmailsFunction", "answerphone-", "AnswerphoneCallbacksFunction", "report-", "QuarterlyReportFunction");
        int answered = 0;
        try (Stream<Path> events = Files.list(root.resolve("infrastructure/events"))) {
            for (Path event : events.filter(p -> p.getFileName().toString().matches("(apigateway|schedule|sqs|answerphone|report)-.*\\.json"))
                    .sorted().toList()) {
                String name = event.getFileName().toString();
                String functionId = functionOfEvent.entrySet().stream().filter(e -> name.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no function for " + name));
                byte[] bytes = Files.readAllBytes(event);
                // The answerphone function takes either trigger as the JSON maps Lambda gives a handler of Object.
                Class<?> input = name.startsWith("apigateway-") ? com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.class
                        : name.startsWith("sqs-") ? com.amazonaws.services.lambda.runtime.events.SQSEvent.class : Map.class;
                Object result = aws.function(functionId).invoke(json.readValue(bytes, input));
                if (result instanceof APIGatewayProxyResponseEvent response) {
                    assertTrue(response.getStatusCode() < 500, name + " answered " + response.getStatusCode() + " " + response.getBody());
                } else {
                    assertNotNull(result, name);
                }
                answered++;
            }
        }
        assertEquals(13, answered, "sample events found");
    }

    @Test
    void everyQueueThatIsNotADeadLetterQueueHasOne() {
        Set<String> deadLetterQueues = new TreeSet<>();
        template.queues().forEach(q -> {
            if (q.deadLetterQueueId() != null) {
                deadLetterQueues.add(q.deadLetterQueueId());
            }
        });
        assertFalse(template.queues().isEmpty());
        for (SamTemplate.QueueDefinition queue : template.queues()) {
            if (!deadLetterQueues.contains(queue.logicalId())) {
                assertNotNull(queue.deadLetterQueueId(), queue.logicalId() + " has no dead-letter queue");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDeadLetterQueueHasAnAlarmThatNotifiesSomeone() {
        Map<String, Object> resources = (Map<String, Object>) template.document().get("Resources");
        Set<String> watched = new TreeSet<>();
        resources.values().forEach(value -> {
            Map<String, Object> resource = (Map<String, Object>) value;
            if ("AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
                Map<String, Object> properties = (Map<String, Object>) resource.get("Properties");
                assertFalse(((List<Object>) properties.getOrDefault("AlarmActions", List.of())).isEmpty(),
                        "an alarm without actions tells no one: " + properties.get("AlarmDescription"));
                for (Object dimension : (List<Object>) properties.getOrDefault("Dimensions", List.of())) {
                    watched.add(String.valueOf(((Map<String, Object>) dimension).get("Value")));
                }
            }
        });
        for (SamTemplate.QueueDefinition queue : template.queues()) {
            if (template.queues().stream().anyMatch(q -> queue.logicalId().equals(q.deadLetterQueueId()))) {
                assertTrue(watched.stream().anyMatch(v -> v.contains(queue.logicalId())), queue.logicalId() + " has no alarm: " + watched);
            }
        }
        assertTrue(resources.containsKey("DeadlineMissedAlarm"), "a missed statutory deadline raises an alarm");
    }

    private static void collect(Pattern pattern, String code, Set<String> into) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            into.add(m.group(1));
        }
    }
}
