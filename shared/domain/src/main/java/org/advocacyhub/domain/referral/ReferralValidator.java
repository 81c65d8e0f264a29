package org.advocacyhub.domain.referral;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.referral.FieldRules.FieldErrors;

/**
 * Checks a submitted referral and, when every field is acceptable, builds its
 * {@link ReferralDetails}. Every problem is reported at once, one error per field, in the words
 * shown to the referrer (form) or partner system (JSON). Validation is about the shape of what
 * was sent; whether the hub can help the person is screening's decision (requirements §4), so
 * nothing here rejects a referral on eligibility grounds. Service-specific answers
 * ({@code details.*}) are checked against the chosen service's {@link ServiceQuestions}.
 */
public final class ReferralValidator {

    /** The result of validating a submission. */
    public sealed interface Result {
    }

    public record Valid(ReferralDetails details) implements Result {
    }

    public record Invalid(List<FieldError> errors) implements Result {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    private final AuthorityDirectory authorities;
    private final FieldRules rules;

    public ReferralValidator(AuthorityDirectory authorities) {
        this.authorities = authorities;
        this.rules = new FieldRules(authorities);
    }

    /**
     * @param today the date in the UK when the referral arrived: a date of birth may not be
     *              after it and a fixed date may not be before it
     */
    public Result validate(SubmittedFields submitted, LocalDate today) {
        FieldErrors errors = new FieldErrors();
        rules.refuseUnknown(submitted, ReferralFields.ALL, Set.of(ReferralFields.DETAILS_PREFIX), "a referral", errors);
        long detailCount = submitted.asMap().keySet().stream().filter(n -> n.startsWith(ReferralFields.DETAILS_PREFIX)).count();
        if (detailCount > ReferralFields.MAX_DETAILS) {
            errors.add("details", "Service answers must be " + ReferralFields.MAX_DETAILS + " or fewer");
        }
        Map<String, Object> values = rules.readAll(ReferralFields.ALL, submitted, today, errors);
        crossFieldRules(values, errors);
        // The service's questions can only be checked once the service is known; without a
        // valid service, the error on "service" is the one to fix first.
        Map<String, String> details = values.get(ReferralFields.SERVICE.name()) instanceof ServiceCode service
                ? serviceAnswers(service, submitted, Map.of(), today, errors) : Map.of();
        if (!errors.isEmpty()) {
            return new Invalid(errors.list());
        }
        return new Valid(build(values, details));
    }

