package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
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

    /**
     * The signed-in member of staff with an active directory record, or 401 (no verified claims) or 403 (the directory
     * has no active record for them: {@link IdentifyStaff}).
     */
    public APIGatewayProxyResponseEvent withActor(HttpRequest request, Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        return withActor(request, false, refused -> { }, then);
    }

    /**
     * {@link #withActor(HttpRequest, Function)}, telling {@code onRefused} of an identity the directory refuses (a case
     * route records it on the case it was aimed at: issue 20).
     */
    public APIGatewayProxyResponseEvent withActor(HttpRequest request, Consumer<IdentifyStaff.Refused> onRefused,
                                                  Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        return withActor(request, false, onRefused, then);
    }

    /**
     * {@link #withActor(HttpRequest, Function)} for the staff directory's own routes, which alone also admit the first
     * manager of a directory that has no active manager ({@link IdentifyStaff.FirstManager}).
     */
    public APIGatewayProxyResponseEvent withActorOrFirstManager(HttpRequest request, Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        return withActor(request, true, refused -> { }, then);
    }

    private APIGatewayProxyResponseEvent withActor(HttpRequest request, boolean firstManager, Consumer<IdentifyStaff.Refused> onRefused,
                                                   Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        Optional<StaffMember> member = StaffClaims.from(request.claims());
        if (member.isEmpty()) {
            return problems.unauthorized();
        }
        IdentifyStaff.Identity identity = identify.identify(member.get());
        StaffActor actor;
        if (identity instanceof IdentifyStaff.Known known) {
            actor = known.actor();
        } else if (identity instanceof IdentifyStaff.FirstManager first && firstManager) {
            actor = first.actor();
        } else if (identity instanceof IdentifyStaff.Refused refused) {
            onRefused.accept(refused);
            return problems.of(403, "Forbidden", refused.why());
        } else {
            return problems.of(403, "Forbidden", IdentifyStaff.DIRECTORY_FIRST);
        }
        return then.apply(actor.asking(request.requestId(), CaseTags.ifMatch(request)));
    }

    /** The signed-in member of staff and a JSON body, or the problem with either. */
    public APIGatewayProxyResponseEvent withActorAndBody(HttpRequest request,
                                                         BiFunction<StaffActor, SubmittedFields, APIGatewayProxyResponseEvent> then) {
        return withActorAndBody(request, false, then);
    }

    /** {@link #withActorAndBody(HttpRequest, BiFunction)} for the staff directory's routes (see {@link #withActorOrFirstManager}). */
    public APIGatewayProxyResponseEvent withActorOrFirstManagerAndBody(HttpRequest request,
                                                                       BiFunction<StaffActor, SubmittedFields, APIGatewayProxyResponseEvent> then) {
        return withActorAndBody(request, true, then);
    }

    private APIGatewayProxyResponseEvent withActorAndBody(HttpRequest request, boolean firstManager,
                                                          BiFunction<StaffActor, SubmittedFields, APIGatewayProxyResponseEvent> then) {
        return withActor(request, firstManager, refused -> { }, actor -> body(request, fields -> then.apply(actor, fields)));
    }

    /**
     * The request's JSON body by the shared rules for {@code then}, or its 400, 413 or 415: for a route that decides who
     * may use it before it reads the body (authorization before validation, issue 20).
     */
    public APIGatewayProxyResponseEvent body(HttpRequest request, Function<SubmittedFields, APIGatewayProxyResponseEvent> then) {
        RequestBodies.Read read = bodies.json(request);
        if (read instanceof RequestBodies.Refused refused) {
            return refused.response();
        }
        return then.apply(((RequestBodies.Fields) read).fields());
    }
}
