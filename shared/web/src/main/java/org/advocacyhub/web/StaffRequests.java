package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * What every staff route of every function does first, written once: who is asking (401 with
 * {@code WWW-Authenticate} without verified claims: defence in depth, as the authorizer answers
 * first in AWS), with the request's id when it came with an idempotency key and the case version an
 * {@code If-Match} names ({@link CaseTags}), and, for a route with a body, the JSON body by the shared rules.
 */
public final class StaffRequests {

    private final IdentifyStaff identify;
    private final Problems problems;
    private final RequestBodies bodies;

    public StaffRequests(IdentifyStaff identify, Problems problems, RequestBodies bodies) {
        this.identify = identify;
        this.problems = problems;
        this.bodies = bodies;
    }

    /** The signed-in member of staff, or 401. */
    public APIGatewayProxyResponseEvent withActor(HttpRequest request, Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        Optional<StaffMember> member = StaffClaims.from(request.claims());
        if (member.isEmpty()) {
            return problems.unauthorized();
        }
        return then.apply(identify.identify(member.get()).asking(request.requestId(), CaseTags.ifMatch(request)));
    }

    /** The signed-in member of staff and a JSON body, or the problem with either. */
    public APIGatewayProxyResponseEvent withActorAndBody(HttpRequest request,
                                                         BiFunction<StaffActor, SubmittedFields, APIGatewayProxyResponseEvent> then) {
        return withActor(request, actor -> {
            RequestBodies.Read read = bodies.json(request);
            if (read instanceof RequestBodies.Refused refused) {
                return refused.response();
            }
            return then.apply(actor, ((RequestBodies.Fields) read).fields());
        });
    }
}