    /** Service-specific answers checked on their own, e.g. when staff supply missing information. */
    public record CheckedAnswers(Map<String, String> answers, List<FieldError> errors) {
        public CheckedAnswers {
            answers = Map.copyOf(answers);
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks the {@code details.*} answers of {@code submitted} against the questions of
     * {@code service}, e.g. when staff supply missing information. Answers it does not give are
     * taken from {@code earlier} (already checked when they were stored); a required question
     * answered by neither is an error. Other names are the caller's to check.
     *
     * @param earlier stored answers, keyed as {@link ReferralDetails#serviceAnswers()}
     */
    public CheckedAnswers validateServiceAnswers(ServiceCode service, SubmittedFields submitted, Map<String, String> earlier,
                                                 LocalDate today) {
        FieldErrors errors = new FieldErrors();
        Map<String, String> answers = serviceAnswers(service, submitted, earlier, today, errors);
        return new CheckedAnswers(answers, errors.list());
    }

    /**
     * The answers to {@code service}'s questions ({@link ServiceQuestions}), stored as text keyed
     * without the {@code details.} prefix: choices by name, multi-choices joined with
     * {@link ServiceAnswers#MULTI_SEPARATOR} in the question's order, yes/no as {@code true} or
     * {@code false}, dates as ISO dates.
     */
    private Map<String, String> serviceAnswers(ServiceCode service, SubmittedFields submitted, Map<String, String> earlier,
                                               LocalDate today, FieldErrors errors) {
        List<FieldSpec> questions = ServiceQuestions.forService(service);
        for (String name : submitted.asMap().keySet()) {
            if (name.startsWith(ReferralFields.DETAILS_PREFIX) && ServiceQuestions.find(service, name).isEmpty()
                    && questions.stream().noneMatch(q -> name.startsWith(q.name() + "."))) {
                errors.add(name, "'" + FieldRules.shown(name) + "' is not a question for " + service.displayName()
                        + " referrals. Its questions are: " + String.join(", ", questions.stream().map(FieldSpec::name).toList()));
            }
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (FieldSpec question : questions) {
            String key = ServiceQuestions.key(question);
            if (submitted.shape(question.name()) == null && earlier.containsKey(key)) {
                answers.put(key, earlier.get(key));
                continue;
            }
            Object value = rules.read(question, submitted, today, errors);
            if (value != null) {
                answers.put(key, stored(question, value));
            }
        }
        return answers;
    }

    private static String stored(FieldSpec question, Object value) {
        if (value instanceof Choice choice) {
            return choice.name();
        }
        if (value instanceof List<?> chosen) {
            return String.join(ServiceAnswers.MULTI_SEPARATOR, question.choices().stream()
                    .filter(chosen::contains).map(Choice::name).toList());
        }
        return value.toString();
    }

    private void crossFieldRules(Map<String, Object> values, FieldErrors errors) {
        Object relationship = values.get(ReferralFields.REFERRER_RELATIONSHIP.name());
        boolean professional = relationship == ReferrerRelationship.PROFESSIONAL
                || relationship == ReferrerRelationship.DECISION_MAKER;
        if (professional) {
            // A professional referral must say who is referring and from where, so the hub can
            // confirm the decision maker's instruction (LLR 5.57-5.58).
            requireIfAbsent(values, ReferralFields.REFERRER_ROLE, errors);
            requireIfAbsent(values, ReferralFields.REFERRER_ORGANISATION, errors);
        }
        // The hub must be able to reply: an acknowledgement and a written decision (LLR 6.10, 9.41).
        if (!values.containsKey(ReferralFields.REFERRER_EMAIL.name())
                && !values.containsKey(ReferralFields.REFERRER_PHONE.name())
                && !errors.has(ReferralFields.REFERRER_EMAIL.name())
                && !errors.has(ReferralFields.REFERRER_PHONE.name())) {
            errors.add(ReferralFields.REFERRER_EMAIL.name(), ReferralFields.REFERRER_EMAIL.missingMessage());
        }
        if (values.containsKey(ReferralFields.FIXED_DATE.name())) {
            requireIfAbsent(values, ReferralFields.FIXED_DATE_REASON, errors);
        }
        Object service = values.get(ReferralFields.SERVICE.name());
        Object authority = values.get(ReferralFields.PERSON_AUTHORITY.name());
        if (service instanceof ServiceCode code && authority instanceof String area
                && !AuthorityDirectory.OUTSIDE_AREA.equals(area) && !authorities.covers(code, area)) {
            errors.add(ReferralFields.PERSON_AUTHORITY.name(), "The " + code.displayName()
                    + " service is not commissioned by that council. Select 'Another area' if the person is staying outside the service's area");
        }
    }

    private static void requireIfAbsent(Map<String, Object> values, FieldSpec spec, FieldErrors errors) {
        if (!values.containsKey(spec.name()) && !errors.has(spec.name())) {
            errors.add(spec.name(), spec.missingMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static ReferralDetails build(Map<String, Object> v, Map<String, String> details) {
        Set<Disability> disabilities = EnumSet.noneOf(Disability.class);
        Object chosen = v.get(ReferralFields.PERSON_DISABILITIES.name());
        if (chosen != null) {
            ((List<Choice>) chosen).forEach(c -> disabilities.add((Disability) c));
        }
        Person person = new Person(
                (String) v.get(ReferralFields.PERSON_NAME.name()),
                (LocalDate) v.get(ReferralFields.PERSON_DOB.name()),
                (Gender) v.get(ReferralFields.PERSON_GENDER.name()),
                (Ethnicity) v.get(ReferralFields.PERSON_ETHNICITY.name()),
                disabilities,
                (Residence) v.get(ReferralFields.PERSON_RESIDENCE.name()),
                (String) v.get(ReferralFields.PERSON_PLACE.name()),
                (String) v.get(ReferralFields.PERSON_POSTCODE.name()),
                (String) v.get(ReferralFields.PERSON_AUTHORITY.name()),
                (String) v.get(ReferralFields.PERSON_COMMUNICATION.name()),
                (String) v.get(ReferralFields.PERSON_LANGUAGE.name()),
                (Boolean) v.get(ReferralFields.PERSON_INTERPRETER.name()));
        Referrer referrer = new Referrer(
                (ReferrerRelationship) v.get(ReferralFields.REFERRER_RELATIONSHIP.name()),
                (String) v.get(ReferralFields.REFERRER_NAME.name()),
                (String) v.get(ReferralFields.REFERRER_ROLE.name()),
                (String) v.get(ReferralFields.REFERRER_ORGANISATION.name()),
                (String) v.get(ReferralFields.REFERRER_EMAIL.name()),
                (String) v.get(ReferralFields.REFERRER_PHONE.name()));
        return new ReferralDetails(
                (ServiceCode) v.get(ReferralFields.SERVICE.name()),
                (ReferralRoute) v.get(ReferralFields.ROUTE.name()),
                (ReferralSource) v.get(ReferralFields.SOURCE.name()),
                person,
                referrer,
                (Urgency) v.get(ReferralFields.URGENCY.name()),
                (LocalDate) v.get(ReferralFields.FIXED_DATE.name()),
                (String) v.get(ReferralFields.FIXED_DATE_REASON.name()),
                (Awareness) v.get(ReferralFields.AWARENESS.name()),
                (String) v.get(ReferralFields.REASON.name()),
                details);
    }
}
