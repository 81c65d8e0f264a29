package org.advocacyhub.domain.referral;

import java.util.List;

/**
 * One field of a referral: its name (dotted path, the same in the form and in JSON), the words
 * shown to the referrer, and the checks it gets. The form, the JSON validation and the error
 * messages are all built from these definitions, so they cannot drift apart.
 *
 * @param name          dotted path, e.g. {@code person.dateOfBirth}; JSON nests on the dots
 * @param label         the question, as shown on the form and named in error messages
 * @param hint          extra help under the label, or empty
 * @param kind          how the value is entered and checked
 * @param required      whether a value must be given (cross-field rules live in {@link ReferralValidator})
 * @param maxLength     the longest accepted value in characters (each value, for multi-choice)
 * @param choices       allowed values for {@link FieldKind#CHOICE} and {@link FieldKind#MULTI_CHOICE}
 * @param missingMessage the error shown when a required value is missing, in GOV.UK style
 * @param noun          what the value is, to start other error messages ("Date of birth must be a real date")
 * @param range         the smallest and largest value of a number ({@link FieldKind#INTEGER}, {@link FieldKind#DECIMAL}),
 *                      or {@code null}
 */
public record FieldSpec(
        String name,
        String label,
        String hint,
        FieldKind kind,
        boolean required,
        int maxLength,
        List<? extends Choice> choices,
        String missingMessage,
        String noun,
        Range range) {

    public FieldSpec {
        choices = List.copyOf(choices);
        if ((kind == FieldKind.INTEGER || kind == FieldKind.DECIMAL) && range == null) {
            throw new IllegalArgumentException(name + ": a number field needs its range");
        }
    }

    /** A field that is not a number. */
    public FieldSpec(String name, String label, String hint, FieldKind kind, boolean required, int maxLength,
                     List<? extends Choice> choices, String missingMessage, String noun) {
        this(name, label, hint, kind, required, maxLength, choices, missingMessage, noun, null);
    }

    /** The smallest and largest accepted value of a number, both included. */
    public record Range(java.math.BigDecimal min, java.math.BigDecimal max) {
        public static Range of(long min, long max) {
            return new Range(java.math.BigDecimal.valueOf(min), java.math.BigDecimal.valueOf(max));
        }
    }

    /** The same field under another name, e.g. one item of a list: {@code goals.0.text}. */
    public FieldSpec named(String otherName) {
        return new FieldSpec(otherName, label, hint, kind, required, maxLength, choices, missingMessage, noun, range);
    }

    /** The HTML id of the field's input: dots are not valid in CSS selectors, so they become dashes. */
    public String htmlId() {
        return name.replace('.', '-');
    }

    /** The JSON Pointer (RFC 6901) of the field in a JSON referral. */
    public String jsonPointer() {
        return "/" + name.replace('.', '/');
    }

    public boolean isChoice() {
        return kind == FieldKind.CHOICE || kind == FieldKind.MULTI_CHOICE;
    }
}
