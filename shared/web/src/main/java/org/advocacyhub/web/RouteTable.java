package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function's routes, and how every function answers a request, written once: the operation of
 * the request's route (404 when there is none), a HEAD answered as its GET without the body, and an
 * unexpected failure answered 500 and logged by class names only (an exception's message could
 * quote what was sent).
 */
public final class RouteTable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);
    /** The 500 answer of the staff functions: a staff change is one conditional write, so nothing half-done. */
    public static final String NOTHING_CHANGED = "Something went wrong on our side. Nothing was changed; try again.";

    private final Problems problems;
    private final String failure;
    private final Map<String, ApiOperation> operations = new LinkedHashMap<>();

    /**
     * @param failure what a 500 answer says
     */
    public RouteTable(Problems problems, String failure) {
        this.problems = problems;
        this.failure = failure;
    }

    /** Adds a route; two operations for one route are a mistake in the wiring. */
    public RouteTable add(ApiOperation operation) {
        if (operations.put(operation.route(), operation) != null) {
            throw new IllegalStateException("two operations serve " + operation.route());
        }
        return this;
    }

    /** Every route, in the order added. */
    public List<ApiOperation> operations() {
        return List.copyOf(operations.values());
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        HttpRequest request = new HttpRequest(event);
        return HttpResponses.forMethod(request, route(request));
    }

    private APIGatewayProxyResponseEvent route(HttpRequest request) {
        ApiOperation operation = operations.get(request.route());
        if (operation == null) {
            return problems.of(404, "Not Found", "There is nothing at this address.");
        }
        try {
            return operation.handler().apply(request);
        } catch (RuntimeException e) {
            LOG.error("Unhandled {} on {} (cause: {})", e.getClass().getName(), request.route(),
                    e.getCause() == null ? "none" : e.getCause().getClass().getName());
            return problems.of(500, "Internal Server Error", failure);
        }
    }
}
