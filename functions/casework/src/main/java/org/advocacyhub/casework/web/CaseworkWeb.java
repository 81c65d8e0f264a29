package org.advocacyhub.casework.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.advocacyhub.application.casework.AllocateAdvocate;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.application.casework.ManageStaff;
import org.advocacyhub.application.casework.RecordActivity;
import org.advocacyhub.application.casework.RecordMilestone;
import org.advocacyhub.application.casework.ShowWaitingList;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.application.screening.ScreenAgain;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.CaseViewJson;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.StaffClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff API (template.yaml {@code CaseworkFunction}): every route behind the Cognito
 * authorizer, each checking the verified claims again and mapping them to a staff record. The
 * routes are {@link ApiOperation}s: the same definitions give the router and the OpenAPI
 * document, with the field specs each body is validated against.
 */
@Singleton
public final class CaseworkWeb {

    private static final Logger LOG = LoggerFactory.getLogger(CaseworkWeb.class);
    private static final String MANAGERS = "managers";
    private static final String CASE_STAFF = "managers, and the advocate the case is allocated to";
    private static final String STAFF = "all staff";

    private final IdentifyStaff identify;
    private final ViewCase viewCase;
    private final ContractCatalogue contracts;
    private final Clock clock;
    private final Problems problems;
    private final RequestBodies bodies;
    private final CaseViewJson caseJson;
    private final StaffJson staffJson;
    private final JsonMapper json;
    private final Map<String, ApiOperation> operations = new LinkedHashMap<>();

    public CaseworkWeb(IdentifyStaff identify, ViewCase viewCase, ScreenAgain screenAgain, ManageStaff staff, ShowWaitingList waitingList,
                       AllocateAdvocate allocate, RecordActivity activity, RecordMilestone milestone, ContractCatalogue contracts,
                       Clock clock, JsonMapper json) {
        this.identify = identify;
        this.viewCase = viewCase;
        this.contracts = contracts;
        this.clock = clock;
        this.json = json;
        this.problems = new Problems(json);
        this.bodies = new RequestBodies(problems);
        this.caseJson = new CaseViewJson(json);
        this.staffJson = new StaffJson();

        add("GET", "/cases/{reference}", "A case: referral, clocks, screening, casework, timeline, contacts, time and audit trail "
                + "(the read is audited, LLR 26.8)", CASE_STAFF, List.of(), null, this::view);
        List<FieldSpec> screening = new ArrayList<>(List.of(ScreenAgain.SERVICE, ScreenAgain.NOTE));
        add("POST", "/cases/{reference}/screening", "Screen again with information supplied, corrected answers ("
                + ReferralFields.DETAILS_PREFIX + "*, the service's questions) or a confirmed redirect (LLR 9.33)", MANAGERS, List.of(),
                screening, caseChange((ref, actor, fields) -> screenAgainOutcome(screenAgain, ref, actor, fields)));
        add("POST", "/cases/{reference}/allocation", "Allocate or reallocate to a qualified advocate (LLR 9.38a, 13.1-13.7, 5.49, 9.32)",
                MANAGERS, List.of(), List.of(AllocateAdvocate.ADVOCATE),
                caseChange(allocate::allocate));
        add("POST", "/cases/{reference}/contacts", "Record a contact; the first that reaches the person stops the contact clocks "
                + "(LLR 9.38b, 7.25; LEW 8.4)", CASE_STAFF, List.of(), RecordActivity.CONTACT,
                caseChange(activity::contact));
        add("POST", "/cases/{reference}/meetings", "Record a meeting; the first held with the person stops the meeting clocks "
                + "(LLR 9.38c, 7.25)", CASE_STAFF, List.of(), RecordActivity.MEETING,
                caseChange(activity::meeting));
        add("POST", "/cases/{reference}/eligibility-confirmation", "Eligibility confirmed with the person (IMHA, LLR 7.48)", CASE_STAFF,
                List.of(), RecordMilestone.FIELDS, caseChange(milestone::eligibilityConfirmed));
        add("POST", "/cases/{reference}/report-sent", "The IMCA or DoLS IMCA report was sent (LLR 5.23, 5.45)", CASE_STAFF, List.of(),
                RecordMilestone.FIELDS, caseChange(milestone::reportSent));
        add("GET", "/staff", "The staff directory", MANAGERS, List.of(), null, request -> withActor(request, actor -> {
            if (!actor.isManager()) {
                return problems.of(403, "Forbidden", "Only managers can see the staff directory.");
            }
            return HttpResponses.json(200, JsonText.write(json, Map.of("staff", staff.list(actor).stream().map(staffJson::map).toList())));
        }));
        add("PUT", "/staff/{staffId}", "Create or replace a member of staff: contracts, services, languages (LEW 8.7), duty manager, "
                + "qualifications with dates (LLR 13.1-13.7)", MANAGERS, List.of(), staff.fields(), request -> withActor(request, actor -> {
            RequestBodies.Read read = bodies.json(request);
            if (read instanceof RequestBodies.Refused refused) {
                return refused.response();
            }
            ManageStaff.Outcome outcome = staff.put(actor, request.pathParameter("staffId").orElse(""), ((RequestBodies.Fields) read).fields());
            if (outcome instanceof ManageStaff.Saved saved) {
                return HttpResponses.json(200, JsonText.write(json, staffJson.map(saved.record())));
            }
            if (outcome instanceof ManageStaff.Invalid invalid) {
                return problems.invalid(invalid.errors());
            }
            return problems.of(403, "Forbidden", "Only managers can change the staff directory.");
        }));
        add("GET", "/waiting-list", "Accepted cases waiting for an advocate, in allocation order: DoLS IMCA first (LLR 5.47-5.48), "
                + "then urgent (LEW 8.4), then fixed dates, then allocation due", STAFF, waitingList.query(), null,
                request -> withActor(request, actor -> {
                    ShowWaitingList.Outcome outcome = waitingList.show(actor, request.queryParameters());
                    if (outcome instanceof ShowWaitingList.Invalid invalid) {
                        return problems.invalid(invalid.errors());
                    }
                    return HttpResponses.json(200, JsonText.write(json, new WaitingListJson().map((ShowWaitingList.Listed) outcome)));
                }));
    }

