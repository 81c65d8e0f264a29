package org.advocacyhub.domain.referral;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every field of every request body gets, written once: the referral (form and JSON),
 * the staff requests and anything later. A value is checked in this order, and the first problem
 * is the one reported: its JSON type ({@link SubmittedFields.Shape}: text is text, never a number
 * or a boolean read as text), its characters ({@link TextPolicy}), its format for its
 * {@link FieldKind}, then its length. Typed fields (dates, choices, postcodes...) get their
 * format's message whatever their length, so that "1941-05-17T00:00" is told it is not a date,
 * not that it is too long.
 */
public final class FieldRules {

    /**
     * UK postcode, including special cases such as GIR 0AA, with or without the space. Format
     * only: whether the postcode exists is not checked.
     */
    private static final Pattern POSTCODE = Pattern.compile(
            "^(GIR ?0AA|[A-PR-UWYZ]([0-9]{1,2}|[A-HK-Y][0-9]{1,2}|[0-9][A-HJKPSTUW]|[A-HK-Y][0-9][ABEHMNPRVWXY]) ?[0-9][ABD-HJLNP-UW-Z]{2})$");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    /** Pragmatic email check: one @, no spaces, a dot in the domain. Delivery proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+$");
    /** Digits with the usual separators; 10 to 13 digits covers UK numbers with or without +44. */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{10,20}$");
    /** No date a request gives is earlier: not a birth, not a qualification. */
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** Longer than any value of a typed kind can be: such a value is not run through a pattern at all. */
    private static final int LONGEST_TYPED_VALUE = 400;
    /** How much of an unknown field's name a message repeats. */
    private static final int NAME_SHOWN = 60;

    private final AuthorityDirectory authorities;

    public FieldRules(AuthorityDirectory authorities) {
        this.authorities = authorities;
    }

    /** Collected problems, at most one per field (the first found is the one to fix first). */
    public static final class FieldErrors {
        private final Map<String, String> byField = new LinkedHashMap<>();

        public void add(String field, String message) {
            byField.putIfAbsent(field, message);
        }

        public boolean has(String field) {
            return byField.containsKey(field);
        }

        public boolean isEmpty() {
            return byField.isEmpty();
        }

        public List<FieldError> list() {
            return byField.entrySet().stream().map(e -> new FieldError(e.getKey(), e.getValue())).toList();
        }
    }

    /** The values of a request body that has no rules across fields: typed values by field name, and every problem. */
    public record Checked(Map<String, Object> values, List<FieldError> errors) {
        public Checked {
            values = Map.copyOf(values);
            errors = List.copyOf(errors);
        }

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks a request body whose fields are exactly {@code fields}: each is read by its rules and
     * any other name is refused.
     *
     * @param what what the body is, for the message about an unknown field: "this request"
     */
    public Checked check(List<FieldSpec> fields, SubmittedFields submitted, LocalDate today, String what) {
        return check(fields, List.of(), submitted, today, what);
    }

    /**
     * As {@link #check(List, SubmittedFields, LocalDate, String)}, with lists of objects too: the
     * value of each list given is a {@code List<Map<String, Object>>}, one map per item, holding the
     * item's typed values by the item field's own name ({@code text}). A problem in an item names
     * its field in the body ({@code goals.1.status}).
     */
    public Checked check(List<FieldSpec> fields, List<ObjectListSpec> lists, SubmittedFields submitted, LocalDate today, String what) {
        FieldErrors errors = new FieldErrors();
        List<FieldSpec> known = new ArrayList<>(fields);
        Map<ObjectListSpec, Integer> counts = new LinkedHashMap<>();
        Set<String> refusedLists = new LinkedHashSet<>();
        for (ObjectListSpec list : lists) {
            Integer count = itemCount(list, submitted, errors);
            if (count != null) {
                counts.put(list, count);
                for (int i = 0; i < count; i++) {
                    known.addAll(list.itemFields(i));
                }
            } else {
                // Its problem is reported on the list itself, not once for each of its items' fields.
                refusedLists.add(list.name() + ".");
            }
        }
        Set<String> listNames = new LinkedHashSet<>(lists.stream().map(ObjectListSpec::name).toList());
        refuseUnknown(submitted, known, refusedLists, listNames, what, errors);
        Map<String, Object> values = readAll(fields, submitted, today, errors);
        counts.forEach((list, count) -> {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Map<String, Object> item = new LinkedHashMap<>();
                String prefix = list.name() + "." + i + ".";
                readAll(list.itemFields(i), submitted, today, errors).forEach((name, value) -> item.put(name.substring(prefix.length()), value));
                items.add(item);
            }
            values.put(list.name(), List.copyOf(items));
        });
        return new Checked(values, errors.list());
    }

