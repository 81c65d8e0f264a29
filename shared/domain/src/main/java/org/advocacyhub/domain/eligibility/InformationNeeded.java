package org.advocacyhub.domain.eligibility;

import java.util.Objects;

/**
 * One thing the hub must find out before it can decide, and who can tell it (LLR 9.41). It
 * becomes a task for staff and a line in the referrer's letter.
 *
 * @param what     exactly what is missing, e.g. "Whether a capacity assessment has been done for this decision"
 * @param fromWhom who can answer, by role, e.g. "the decision maker"
 */
public record InformationNeeded(String what, String fromWhom) {
    public InformationNeeded {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(fromWhom, "fromWhom");
    }
}
