package org.advocacyhub.local.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.advocacyhub.testing.AwsClients;
import org.advocacyhub.testing.AwsEndpoints;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.TemplateResources;

/**
 * Writes what {@code bench-cold.sh} needs to start each function of {@code template.yaml} cold, so that the timed
 * process is given nothing but what Lambda gives a function: per function, its process environment
 * ({@code <id>.env}: its template environment resolved against the engines of a running {@code ./run-local}, the
 * region and the engines' endpoints), and one line of {@code functions.tsv}: id, handler class, Lambda jar, sample event, how the event reaches the
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
        // A dry run: the training run of the archive reads what a day's run reads and writes nothing.
        SAMPLE_EVENTS.put("RetentionFunction", "schedule-retention-dry-run.json");
        SAMPLE_EVENTS.put("ReminderEmailsFunction", "sqs-reminder.json");
        SAMPLE_EVENTS.put("AnswerphoneCallbacksFunction", "answerphone-queue.json");
        SAMPLE_EVENTS.put("QuarterlyReportFunction", "report-queue.json");
    }

    private ColdStartPlan() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/cold-start");
        AwsEndpoints endpoints = AwsEndpoints.of(local("DYNAMODB_PORT", "8000"), local("SQS_PORT", "9324"),
                local("SES_PORT", "8005"), local("S3_PORT", "9000"));
        System.out.print(write(out, endpoints, SamTemplate.locate(), false));
    }

    /**
     * Writes the plan for the engines at {@code endpoints}; returns functions.tsv.
     *
     * @param create whether to create the template's tables, queues and buckets first (engines of one's own), or find
     *               them made (a running ./run-local's)
     */
    static String write(Path out, AwsEndpoints endpoints, SamTemplate template, boolean create) throws IOException {
        Files.createDirectories(out);
        String sender = "hub@advocacy-hub.localhost";
        TemplateResources stack = new TemplateResources(template, endpoints, AwsClients.dynamoDb(endpoints),
                AwsClients.sqs(endpoints), AwsClients.sesV2(endpoints), AwsClients.s3(endpoints),
                Map.of("Stage", "local", "SenderAddress", sender, "SenderIdentity", sender,
                        "ConsoleBaseUrl", "http://localhost:3000", "SignInDomainPrefix", "advocacy-hub-local"));
        if (create) {
            stack.createAll();
        }
        StringBuilder plan = new StringBuilder();
        for (SamTemplate.SamFunction function : template.functions()) {
            String event = SAMPLE_EVENTS.get(function.logicalId());
            if (event == null) {
                throw new IllegalStateException("No sample event chosen for " + function.logicalId()
                        + ": add one to ColdStartPlan.SAMPLE_EVENTS");
            }
            Map<String, String> environment = stack.environment(function.logicalId());
            // The process environment Lambda gives the function: the template's variables (the JVM options apart,
            // which the script passes as JAVA_TOOL_OPTIONS), the region, and the engines' endpoints under the names
            // Micronaut reads as aws.endpoints.* (FunctionInvoker's properties).
            Map<String, String> variables = new TreeMap<>();
            environment.forEach((name, value) -> {
                if (!FunctionInvoker.JVM_VARIABLES.contains(name)) {
                    variables.put(name, value);
                }
            });
            FunctionInvoker.endpointProperties(endpoints).forEach((name, value) ->
                    variables.put(name.toUpperCase(Locale.ROOT).replace('.', '_'), String.valueOf(value)));
            StringBuilder lines = new StringBuilder();
            variables.forEach((name, value) -> lines.append(name).append('=').append(value).append('\n'));
            Files.writeString(out.resolve(function.logicalId() + ".env"), lines.toString());
            String input = event.startsWith("apigateway-") ? "api" : event.startsWith("sqs-") ? "sqs" : "map";
            plan.append(String.join("\t", function.logicalId(), function.handler(), function.codeUri(),
                    "infrastructure/events/" + event, input, environment.getOrDefault("JAVA_TOOL_OPTIONS", ""))).append('\n');
        }
        Files.writeString(out.resolve("functions.tsv"), plan.toString());
        return plan.toString();
    }

    private static URI local(String variable, String port) {
        return URI.create("http://127.0.0.1:" + Bench.env(variable, port));
    }
}
