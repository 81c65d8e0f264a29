package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.BrokenRule;
import org.advocacyhub.domain.referral.FieldError;

/** RFC 9457 problem details ({@code application/problem+json}). */
public final class Problems {

    public static final String INVALID_REFERRAL = "urn:advocacy-hub:problem:invalid-referral";
    public static final String RULE_BROKEN = "urn:advocacy-hub:problem:rule-broken";

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
     * 422: the request is well formed but breaks rules of the contract, each named with its clause
     * ({@code violations}), so staff can see every reason at once.
     */
    public APIGatewayProxyResponseEvent refused(List<BrokenRule> rules) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", RULE_BROKEN);
        problem.put("title", "The request breaks a rule of the contract");
        problem.put("status", 422);
        problem.put("detail", rules.stream().map(r -> r.detail() + " (" + r.clause() + ")").reduce((a, b) -> a + "; " + b).orElse(""));
        problem.put("violations", rules.stream().map(r -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("rule", r.rule());
            item.put("clause", r.clause());
            item.put("detail", r.detail());
            return item;
        }).toList());
        return HttpResponses.problem(422, write(problem));
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
