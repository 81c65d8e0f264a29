package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.List;
import org.advocacyhub.application.casework.CloseCase;
import org.advocacyhub.application.casework.RecordFeedback;
import org.advocacyhub.application.casework.UpdateActionPlan;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.web.ApiOperation;

/** The end of a case: its action plan, closure with each goal's outcome, the person's feedback, and a manager's reopen. */
@Singleton
final class ClosureRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    ClosureRouteGroup(CaseRoutes routes, UpdateActionPlan plan, CloseCase close, RecordFeedback feedback, ContractCatalogue contracts) {
        this.operations = List.of(
                routes.caseChange("PUT", "/cases/{reference}/action-plan", "Set the person's action plan: goals, each with its status; "
                        + "a goal keeps its id, a new goal gets one (LLR 9.34)", CaseRoutes.CASE_STAFF, UpdateActionPlan.FIELDS, plan::update),
                routes.caseChange("POST", "/cases/{reference}/closure", "Close the case with its reason and each goal's outcome "
                        + "(LEW 8.12; LLR Appendix One KPI 4): the clocks stop; an IMCA case's report clock starts (LLR 5.23)",
                        CaseRoutes.CASE_STAFF, CloseCase.FIELDS, close::close),
                routes.caseChange("POST", "/cases/{reference}/reopen", "Reopen a closed case; the clocks the closure stopped stay stopped",
                        CaseRoutes.MANAGERS, CloseCase.REOPEN_FIELDS, close::reopen),
                routes.caseChange("POST", "/cases/{reference}/feedback", "The person's answers at closure, to the questions the case's "
                        + "contract asks (LEW 13.3, Appendix 1; LLR Appendix One outcomes)", CaseRoutes.CASE_STAFF,
                        RecordFeedback.fields(contracts), feedback::record));
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
