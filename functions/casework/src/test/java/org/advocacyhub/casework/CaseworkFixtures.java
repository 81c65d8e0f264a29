package org.advocacyhub.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;

/**
 * What the casework integration tests share: referring and screening through the real intake and
 * screening functions, a staff directory, and staff requests at a chosen time.
 */
final class CaseworkFixtures {

    static final String CASEWORK = "CaseworkFunction";
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final Map<String, Object> MANAGER = Map.of("sub", "m-1", "cognito:groups", "manager");
    /** Monday 23 November 2026, 10:00 in London: no bank holiday that week or the next. */
    static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    private final LocalAws aws;

    CaseworkFixtures(LocalAws aws) {
        this.aws = aws;
    }

    static Map<String, Object> json(String text) {
        try {
            return JSON.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> example(String service) {
        try {
            return json(Files.readString(Path.of("../../infrastructure/events/referral-" + service + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refers through the intake function at {@code at} and screens it through the screening function. */
    String referAndScreen(Map<String, Object> referral, Instant at) {
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
        return reference;
    }

    /** A staff request to the casework function as if it were {@code at}. */
    APIGatewayProxyResponseEvent staff(Map<String, Object> claims, String method, String path, Object body, Instant at) {
        try (FunctionInvoker casework = aws.newFunction(CASEWORK, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            ApiRoutes.Request request = aws.request(method, path).claims(claims);
            if (body != null) {
                request.header("Content-Type", "application/json").body(body instanceof String text ? text : write(body));
            }
            return casework.invoke(event(request), APIGatewayProxyResponseEvent.class);
        }
    }

    /** As {@link #staff}, expecting 200, the JSON answer. */
    Map<String, Object> ok(Map<String, Object> claims, String method, String path, Object body, Instant at) {
        APIGatewayProxyResponseEvent response = staff(claims, method, path, body, at);
        assertEquals(200, response.getStatusCode(), method + " " + path + ": " + response.getBody());
        return json(response.getBody());
    }

    private com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent event(ApiRoutes.Request request) {
        return aws.api().event((ApiRoutes.Found) request.match(), request);
    }

    /** Puts a member of staff in the directory (as a manager) and returns the claims their token would carry. */
    Map<String, Object> member(String staffId, String role, List<String> services, Map<String, String> qualifications,
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
    Map<String, Object> imcaAdvocate(String staffId) {
        String longAgo = LocalDate.of(2024, 6, 1).toString();
        return member(staffId, "ADVOCATE", List.of("IMCA", "DOLS_IMCA"), Map.of("NQIA_LEVEL_3", longAgo, "UNIT_305_IMCA", longAgo,
                "UNIT_310_DOLS_TRAINING", longAgo, "UNIT_310_DOLS_ASSESSMENT", longAgo), Map.of("imcaSince", longAgo));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> clock(Map<String, Object> view, String name) {
        return ((List<Map<String, Object>>) view.get("clocks")).stream().filter(c -> c.get("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no clock " + name + " in " + view.get("clocks")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        return (Map<String, Object>) map.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> map, String key) {
        return (List<Map<String, Object>>) map.get(key);
    }
}
