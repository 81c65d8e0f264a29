package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.FieldError;

/** RFC 9457 problem details ({@code application/problem+json}). */
public final class Problems {

    public static final String INVALID_REFERRAL = "urn:advocacy-hub:problem:invalid-referral";

    private final JsonMapper json;

    public Problems(JsonMapper json) {
        this.json = json;
    }

    public APIGatewayProxyResponseEvent of(int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return HttpResponses.problem(status, write(problem));
    }

    /** Every invalid field at once, each with its JSON Pointer, so a partner can fix all in one go. */
    public APIGatewayProxyResponseEvent invalid(List<FieldError> errors) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", INVALID_REFERRAL);
        problem.put("title", "The request has invalid fields");
        problem.put("status", 400);
        problem.put("detail", errors.size() + " field(s) need attention. Dates are ISO 8601 (YYYY-MM-DD); "
                + "choices are the codes listed in each message.");
        problem.put("errors", errors.stream().map(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("field", e.field());
            item.put("pointer", e.jsonPointer());
            item.put("detail", e.message());
            return item;
        }).toList());
        return HttpResponses.problem(400, write(problem));
    }

    /**
     * 401 with {@code WWW-Authenticate: Bearer} (RFC 6750): no verified staff claims. In AWS the
     * authorizer answers first, so this is defence in depth.
     */
    public APIGatewayProxyResponseEvent unauthorized() {
        return HttpResponses.withHeader(of(401, "Unauthorized", "Sign in as a member of staff."), "WWW-Authenticate", "Bearer");
    }

    private String write(Object value) {
        return JsonText.write(json, value);
    }
}
