package org.advocacyhub.domain.referral;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reading of a referral's service-specific answers ({@link ReferralDetails#serviceAnswers()}),
 * by their {@link ServiceQuestions question}. The answers passed validation when the referral
 * arrived, but a stored referral may predate a change of questions, so a value that no longer
 * reads is treated as not given (screening then asks for it) rather than failing.
 */
public final class ServiceAnswers {

    /** Separator of a multi-choice answer's values, in the order the question lists them. */
    public static final String MULTI_SEPARATOR = ",";

    private final Map<String, String> answers;

    private ServiceAnswers(Map<String, String> answers) {
        this.answers = answers;
    }

    public static ServiceAnswers of(ReferralDetails referral) {
        return new ServiceAnswers(referral.serviceAnswers());
    }

    public static ServiceAnswers of(Map<String, String> answers) {
        return new ServiceAnswers(Map.copyOf(answers));
    }

    /** The stored text of the answer, if given. */
    public Optional<String> text(FieldSpec question) {
        return Optional.ofNullable(answers.get(ServiceQuestions.key(question))).filter(value -> !value.isBlank());
    }

    /** A single-choice answer. */
    public <E extends Enum<E> & Choice> Optional<E> choice(FieldSpec question, Class<E> type) {
        return text(question).flatMap(value -> parse(type, value));
    }

    /** A multi-choice answer: empty when not given. */
    public <E extends Enum<E> & Choice> Set<E> choices(FieldSpec question, Class<E> type) {
        Set<E> chosen = EnumSet.noneOf(type);
        text(question).ifPresent(value -> Arrays.stream(value.split(MULTI_SEPARATOR))
                .map(String::strip)
                .forEach(part -> parse(type, part).ifPresent(chosen::add)));
        return chosen;
    }

    /** A yes/no answer. */
    public Optional<Boolean> yesNo(FieldSpec question) {
        return text(question).flatMap(value -> switch (value) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        });
    }

    /** A date answer. */
    public Optional<LocalDate> date(FieldSpec question) {
        return text(question).flatMap(value -> {
            try {
                return Optional.of(LocalDate.parse(value));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        try {
            return Optional.of(Enum.valueOf(type, value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
