package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the integration tests of the functions after intake share: referring and screening through
 * the real intake and screening functions, a staff directory, and staff requests to the casework
 * function at a chosen time. Run from a function module's directory (sample events are read from
 * {@code ../../infrastructure/events}).
 */
public class HubFixtures {

    public static final String CASEWORK = "CaseworkFunction";
    public static final Map<String, Object> MANAGER = Map.of("sub", "m-1", "cognito:groups", "manager");
    /** Monday 23 November 2026, 10:00 in London: no bank holiday that week or the next. */
    public static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    private final LocalAws aws;

    public HubFixtures(LocalAws aws) {
        this.aws = aws;
    }

    public static Map<String, Object> json(String text) {
        try {
            return Json.MAPPER.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> example(String service) {
        try {
            return json(Files.readString(Path.of("../../infrastructure/events/referral-" + service + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code referral} about another person: its person's name and date of birth replaced. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> about(Map<String, Object> referral, String name, String dateOfBirth) {
        Map<String, Object> copy = new LinkedHashMap<>(referral);
        Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) referral.get("person"));
        person.put("name", name);
        person.put("dateOfBirth", dateOfBirth);
        copy.put("person", person);
        return copy;
    }

    /** One run of the allocation timer as if it were {@code at}: what it says it did ({@code read=1 raised=1}). */
    public String runTimer(Instant at) {
        try (FunctionInvoker timer = aws.newFunction("AllocationTimerFunction", Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            return (String) timer.invoke(Map.of());
        }
    }

    /**
     * Sends every alert waiting on the reminder queue through the reminder-emails function as if it were
     * {@code at}, and then every email the alerts wrote into the outbox (the mail queue, issue 19), asserting that
     * each message is done (none comes back for another try).
     *
     * @return how many messages the function was given
     */
    public int deliverAlerts(Instant at) {
        return drain("ReminderEmailsFunction", at);
    }

    /** Whether the mail sender's handler is on this module's test classpath (modules it depends on cannot run it). */
    public static boolean senderAvailable() {
        try {
            Class.forName("org.advocacyhub.reminders.ReminderEmailsHandler", false, HubFixtures.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Sends every email waiting on the mail queue (the outbox, issue 19) as if it were {@code at}. */
    public int sendMail(Instant at) {
        return drain("ReminderEmailsFunction", at);
    }

    /**
     * Hands every message on each of the function's queues to it as if it were {@code at}, queue after queue until all
     * are empty, asserting that each message is done.
     */
    public int drain(String functionId, Instant at) {
        int handled = 0;
        try (FunctionInvoker function = aws.newFunction(functionId, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            boolean any;
            do {
                any = false;
                for (SamTemplate.SqsEventSource event : aws.template().function(functionId).sqsEvents()) {
                    SqsEventSourceMapping mapping = SqsEventSourceMapping.of(event, function, aws.sqs(), aws.resources(), aws.endpoints().region());
                    SqsEventSourceMapping.BatchOutcome outcome;
                    do {
                        outcome = mapping.pollOnce(java.time.Duration.ZERO);
                        assertEquals(0, outcome.failed(), event.queueId() + " messages not done");
                        handled += outcome.received();
                        any |= outcome.received() > 0;
                    } while (outcome.received() > 0);
                }
            } while (any);
        }
        return handled;
    }

    /**
     * A JSON referral's answers by the referral form's field names, as a person fills the form in:
     * nested objects as {@code person.name}, a list as its values, yes/no as {@code yes}/{@code no}, a
     * date in its day, month and year boxes; the route is the form's own (not a field).
     */
    public static Map<String, List<String>> formAnswers(Map<String, Object> referral) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        formAnswers("", referral, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void formAnswers(String prefix, Map<String, Object> object, Map<String, List<String>> out) {
        object.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                formAnswers(name + ".", (Map<String, Object>) nested, out);
            } else if (value instanceof List<?> list) {
                out.put(name, list.stream().map(String::valueOf).toList());
            } else if (value instanceof Boolean yes) {
                out.put(name, List.of(yes ? "yes" : "no"));
            } else if (String.valueOf(value).matches("\\d{4}-\\d{2}-\\d{2}")) {
                String[] parts = String.valueOf(value).split("-");
                out.put(name + ".day", List.of(parts[2]));
                out.put(name + ".month", List.of(parts[1]));
                out.put(name + ".year", List.of(parts[0]));
            } else if (!name.equals("route")) {
                out.put(name, List.of(String.valueOf(value)));
            }
        });
    }

    /** Refers through the intake function at {@code at} and screens it through the screening function. */
    public String referAndScreen(Map<String, Object> referral, Instant at) {
        String reference;
        try (FunctionInvoker intake = aws.newFunction("ReferralIntakeFunction", Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            APIGatewayProxyResponseEvent response = intake.invoke(event(aws.request("POST", "/referrals")
                    .header("Content-Type", "application/json").body(write(referral))), APIGatewayProxyResponseEvent.class);
            assertEquals(201, response.getStatusCode(), response.getBody());
            reference = (String) json(response.getBody()).get("reference");
        }
        try (FunctionInvoker screening = aws.newFunction("EligibilityCheckFunction", Map.of("HUB_CLOCK_FIXED", at.plusSeconds(5).toString()))) {
            var source = org.advocacyhub.testing.SqsEventSourceMapping.of(aws.template().function("EligibilityCheckFunction").sqsEvents().get(0),
                    screening, aws.sqs(), aws.resources(), aws.endpoints().region());
            source.drainOnce();
        }
        // The acknowledgement and the decision letter go from the outbox (issue 19), where the sender is on the classpath.
        if (senderAvailable()) {
            sendMail(at.plusSeconds(10));
        }
        return reference;
    }

    /** A staff request to the casework function as if it were {@code at}. */
    public APIGatewayProxyResponseEvent staff(Map<String, Object> claims, String method, String path, Object body, Instant at) {
        return staff(CASEWORK, claims, method, path, body, at);
    }

    /** A staff request to {@code functionId} as if it were {@code at}. */
    public APIGatewayProxyResponseEvent staff(String functionId, Map<String, Object> claims, String method, String path, Object body,
                                              Instant at) {
        return staff(functionId, claims, method, path, body, at, Map.of(), Map.of());
    }

    /**
     * A staff request with {@code headers} ({@code Idempotency-Key}, {@code If-Match}) to a new instance of
     * {@code functionId} as if it were {@code at}, its environment with {@code environment} too. Each call builds its own
     * instance, so calls from several threads run side by side, as Lambda runs instances of one function.
     */
    public APIGatewayProxyResponseEvent staff(String functionId, Map<String, Object> claims, String method, String path, Object body,
                                              Instant at, Map<String, String> headers, Map<String, String> environment) {
        aws.directoryFor(claims);
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.put("HUB_CLOCK_FIXED", at.toString());
        try (FunctionInvoker function = aws.newFunction(functionId, variables)) {
            ApiRoutes.Request request = aws.request(method, path).claims(claims);
            if (body != null) {
                request.header("Content-Type", "application/json").body(body instanceof String text ? text : write(body));
            }
            headers.forEach(request::header);
            return function.invoke(event(request), APIGatewayProxyResponseEvent.class);
        }
    }

    /** As {@link #staff}, expecting 200, the JSON answer. */
    public Map<String, Object> ok(Map<String, Object> claims, String method, String path, Object body, Instant at) {
        APIGatewayProxyResponseEvent response = staff(claims, method, path, body, at);
        assertEquals(200, response.getStatusCode(), method + " " + path + ": " + response.getBody());
        return json(response.getBody());
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent event(ApiRoutes.Request request) {
        return aws.api().event((ApiRoutes.Found) request.match(), request);
    }

    /** Puts a member of staff in the directory (as a manager) and returns the claims their token would carry. */
    public Map<String, Object> member(String staffId, String role, List<String> services, Map<String, String> qualifications,
                               Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Staff " + staffId);
        body.put("email", staffId + "@hub.example");
        body.put("role", role);
        body.put("active", true);
        body.put("contracts", List.of("LLR", "LEW", "DERBY"));
        body.put("services", services);
        body.put("qualifications", qualifications);
        body.put("loginSubjects", List.of("sub-" + staffId));
        body.putAll(more);
        ok(MANAGER, "PUT", "/staff/" + staffId, body, MONDAY.minusSeconds(3600));
        return Map.of("sub", "sub-" + staffId, "cognito:groups", role.toLowerCase(java.util.Locale.ROOT));
    }

    /** A fully qualified IMCA and DoLS advocate (LLR 13.1, 13.3, 13.4, 5.49). */
    public Map<String, Object> imcaAdvocate(String staffId) {
        String longAgo = LocalDate.of(2024, 6, 1).toString();
        return member(staffId, "ADVOCATE", List.of("IMCA", "DOLS_IMCA"), Map.of("NQIA_LEVEL_3", longAgo, "UNIT_305_IMCA", longAgo,
                "UNIT_310_DOLS_TRAINING", longAgo, "UNIT_310_DOLS_ASSESSMENT", longAgo), Map.of("imcaSince", longAgo));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> clock(Map<String, Object> view, String name) {
        return ((List<Map<String, Object>>) view.get("clocks")).stream().filter(c -> c.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + name + " in " + view.get("clocks")));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
