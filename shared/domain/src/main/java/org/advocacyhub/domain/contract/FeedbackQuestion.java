package org.advocacyhub.domain.contract;

import java.util.List;
import java.util.Objects;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;

/**
 * One question a contract asks at closure, of the person or of their advocate (LEW 13.3: feedback collected at
 * case closure; LEW Appendix 1: measures the young person reports and measures the advocate reports), as its contract
 * file configures it: LEW's Appendix 1 outcome questions, LLR's outcomes
 * of Appendix One. The answers feed the outcome measures of the quarterly returns.
 *
 * @param id       unique within the contract; the key of the answer ({@code answers.<id>} in a request)
 * @param text     the question, as staff read it to the person
 * @param answer   what kind of answer it takes
 * @param clause   the measure it feeds
 * @param required whether every feedback must answer it (none of the bundled ones: a person may
 *                 leave any question unanswered)
 * @param measure  the outcome measure it feeds, in the contract's words (LLR Appendix One "Outcome 1: People have access
 *                 to appropriate information ..."), when it measures one
 * @param targetPercent the share of positive answers the contract requires (LLR Appendix One: 95, 90, 85 or 100;
 *                 LEW Appendix 1: 100 or 80), when it sets one
 * @param askedOf  who answers it: the person (the default), or their advocate, for the measures the advocate reports (LEW
 *                 Appendix 1: "advocate reports that YP has better understanding of their rights", "% of young people
 *                 demonstrating self-advocacy in a meeting", ...)
 * @param issueRaised the category of issue a yes answer counts, in the contract's words (LEW Appendix 1: "Count of issues
 *                 raised by young people (categories to be confirmed)"), when the question asks whether the person raised
 *                 an issue of that kind; only a yes-or-no question counts one
 */
public record FeedbackQuestion(String id, String text, AnswerKind answer, String clause, boolean required,
                               java.util.Optional<String> measure, java.util.Optional<java.math.BigDecimal> targetPercent,
                               AskedOf askedOf, java.util.Optional<String> issueRaised) {

    /** A question asked of the person, measuring no outcome KPI. */
    public FeedbackQuestion(String id, String text, AnswerKind answer, String clause, boolean required) {
        this(id, text, answer, clause, required, java.util.Optional.empty(), java.util.Optional.empty(), AskedOf.PERSON);
    }

    /** A question counting no category of issue raised. */
    public FeedbackQuestion(String id, String text, AnswerKind answer, String clause, boolean required,
                            java.util.Optional<String> measure, java.util.Optional<java.math.BigDecimal> targetPercent, AskedOf askedOf) {
        this(id, text, answer, clause, required, measure, targetPercent, askedOf, java.util.Optional.empty());
    }

    /**
     * Who answers a question at closure. LEW Appendix 1 measures some outcomes by what the young person reports and
     * others by what the advocate reports: both are recorded on the closed case through the same feedback, each answer
     * under its question's id, and the return counts them alike (the measure's words say who reported it).
     */
    public enum AskedOf {
        /** The person the case is about (the young person): "Did you feel listened to?". */
        PERSON,
        /** The case's advocate, about the person: "Does the young person understand their rights better?". */
        ADVOCATE
    }

    /** The prefix of the answers' field names in a feedback request: {@code answers.listenedTo}. */
    public static final String ANSWERS_PREFIX = "answers.";

    /** How a question is answered. */
    public enum AnswerKind {
        /** Yes or no: a JSON boolean. */
        YES_NO,
        /** 1 (not at all) to 5 (completely): a JSON whole number. */
        SCALE_1_TO_5,
        /** A few words, one line. */
        SHORT_TEXT
    }

    /** The longest short-text answer, in characters. */
    public static final int SHORT_TEXT_LENGTH = 500;

    public FeedbackQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(targetPercent, "targetPercent");
        Objects.requireNonNull(askedOf, "askedOf");
        Objects.requireNonNull(issueRaised, "issueRaised");
        if (issueRaised.isPresent() && answer != AnswerKind.YES_NO) {
            throw new IllegalArgumentException("question '" + id + "' counts an issue raised, so it is answered yes or no");
        }
    }

    /** The request field of the answer, {@code answers.<id>}, checked by the rules every field gets. */
    public FieldSpec field() {
        String name = ANSWERS_PREFIX + id;
        String noun = "The answer to '" + id + "'";
        return switch (answer) {
            case YES_NO -> new FieldSpec(name, text, "true or false", FieldKind.YES_NO, required, 5, List.of(),
                    "Answer '" + id + "' (true or false)", noun);
            case SCALE_1_TO_5 -> new FieldSpec(name, text, "1 (not at all) to 5 (completely)", FieldKind.INTEGER, required, 1,
                    List.of(), "Answer '" + id + "' (1 to 5)", noun, FieldSpec.Range.of(1, 5));
            case SHORT_TEXT -> new FieldSpec(name, text, "", FieldKind.TEXT, required, SHORT_TEXT_LENGTH, List.of(),
                    "Answer '" + id + "'", noun);
        };
    }

    /** An answer as the field rules read it (a Boolean, an Integer or a String), as stored: {@code true}, {@code 4}, the text. */
    public static String stored(Object answer) {
        return String.valueOf(answer);
    }
}
