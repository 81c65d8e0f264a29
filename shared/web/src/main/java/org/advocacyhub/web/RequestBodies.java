package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * The one standard every JSON request body of every route meets before any use case sees it:
 * sent as {@code application/json} (else 415), at most {@link #MAX_BODY_BYTES} (else 413), and
 * one strict JSON object ({@link JsonBody}; else 400 saying what is wrong, a repeated key named by
 * its JSON Pointer). What passes becomes {@link SubmittedFields} with every value's JSON type, so
 * the field rules of the domain refuse a number where text belongs instead of coercing it.
 */
public final class RequestBodies {

    /** The largest body accepted: a referral is a few kilobytes, and staff requests are smaller. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final Problems problems;

    public RequestBodies(Problems problems) {
        this.problems = problems;
    }

    /** What reading a JSON request body gave: its fields, or the response that refuses it. */
    public sealed interface Read {
    }

    public record Fields(SubmittedFields fields) implements Read {
    }

    public record Refused(APIGatewayProxyResponseEvent response) implements Read {
    }

    /** A form post's values, read strictly ({@link FormBody}): what could not be read is named, never kept garbled. */
    public record Form(FormBody.Parsed parsed) implements Read {
    }

    /**
     * A form post ({@code application/x-www-form-urlencoded}, else 415), at most
     * {@link #MAX_BODY_BYTES} (else 413): the same limits as a JSON body.
     */
    public Read form(HttpRequest request) {
        if (!request.mediaType().equals("application/x-www-form-urlencoded")) {
            return new Refused(problems.of(415, "Unsupported Media Type", "Send the form as application/x-www-form-urlencoded."));
        }
        Optional<APIGatewayProxyResponseEvent> tooLarge = tooLarge(request.body());
        if (tooLarge.isPresent()) {
            return new Refused(tooLarge.get());
        }
        return new Form(FormBody.parse(request.body()));
    }

    public Read json(HttpRequest request) {
        if (!request.mediaType().equals("application/json")) {
            return new Refused(problems.of(415, "Unsupported Media Type", "Send the body as application/json."));
        }
        Optional<APIGatewayProxyResponseEvent> tooLarge = tooLarge(request.body());
        if (tooLarge.isPresent()) {
            return new Refused(tooLarge.get());
        }
        JsonBody.Parsed parsed = JsonBody.parse(request.body());
        if (parsed instanceof JsonBody.JsonObject object) {
            return new Fields(SubmittedFields.fromJsonObject(object.value()));
        }
        if (parsed instanceof JsonBody.DuplicateKey duplicate) {
            return new Refused(problems.invalid(List.of(new FieldError(duplicate.field(),
                    "'" + duplicate.field() + "' is given more than once in one object: give each field once"))));
        }
        return new Refused(problems.of(400, "Bad Request", ((JsonBody.Unreadable) parsed).detail()));
    }

    /** 413 for a body over {@link #MAX_BODY_BYTES}, whatever its type. */
    public Optional<APIGatewayProxyResponseEvent> tooLarge(byte[] body) {
        if (body.length <= MAX_BODY_BYTES) {
            return Optional.empty();
        }
        return Optional.of(problems.of(413, "Content Too Large", "The body may be at most " + MAX_BODY_BYTES / 1024
                + " KB. Shorten the longest answers and send it again."));
    }
}
