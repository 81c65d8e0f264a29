package org.advocacyhub.domain.eligibility;

import java.util.Objects;

/**
 * Somewhere else to go, for the decision letter (LLR 6.10, 6.17, 8.32, 9.33).
 *
 * @param name        the organisation or kind of service, e.g. "Patient Advice and Liaison Service (PALS)"
 * @param howTheyHelp one sentence on what they can do for the person
 */
public record Signpost(String name, String howTheyHelp) {
    public Signpost {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(howTheyHelp, "howTheyHelp");
    }
}
