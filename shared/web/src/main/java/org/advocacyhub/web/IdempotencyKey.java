package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} a client sends to make a retry safe, checked one way on every route that takes one (intake,
 * every staff POST and PUT, the console's one-time form ids): printable ASCII, 1 to 255 characters, as the IETF
 * Idempotency-Key draft expects of a key. Issue 20 found {@code POST /answerphone-messages} taking a 300-character key
 * that intake refused: the rule was written twice.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer given again for a repeated request, as the first one was given. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The rule as a regular expression (Java's and JSON Schema's alike): {@code !} to {@code ~} is printable ASCII. */
    public static final String PATTERN = "^[!-~]{1,255}$";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    private IdempotencyKey() {
    }

    /** What a request's key header came to. */
    public sealed interface Read {
    }

    /** No key: the request is not made safe to repeat. */
    public record None() implements Read {
    }

    public record Given(String key) implements Read {
    }

    /** A key that breaks the rule: the 400 that says so. */
    public record Refused(APIGatewayProxyResponseEvent response) implements Read {
    }

    /** The request's {@value #HEADER} header, checked. */
    public static Read read(HttpRequest request, Problems problems) {
        Optional<String> key = request.header(HEADER);
        if (key.isEmpty()) {
            return new None();
        }
        return valid(key.get()) ? new Given(key.get()) : new Refused(refusal(problems));
    }

    /** Whether {@code key} is a key this hub takes. */
    public static boolean valid(String key) {
        return key != null && VALID.matcher(key).matches();
    }

    /** 400 for a key that breaks the rule. */
    public static APIGatewayProxyResponseEvent refusal(Problems problems) {
        return problems.of(400, "Bad Request", HEADER + " must be 1 to 255 printable ASCII characters.");
    }
}
