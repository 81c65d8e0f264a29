package org.advocacyhub.casework.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.retention.DataRequests;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.dataprotection.DataRequest;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.SubjectAccessExport;

/**
 * A person's data protection requests (issue 22), managers only: subject access (UK GDPR Art. 15) with its export in JSON or
 * HTML, rectification (Art. 16) and erasure (Art. 17), each recorded with the day it must be answered by, and answered.
 */
@Singleton
final class DataRequestRouteGroup implements RouteGroup {

    /** The most open and decided requests a list shows: a provider has a handful a year. */
    static final int LISTED = 200;

    private final List<ApiOperation> operations;
    private final CaseRoutes routes;
    private final SubjectAccessExport export;

    DataRequestRouteGroup(CaseRoutes routes, DataRequests requests, JsonMapper json, ContractCatalogue contracts) {
        this.routes = routes;
        this.export = new SubjectAccessExport(json, contracts);
        this.operations = List.of(
                record("/subject-access-requests", DataRequest.Kind.ACCESS, requests, "Record a subject access request (UK GDPR Art. 15): "
                        + "due one month from the day received (Art. 12(3)); its person's records are found by name and date of birth"),
                record("/rectification-requests", DataRequest.Kind.RECTIFICATION, requests, "Record a request to correct the person's "
                        + "data (UK GDPR Art. 16): due one month from the day received"),
                record("/erasure-requests", DataRequest.Kind.ERASURE, requests, "Record a request to erase the person's data (UK GDPR "
                        + "Art. 17): due one month from the day received"),
                new ApiOperation("GET", "/data-requests", "The open data protection requests, soonest due first, and the last answered",
                        CaseRoutes.MANAGERS, List.of(), null, request -> routes.withActor(request,
                                actor -> answer(requests.list(actor, LISTED), request))),
                new ApiOperation("GET", "/data-requests/{id}", "One data protection request, with the cases found for its person and "
                        + "its audit trail (opening it is audited)", CaseRoutes.MANAGERS, List.of(), null, request -> routes.withActor(request,
                                actor -> answer(requests.show(actor, request.pathParameter("id").orElse("")), request))),
                new ApiOperation("GET", "/subject-access-requests/{id}/export", "Everything the hub holds about the person: every case "
                        + "with its timeline, tasks, contacts, meetings, time, audit and emails, and their answerphone messages; third "
                        + "parties' data marked for review before release. JSON, or with Accept: text/html a readable document. Audited",
                        CaseRoutes.MANAGERS, List.of(), null, request -> routes.withActor(request,
                                actor -> answer(requests.export(actor, request.pathParameter("id").orElse("")), request))),
                new ApiOperation("POST", "/data-requests/{id}/decision", "Answer a request: ANSWERED (access given), RECTIFIED (the "
                        + "corrections made on the cases, each with its reason), ERASED (every case of the person anonymised as "
                        + "retention does; none may be open or under a legal hold), or REFUSED with a ground that fits the request",
                        CaseRoutes.MANAGERS, List.of(), DataRequests.DECISION_FIELDS, request -> routes.withActorAndBody(request,
                                (actor, body) -> answer(requests.decide(actor, request.pathParameter("id").orElse(""), body), request))));
    }

    private ApiOperation record(String path, DataRequest.Kind kind, DataRequests requests, String summary) {
        return new ApiOperation("POST", path, summary, CaseRoutes.MANAGERS, List.of(), DataRequests.fields(kind),
                request -> routes.withActorAndBody(request, (actor, body) -> answer(requests.record(actor, kind, body), request)));
    }

    private APIGatewayProxyResponseEvent answer(DataRequests.Outcome outcome, HttpRequest request) {
        if (outcome instanceof DataRequests.Recorded recorded) {
            return routes.json(recorded.created() ? 201 : 200, json(recorded.request()));
        }
        if (outcome instanceof DataRequests.Decided decided) {
            return routes.json(200, json(decided.request()));
        }
        if (outcome instanceof DataRequests.Shown shown) {
            Map<String, Object> out = json(shown.request());
            out.put("cases", shown.cases().stream().map(c -> Map.of("reference", c.reference().value(), "service",
                    c.details().service().name(), "status", c.status().name(), "legalHold", c.work().legalHold() != null)).toList());
            out.put("audit", shown.audit().stream().map(a -> Map.of("at", a.at().toString(), "staffId", a.staffId(),
                    "action", a.action())).toList());
            return routes.json(200, out);
        }
        if (outcome instanceof DataRequests.Listed listed) {
            return routes.json(200, Map.of("open", listed.open().stream().map(DataRequestRouteGroup::summary).toList(),
                    "answered", listed.decided().stream().map(DataRequestRouteGroup::summary).toList()));
        }
        if (outcome instanceof DataRequests.Exported exported) {
            boolean html = request.header("Accept").map(accept -> accept.contains("text/html")).orElse(false);
            return html ? HttpResponses.html(200, export.html(exported)) : HttpResponses.json(200, export.json(exported));
        }
        if (outcome instanceof DataRequests.Invalid invalid) {
            return routes.problems().invalid(invalid.errors());
        }
        if (outcome instanceof DataRequests.NotAllowed notAllowed) {
            return routes.problems().of(403, "Forbidden", notAllowed.why());
        }
        if (outcome instanceof DataRequests.Conflict conflict) {
            return routes.problems().of(409, "Conflict", conflict.why());
        }
        return routes.problems().of(404, "Not Found", ((DataRequests.NotFound) outcome).why());
    }

    /** A request in a list: no name or date of birth (the list is read more often than a request). */
    private static Map<String, Object> summary(DataRequest r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("kind", r.kind().name());
        out.put("receivedOn", r.receivedOn().toString());
        out.put("dueOn", r.dueOn().toString());
        if (r.decision() != null) {
            out.put("outcome", r.decision().outcome().name());
            out.put("answeredAt", r.decision().at().toString());
        }
        return out;
    }

    static Map<String, Object> json(DataRequest r) {
        Map<String, Object> out = summary(r);
        out.put("clause", r.kind().clause());
        out.put("name", r.name());
        out.put("dateOfBirth", r.dateOfBirth().toString());
        out.put("details", r.details());
        out.put("recordedAt", r.recordedAt().toString());
        out.put("recordedBy", r.recordedBy());
        if (r.decision() != null) {
            DataRequest.Decision d = r.decision();
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("outcome", d.outcome().name());
            if (d.ground() != null) {
                decision.put("ground", d.ground().name());
                decision.put("groundClause", d.ground().clause());
            }
            decision.put("note", d.note());
            decision.put("at", d.at().toString());
            decision.put("by", d.by());
            decision.put("references", new ArrayList<>(d.references()));
            out.put("decision", decision);
        }
        return out;
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
