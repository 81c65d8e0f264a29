package org.advocacyhub.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 7: the rules every field gets, tried on every field of the referral rather than on one
 * example: text no person types (class 1), JSON types (class 2), and clear messages for typed
 * fields whatever their length (class 4).
 */
class FieldRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final AuthorityDirectory AREAS = new AuthorityDirectory() {
        @Override
        public List<Area> areas() {
            return List.of(new Area("LEICESTER", "Leicester City Council", "LLR"), new Area("LEWISHAM", "London Borough of Lewisham", "LEW"));
        }

        @Override
        public boolean covers(ServiceCode service, String authority) {
            return true;
        }
    };
    private final ReferralValidator validator = new ReferralValidator(AREAS);

    /** A valid JSON referral for {@code service}, nested as a partner system sends it. */
    private static Map<String, Object> referral(ServiceCode service) {
        Map<String, Object> person = new LinkedHashMap<>(Map.of("name", "Alex Testperson", "dateOfBirth", "1941-05-17",
                "gender", "FEMALE", "ethnicity", "WHITE_BRITISH", "residence", "OWN_HOME", "authority", "LEICESTER",
                "interpreterNeeded", false, "disabilities", List.of("DEMENTIA")));
        Map<String, Object> referrer = new LinkedHashMap<>(Map.of("relationship", "PROFESSIONAL", "name", "Sam Example",
                "role", "Social worker", "organisation", "Leicester City Council", "email", "sam@council.example"));
        Map<String, Object> json = new LinkedHashMap<>(Map.of("service", service.name(), "route", "EMAIL",
                "source", "ADULT_SOCIAL_CARE", "urgency", "STANDARD", "awareness", "AWARE_AND_AGREES", "reason", "Needs an advocate."));
        json.put("person", person);
        json.put("referrer", referrer);
        Map<String, Object> details = new LinkedHashMap<>();
        if (service == ServiceCode.DOLS_IMCA) {
            details.put("dolsRole", "SECTION_39A");
            details.put("supervisoryBody", "LEICESTER");
        }
        json.put("details", details);
        return json;
    }

    /** Every field of a referral with the service that asks it: the common ones under IMCA. */
    static Stream<Object[]> everyField() {
        List<Object[]> all = new ArrayList<>();
        ReferralFields.ALL.forEach(spec -> all.add(new Object[] {spec.name(), ServiceCode.IMCA, spec}));
        for (ServiceCode service : ServiceCode.values()) {
            ServiceQuestions.forService(service).forEach(q -> all.add(new Object[] {q.name(), service, q}));
        }
        return all.stream();
    }

    private static void put(Map<String, Object> json, String dotted, Object value) {
        String[] path = dotted.split("\\.");
        @SuppressWarnings("unchecked")
        Map<String, Object> parent = path.length == 1 ? json : (Map<String, Object>) json.get(path[0]);
        parent.put(path[path.length - 1], value);
    }

    private Map<String, String> errors(Map<String, Object> json) {
        ReferralValidator.Result result = validator.validate(SubmittedFields.fromJsonObject(json), TODAY);
        return assertInstanceOf(ReferralValidator.Invalid.class, result).errors().stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    @DisplayName("the valid referrals these tests spoil are valid for every service")
    void baselineIsValid() {
        for (ServiceCode service : ServiceCode.values()) {
            assertInstanceOf(ReferralValidator.Valid.class, validator.validate(SubmittedFields.fromJsonObject(referral(service)), TODAY),
                    service.name());
        }
    }

    @ParameterizedTest(name = "{0}: text no person types is refused, naming the field")
    @MethodSource("everyField")
    void textNoPersonTypesIsRefused(String name, ServiceCode service, FieldSpec spec) {
        if (spec.kind() != FieldKind.TEXT && spec.kind() != FieldKind.TEXTAREA) {
            return;
        }
        List<String> refused = new ArrayList<>(List.of("Al\u0000ex", "Al\u0007ex", "Al\u001Bex", "Al\u007Fex", "Al\u0085ex",
                "Al\u202Eex", "Al\u2066ex", "Al\uD800ex", "Al\uDFFFex"));
        if (spec.kind() == FieldKind.TEXT) {
            refused.addAll(List.of("Al\nex", "Al\r\nex", "Al\tex"));
        }
        for (String value : refused) {
            Map<String, Object> json = referral(service);
            put(json, name, value);
            String message = errors(json).get(name);
            assertTrue(message != null && message.startsWith(spec.noun() + " "), name + " with " + escaped(value) + ": " + message);
        }
        Map<String, Object> json = referral(service);
        put(json, name, spec.kind() == FieldKind.TEXTAREA ? "Zoë O'Neill-Ó Briain\r\n  محمد \uD83D\uDE00\tline" : "Zoë O'Neill-Ó Briain محمد \uD83D\uDE00");
        assertFalse(validator.validate(SubmittedFields.fromJsonObject(json), TODAY) instanceof ReferralValidator.Invalid invalid
                && invalid.errors().stream().anyMatch(e -> e.field().equals(name)), name + " accepts what people type");
    }

    @Test
    @DisplayName("a multi-line answer is stored with line feeds, however the browser sent its line breaks")
    void lineBreaksStoredAsLineFeeds() {
        Map<String, Object> json = referral(ServiceCode.IMCA);
        json.put("reason", "First line\r\nSecond line\rThird");
        ReferralDetails details = assertInstanceOf(ReferralValidator.Valid.class,
                validator.validate(SubmittedFields.fromJsonObject(json), TODAY)).details();
        assertEquals("First line\nSecond line\nThird", details.reason());
    }

    @ParameterizedTest(name = "{0}: JSON types are honoured, never coerced")
    @MethodSource("everyField")
    void jsonTypesAreHonoured(String name, ServiceCode service, FieldSpec spec) {
        Map<FieldKind, Object> right = Map.of(FieldKind.YES_NO, true, FieldKind.MULTI_CHOICE, List.of(spec.isChoice() ? spec.choices().get(0).name() : "x"));
        Object expected = right.getOrDefault(spec.kind(), "text");
        List<Object> wrong = new ArrayList<>(List.of(new BigDecimal("12345"), new BigDecimal("1E+999"), Map.of("a", "b")));
        if (!(expected instanceof Boolean)) {
            wrong.add(true);
        }
        if (!(expected instanceof String)) {
            wrong.add("true");
        }
        if (!(expected instanceof List)) {
            wrong.add(List.of("a"));
        }
        for (Object value : wrong) {
            Map<String, Object> json = referral(service);
            put(json, name, value);
            String message = errors(json).get(name);
            String must = expected instanceof Boolean ? " must be true or false" : expected instanceof List
                    ? " must be a list of codes (text)" : " must be text";
            assertTrue(message != null && message.startsWith(spec.noun() + must), name + " = " + value + ": " + message);
        }
    }

    @Test
    @DisplayName("a value where an object of fields belongs, and an unknown key, are named")
    void objectsWhereObjectsBelong() {
        Map<String, Object> json = referral(ServiceCode.IMCA);
        json.put("person", "Alex");
        json.put("details", 5);
        json.put("nickname", "Al");
        Map<String, String> errors = errors(json);
        assertEquals("'person' must be an object of fields, like {\"person\": {...}}", errors.get("person"));
        assertEquals("'details' must be an object of fields, like {\"details\": {...}}", errors.get("details"));
        assertEquals("'nickname' is not a field of a referral", errors.get("nickname"));
        assertFalse(errors.containsKey("person.name.first"));
    }

    @ParameterizedTest(name = "{0}: a date that is not a date gets the date message, in JSON and in the form")
    @MethodSource("everyField")
    void datesSayWhatTheyMustLookLike(String name, ServiceCode service, FieldSpec spec) {
        if (spec.kind() != FieldKind.DATE) {
            return;
        }
        String example = name.equals("person.dateOfBirth") ? "17 5 1941" : "14 1 2027";
        for (String value : List.of("1941-05-17T00:00:00", "2027-01-14T09:30:00Z", "12345-05-17", "17/05/1941", "1941-5-17",
                "2027-02-30", "tomorrow", "2027-01-14 and some more words to make it much longer than ten characters")) {
            Map<String, Object> json = referral(service);
            put(json, name, value);
            assertEquals(spec.noun() + " must be a date in the form YYYY-MM-DD", errors(json).get(name), value);
            Map<String, List<String>> form = new LinkedHashMap<>();
            form.put("service", List.of(service.name()));
            form.put(name, List.of(value));
            ReferralValidator.Result result = validator.validate(SubmittedFields.of(form), TODAY);
            assertEquals("Enter a real date, for example " + example,
                    ((ReferralValidator.Invalid) result).errors().stream().filter(e -> e.field().equals(name)).findFirst()
                            .orElseThrow().message(), value);
        }
    }

    @ParameterizedTest(name = "{0}: a typed value too long to be right is told its format, not its length")
    @MethodSource("everyField")
    void typedFieldsAreToldTheirFormat(String name, ServiceCode service, FieldSpec spec) {
        if (spec.kind() == FieldKind.TEXT || spec.kind() == FieldKind.TEXTAREA || spec.kind() == FieldKind.YES_NO
                || spec.kind() == FieldKind.MULTI_CHOICE) {
            return;
        }
        for (String value : List.of("x".repeat(spec.maxLength() + 1), "9".repeat(spec.maxLength() * 3), "y".repeat(5000))) {
            Map<String, Object> json = referral(service);
            put(json, name, value);
            String message = errors(json).get(name);
            assertTrue(message != null && !message.contains("characters or fewer"), name + ": " + message);
        }
    }

    private static String escaped(String value) {
        return value.chars().mapToObj(c -> c < 0x20 || c > 0x7E ? String.format("\\u%04X", c) : String.valueOf((char) c))
                .collect(Collectors.joining());
    }
}
