package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The person's answers at closure (LEW 13.3, Appendix 1 outcome questions; LLR outcomes; LANCS
 * questionnaire), keyed by the question ids the contract configures.
 */
public record Feedback(Instant at, String recordedBy, Map<String, String> answers) {

    public Feedback {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(recordedBy, "recordedBy");
        answers = Map.copyOf(answers);
    }
}
