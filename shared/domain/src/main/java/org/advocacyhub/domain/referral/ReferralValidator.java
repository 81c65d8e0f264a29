package org.advocacyhub.domain.referral;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    /**
     * UK postcode, including BFPO-free special cases such as GIR 0AA, with or without the space.
     * Format only: whether the postcode exists is not checked.
     */
    private static final Pattern POSTCODE = Pattern.compile(
            "^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$");
    /** Pragmatic email check: one @, no spaces, a dot in the domain. Delivery proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+$");
    /** Digits with the usual separators; 10 to 13 digits covers UK numbers with or without +44. */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{10,20}$");
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

    private final AuthorityDirectory authorities;

    public ReferralValidator(AuthorityDirectory authorities) {
        this.authorities = authorities;
    }

    /**
     * @param today the date in the UK when the referral arrived: a date of birth may not be
     *              after it and a fixed date may not be before it
     */
    public Result validate(SubmittedFields submitted, LocalDate today) {
        Errors errors = new Errors();
        submitted.shapeErrors().forEach(e -> errors.add(e.field(), e.message()));
        int detailCount = 0;
        for (String name : submitted.asMap().keySet()) {
            if (name.startsWith(ReferralFields.DETAILS_PREFIX)) {
                detailCount++;
            } else if (ReferralFields.byName(name).isEmpty()) {
                errors.add(name, "is not a field of a referral");
            }
        }
        if (detailCount > ReferralFields.MAX_DETAILS) {
            errors.add("details", "has more than " + ReferralFields.MAX_DETAILS + " answers");
        }

        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec spec : ReferralFields.ALL) {
            Object value = read(spec, submitted, today, errors);
            if (value != null) {
                values.put(spec.name(), value);
            }
        }
        crossFieldRules(values, errors);
        // The service's questions can only be checked once the service is known; without a
        // valid service, the error on "service" is the one to fix first.
        Map<String, String> details = values.get(ReferralFields.SERVICE.name()) instanceof ServiceCode service
                ? serviceAnswers(service, submitted, today, errors) : Map.of();
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
     * Checks only the {@code details.*} answers of {@code submitted} against the questions of
     * {@code service} (required questions included); any other field is an error.
     */
    public CheckedAnswers validateServiceAnswers(ServiceCode service, SubmittedFields submitted, LocalDate today) {
        Errors errors = new Errors();
        submitted.shapeErrors().forEach(e -> errors.add(e.field(), e.message()));
        submitted.asMap().keySet().stream().filter(name -> !name.startsWith(ReferralFields.DETAILS_PREFIX))
                .forEach(name -> errors.add(name, "is not a service-specific question (their names start with "
                        + ReferralFields.DETAILS_PREFIX + ")"));
        Map<String, String> answers = serviceAnswers(service, submitted, today, errors);
        return new CheckedAnswers(answers, errors.list());
    }

    /**
     * The answers to {@code service}'s questions ({@link ServiceQuestions}), stored as text keyed
     * without the {@code details.} prefix: choices by name, multi-choices joined with
     * {@link ServiceAnswers#MULTI_SEPARATOR} in the question's order, yes/no as {@code true} or
     * {@code false}, dates as ISO dates.
     */
    private Map<String, String> serviceAnswers(ServiceCode service, SubmittedFields submitted, LocalDate today, Errors errors) {
        List<FieldSpec> questions = ServiceQuestions.forService(service);
        for (String name : submitted.asMap().keySet()) {
            if (name.startsWith(ReferralFields.DETAILS_PREFIX) && ServiceQuestions.find(service, name).isEmpty()) {
                errors.add(name, "is not a question for " + service.displayName() + " referrals. Its questions are: "
                        + String.join(", ", questions.stream().map(FieldSpec::name).toList()));
            }
        }
        Map<String, String> answers = new LinkedHashMap<>();
        for (FieldSpec question : questions) {
            Object value = read(question, submitted, today, errors);
            if (value != null) {
                answers.put(ServiceQuestions.key(question), stored(question, value));
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

    private Object read(FieldSpec spec, SubmittedFields submitted, LocalDate today, Errors errors) {
        List<String> all = submitted.all(spec.name());
        if (all.isEmpty()) {
            if (spec.required()) {
                errors.add(spec.name(), spec.missingMessage());
            }
            return null;
        }
        if (spec.kind() != FieldKind.MULTI_CHOICE && all.size() > 1) {
            errors.add(spec.name(), spec.noun() + " must have one value");
            return null;
        }
        for (String value : all) {
            if (value.length() > spec.maxLength()) {
                errors.add(spec.name(), spec.noun() + " must be " + spec.maxLength() + " characters or fewer");
                return null;
            }
        }
        String value = all.get(0);
        return switch (spec.kind()) {
            case TEXT, TEXTAREA -> value;
            case CHOICE -> choice(spec, value, errors);
            case MULTI_CHOICE -> multiChoice(spec, all, errors);
            case DATE -> date(spec, value, today, errors);
            case EMAIL -> matches(spec, value, EMAIL, "Enter an email address in the correct format, like name@example.com", errors);
            case PHONE -> phone(spec, value, errors);
            case POSTCODE -> postcode(spec, value, errors);
            case YES_NO -> yesNo(spec, value, errors);
            case AUTHORITY -> authority(spec, value, errors);
        };
    }

    private static Choice choice(FieldSpec spec, String value, Errors errors) {
        for (Choice choice : spec.choices()) {
            if (choice.name().equals(value)) {
                return choice;
            }
        }
        errors.add(spec.name(), spec.noun() + " must be one of: " + allowed(spec));
        return null;
    }

    private static List<Choice> multiChoice(FieldSpec spec, List<String> values, Errors errors) {
        List<Choice> chosen = new ArrayList<>();
        for (String value : values) {
            Choice choice = choice(spec, value, errors);
            if (choice == null) {
                return null;
            }
            if (!chosen.contains(choice)) {
                chosen.add(choice);
            }
        }
        return chosen;
    }

    private static String allowed(FieldSpec spec) {
        return String.join(", ", spec.choices().stream().map(Choice::name).toList());
    }

    private static LocalDate date(FieldSpec spec, String value, LocalDate today, Errors errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(spec.name(), spec.noun() + " must be a real date");
            return null;
        }
        if (spec == ReferralFields.PERSON_DOB) {
            if (date.isAfter(today)) {
                errors.add(spec.name(), "Date of birth must be today or in the past");
                return null;
            }
            if (date.isBefore(EARLIEST_BIRTH)) {
                errors.add(spec.name(), "Date of birth must be after 1900");
                return null;
            }
        } else if (date.isBefore(today)) {
            errors.add(spec.name(), spec == ReferralFields.FIXED_DATE
                    ? "The fixed date must be today or in the future" : spec.noun() + " must be today or in the future");
            return null;
        }
        return date;
    }

    private static String matches(FieldSpec spec, String value, Pattern pattern, String message, Errors errors) {
        if (!pattern.matcher(value).matches()) {
            errors.add(spec.name(), message);
            return null;
        }
        return value;
    }

    private static String phone(FieldSpec spec, String value, Errors errors) {
        long digits = value.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(value).matches() || digits < 10 || digits > 13) {
            errors.add(spec.name(), "Enter a phone number, like 0116 123 4567 or +44 7700 900 982");
            return null;
        }
        return value;
    }

    /** Stored in the standard form: upper case, one space before the inward code. */
    private static String postcode(FieldSpec spec, String value, Errors errors) {
        String compact = value.toUpperCase(Locale.UK).replaceAll("\\s+", "");
        if (!POSTCODE.matcher(compact).matches()) {
            errors.add(spec.name(), "Enter a real postcode, like LE1 6ZG");
            return null;
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    private static Boolean yesNo(FieldSpec spec, String value, Errors errors) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true":
                return Boolean.TRUE;
            case "no", "false":
                return Boolean.FALSE;
            default:
                errors.add(spec.name(), spec.noun() + " must be yes or no (true or false in JSON)");
                return null;
        }
    }

    private String authority(FieldSpec spec, String value, Errors errors) {
        boolean known = AuthorityDirectory.OUTSIDE_AREA.equals(value)
                || authorities.areas().stream().anyMatch(a -> a.code().equals(value));
        if (!known) {
            List<String> codes = new ArrayList<>(authorities.areas().stream().map(AuthorityDirectory.Area::code).toList());
            codes.add(AuthorityDirectory.OUTSIDE_AREA);
            errors.add(spec.name(), spec.noun() + " must be one of: " + String.join(", ", codes));
            return null;
        }
        return value;
    }

    private void crossFieldRules(Map<String, Object> values, Errors errors) {
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

    private static void requireIfAbsent(Map<String, Object> values, FieldSpec spec, Errors errors) {
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

    /** Collected errors, at most one per field (the first found is the one to fix first). */
    private static final class Errors {
        private final Map<String, String> byField = new LinkedHashMap<>();

        void add(String field, String message) {
            byField.putIfAbsent(field, message);
        }

        boolean has(String field) {
            return byField.containsKey(field);
        }

        boolean isEmpty() {
            return byField.isEmpty();
        }

        List<FieldError> list() {
            return byField.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
        }
    }
}
