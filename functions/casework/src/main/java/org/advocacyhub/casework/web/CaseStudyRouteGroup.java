package org.advocacyhub.casework.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.returns.RecordCaseStudies;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.reports.AnnualReturns;
import org.advocacyhub.web.ApiOperation;

/**
 * The case studies and service summaries of the returns (issue 23: LLR 26.16, 26.17, 27.3, Appendix One; LEW 17.2): a case
 * study written on a closed case by its advocate or a manager, the quarter's list and a manager's selection; the service
 * summaries of a quarter, written and listed by managers.
 */
@Singleton
final class CaseStudyRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;
    private final CaseRoutes routes;
    private final ContractCatalogue contracts;

    CaseStudyRouteGroup(CaseRoutes routes, RecordCaseStudies studies, ContractCatalogue contracts) {
        this.routes = routes;
        this.contracts = contracts;
        this.operations = List.of(
                new ApiOperation("POST", "/cases/{reference}/case-study", "Write or rewrite the case's outcome case study for the "
                        + "return of the quarter it closed in (LLR 26.16, 27.3, Appendix One B): the outcome measures it evidences, "
                        + "consent and the person's journey, naming no one. A closed case (409 otherwise); revision 0 when new, else "
                        + "the revision you read (409 when it changed meanwhile)", CaseRoutes.CASE_STAFF, List.of(), studies.studyFields(),
                        request -> routes.withActor(request, actor -> {
                            Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
                            if (reference.isEmpty()) {
                                return routes.problems().of(404, "Not Found", "There is no case with that reference.");
                            }
                            return routes.caseBody(request, reference.get(), actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE,
                                    fields -> answer(studies.write(reference.get(), actor, fields)));
                        })),
                new ApiOperation("GET", "/case-studies", "One contract's case studies of a financial quarter, selected or not, for "
                        + "the manager to choose the return's (LLR Appendix One: 4 per quarter, per service)", CaseRoutes.MANAGERS,
                        studies.query(), null, request -> routes.withActor(request,
                        actor -> answer(studies.listStudies(actor, request.queryParameters())))),
                new ApiOperation("POST", "/case-studies/{id}/selection", "Select a case study for its quarter's return, or unselect "
                        + "it (managers): at most the contract's number a service (LLR Appendix One: 4; a fifth is refused naming "
                        + "selected). Give its contract, quarter and the revision you read", CaseRoutes.MANAGERS, List.of(),
                        studies.selectionFields(), request -> routes.withActorAndBody(request, (actor, body) -> answer(studies.select(actor,
                        request.pathParameter("id").orElse(""), body)))),
                new ApiOperation("PUT", "/service-summaries", "Write a service activity summary of a quarter (managers; LLR Appendix "
                        + "One i-vii, C; LEW 17.2): its text, or notCompleted true when the activity was not completed (Appendix One "
                        + "D), exactly one; revision 0 when new. No personal data: name no one", CaseRoutes.MANAGERS, List.of(),
                        studies.summaryFields(), request -> routes.withActorAndBody(request,
                        (actor, body) -> answer(studies.putSummary(actor, body)))),
                new ApiOperation("GET", "/service-summaries", "One contract's service summaries of a financial quarter: each the "
                        + "contract asks for, as written (revision 0 when not yet)", CaseRoutes.MANAGERS, studies.query(), null,
                        request -> routes.withActor(request, actor -> answer(studies.listSummaries(actor, request.queryParameters())))),
                new ApiOperation("PUT", "/annual-return-items", "Write an item of the contract's annual return for a financial year "
                        + "(managers; LLR 27.4, Appendix One Annual Return 1-6): its text, or notCompleted true when there is nothing "
                        + "to report that year (Appendix One D), exactly one; revision 0 when new. No personal data: name no one. "
                        + "Sent with the fourth quarter's report", CaseRoutes.MANAGERS, List.of(), studies.annualFields(),
                        request -> routes.withActorAndBody(request, (actor, body) -> answer(studies.putAnnualItem(actor, body)))),
                new ApiOperation("GET", "/annual-return-items", "One contract's annual return items of a financial year (the year "
                        + "just ended unless given): each the contract asks for, as written (revision 0 when not yet), with the day "
                        + "the return is due", CaseRoutes.MANAGERS, studies.annualQuery(), null,
                        request -> routes.withActor(request, actor -> answer(studies.listAnnualItems(actor, request.queryParameters())))));
    }

    private APIGatewayProxyResponseEvent answer(RecordCaseStudies.Outcome outcome) {
        if (outcome instanceof RecordCaseStudies.StudyWritten written) {
            return routes.json(200, study(written.study()));
        }
        if (outcome instanceof RecordCaseStudies.StudySelected selected) {
            return routes.json(200, study(selected.study()));
        }
        if (outcome instanceof RecordCaseStudies.StudiesListed listed) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("contract", listed.contract().code());
            out.put("quarter", listed.quarter().key());
            listed.contract().reportSchedule().caseStudies().ifPresent(required -> out.put("perService", required.perService()));
            out.put("caseStudies", listed.studies().stream().map(this::study).toList());
            return routes.json(200, out);
        }
        if (outcome instanceof RecordCaseStudies.SummaryWritten written) {
            Contract contract = contracts.contract(written.summary().contract()).orElseThrow();
            Optional<ReportSchedule.AnnualReturn> annual = AnnualReturns.of(contract)
                    .filter(a -> a.item(written.summary().summary()).isPresent());
            return routes.json(200, annual.isPresent() ? annualItem(annual.get(), written.summary())
                    : summary(contract, written.summary()));
        }
        if (outcome instanceof RecordCaseStudies.AnnualListed listed) {
            ReportSchedule.AnnualReturn annual = AnnualReturns.of(listed.contract()).orElseThrow();
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("contract", listed.contract().code());
            out.put("year", AnnualReturns.key(listed.financialYear()));
            out.put("authority", annual.authority());
            out.put("dueDate", AnnualReturns.dueDate(annual, listed.financialYear()).toString());
            out.put("clause", annual.clause());
            out.put("items", annual.items().stream().map(asked -> listed.items().stream()
                    .filter(s -> s.summary().equals(asked.id())).findFirst().map(s -> annualItem(annual, s))
                    .orElseGet(() -> notWritten(asked))).toList());
            out.put("notHeld", annual.notHeld().stream().map(part -> Map.of("title", part.title(), "clause", part.clause(),
                    "heldIn", part.heldIn())).toList());
            return routes.json(200, out);
        }
        if (outcome instanceof RecordCaseStudies.SummariesListed listed) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("contract", listed.contract().code());
            out.put("quarter", listed.quarter().key());
            out.put("summaries", listed.contract().reportSchedule().serviceSummaries().stream().map(asked -> listed.summaries().stream()
                    .filter(s -> s.summary().equals(asked.id())).findFirst().map(s -> summary(listed.contract(), s))
                    .orElseGet(() -> notWritten(asked))).toList());
            return routes.json(200, out);
        }
        if (outcome instanceof RecordCaseStudies.Invalid invalid) {
            return routes.problems().invalid(invalid.errors());
        }
        if (outcome instanceof RecordCaseStudies.NotFound notFound) {
            return routes.problems().of(404, "Not Found", notFound.why());
        }
        if (outcome instanceof RecordCaseStudies.Conflict conflict) {
            return routes.problems().of(409, "Conflict", conflict.why());
        }
        return routes.problems().of(403, "Forbidden", ((RecordCaseStudies.NotAllowed) outcome).why());
    }

    private Map<String, Object> study(CaseStudy s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", s.id());
        out.put("contract", s.contract());
        out.put("service", s.service().name());
        out.put("quarter", s.quarter().key());
        out.put("reference", s.reference().value());
        out.put("measures", s.measures());
        out.put("consent", s.consent().name());
        out.put("text", s.text());
        out.put("selected", s.selected());
        out.put("revision", s.revision());
        out.put("writtenBy", s.writtenBy());
        out.put("writtenAt", s.writtenAt().toString());
        out.put("keptUntil", s.keptUntil(contracts.retention(s.contract())).toString());
        return out;
    }

    private Map<String, Object> summary(Contract contract, ServiceSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contract", s.contract());
        out.put("quarter", s.quarter().key());
        out.put("summary", s.summary());
        return written(out, s, contract.reportSchedule().serviceSummary(s.summary()).map(a -> Map.entry(a.title(), a.clause())));
    }

    /** An annual return item as stored (a summary of the year's fourth quarter), named by its year. */
    private Map<String, Object> annualItem(ReportSchedule.AnnualReturn annual, ServiceSummary s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contract", s.contract());
        out.put("year", AnnualReturns.key(s.quarter().financialYear()));
        out.put("item", s.summary());
        return written(out, s, annual.item(s.summary()).map(a -> Map.entry(a.title(), a.clause())));
    }

    /** What a summary or an annual item says and who wrote it, after its name: one shape for both. */
    private Map<String, Object> written(Map<String, Object> out, ServiceSummary s, java.util.Optional<Map.Entry<String, String>> asked) {
        asked.ifPresent(titleAndClause -> {
            out.put("title", titleAndClause.getKey());
            out.put("clause", titleAndClause.getValue());
        });
        if (s.text() != null) {
            out.put("text", s.text());
        }
        out.put("notCompleted", s.notCompleted());
        out.put("revision", s.revision());
        out.put("writtenBy", s.writtenBy());
        out.put("writtenAt", s.writtenAt().toString());
        out.put("keptUntil", s.keptUntil(contracts.retention(s.contract())).toString());
        return out;
    }

    private static Map<String, Object> notWritten(ReportSchedule.ServiceSummary asked) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", asked.id());
        out.put("title", asked.title());
        out.put("clause", asked.clause());
        out.put("revision", 0);
        return out;
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
