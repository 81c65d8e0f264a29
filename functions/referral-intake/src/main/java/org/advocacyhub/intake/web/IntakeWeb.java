package org.advocacyhub.intake.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.intake.SubmitReferral;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContactDetails;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.FormBody;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.IdempotencyKey;
import org.advocacyhub.web.IntakeApi;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Memo;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.ReferralJsonSchema;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.RouteTable;

/**
 * The HTTP face of intake: turns API Gateway requests into use-case calls and their outcomes into
 * responses. Routes are the ones template.yaml gives the intake function: the public form, JSON
 * intake, its schema and the form's receipt. It writes new cases and reads no other case.
 */
@Singleton
public final class IntakeWeb {

    static final String FORM_TOKEN = "formToken";
    /** The form's one-time token: a random UUID, so its receipt page cannot be guessed. */
    private static final Pattern TOKEN = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

    private final SubmitReferral submitReferral;
    private final ReferralFormPage formPage;
    private final Problems problems;
    private final RequestBodies bodies;
    private final JsonMapper json;
    /** Written at its first request, then kept: it only changes with a release. */
    private final Memo<String> schema;
    private final ContractCatalogue contracts;
    /** Each route of {@link IntakeApi} with its handler. */
    private final RouteTable operations;

    public IntakeWeb(SubmitReferral submitReferral, ContractTerms terms, ContractCatalogue contracts, JsonMapper json) {
        this.submitReferral = submitReferral;
        this.contracts = contracts;
        this.json = json;
        this.problems = new Problems(json);
        this.bodies = new RequestBodies(problems);
        this.formPage = new ReferralFormPage(terms.areas());
        this.schema = Memo.of(() -> JsonText.write(json, ReferralJsonSchema.build(terms.areas())));
        this.operations = new RouteTable(problems,
                "Something went wrong on our side. If you were sending a referral, send it again: it will not be duplicated.");
        for (ApiOperation operation : List.of(IntakeApi.FORM.handledBy(this::newReferral),
                IntakeApi.SCHEMA.handledBy(request -> HttpResponses.json(200, schema.get())),
                IntakeApi.SUBMIT.handledBy(this::submit),
                IntakeApi.RECEIPT.handledBy(this::receipt))) {
            operations.add(operation);
        }
        if (!operations.operations().stream().map(ApiOperation::route).collect(java.util.stream.Collectors.toSet()).equals(IntakeApi.all().stream().map(ApiOperation::route).collect(java.util.stream.Collectors.toSet()))) {
            throw new IllegalStateException("every intake route needs its handler");
        }
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return operations.handle(event);
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
        return Arrays.stream(ServiceCode.values()).filter(s -> s.name().equals(code)).findFirst();
    }

    /** The form again with its problems: the service's own page, or step 1 when the service itself is wrong. */
    private APIGatewayProxyResponseEvent formAgain(int status, Map<String, List<String>> values, List<FieldError> errors,
                                                   String token) {
        List<String> chosen = values.getOrDefault(ReferralFields.SERVICE.name(), List.of());
        Optional<ServiceCode> service = chosen.size() == 1 ? service(chosen.get(0)) : Optional.empty();
        if (service.isEmpty()) {
            return HttpResponses.html(400, formPage.chooseService(List.of(
                    new FieldError(ReferralFields.SERVICE.name(), ReferralFields.SERVICE.missingMessage()))));
        }
        return HttpResponses.html(status, formPage.render(service.get(), values, inFormOrder(errors), token));
    }

    // ------------------------------------------------------------------ POST /referrals

    private APIGatewayProxyResponseEvent submit(HttpRequest request) {
        if (request.mediaType().equals("application/x-www-form-urlencoded")) {
            RequestBodies.Read form = bodies.form(request);
            return form instanceof RequestBodies.Form posted ? submitForm(posted.parsed()) : ((RequestBodies.Refused) form).response();
        }
        RequestBodies.Read read = bodies.json(request);
        if (read instanceof RequestBodies.Refused refused) {
            return refused.response();
        }
        return submitJson(request, ((RequestBodies.Fields) read).fields());
    }

    private APIGatewayProxyResponseEvent submitForm(FormBody.Parsed parsed) {
        Map<String, List<String>> values = parsed.values();
        List<String> tokens = values.getOrDefault(FORM_TOKEN, List.of());
        String token = tokens.size() == 1 && TOKEN.matcher(tokens.get(0)).matches() ? tokens.get(0) : "";
        if (!parsed.complete()) {
            // Nothing garbled is stored, not even with replacement characters: ask for it again.
            return formAgain(400, values, unreadable(parsed), token.isEmpty() ? newToken() : token);
        }
        if (token.isEmpty()) {
            // Without its token a repeated post could not be recognised: ask for one more click.
            return formAgain(400, values, List.of(new FieldError(FORM_TOKEN,
                    "This form has expired. Check your answers and send the referral again")), newToken());
        }
        Map<String, List<String>> fields = formFields(values);
        SubmitReferral.Outcome outcome = submitReferral.submit(SubmittedFields.of(fields), Optional.of(formKey(token)));
        if (outcome instanceof SubmitReferral.Accepted) {
            return HttpResponses.seeOther("referrals/receipts/" + token);
        }
        if (outcome instanceof SubmitReferral.KeyReused reused) {
            // The referrer went back and changed the form after sending it: the referral exists
            // already, under the answers first sent. Say so, and how to correct it, rather than
            // show the old confirmation as if the change had been taken. A new token lets them
            // send it as a new referral if that is what they meant.
            return formAgain(409, values, List.of(new FieldError(FORM_TOKEN, alreadySent(reused.original()))), newToken());
        }
        return formAgain(400, values, ((SubmitReferral.Rejected) outcome).errors(), token);
    }

