package org.advocacyhub.local.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.advocacyhub.testing.AwsClients;
import org.advocacyhub.testing.AwsEndpoints;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.TemplateResources;

/**
 * Writes what {@code bench-cold.sh} needs to start each function of {@code template.yaml} cold, so that the timed
 * process reads two small files and nothing else: per function, its Micronaut properties (its environment resolved
 * against the engines of a running {@code ./run-local}, as {@link FunctionInvoker#micronautProperties} makes them),
 * and one line of {@code functions.tsv}: id, handler class, Lambda jar, sample event, how the event reaches the
 * handler, and the JVM options the template sets ({@code JAVA_TOOL_OPTIONS}).
 *
 * <p>Arguments: the output folder. Ports: DYNAMODB_PORT, SQS_PORT, SES_PORT, S3_PORT (8000, 9324, 8005, 9000).
 */
public final class ColdStartPlan {

    /** The sample event each function handles cold, from {@code infrastructure/events/}. */
    static final Map<String, String> SAMPLE_EVENTS = new LinkedHashMap<>();

    static {
        SAMPLE_EVENTS.put("ReferralIntakeFunction", "apigateway-post-referral.json");
        SAMPLE_EVENTS.put("CaseworkFunction", "apigateway-get-case.json");
        SAMPLE_EVENTS.put("EligibilityCheckFunction", "sqs-screening.json");
        SAMPLE_EVENTS.put("ScreeningSweepFunction", "schedule-screening-sweep.json");
        SAMPLE_EVENTS.put("AllocationTimerFunction", "schedule-allocation-timer.json");
        SAMPLE_EVENTS.put("ReminderEmailsFunction", "sqs-reminder.json");
        SAMPLE_EVENTS.put("AnswerphoneCallbacksFunction", "answerphone-queue.json");
        SAMPLE_EVENTS.put("QuarterlyReportFunction", "report-queue.json");
    }

    private ColdStartPlan() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/cold-start");
        Files.createDirectories(out);
        AwsEndpoints endpoints = AwsEndpoints.of(local("DYNAMODB_PORT", "8000"), local("SQS_PORT", "9324"),
                local("SES_PORT", "8005"), local("S3_PORT", "9000"));
        SamTemplate template = SamTemplate.locate();
        String sender = "hub@advocacy-hub.localhost";
        TemplateResources stack = new TemplateResources(template, endpoints, AwsClients.dynamoDb(endpoints),
                AwsClients.sqs(endpoints), AwsClients.sesV2(endpoints), AwsClients.s3(endpoints),
                Map.of("Stage", "local", "SenderAddress", sender, "SenderIdentity", sender,
                        "ConsoleBaseUrl", "http://localhost:3000", "SignInDomainPrefix", "advocacy-hub-local"));
        StringBuilder plan = new StringBuilder();
        for (SamTemplate.SamFunction function : template.functions()) {
            String event = SAMPLE_EVENTS.get(function.logicalId());
            if (event == null) {
                throw new IllegalStateException("No sample event chosen for " + function.logicalId()
                        + ": add one to ColdStartPlan.SAMPLE_EVENTS");
            }
            Map<String, String> environment = stack.environment(function.logicalId());
            Properties properties = new Properties();
            new TreeMap<>(FunctionInvoker.micronautProperties(environment, endpoints))
                    .forEach((name, value) -> properties.setProperty(name, String.valueOf(value)));
            Path file = out.resolve(function.logicalId() + ".properties");
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, function.logicalId() + " as ./run-local's engines serve it");
            }
            String input = event.startsWith("apigateway-") ? "api" : event.startsWith("sqs-") ? "sqs" : "map";
            plan.append(String.join("\t", function.logicalId(), function.handler(), function.codeUri(),
                    "infrastructure/events/" + event, input, environment.getOrDefault("JAVA_TOOL_OPTIONS", ""))).append('\n');
        }
        Files.writeString(out.resolve("functions.tsv"), plan.toString());
        System.out.print(plan);
    }

    private static URI local(String variable, String port) {
        return URI.create("http://127.0.0.1:" + Bench.env(variable, port));
    }
}
