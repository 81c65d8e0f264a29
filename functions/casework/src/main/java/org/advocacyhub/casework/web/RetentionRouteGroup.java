package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.casework.HoldCase;
import org.advocacyhub.application.retention.ReviewRetention;
import org.advocacyhub.web.ApiOperation;

/** Retention (issue 22): what it would take from a contract today, and a manager's legal hold on a case, and its lifting. */
@Singleton
final class RetentionRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    RetentionRouteGroup(CaseRoutes routes, HoldCase hold, ReviewRetention review, org.advocacyhub.application.casework.CorrectPerson correct) {
        this.operations = List.of(
                new ApiOperation("GET", "/retention-review", "What retention would take from a contract today (a dry run, nothing "
                        + "changed): each closed case and each referral not taken on that is past its retention period, the oldest "
                        + "first, with its rule, and those a legal hold keeps (issue 22)", CaseRoutes.MANAGERS, review.query(), null,
                        request -> routes.withActor(request, actor -> {
                            ReviewRetention.Outcome outcome = review.review(actor, request.queryParameters());
                            if (outcome instanceof ReviewRetention.Invalid invalid) {
                                return routes.problems().invalid(invalid.errors());
                            }
                            if (outcome instanceof ReviewRetention.NotAllowed notAllowed) {
                                return routes.problems().of(403, "Forbidden", notAllowed.why());
                            }
                            return routes.json(200, json((ReviewRetention.Reviewed) outcome));
                        })),
                routes.caseChange("PUT", "/cases/{reference}/legal-hold", "Put the case under a legal hold (a complaint, a safeguarding "
                        + "enquiry, litigation): nothing of it is anonymised while it holds, whatever its retention period (issue 22); "
                        + "the same hold again changes nothing", CaseRoutes.MANAGERS, HoldCase.FIELDS, hold::hold),
                routes.caseChange("POST", "/cases/{reference}/legal-hold/lift", "Lift the case's legal hold, with why: its retention "
                        + "period applies again", CaseRoutes.MANAGERS, HoldCase.LIFT_FIELDS, hold::lift),
                routes.caseChange("POST", "/cases/{reference}/person-correction", "Correct the person's name, date of birth, postcode "
                        + "or communication needs, with why (UK GDPR Art. 16, a rectification request): the timeline names what was "
                        + "corrected, not the values", CaseRoutes.MANAGERS, org.advocacyhub.application.casework.CorrectPerson.FIELDS,
                        correct::correct));
    }

    private static Map<String, Object> json(ReviewRetention.Reviewed reviewed) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contract", reviewed.contract());
        out.put("asOf", reviewed.asOf().toString());
        out.put("total", reviewed.total());
        out.put("held", reviewed.held());
        out.put("complete", reviewed.complete());
        List<Map<String, Object>> cases = new ArrayList<>();
        for (ReviewRetention.Due due : reviewed.due()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("reference", due.referral().reference().value());
            c.put("service", due.referral().details().service().name());
            c.put("status", due.referral().status().name());
            c.put("record", due.retention().kind().key());
            c.put("start", due.retention().start().toString());
            c.put("keptUntil", due.retention().keptUntil().toString());
            c.put("why", due.retention().why());
            c.put("wouldGo", !due.held());
            if (due.held()) {
                c.put("legalHold", Map.of("reason", due.referral().work().legalHold().reason().name(),
                        "since", due.referral().work().legalHold().at().toString()));
            }
            cases.add(c);
        }
        out.put("cases", cases);
        if (reviewed.next() != null) {
            out.put("next", reviewed.next());
        }
        return out;
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
