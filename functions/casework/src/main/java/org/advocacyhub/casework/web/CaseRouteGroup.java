package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.casework.AllocateAdvocate;
import org.advocacyhub.application.casework.RecordActivity;
import org.advocacyhub.application.casework.RecordMilestone;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.application.screening.ScreenAgain;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.web.ApiOperation;

/** A case: its view, re-screening, allocation, contacts, meetings and milestones. */
@Singleton
final class CaseRouteGroup implements RouteGroup {

    private final List<ApiOperation> operations;

    CaseRouteGroup(CaseRoutes routes, ViewCase viewCase, ScreenAgain screenAgain, AllocateAdvocate allocate, RecordActivity activity,
                   RecordMilestone milestone) {
        this.operations = List.of(
                new ApiOperation("GET", "/cases/{reference}", "A case: referral, clocks, screening, casework, timeline, contacts, "
                        + "time and audit trail (the read is audited, LLR 26.8)", CaseRoutes.CASE_TEAM, List.of(), null,
                        request -> routes.withActor(request, actor -> {
                            Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
                            return reference.isEmpty() ? routes.problems().of(404, "Not Found", "There is no case with that reference.")
                                    : routes.answer(viewCase.view(reference.get(), actor));
                        })),
                routes.caseChange("POST", "/cases/{reference}/screening", "Screen again with information supplied, corrected answers ("
                                + ReferralFields.DETAILS_PREFIX + "*, the service's questions) or a confirmed redirect (LLR 9.33)",
                        CaseRoutes.MANAGERS, List.of(ScreenAgain.SERVICE, ScreenAgain.NOTE),
                        screenAgain::asCasework),
                routes.caseChange("POST", "/cases/{reference}/allocation", "Allocate a waiting case to a qualified advocate "
                        + "(LLR 9.38a, 13.1-13.7, 5.49); 409 naming its advocate if it is allocated already, and nothing is sent",
                        CaseRoutes.MANAGERS, List.of(AllocateAdvocate.ADVOCATE), allocate::allocate),
                routes.caseChange("POST", "/cases/{reference}/reallocation", "Move an allocated case to another qualified advocate, "
                        + "with a reason (LLR 9.32): only if it is still held by fromAdvocateId, else 409 naming its advocate now",
                        CaseRoutes.MANAGERS, AllocateAdvocate.REALLOCATION, allocate::reallocate),
                routes.caseChange("POST", "/cases/{reference}/contacts", "Record a contact; the first that reaches the person stops the "
                        + "contact clocks (LLR 9.38b, 7.25; LEW 8.4)", CaseRoutes.CASE_STAFF, RecordActivity.CONTACT, activity::contact),
                routes.caseChange("POST", "/cases/{reference}/meetings", "Record a meeting; the first held with the person stops the "
                        + "meeting clocks (LLR 9.38c, 7.25)", CaseRoutes.CASE_STAFF, RecordActivity.MEETING, activity::meeting),
                routes.caseChange("POST", "/cases/{reference}/eligibility-confirmation", "Eligibility confirmed with the person "
                        + "(IMHA, LLR 7.48)", CaseRoutes.CASE_STAFF, RecordMilestone.FIELDS, milestone::eligibilityConfirmed),
                routes.caseChange("POST", "/cases/{reference}/report-sent", "The IMCA or DoLS IMCA report was sent (LLR 5.23, 5.45)",
                        CaseRoutes.CASE_STAFF, RecordMilestone.FIELDS, milestone::reportSent));
    }

    @Override
    public List<ApiOperation> operations() {
        return operations;
    }
}