    /**
     * How many items the list has, 0 for {@code []}; {@code null} when it was not given or is not a
     * list of objects (then in {@code errors} when that is a problem).
     */
    private static Integer itemCount(ObjectListSpec list, SubmittedFields submitted, FieldErrors errors) {
        SubmittedFields.Shape shape = submitted.shape(list.name());
        if (shape == null) {
            if (list.required()) {
                errors.add(list.name(), list.missingMessage());
            }
            return null;
        }
        int count;
        if (shape == SubmittedFields.Shape.OBJECT_LIST) {
            count = submitted.itemCount(list.name());
        } else if (shape == SubmittedFields.Shape.TEXT_LIST && submitted.asMap().getOrDefault(list.name(), List.of()).isEmpty()) {
            count = 0;
        } else {
            errors.add(list.name(), list.noun() + " must be a list of objects, like [{\"" + list.items().get(0).name()
                    + "\": ...}], not " + shape.described());
            return null;
        }
        if (count > list.maxItems()) {
            errors.add(list.name(), list.noun() + " must have " + list.maxItems() + " items or fewer");
            return null;
        }
        return count;
    }

    /** Reads each of {@code fields} that was given, in order; problems go to {@code errors}. */
    public Map<String, Object> readAll(Collection<FieldSpec> fields, SubmittedFields submitted, LocalDate today, FieldErrors errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldSpec spec : fields) {
            Object value = read(spec, submitted, today, errors);
            if (value != null) {
                values.put(spec.name(), value);
            }
        }
        return values;
    }

    /**
     * Refuses every submitted name that is not one of {@code known}: an unknown field is named in
     * its message; a scalar where an object of fields belongs ({@code "person": "Alex"}) says so.
     * An object where a value belongs ({@code "person": {"name": {...}}}) is reported by
     * {@link #read} on that field. Names under one of {@code open} (e.g. {@code details.}) are left
     * to the caller.
     */
    public void refuseUnknown(SubmittedFields submitted, Collection<FieldSpec> known, Set<String> open, String what,
                              FieldErrors errors) {
        refuseUnknown(submitted, known, open, Set.of(), what, errors);
    }

    /** As above; the names in {@code lists} are lists of objects, whose shape the caller checks. */
    private void refuseUnknown(SubmittedFields submitted, Collection<FieldSpec> known, Set<String> open, Set<String> lists,
                               String what, FieldErrors errors) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (FieldSpec spec : known) {
            names.add(spec.name());
            groups.addAll(prefixes(spec.name()));
        }
        for (String prefix : open) {
            groups.addAll(prefixes(prefix + "x"));
        }
        Set<String> submittedNames = new LinkedHashSet<>(submitted.asMap().keySet());
        submittedNames.addAll(submitted.objectNames());
        for (String name : submittedNames) {
            if (names.contains(name) || lists.contains(name) || open.stream().anyMatch(name::startsWith)
                    || underKnownField(name, names)) {
                continue;
            }
            if (groups.contains(name)) {
                if (submitted.shape(name) != SubmittedFields.Shape.OBJECT) {
                    errors.add(name, "'" + name + "' must be an object of fields, like {\"" + name + "\": {...}}");
                }
                continue;
            }
            errors.add(name, "'" + shown(name) + "' is not a field of " + what);
        }
    }

    /** A name inside an object given where a known field's value belongs: that field reports it. */
    private static boolean underKnownField(String name, Set<String> names) {
        return prefixes(name).stream().anyMatch(names::contains);
    }

    /** {@code a.b.c} gives {@code a} and {@code a.b}. */
    private static List<String> prefixes(String name) {
        List<String> prefixes = new ArrayList<>();
        for (int dot = name.indexOf('.'); dot > 0; dot = name.indexOf('.', dot + 1)) {
            prefixes.add(name.substring(0, dot));
        }
        return prefixes;
    }

    /** An unknown name as a message may repeat it: without refused characters, and not too long. */
    public static String shown(String name) {
        String text = TextPolicy.displayable(name, false);
        return text.length() <= NAME_SHOWN ? text : text.substring(0, NAME_SHOWN) + "…";
    }

    /**
     * One field's value, typed by its kind, or {@code null} when it was not given or has a problem
     * (then in {@code errors}): {@link String} for text, email, phone, postcode and authority;
     * {@link Choice}; a {@code List<Choice>} for several; {@link LocalDate}; {@link Boolean};
     * {@link java.time.Instant} for a date and time; {@link Integer} or {@link java.math.BigDecimal} for numbers.
     */
    public Object read(FieldSpec spec, SubmittedFields submitted, LocalDate today, FieldErrors errors) {
        SubmittedFields.Shape shape = submitted.shape(spec.name());
        SubmittedFields.Shape expected = expectedShape(spec, submitted.origin());
        if (shape != null && shape != expected) {
            // "Full name must be text, not a number": the value is never read as text.
            // A list of choices shows one of its codes; a list of free text (languages, sign-ins) has none to show (issue 20).
            String message = expected != SubmittedFields.Shape.TEXT_LIST
                    ? spec.noun() + " must be " + expected.described() + ", not " + shape.described()
                    : spec.choices().isEmpty() ? spec.noun() + " must be a list of text, for example [\"first\", \"second\"]"
                    : spec.noun() + " must be a list of codes (text), for example [\"" + spec.choices().get(0).name() + "\"]";
            errors.add(spec.name(), message);
            return null;
        }
        List<String> all = submitted.all(spec.name());
        if (all.isEmpty()) {
            if (spec.required()) {
                errors.add(spec.name(), spec.missingMessage());
            }
            return null;
        }
        if (spec.kind() != FieldKind.MULTI_CHOICE && spec.kind() != FieldKind.TEXT_LIST && all.size() > 1) {
            errors.add(spec.name(), spec.noun() + " must have one value");
            return null;
        }
        boolean multiLine = spec.kind() == FieldKind.TEXTAREA;
        for (String value : all) {
            var refused = TextPolicy.check(value, multiLine);
            if (refused.isPresent()) {
                errors.add(spec.name(), refused.get().message(spec.noun()));
                return null;
            }
        }
        String value = multiLine ? TextPolicy.normaliseLineBreaks(all.get(0)) : all.get(0);
        boolean lengthLimited = spec.kind() == FieldKind.TEXT || spec.kind() == FieldKind.TEXTAREA || spec.kind() == FieldKind.EMAIL
                || spec.kind() == FieldKind.TEXT_LIST;
        if (!lengthLimited && value.length() > LONGEST_TYPED_VALUE) {
            errors.add(spec.name(), formatMessage(spec, submitted.origin()));
            return null;
        }
        Object read = switch (spec.kind()) {
            case TEXT, TEXTAREA -> value;
            case CHOICE -> choice(spec, value, errors);
            case MULTI_CHOICE -> multiChoice(spec, all, errors);
            case DATE, PAST_DATE -> date(spec, value, today, submitted.origin(), errors);
            case TEXT_LIST -> all;
            case EMAIL -> EMAIL.matcher(value).matches() ? value : refuse(spec, submitted.origin(), errors);
            case PHONE -> phone(spec, value, submitted.origin(), errors);
            case POSTCODE -> postcode(spec, value, submitted.origin(), errors);
            case YES_NO -> yesNo(spec, value, submitted.origin(), errors);
            case AUTHORITY -> authority(spec, value, errors);
            case DATE_TIME -> dateTime(spec, value, errors);
            case INTEGER, DECIMAL -> number(spec, value, errors);
        };
        if (read != null && lengthLimited && all.stream().anyMatch(v -> v.length() > spec.maxLength())) {
            errors.add(spec.name(), spec.noun() + " must be " + spec.maxLength() + " characters or fewer");
            return null;
        }
        return read;
    }

    /** How a JSON body must write the field; a form writes everything as text. */
    private static SubmittedFields.Shape expectedShape(FieldSpec spec, SubmittedFields.Origin origin) {
        if (origin == SubmittedFields.Origin.FORM) {
            return SubmittedFields.Shape.TEXT;
        }
        return switch (spec.kind()) {
            case YES_NO -> SubmittedFields.Shape.BOOLEAN;
            case MULTI_CHOICE, TEXT_LIST -> SubmittedFields.Shape.TEXT_LIST;
            case INTEGER, DECIMAL -> SubmittedFields.Shape.NUMBER;
            // A phone number is text too: "01162 ..." as a number would lose its leading zero.
            default -> SubmittedFields.Shape.TEXT;
        };
    }

    /** What a value of a typed kind must look like, in the words of its origin (GOV.UK for the form). */
    static String formatMessage(FieldSpec spec, SubmittedFields.Origin origin) {
        boolean form = origin == SubmittedFields.Origin.FORM;
        return switch (spec.kind()) {
            case DATE, PAST_DATE -> form ? "Enter a real date, for example " + exampleDate(spec)
                    : spec.noun() + " must be a date in the form YYYY-MM-DD";
            case EMAIL -> "Enter an email address in the correct format, like name@example.com";
            case PHONE -> "Enter a phone number, like 0116 123 4567 or +44 7700 900 982";
            case POSTCODE -> "Enter a real postcode, like LE1 6ZG";
            case YES_NO -> form ? "Select yes or no" : spec.noun() + " must be true or false";
            case CHOICE, MULTI_CHOICE -> spec.noun() + " must be one of: " + allowed(spec);
            case AUTHORITY -> spec.noun() + " must be one of the council area codes";
            case TEXT, TEXTAREA, TEXT_LIST -> spec.noun() + " must be " + spec.maxLength() + " characters or fewer";
            case DATE_TIME -> spec.noun() + " must be a date and time with its offset, like 2026-11-27T14:30:00Z";
            case INTEGER -> spec.noun() + " must be a whole number from " + spec.range().min().toPlainString() + " to "
                    + spec.range().max().toPlainString();
            case DECIMAL -> spec.noun() + " must be a number from " + spec.range().min().toPlainString() + " to "
                    + spec.range().max().toPlainString() + ", with at most two decimal places";
        };
    }

    /** The example a date's message gives, in the form's day month year boxes. */
    private static String exampleDate(FieldSpec spec) {
        return spec.kind() == FieldKind.PAST_DATE ? "17 5 1941" : "14 1 2027";
    }

    private static Object refuse(FieldSpec spec, SubmittedFields.Origin origin, FieldErrors errors) {
        errors.add(spec.name(), formatMessage(spec, origin));
        return null;
    }

    private static Choice choice(FieldSpec spec, String value, FieldErrors errors) {
        for (Choice choice : spec.choices()) {
            if (choice.name().equals(value)) {
                return choice;
            }
        }
        errors.add(spec.name(), spec.noun() + " must be one of: " + allowed(spec));
        return null;
    }

    private static List<Choice> multiChoice(FieldSpec spec, List<String> values, FieldErrors errors) {
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

    private static LocalDate date(FieldSpec spec, String value, LocalDate today, SubmittedFields.Origin origin,
                                  FieldErrors errors) {
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(spec.name(), formatMessage(spec, origin));
            return null;
        }
        if (spec.kind() == FieldKind.PAST_DATE) {
            if (date.isAfter(today)) {
                errors.add(spec.name(), spec.noun() + " must be today or in the past");
                return null;
            }
            if (date.isBefore(EARLIEST_DATE)) {
                errors.add(spec.name(), spec.noun() + " must be after 1900");
                return null;
            }
        } else if (date.isBefore(today)) {
            errors.add(spec.name(), spec.name().equals(ReferralFields.FIXED_DATE.name())
                    ? "The fixed date must be today or in the future" : spec.noun() + " must be today or in the future");
            return null;
        }
        return date;
    }

    /** An instant with its offset (a date and time without one would be ambiguous across clock changes). */
    private static java.time.Instant dateTime(FieldSpec spec, String value, FieldErrors errors) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(spec.name(), formatMessage(spec, SubmittedFields.Origin.JSON));
            return null;
        }
    }

    /** A whole number ({@link FieldKind#INTEGER}, as {@link Integer}) or a decimal ({@link java.math.BigDecimal}) in range. */
    private static Object number(FieldSpec spec, String value, FieldErrors errors) {
        java.math.BigDecimal number;
        try {
            number = new java.math.BigDecimal(value);
        } catch (NumberFormatException e) {
            errors.add(spec.name(), formatMessage(spec, SubmittedFields.Origin.JSON));
            return null;
        }
        boolean whole = number.stripTrailingZeros().scale() <= 0;
        boolean inRange = number.compareTo(spec.range().min()) >= 0 && number.compareTo(spec.range().max()) <= 0;
        boolean precise = spec.kind() == FieldKind.INTEGER ? whole : number.stripTrailingZeros().scale() <= 2;
        if (!inRange || !precise) {
            errors.add(spec.name(), formatMessage(spec, SubmittedFields.Origin.JSON));
            return null;
        }
        return spec.kind() == FieldKind.INTEGER ? (Object) number.intValueExact() : number.stripTrailingZeros();
    }

    private static String phone(FieldSpec spec, String value, SubmittedFields.Origin origin, FieldErrors errors) {
        long digits = value.chars().filter(Character::isDigit).count();
        if (!PHONE.matcher(value).matches() || digits < 10 || digits > 13) {
            errors.add(spec.name(), formatMessage(spec, origin));
            return null;
        }
        return value;
    }

    /** Stored in the standard form: upper case, one space before the inward code. */
    private static String postcode(FieldSpec spec, String value, SubmittedFields.Origin origin, FieldErrors errors) {
        String compact = WHITESPACE.matcher(value.toUpperCase(Locale.UK)).replaceAll("");
        if (!POSTCODE.matcher(compact).matches()) {
            errors.add(spec.name(), formatMessage(spec, origin));
            return null;
        }
        return compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
    }

    /** The form's radios send yes or no; JSON sends true or false (its type is checked first). */
    private static Boolean yesNo(FieldSpec spec, String value, SubmittedFields.Origin origin, FieldErrors errors) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true":
                return Boolean.TRUE;
            case "no", "false":
                return Boolean.FALSE;
            default:
                errors.add(spec.name(), formatMessage(spec, origin));
                return null;
        }
    }

    private String authority(FieldSpec spec, String value, FieldErrors errors) {
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
}
