package org.advocacyhub.casework.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.CaseTags;
import org.advocacyhub.web.CaseViewJson;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.StaffRequests;

/**
 * The shapes every staff route shares, written once: who is asking (401 without verified claims),
 * a JSON body by the shared rules, a case outcome as HTTP.
 */
@Singleton
public final class CaseRoutes {

    public static final String MANAGERS = org.advocacyhub.web.Who.MANAGERS;
    public static final String CASE_STAFF = org.advocacyhub.web.Who.CASE_STAFF;
    /** CaseWork.Access.MANAGER_OR_CASE_STAFF. */
    public static final String CASE_TEAM = org.advocacyhub.web.Who.CASE_TEAM;
    public static final String STAFF = org.advocacyhub.web.Who.STAFF;

    private final ViewCase viewCase;
    private final CaseWork work;
    private final ContractCatalogue contracts;
    private final Clock clock;
    private final JsonMapper json;
    private final Problems problems;
    private final RequestBodies bodies;
    private final CaseViewJson caseJson;
    private final StaffRequests staff;
    private final CaseRefusedSignIns refusedSignIns;

    public CaseRoutes(IdentifyStaff identify, ViewCase viewCase, CaseWork work, ContractCatalogue contracts, Clock clock,
                      JsonMapper json, CaseRefusedSignIns refusedSignIns) {
        this.refusedSignIns = refusedSignIns;
        this.viewCase = viewCase;
        this.work = work;
        this.contracts = contracts;
        this.clock = clock;
        this.json = json;
        this.problems = new Problems(json);
        this.bodies = new RequestBodies(problems);
        this.caseJson = new CaseViewJson(json);
        this.staff = new StaffRequests(identify, problems, bodies);
    }

    public Problems problems() {
        return problems;
    }

    public RequestBodies bodies() {
        return bodies;
    }

    /** A JSON answer. */
    public APIGatewayProxyResponseEvent json(int status, Object body) {
        return HttpResponses.json(status, JsonText.write(json, body));
    }

    /** A use case that changes a case, given the case's reference, who asks and the request's fields. */
    @FunctionalInterface
    public interface CaseChange {
        CaseWork.Outcome apply(ReferralReference reference, StaffActor actor, SubmittedFields fields);
    }

    /** A route that changes a case: a reference, a JSON body by the shared rules, a use case, the case back. */
    public ApiOperation caseChange(String method, String path, String summary, String who, List<FieldSpec> body, CaseChange useCase) {
        CaseWork.Access access = access(who);
        return new ApiOperation(method, path, summary, who, List.of(), body, request -> withActor(request, actor -> {
            Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
            if (reference.isEmpty()) {
                return problems.of(404, "Not Found", "There is no case with that reference.");
            }
            return caseBody(request, reference.get(), actor, access, fields -> answer(useCase.apply(reference.get(), actor, fields)));
        }));
    }

    /**
     * A case route's JSON body for {@code then}; a body that cannot be read is answered 400 only to someone who may act
     * on the case ({@code access}): authorization before validation (issue 20), the refusal on the case's audit trail.
     * A body that can be read is checked by the use case, which asks the same before its field rules.
     */
    public APIGatewayProxyResponseEvent caseBody(HttpRequest request, ReferralReference reference, StaffActor actor,
                                                 CaseWork.Access access, Function<SubmittedFields, APIGatewayProxyResponseEvent> then) {
        RequestBodies.Read read = bodies.json(request);
        if (read instanceof RequestBodies.Refused refused) {
            CaseWork.Outcome admitted = work.admit(reference, actor, access, "a change that could not be read");
            return admitted instanceof CaseWork.Done ? refused.response() : answer(admitted);
        }
        return then.apply(((RequestBodies.Fields) read).fields());
    }

    /** The access a route's "who may" words stand for: one table, so the words and the check cannot drift apart. */
    public static CaseWork.Access access(String who) {
        return switch (who) {
            case MANAGERS -> CaseWork.Access.MANAGER;
            case CASE_STAFF -> CaseWork.Access.MANAGER_OR_CASE_ADVOCATE;
            case CASE_TEAM -> CaseWork.Access.MANAGER_OR_CASE_STAFF;
            default -> throw new IllegalArgumentException("a case route must say which of its staff may use it: " + who);
        };
    }

    /** The signed-in member of staff, or 401 with WWW-Authenticate (defence in depth: the authorizer answers first in AWS). */
    public APIGatewayProxyResponseEvent withActor(HttpRequest request, Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        return staff.withActor(request, refused -> refusedSignIns.record(request, refused), then);
    }

    /** {@link StaffRequests#withActorOrFirstManager}: the staff directory's routes. */
    public APIGatewayProxyResponseEvent withActorOrFirstManager(HttpRequest request, Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        return staff.withActorOrFirstManager(request, then);
    }

    /** {@link StaffRequests#withActorOrFirstManagerAndBody}: the staff directory's routes. */
    public APIGatewayProxyResponseEvent withActorOrFirstManagerAndBody(HttpRequest request,
                                                                       java.util.function.BiFunction<StaffActor, SubmittedFields, APIGatewayProxyResponseEvent> then) {
        return staff.withActorOrFirstManagerAndBody(request, then);
    }

    /** A route body that needs the signed-in member of staff and a JSON body. */
    public APIGatewayProxyResponseEvent withActorAndBody(HttpRequest request,
                                                         java.util.function.BiFunction<StaffActor, SubmittedFields, APIGatewayProxyResponseEvent> then) {
        return staff.withActorAndBody(request, then);
    }

    /** Every case outcome to HTTP, written once: the case as it now is with its version's tag ({@link CaseTags}), or the problem. */
    public APIGatewayProxyResponseEvent answer(CaseWork.Outcome outcome) {
        if (outcome instanceof CaseWork.Done done) {
            ReferralCase referral = done.referral();
            return HttpResponses.withHeader(HttpResponses.json(200, caseJson.write(viewCase.found(referral),
                    contracts.contractFor(referral.details().service()).calendar(), clock.instant())),
                    CaseTags.ETAG, CaseTags.of(referral.version()));
        }
        if (outcome instanceof CaseWork.Stale stale) {
            String tag = CaseTags.of(stale.current().version());
            return HttpResponses.withHeader(problems.of(412, "Precondition Failed", "The case has changed since the version "
                    + "If-Match names: nothing was changed. Read the case again (its ETag is now " + tag + "), check what changed, "
                    + "and send the change again if it still applies."), CaseTags.ETAG, tag);
        }
        if (outcome instanceof CaseWork.Invalid invalid) {
            return problems.invalid(invalid.errors());
        }
        if (outcome instanceof CaseWork.Refused refused) {
            return problems.refused(refused.rules());
        }
        if (outcome instanceof CaseWork.NotAllowed notAllowed) {
            return problems.of(403, "Forbidden", notAllowed.why());
        }
        if (outcome instanceof CaseWork.Conflict conflict) {
            return problems.of(409, "Conflict", conflict.why());
        }
        if (outcome instanceof CaseWork.NotFound notFound) {
            return problems.of(404, "Not Found", notFound.why());
        }
        return problems.of(404, "Not Found", "There is no case with that reference.");
    }
}
