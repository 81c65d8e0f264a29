package org.advocacyhub.intake.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.application.screening.ScreenAgain;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.StaffClaims;

/** The staff routes on a case: behind the Cognito authorizer, each checks the verified claims again. */
@Singleton
public final class CaseWeb {

    private final ViewCase viewCase;
    private final ScreenAgain screenAgain;
    private final ContractCatalogue contracts;
    private final Problems problems;
    private final RequestBodies bodies;
    private final CaseJson caseJson;

    public CaseWeb(ViewCase viewCase, ScreenAgain screenAgain, ContractCatalogue contracts, JsonMapper json) {
        this.viewCase = viewCase;
        this.screenAgain = screenAgain;
        this.contracts = contracts;
        this.problems = new Problems(json);
        this.bodies = new RequestBodies(problems);
        this.caseJson = new CaseJson(json);
    }

    /** {@code GET /cases/{reference}}. */
    APIGatewayProxyResponseEvent view(HttpRequest request) {
        Optional<StaffMember> staff = StaffClaims.from(request.claims());
        if (staff.isEmpty()) {
            return problems.unauthorized();
        }
        Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
        if (reference.isEmpty()) {
            return problems.of(404, "Not Found", "There is no case with that reference.");
        }
        ViewCase.Outcome outcome = viewCase.view(reference.get(), staff.get());
        if (outcome instanceof ViewCase.Found found) {
            return HttpResponses.json(200, caseJson(found));
        }
        if (outcome instanceof ViewCase.NotAllowed) {
            return problems.of(403, "Forbidden", "This case is not allocated to you.");
        }
        return problems.of(404, "Not Found", "There is no case with that reference.");
    }

    /**
     * {@code POST /cases/{reference}/screening} with {@code {"service": "IMHA"?, "details": {...}, "note": "..."}}:
     * a manager supplies missing information, corrects service answers or confirms a redirect, and
     * the referral is screened again. The body meets the same rules as a referral's.
     */
    APIGatewayProxyResponseEvent screenAgain(HttpRequest request) {
        Optional<StaffMember> staff = StaffClaims.from(request.claims());
        if (staff.isEmpty()) {
            return problems.unauthorized();
        }
        RequestBodies.Read read = bodies.json(request);
        if (read instanceof RequestBodies.Refused refused) {
            return refused.response();
        }
        Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
        if (reference.isEmpty()) {
            return problems.of(404, "Not Found", "There is no case with that reference.");
        }
        ScreenAgain.Outcome outcome = screenAgain.screenAgain(reference.get(), staff.get(), ((RequestBodies.Fields) read).fields());
        if (outcome instanceof ScreenAgain.Screened) {
            return HttpResponses.json(200, caseJson((ViewCase.Found) viewCase.view(reference.get(), staff.get())));
        }
        if (outcome instanceof ScreenAgain.Invalid invalid) {
            return problems.invalid(invalid.errors());
        }
        if (outcome instanceof ScreenAgain.NotAllowed) {
            return problems.of(403, "Forbidden", "Only managers can screen a referral again.");
        }
        if (outcome instanceof ScreenAgain.NotScreenedYet) {
            return problems.of(409, "Conflict", "The referral has not been screened yet.");
        }
        if (outcome instanceof ScreenAgain.Conflict) {
            return problems.of(409, "Conflict", "The case changed meanwhile; load it and try again.");
        }
        return problems.of(404, "Not Found", "There is no case with that reference.");
    }

    private String caseJson(ViewCase.Found found) {
        return caseJson.write(found.referral(), found.timeline(), found.tasks(),
                contracts.contractFor(found.referral().details().service()).calendar());
    }
}
