package org.advocacyhub.casework.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff API's router (template.yaml {@code CaseworkFunction}): the {@link ApiOperation}s of
 * every {@link RouteGroup}. The same operations give the OpenAPI document, with the field specs
 * each body is validated against.
 */
@Singleton
public final class CaseworkWeb {

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkWeb.class);

    private final CaseRoutes routes;
    private final Map<String, ApiOperation> operations = new LinkedHashMap<>();

    public CaseworkWeb(CaseRoutes routes, List<RouteGroup> groups) {
        this.routes = routes;
        for (RouteGroup group : groups) {
            for (ApiOperation operation : group.operations()) {
                if (operations.put(operation.route(), operation) != null) {
                    throw new IllegalStateException("two route groups serve " + operation.route());
                }
            }
        }
    }

    /** Every route, for the OpenAPI document. */
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
            return routes.problems().of(404, "Not Found", "There is nothing at this address.");
        }
        try {
            return operation.handler().apply(request);
        } catch (RuntimeException e) {
            // Class names only: an exception message could quote a submitted value.
            LOG.error("Unhandled {} on {} (cause: {})", e.getClass().getName(), request.route(),
                    e.getCause() == null ? "none" : e.getCause().getClass().getName());
            return routes.problems().of(500, "Internal Server Error", "Something went wrong on our side. Nothing was changed; try again.");
        }
    }
}
