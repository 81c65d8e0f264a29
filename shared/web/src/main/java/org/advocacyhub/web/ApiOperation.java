package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.List;
import java.util.function.Function;
import org.advocacyhub.domain.referral.FieldSpec;

/**
 * One route of an API function, described once: what the router dispatches and what the OpenAPI
 * document says about it come from this same definition, with the same field specs the request
 * is validated against.
 *
 * @param method  HTTP method, upper case
 * @param path    the template path as template.yaml declares it, e.g. {@code /cases/{reference}/contacts}
 * @param summary what it does, with its clause
 * @param who     who may call it ("managers", "managers and the case's advocate", "anyone")
 * @param query   its query parameters, if any
 * @param body    its JSON body's fields, if it takes one
 * @param handler the request to the response
 */
public record ApiOperation(String method, String path, String summary, String who, List<FieldSpec> query, List<FieldSpec> body,
                           Function<HttpRequest, APIGatewayProxyResponseEvent> handler) {

    public ApiOperation {
        query = List.copyOf(query);
        body = body == null ? null : List.copyOf(body);
    }

    /** Who may call a public route: no sign-in, no authorizer in template.yaml. */
    public static final String ANYONE = "anyone";

    /**
     * A route described before its function gives it a handler (the intake routes, which the staff
     * API's OpenAPI document lists too): see {@link #handledBy}.
     */
    public static ApiOperation described(String method, String path, String summary, String who, List<FieldSpec> query,
                                         List<FieldSpec> body) {
        return new ApiOperation(method, path, summary, who, query, body, request -> {
            throw new IllegalStateException(method + " " + path + " is described here, not served");
        });
    }

    /** The same route, served by {@code handler}. */
    public ApiOperation handledBy(Function<HttpRequest, APIGatewayProxyResponseEvent> newHandler) {
        return new ApiOperation(method, path, summary, who, query, body, newHandler);
    }

    /** {@code GET /cases/{reference}}: the key the router matches on. */
    public String route() {
        return method + " " + path;
    }

    /** Whether anyone may call it, without signing in. */
    public boolean isPublic() {
        return ANYONE.equals(who);
    }

    /**
     * Whether it is a staff write, made safe to repeat with an {@value IdempotencyKey#HEADER} (issue 19): every signed-in
     * route that creates or changes something (POST, PUT).
     */
    public boolean takesStaffKey() {
        return !isPublic() && (method.equals("POST") || method.equals("PUT"));
    }

    /** Whether it changes a case ({@code /cases/{reference}/...}): such a route honours {@code If-Match} and answers with the case's ETag. */
    public boolean changesCase() {
        return takesStaffKey() && path.startsWith(CASE_PATH + "/");
    }

    /** The case's own path: its GET answers with its ETag. */
    public static final String CASE_PATH = "/cases/{reference}";
}
