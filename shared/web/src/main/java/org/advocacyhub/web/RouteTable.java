package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.StaffMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A function's routes, and how every function answers a request, written once: the operation of
 * the request's route (404 when there is none), a HEAD answered as its GET without the body, a staff
 * write with an {@value IdempotencyKey#HEADER} made safe to repeat ({@link IdempotentRequests}), and an
 * unexpected failure answered 500 and logged by class names only (an exception's message could
 * quote what was sent).
 */
public final class RouteTable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteTable.class);
    /** The 500 answer of the staff functions: a staff change is one conditional write, so nothing half-done. */
    public static final String NOTHING_CHANGED = "Something went wrong on our side. Nothing was changed; try again.";

    private final Problems problems;
    private final String failure;
    private final IdempotentRequests idempotency;
    private final Map<String, ApiOperation> operations = new LinkedHashMap<>();

    /**
     * @param failure     what a 500 answer says
     * @param idempotency how staff writes are made safe to repeat
     */
    public RouteTable(Problems problems, String failure, IdempotentRequests idempotency) {
        this.problems = problems;
        this.failure = failure;
        this.idempotency = idempotency;
    }

    /** The route table of a function with public routes only (intake, which keeps its keys with the referrals they make). */
    public RouteTable(Problems problems, String failure) {
        this(problems, failure, null);
    }

    /** Adds a route; two operations for one route are a mistake in the wiring, and so is a staff write with no ledger. */
    public RouteTable add(ApiOperation operation) {
        if (operation.takesStaffKey() && idempotency == null) {
            throw new IllegalStateException(operation.route() + " is a staff write: its table needs the request ledger");
        }
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
            return operation.takesStaffKey() ? write(operation, request) : operation.handler().apply(request);
        } catch (RuntimeException e) {
            LOG.error("Unhandled {} on {} (cause: {})", e.getClass().getName(), request.route(),
                    e.getCause() == null ? "none" : e.getCause().getClass().getName());
            return problems.of(500, "Internal Server Error", failure);
        }
    }

    /**
     * A staff write: with a key, once for its sender ({@link IdempotentRequests}); a key that breaks the rule is a 400.
     * Without verified claims the operation answers (401) as it would: a key is a signed-in person's.
     */
    private APIGatewayProxyResponseEvent write(ApiOperation operation, HttpRequest request) {
        Optional<StaffMember> member = StaffClaims.from(request.claims());
        if (member.isEmpty()) {
            return operation.handler().apply(request);
        }
        IdempotencyKey.Read key = IdempotencyKey.read(request, problems);
        if (key instanceof IdempotencyKey.Refused refused) {
            return refused.response();
        }
        if (key instanceof IdempotencyKey.Given given) {
            return idempotency.run(request, member.get().id(), given.key(), refusals, operation.handler());
        }
        return operation.handler().apply(request);
    }

    /** The API's answers when a key cannot be used now. */
    private final IdempotentRequests.Refusals refusals = new IdempotentRequests.Refusals() {
        @Override
        public APIGatewayProxyResponseEvent inProgress(long retryAfterSeconds) {
            return HttpResponses.withHeader(problems.of(409, "Conflict", "A request with this " + IdempotencyKey.HEADER
                    + " is still being done. Send it again after " + retryAfterSeconds + " seconds to get its answer."),
                    "Retry-After", Long.toString(retryAfterSeconds));
        }

        @Override
        public APIGatewayProxyResponseEvent otherRequest() {
            return problems.of(409, "Conflict", "This " + IdempotencyKey.HEADER + " was already used for another request "
                    + "(another method, address or body). Use a new key for a new request.");
        }

        @Override
        public APIGatewayProxyResponseEvent doneNotKept() {
            return problems.of(409, "Conflict", "The request with this " + IdempotencyKey.HEADER + " was done, but its answer "
                    + "was too large to keep. Read what it changed again.");
        }
    };
}
