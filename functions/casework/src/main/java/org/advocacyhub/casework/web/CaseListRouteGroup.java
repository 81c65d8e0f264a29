package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.casework.ListCases;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.web.ApiOperation;

/** Lists of cases for staff (issue 8 item 11): filtered, paged, by Query. */
@Singleton
final class CaseListRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    CaseListRouteGroup(CaseRoutes routes, ListCases listCases, ContractCatalogue contracts) {
        CaseListJson json = new CaseListJson(contracts);
        this.operations = List.of(new ApiOperation("GET", "/cases", "Cases by contract, status, advocate, council area and date "
                + "received, a page at a time (managers any; advocates their own); each with its running clocks' due times",
                org.advocacyhub.web.Who.OWN_CASES, listCases.query(), null,
                request -> routes.withActor(request, actor -> {
                    ListCases.Outcome outcome = listCases.list(actor, request.queryParameters());
                    if (outcome instanceof ListCases.Invalid invalid) {
                        return routes.problems().invalid(invalid.errors());
                    }
                    if (outcome instanceof ListCases.NotAllowed notAllowed) {
                        return routes.problems().of(403, "Forbidden", notAllowed.why());
                    }
                    return routes.json(200, json.map((ListCases.Listed) outcome));
                })));
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
