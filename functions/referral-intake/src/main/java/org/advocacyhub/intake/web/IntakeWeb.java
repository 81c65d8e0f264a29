package org.advocacyhub.intake.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.intake.SubmitReferral;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.application.screening.ScreenAgain;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of intake: turns API Gateway requests into use-case calls and their outcomes into
 * responses. Routes are the ones template.yaml gives the intake function.
 */
@Singleton
public final class IntakeWeb {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeWeb.class);
    static final String FORM_TOKEN = "formToken";
    /** The largest body accepted; a referral is a few kilobytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    /** Printable ASCII, as the IETF Idempotency-Key draft expects of a key. */
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

    private final SubmitReferral submitReferral;
    private final ViewCase viewCase;
    private final CaseStore cases;
    private final ReferralFormPage formPage;
    private final Problems problems;
    private final CaseJson caseJson;
    private final JsonMapper json;
    private final ScreenAgain screenAgain;
    /** Built once: it only changes with a release. */
    private final String schema;
    private final ContractCatalogue contracts;

    public IntakeWeb(SubmitReferral submitReferral, ViewCase viewCase, ScreenAgain screenAgain, CaseStore cases,
                     ContractTerms terms, ContractCatalogue contracts, JsonMapper json) {
        this.submitReferral = submitReferral;
        this.viewCase = viewCase;
        this.cases = cases;
        this.screenAgain = screenAgain;
        this.contracts = contracts;
        this.json = json;
        this.problems = new Problems(json);
        this.caseJson = new CaseJson(json);
        this.formPage = new ReferralFormPage(terms.areas());
        this.schema = write(ReferralJsonSchema.build(terms.areas()));
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        HttpRequest request = new HttpRequest(event);
        try {
            return switch (request.route()) {
                case "GET /referrals/new" -> newReferral(request);
                case "GET /referrals/schema" -> HttpResponses.json(200, schema);
                case "POST /referrals" -> submit(request);
                case "GET /referrals/{reference}/confirmation" -> confirmation(request);
                case "GET /cases/{reference}" -> viewCase(request);
                case "POST /cases/{reference}/screening" -> screenAgain(request);
                default -> problems.of(404, "Not Found", "There is nothing at this address.");
            };
        } catch (RuntimeException e) {
            // Class names only: an exception message could quote a submitted value.
            LOG.error("Unhandled {} on {} (cause: {})", e.getClass().getName(), request.route(),
                    e.getCause() == null ? "none" : e.getCause().getClass().getName());
            return problems.of(500, "Internal Server Error",
                    "Something went wrong on our side. If you were sending a referral, send it again: it will not be duplicated.");
        }
    }

    // ------------------------------------------------------------------ GET /referrals/new

    /** Step 1 chooses the service; {@code ?service=IMCA} (step 2) asks that service's questions. */
    private APIGatewayProxyResponseEvent newReferral(HttpRequest request) {
        Optional<String> chosen = request.queryParameter("service");
        if (chosen.isEmpty()) {
            return HttpResponses.html(200, formPage.chooseService(List.of()));
        }
        Optional<ServiceCode> service = service(chosen.get());
        if (service.isEmpty()) {
            return HttpResponses.html(400, formPage.chooseService(List.of(
                    new FieldError(ReferralFields.SERVICE.name(), ReferralFields.SERVICE.missingMessage()))));
        }
        return HttpResponses.html(200, formPage.render(service.get(), Map.of(), List.of(), newToken()));
    }

    private static Optional<ServiceCode> service(String code) {
        return java.util.Arrays.stream(ServiceCode.values()).filter(s -> s.name().equals(code)).findFirst();
    }

    /** The form again with its errors: the service's own page, or step 1 when the service itself is wrong. */
    private APIGatewayProxyResponseEvent formAgain(Map<String, List<String>> values, List<FieldError> errors, String token) {
        List<String> chosen = values.getOrDefault(ReferralFields.SERVICE.name(), List.of());
        Optional<ServiceCode> service = chosen.size() == 1 ? service(chosen.get(0)) : Optional.empty();
        if (service.isEmpty()) {
            return HttpResponses.html(400, formPage.chooseService(List.of(
                    new FieldError(ReferralFields.SERVICE.name(), ReferralFields.SERVICE.missingMessage()))));
        }
        return HttpResponses.html(400, formPage.render(service.get(), values, errors, token));
    }

    // ------------------------------------------------------------------ POST /referrals

    private APIGatewayProxyResponseEvent submit(HttpRequest request) {
        String mediaType = request.mediaType();
        boolean form = mediaType.equals("application/x-www-form-urlencoded");
        if (!form && !mediaType.equals("application/json")) {
            return problems.of(415, "Unsupported Media Type",
                    "Send the referral as application/json, or as application/x-www-form-urlencoded from the form.");
        }
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            return problems.of(413, "Content Too Large",
                    "A referral may be at most " + MAX_BODY_BYTES / 1024 + " KB. Shorten the longest answers and send it again.");
        }
        return form ? submitForm(body) : submitJson(request, body);
    }

    private APIGatewayProxyResponseEvent submitForm(byte[] body) {
        Map<String, List<String>> values = FormBody.parse(body);
        List<String> tokens = values.getOrDefault(FORM_TOKEN, List.of());
        String token = tokens.size() == 1 ? tokens.get(0) : "";
        if (!TOKEN.matcher(token).matches()) {
            // Without its token a repeated post could not be recognised: ask for one more click.
            return formAgain(values, List.of(new FieldError(FORM_TOKEN,
                    "This form has expired. Check your answers and send the referral again")), newToken());
        }
        Map<String, List<String>> fields = formFields(values);
        SubmitReferral.Outcome outcome = submitReferral.submit(SubmittedFields.of(fields), Optional.of("form:" + token));
        if (outcome instanceof SubmitReferral.Accepted accepted) {
            return HttpResponses.seeOther(confirmationPath(accepted.referral().reference()));
        }
        if (outcome instanceof SubmitReferral.KeyReused reused) {
            // The same form sent again after a change: it already made a referral, so show that one.
            return HttpResponses.seeOther(confirmationPath(reused.original()));
        }
        List<FieldError> errors = inFormOrder(((SubmitReferral.Rejected) outcome).errors());
        return formAgain(values, errors, token);
    }

    /** Relative to {@code .../referrals}, so it works under any API stage prefix. */
    private static String confirmationPath(ReferralReference reference) {
        return "referrals/" + reference.value() + "/confirmation";
    }

    /**
     * The form's values as referral fields: the route is always the online form, the token is not a
     * field, and each date's day, month and year boxes become one ISO date.
     */
    static Map<String, List<String>> formFields(Map<String, List<String>> values) {
        Map<String, List<String>> fields = new LinkedHashMap<>(values);
        fields.remove(FORM_TOKEN);
        fields.put(ReferralFields.ROUTE.name(), List.of(ReferralRoute.ONLINE_FORM.name()));
        // Browsers send every date box, filled or not: the common dates and the services' own.
        for (FieldSpec spec : java.util.stream.Stream.concat(ReferralFields.ALL.stream(), ServiceQuestions.all().stream()).toList()) {
            if (spec.kind() == FieldKind.DATE) {
                String day = single(fields.remove(spec.name() + ".day"));
                String month = single(fields.remove(spec.name() + ".month"));
                String year = single(fields.remove(spec.name() + ".year"));
                if (!(day + month + year).isBlank()) {
                    fields.put(spec.name(), List.of(isoDate(day, month, year)));
                }
            }
        }
        return fields;
    }

    private static String single(List<String> values) {
        return values == null || values.isEmpty() ? "" : values.get(0).strip();
    }

    /** A real date as ISO text, or the parts as typed (which the validator then rejects as not a real date). */
    private static String isoDate(String day, String month, String year) {
        try {
            if (year.length() == 4) {
                return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)).toString();
            }
        } catch (NumberFormatException | DateTimeException notADate) {
            // fall through
        }
        return year + "-" + month + "-" + day;
    }

    /** Errors in the order of the page: service questions come just before "About the referral". */
    private static List<FieldError> inFormOrder(List<FieldError> errors) {
        List<String> order = new ArrayList<>(ReferralFields.ALL.stream().map(FieldSpec::name).toList());
        int questionsAt = order.indexOf(ReferralFields.URGENCY.name());
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingDouble(e -> e.field().startsWith(ReferralFields.DETAILS_PREFIX)
                ? questionsAt - 0.5 : order.indexOf(e.field())));
        return sorted;
    }

    private APIGatewayProxyResponseEvent submitJson(HttpRequest request, byte[] body) {
        Optional<String> key = request.header("Idempotency-Key");
        if (key.isPresent() && !IDEMPOTENCY_KEY.matcher(key.get()).matches()) {
            return problems.of(400, "Bad Request", "Idempotency-Key must be 1 to 255 printable ASCII characters.");
        }
        Map<String, Object> object;
        try {
            object = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException notJson) {
            return problems.of(400, "Bad Request", "The body is not a JSON object.");
        }
        if (object == null) {
            return problems.of(400, "Bad Request", "The body is not a JSON object.");
        }
        SubmitReferral.Outcome outcome = submitReferral.submit(SubmittedFields.fromJsonObject(object), key.map(k -> "json:" + k));
        if (outcome instanceof SubmitReferral.Accepted accepted) {
            ReferralCase referral = accepted.referral();
            Map<String, Object> created = new LinkedHashMap<>();
            created.put("reference", referral.reference().value());
            created.put("status", referral.status().name());
            created.put("receivedAt", referral.receivedAt().toString());
            APIGatewayProxyResponseEvent response = HttpResponses.json(201, write(created));
            response = HttpResponses.withHeader(response, "Location", "cases/" + referral.reference().value());
            return accepted.repeated() ? HttpResponses.withHeader(response, "Idempotent-Replayed", "true") : response;
        }
        if (outcome instanceof SubmitReferral.KeyReused reused) {
            return problems.of(422, "Unprocessable Content", "This Idempotency-Key was already used for referral "
                    + reused.original().value() + " with different content. Use a new key for a new referral.");
        }
        return problems.invalid(((SubmitReferral.Rejected) outcome).errors());
    }

    // ------------------------------------------------------------------ confirmation and case

    private APIGatewayProxyResponseEvent confirmation(HttpRequest request) {
        Optional<ReferralCase> referral = request.pathParameter("reference").flatMap(ReferralReference::parse)
                .flatMap(cases::findCase);
        return referral.map(r -> HttpResponses.html(200, ConfirmationPage.render(r)))
                .orElseGet(() -> HttpResponses.html(404, Page.layout("Page not found",
                        "<h1>Page not found</h1><p>Check the reference number and try again.</p>")));
    }

    private APIGatewayProxyResponseEvent viewCase(HttpRequest request) {
        Optional<StaffMember> staff = StaffClaims.from(request.claims());
        if (staff.isEmpty()) {
            return unauthorized();
        }
        if (staff.get().roles().isEmpty()) {
            return problems.of(403, "Forbidden", "Your account has no staff role (manager or advocate).");
        }
        Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
        if (reference.isEmpty()) {
            return problems.of(404, "Not Found", "There is no case with that reference.");
        }
        ViewCase.Outcome outcome = viewCase.view(reference.get(), staff.get());
        if (outcome instanceof ViewCase.Found found) {
            return HttpResponses.json(200, caseJson.write(found.referral(), found.timeline(), found.tasks(),
                    contracts.contractFor(found.referral().details().service()).calendar()));
        }
        if (outcome instanceof ViewCase.NotAllowed) {
            return problems.of(403, "Forbidden", "This case is not allocated to you.");
        }
        return problems.of(404, "Not Found", "There is no case with that reference.");
    }

    /**
     * {@code POST /cases/{reference}/screening} with {@code {"service": "IMHA"?, "details": {...}, "note": "..."}}:
     * a manager supplies missing information, corrects service answers or confirms a redirect, and
     * the referral is screened again. Answers to {@code details} are the service's questions.
     */
    private APIGatewayProxyResponseEvent screenAgain(HttpRequest request) {
        Optional<StaffMember> staff = StaffClaims.from(request.claims());
        if (staff.isEmpty()) {
            return unauthorized();
        }
        if (!request.mediaType().equals("application/json")) {
            return problems.of(415, "Unsupported Media Type", "Send application/json.");
        }
        byte[] body = request.body();
        if (body.length > MAX_BODY_BYTES) {
            return problems.of(413, "Content Too Large", "At most " + MAX_BODY_BYTES / 1024 + " KB.");
        }
        Optional<ReferralReference> reference = request.pathParameter("reference").flatMap(ReferralReference::parse);
        Map<String, Object> object;
        try {
            object = json.readValue(body, Argument.mapOf(String.class, Object.class));
        } catch (IOException | RuntimeException notJson) {
            object = null;
        }
        if (object == null) {
            return problems.of(400, "Bad Request", "The body is not a JSON object.");
        }
        List<FieldError> errors = new ArrayList<>();
        for (String key : object.keySet()) {
            if (!List.of("service", "details", "note").contains(key)) {
                errors.add(new FieldError(key, "is not accepted here: send service, details and note"));
            }
        }
        Optional<ServiceCode> service = Optional.empty();
        if (object.get("service") != null) {
            service = service(String.valueOf(object.get("service")));
            if (service.isEmpty()) {
                errors.add(new FieldError("service", "Service must be one of: "
                        + String.join(", ", java.util.Arrays.stream(ServiceCode.values()).map(Enum::name).toList())));
            }
        }
        Object details = object.getOrDefault("details", Map.of());
        if (!(details instanceof Map<?, ?>)) {
            errors.add(new FieldError("details", "must be an object of answers"));
        }
        String note = object.get("note") == null ? "" : String.valueOf(object.get("note"));
        if (note.length() > 1000) {
            errors.add(new FieldError("note", "must be 1000 characters or fewer"));
        }
        if (!errors.isEmpty()) {
            return problems.invalid(errors);
        }
        if (reference.isEmpty()) {
            return problems.of(404, "Not Found", "There is no case with that reference.");
        }
        @SuppressWarnings("unchecked")
        SubmittedFields answers = SubmittedFields.fromJsonObject(Map.of("details", (Map<String, Object>) details));
        ScreenAgain.Outcome outcome = screenAgain.screenAgain(reference.get(), staff.get(), service, answers, note);
        if (outcome instanceof ScreenAgain.Screened screened) {
            ViewCase.Found found = (ViewCase.Found) viewCase.view(reference.get(), staff.get());
            return HttpResponses.json(200, caseJson.write(found.referral(), found.timeline(), found.tasks(),
                    contracts.contractFor(screened.referral().details().service()).calendar()));
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

    /** No verified staff claims: in AWS the authorizer answers first, so this is defence in depth. */
    private APIGatewayProxyResponseEvent unauthorized() {
        return HttpResponses.withHeader(problems.of(401, "Unauthorized", "Sign in as a member of staff."),
                "WWW-Authenticate", "Bearer");
    }

    private String write(Object value) {
        return JsonText.write(json, value);
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }
}