    private void add(String method, String path, String summary, String who, List<FieldSpec> query, List<FieldSpec> body,
                     Function<HttpRequest, APIGatewayProxyResponseEvent> handler) {
        ApiOperation operation = new ApiOperation(method, path, summary, who, query, body, handler);
        operations.put(operation.route(), operation);
    }

    /** Every route, for the OpenAPI document. */
    public List<ApiOperation> operations() {
        return List.copyOf(operations.values());
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        HttpRequest request = new HttpRequest(event);
        return HttpResponses.forMethod(request, route(request));
    }

    private APIGatewayProxyResponseEvent route(HttpRequest request) {
        ApiOperation operation = operations.get(request.route());
        if (operation == null) {
            return problems.of(404, "Not Found", "There is nothing at this address.");
        }
        try {
            return operation.handler().apply(request);
        } catch (RuntimeException e) {
            // Class names only: an exception message could quote a submitted value.
            LOG.error("Unhandled {} on {} (cause: {})", e.getClass().getName(), request.route(),
                    e.getCause() == null ? "none" : e.getCause().getClass().getName());
            return problems.of(500, "Internal Server Error", "Something went wrong on our side. Nothing was changed; try again.");
        }
    }

    // ------------------------------------------------------------------ the shapes every route shares

    /** The signed-in member of staff, or 401 with WWW-Authenticate (defence in depth: the authorizer answers first in AWS). */
    private APIGatewayProxyResponseEvent withActor(HttpRequest request, Function<StaffActor, APIGatewayProxyResponseEvent> then) {
        Optional<StaffMember> member = StaffClaims.from(request.claims());
        if (member.isEmpty()) {
            return problems.unauthorized();
        }
        return then.apply(identify.identify(member.get()));
    }

    /** A use case that changes a case, given the case's reference, who asks and the request's fields. */
    @FunctionalInterface
    private interface CaseChange {
        CaseWork.Outcome apply(ReferralReference reference, StaffActor actor, SubmittedFields fields);
    }

    /** A route that changes a case: a reference, a JSON body by the shared rules, a use case, the case back. */
    private Function<HttpRequest, APIGatewayProxyResponseEvent> caseChange(CaseChange useCase) {
        return request -> withActor(request, actor -> {
            RequestBodies.Read read = bodies.json(request);
            if (read instanceof RequestBodies.Refused refused) {
                return refused.response();
            }
            Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
            if (reference.isEmpty()) {
                return problems.of(404, "Not Found", "There is no case with that reference.");
            }
            return answer(useCase.apply(reference.get(), actor, ((RequestBodies.Fields) read).fields()));
        });
    }

    private APIGatewayProxyResponseEvent view(HttpRequest request) {
        return withActor(request, actor -> {
            Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
            if (reference.isEmpty()) {
                return problems.of(404, "Not Found", "There is no case with that reference.");
            }
            return answer(viewCase.view(reference.get(), actor));
        });
    }

    /** Every case outcome to HTTP, written once: the case as it now is, or the problem. */
    private APIGatewayProxyResponseEvent answer(CaseWork.Outcome outcome) {
        if (outcome instanceof CaseWork.Done done) {
            ReferralCase referral = done.referral();
            return HttpResponses.json(200, caseJson.write(viewCase.found(referral),
                    contracts.contractFor(referral.details().service()).calendar(), clock.instant()));
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
        return problems.of(404, "Not Found", "There is no case with that reference.");
    }

    /** The re-screen's own outcome as a case outcome. */
    private static CaseWork.Outcome screenAgainOutcome(ScreenAgain screenAgain, ReferralReference reference, StaffActor actor,
                                                       SubmittedFields fields) {
        ScreenAgain.Outcome outcome = screenAgain.screenAgain(reference, actor, fields);
        if (outcome instanceof ScreenAgain.Screened screened) {
            return new CaseWork.Done(screened.referral());
        }
        if (outcome instanceof ScreenAgain.Invalid invalid) {
            return new CaseWork.Invalid(invalid.errors());
        }
        if (outcome instanceof ScreenAgain.NotAllowed) {
            return new CaseWork.NotAllowed("Only managers can screen a referral again.");
        }
        if (outcome instanceof ScreenAgain.NotScreenedYet) {
            return new CaseWork.Conflict("The referral has not been screened yet.");
        }
        if (outcome instanceof ScreenAgain.Conflict) {
            return new CaseWork.Conflict("The case changed meanwhile; load it and try again.");
        }
        return new CaseWork.NotFound();
    }
}