    /** The idempotency key of a form's one-time token. */
    private static String formKey(String token) {
        return "form:" + token;
    }

    private String alreadySent(ReferralReference original) {
        ContactDetails contact = contracts.contract(original.contract()).orElseThrow().contact();
        return "You have already sent this referral. Its reference is " + original.value() + ". Your changes have not been sent: "
                + "to correct the referral, email " + contact.email() + " or phone " + contact.phone() + " and quote "
                + original.value() + ". Only send this form again if it is a new referral";
    }

    /** Each value that could not be read, on its field (a date's box on the date), in the field's own words. */
    private static List<FieldError> unreadable(FormBody.Parsed parsed) {
        return parsed.problems(name -> dateOfBox(name).orElse(name),
                field -> spec(field).map(FieldSpec::noun).orElse(FormBody.Parsed.quoted(field)), FORM_TOKEN,
                "Check your answers and send the referral again");
    }

    private static Optional<FieldSpec> spec(String name) {
        return ReferralFields.byName(name).or(() -> ServiceQuestions.all().stream().filter(q -> q.name().equals(name)).findFirst());
    }

    /** {@code person.dateOfBirth.day} is a box of the date {@code person.dateOfBirth}. */
    private static Optional<String> dateOfBox(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0 || !List.of("day", "month", "year").contains(name.substring(dot + 1))) {
            return Optional.empty();
        }
        String date = name.substring(0, dot);
        return spec(date).filter(s -> s.kind().isDate()).map(FieldSpec::name);
    }

    /**
     * The form's values as referral fields: the route is always the online form, the token is not a
     * field, and each date's day, month and year boxes become one ISO date.
     */
    static Map<String, List<String>> formFields(Map<String, List<String>> values) {
        Map<String, List<String>> fields = new LinkedHashMap<>(values);
        fields.remove(FORM_TOKEN);
        fields.put(ReferralFields.ROUTE.name(), List.of(ReferralRoute.ONLINE_FORM.name()));
        // The common dates and the services' own.
        return org.advocacyhub.web.html.FormFields.posted(fields, Stream.concat(ReferralFields.ALL.stream(),
                ServiceQuestions.all().stream()).toList());
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

    private APIGatewayProxyResponseEvent submitJson(HttpRequest request, SubmittedFields fields) {
        IdempotencyKey.Read read = IdempotencyKey.read(request, problems);
        if (read instanceof IdempotencyKey.Refused refused) {
            return refused.response();
        }
        Optional<String> key = read instanceof IdempotencyKey.Given given ? Optional.of(given.key()) : Optional.empty();
        SubmitReferral.Outcome outcome = submitReferral.submit(fields, key.map(k -> "json:" + k));
        if (outcome instanceof SubmitReferral.Accepted accepted) {
            Map<String, String> created = new LinkedHashMap<>();
            created.put("reference", accepted.reference().value());
            created.put("status", CaseStatus.RECEIVED.name());
            created.put("receivedAt", accepted.receivedAt().toString());
            APIGatewayProxyResponseEvent response = HttpResponses.json(201, JsonText.textFields(created));
            response = HttpResponses.withHeader(response, "Location", "cases/" + accepted.reference().value());
            return accepted.repeated() ? HttpResponses.withHeader(response, IdempotencyKey.REPLAYED, "true") : response;
        }
        if (outcome instanceof SubmitReferral.KeyReused reused) {
            // 409, as every staff route answers a key reused for another request (issue 19): one behaviour for every key.
            return problems.of(409, "Conflict", "This Idempotency-Key was already used for referral "
                    + reused.original().value() + " with different content. Use a new key for a new referral.");
        }
        return problems.invalid(((SubmitReferral.Rejected) outcome).errors());
    }

    // ------------------------------------------------------------------ GET /referrals/receipts/{receipt}

    /**
     * The receipt page of a form just sent, found by the form's one-time token (a random UUID only
     * the sender's browser has), never by reference: references are sequential, so a page found
     * by one would tell anyone which references exist. An unknown token and an expired one get the
     * same page.
     */
    private APIGatewayProxyResponseEvent receipt(HttpRequest request) {
        Optional<ReferralReference> reference = request.pathParameter("receipt").filter(t -> TOKEN.matcher(t).matches())
                .flatMap(token -> submitReferral.submittedUnder(formKey(token)));
        return reference.map(r -> HttpResponses.html(200, ConfirmationPage.render(r)))
                .orElseGet(() -> HttpResponses.html(404, ConfirmationPage.expired()));
    }

    private static String newToken() {
        return UUID.randomUUID().toString();
    }
}
