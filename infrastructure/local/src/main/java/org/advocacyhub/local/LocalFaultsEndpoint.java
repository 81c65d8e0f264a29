package org.advocacyhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.advocacyhub.testing.FaultProxy;
import org.advocacyhub.testing.LocalFaults;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Problems;

/**
 * {@code /_local/faults}: the chaos command's switch (issue 19), served by the local gateway itself on loopback (never
 * a route of template.yaml, so never in AWS). {@code GET} says which faults are on; {@code POST} sets them, every one
 * not named switched off:
 *
 * <pre>{@code
 * {"crashAfterWrite": 0.05,                                   functions die after a DynamoDB write
 *  "sqs": {"duplicate": 0.2, "late": 0.1},                    messages delivered twice / after their visibility timeout
 *  "dynamodb": {"throttle": 0.2, "error": 0.05, "forSeconds": 20},   throttled, then 500s, for a while
 *  "ses": {"mode": "refuse" | "hang", "forSeconds": 20, "thenHangSeconds": 25}}
 * }</pre>
 *
 * {@code {}} switches everything off. A chance is a number from 0 to 1, a time a whole number of seconds from 1 to 600.
 */
final class LocalFaultsEndpoint {

    static final String PATH = "/_local/faults";
    private static final Set<String> TOP = Set.of("crashAfterWrite", "sqs", "dynamodb", "ses");

    private final FaultProxy dynamoDb;
    private final FaultProxy ses;
    private final JsonMapper json = JsonMapper.createDefault();
    private final Problems problems = new Problems(json);
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-faults");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ScheduledFuture<?>> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Map<String, Object> current = Map.of();

    /** @param dynamoDb the proxy in front of DynamoDB Local, or null when the stack has none */
    LocalFaultsEndpoint(FaultProxy dynamoDb, FaultProxy ses) {
        this.dynamoDb = dynamoDb;
        this.ses = ses;
    }

    APIGatewayProxyResponseEvent answer(String method, byte[] body) {
        return switch (method) {
            case "GET", "HEAD" -> HttpResponses.json(200, JsonText.write(json, current));
            case "POST" -> set(body);
            default -> HttpResponses.withHeader(problems.of(405, "Method Not Allowed", "The faults answer GET, HEAD and POST."),
                    "Allow", "GET, HEAD, POST");
        };
    }

    private synchronized APIGatewayProxyResponseEvent set(byte[] body) {
        Map<String, Object> faults;
        try {
            faults = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException e) {
            return problems.of(400, "Bad Request", "The body must be a JSON object of faults; see " + PATH + " in LocalFaultsEndpoint.");
        }
        if (faults == null) {
            return problems.of(400, "Bad Request", "The body must be a JSON object of faults.");
        }
        try {
            for (String name : faults.keySet()) {
                if (!TOP.contains(name)) {
                    throw new IllegalArgumentException("There is no fault '" + name + "'; the faults are " + TOP);
                }
            }
            double crash = chance(faults, "crashAfterWrite");
            Map<String, Object> sqs = object(faults, "sqs", Set.of("duplicate", "late"));
            Map<String, Object> dynamo = object(faults, "dynamodb", Set.of("throttle", "error", "forSeconds"));
            Map<String, Object> mail = object(faults, "ses", Set.of("mode", "forSeconds", "thenHangSeconds"));
            clear();
            LocalFaults.set(crash, chance(sqs, "duplicate"), chance(sqs, "late"));
            if (!dynamo.isEmpty()) {
                switchDynamoDb(chance(dynamo, "throttle"), chance(dynamo, "error"), seconds(dynamo, "forSeconds", 20));
            }
            if (!mail.isEmpty()) {
                switchSes(mail);
            }
        } catch (IllegalArgumentException e) {
            return problems.of(400, "Bad Request", e.getMessage());
        }
        current = Map.copyOf(faults);
        System.out.println("Local faults: " + (faults.isEmpty() ? "all off" : faults));
        return HttpResponses.json(200, JsonText.write(json, current));
    }

    /** Throttling for the first half of the window, then 500s for the second (one fault at a time on the proxy). */
    private void switchDynamoDb(double throttle, double error, int seconds) {
        if (dynamoDb == null) {
            throw new IllegalArgumentException("This stack has no proxy in front of DynamoDB");
        }
        Duration half = Duration.ofSeconds(Math.max(1, seconds / 2));
        if (throttle > 0) {
            dynamoDb.apply(FaultProxy.Fault.refuse(FaultProxy.Refusal.dynamoDbThrottling()).withProbability(throttle)
                    .forDuration(error > 0 ? half : Duration.ofSeconds(seconds)));
        }
        if (error > 0) {
            Runnable errors = () -> dynamoDb.apply(FaultProxy.Fault.refuse(FaultProxy.Refusal.dynamoDbInternalError()).withProbability(error)
                    .forDuration(throttle > 0 ? half : Duration.ofSeconds(seconds)));
            if (throttle > 0) {
                scheduled.add(later.schedule(errors, half.toMillis(), TimeUnit.MILLISECONDS));
            } else {
                errors.run();
            }
        }
    }

    private void switchSes(Map<String, Object> mail) {
        Object mode = mail.get("mode");
        int seconds = seconds(mail, "forSeconds", 20);
        if ("refuse".equals(mode)) {
            ses.apply(FaultProxy.Fault.refuse(FaultProxy.Refusal.sesServiceUnavailable()).forDuration(Duration.ofSeconds(seconds)));
        } else if ("hang".equals(mode)) {
            ses.apply(FaultProxy.Fault.hang().forDuration(Duration.ofSeconds(seconds)));
        } else {
            throw new IllegalArgumentException("ses.mode must be \"refuse\" or \"hang\"");
        }
        if (mail.containsKey("thenHangSeconds")) {
            int hang = seconds(mail, "thenHangSeconds", 0);
            scheduled.add(later.schedule(() -> ses.apply(FaultProxy.Fault.hang().forDuration(Duration.ofSeconds(hang))), seconds,
                    TimeUnit.SECONDS));
        }
    }

    /** Every fault off, and nothing left scheduled to switch one on. */
    private void clear() {
        scheduled.forEach(future -> future.cancel(false));
        scheduled.clear();
        LocalFaults.clear();
        if (dynamoDb != null) {
            dynamoDb.pass();
        }
        ses.pass();
    }

    private static double chance(Map<String, Object> in, String name) {
        Object value = in.get(name);
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
            throw new IllegalArgumentException(name + " must be a chance: a number from 0 to 1");
        }
        return number.doubleValue();
    }

    private static int seconds(Map<String, Object> in, String name, int fallback) {
        Object value = in.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer whole) || whole < 1 || whole > 600) {
            throw new IllegalArgumentException(name + " must be a whole number of seconds from 1 to 600");
        }
        return whole;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Map<String, Object> in, String name, Set<String> fields) {
        Object value = in.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(name + " must be an object");
        }
        for (Object field : map.keySet()) {
            if (!fields.contains(field)) {
                throw new IllegalArgumentException(name + " has no field '" + field + "'; it has " + fields);
            }
        }
        return new LinkedHashMap<>((Map<String, Object>) map);
    }
}
