package org.advocacyhub.casework.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.returns.RecordReturns;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.web.ApiOperation;

/**
 * What the quarterly returns count beside cases (issue 8 item 10): awareness sessions (KPIs 5-6),
 * complaints and compliments (LLR 17.5, Appendix One; LEW Appendix 1), recorded by any member of
 * staff and listed by contract and quarter for managers.
 */
@Singleton
final class ReturnsRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations = new ArrayList<>();
    private final CaseRoutes routes;
    private final RecordReturns returns;
    private final ReturnsJson json;

    ReturnsRouteGroup(CaseRoutes routes, RecordReturns returns, org.advocacyhub.domain.contract.ContractCatalogue contracts) {
        this.json = new ReturnsJson(contracts);
        this.routes = routes;
        this.returns = returns;
        add("/awareness-sessions", ReturnRecord.Kind.AWARENESS_SESSION, "an awareness-raising session held: PROFESSIONAL "
                + "settings count towards KPI 5, COMMUNITY groups towards KPI 6 (LLR 5.26, 9.47, Appendix One)");
        add("/complaints", ReturnRecord.Kind.COMPLAINT, "a complaint received, FORMAL or INFORMAL (LLR 26.17), with its stage 1 to 3, whether alternative dispute "
                + "resolution resolved it and when it closed (LLR 17.5, Appendix One; LEW 7.11, Appendix 1); kept 3 years (LEW 14.3)");
        operations.add(new ApiOperation("POST", "/complaints/{id}/progress", "Record the progress of a complaint (managers): its "
                + "stage now, the day it closed if it has, whether alternative dispute resolution resolved it, and what has happened "
                + "(LLR 26.17: progress of ongoing enquiries). Give its contract, the day it was received and the revision you read: "
                + "a change made meanwhile is not overwritten (409). No personal data: name no one", CaseRoutes.MANAGERS, List.of(),
                returns.progressFields(), request -> routes.withActorAndBody(request,
                        (actor, body) -> answer(returns.progress(actor, request.pathParameter("id").orElse(""), body),
                                ReturnRecord.Kind.COMPLAINT))));
        add("/compliments", ReturnRecord.Kind.COMPLIMENT, "a compliment received about a service (LLR Appendix One); kept 3 years "
                + "like complaints (LEW 14.3)");
    }

    private void add(String path, ReturnRecord.Kind kind, String what) {
        operations.add(new ApiOperation("POST", path, "Record " + what + ". No personal data: name no one", CaseRoutes.STAFF,
                List.of(), returns.fields(kind), request -> routes.withActorAndBody(request,
                        (actor, body) -> answer(returns.record(actor, kind, body), kind))));
        operations.add(new ApiOperation("GET", path, "One contract's " + ReturnsJson.listName(kind) + " of a financial quarter, "
                + "as its return counts them", CaseRoutes.MANAGERS, returns.query(), null, request -> routes.withActor(request,
                        actor -> answer(returns.list(actor, kind, request.queryParameters()), kind))));
    }

    private APIGatewayProxyResponseEvent answer(RecordReturns.Outcome outcome, ReturnRecord.Kind kind) {
        if (outcome instanceof RecordReturns.Recorded recorded) {
            return routes.json(201, json.map(recorded.record()));
        }
        if (outcome instanceof RecordReturns.Listed listed) {
            return routes.json(200, json.list(listed, kind));
        }
        if (outcome instanceof RecordReturns.Progressed progressed) {
            return routes.json(200, json.map(progressed.complaint()));
        }
        if (outcome instanceof RecordReturns.Invalid invalid) {
            return routes.problems().invalid(invalid.errors());
        }
        if (outcome instanceof RecordReturns.NotFound notFound) {
            return routes.problems().of(404, "Not Found", notFound.why());
        }
        if (outcome instanceof RecordReturns.Conflict conflict) {
            return routes.problems().of(409, "Conflict", conflict.why());
        }
        return routes.problems().of(403, "Forbidden", ((RecordReturns.NotAllowed) outcome).why());
    }

    @Override
    public List<ApiOperation> operations() {
        return List.copyOf(operations);
    }
}
