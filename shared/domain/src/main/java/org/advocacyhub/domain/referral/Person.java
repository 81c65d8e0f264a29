package org.advocacyhub.domain.referral;

import java.time.LocalDate;
import java.util.Set;

/**
 * The person who needs an advocate. Personal data: never logged. Optional text fields are
 * {@code null} when not given.
 */
public record Person(
        String name,
        LocalDate dateOfBirth,
        Gender gender,
        Ethnicity ethnicity,
        Set<Disability> disabilities,
        Residence residence,
        String placeName,
        String postcode,
        String authority,
        String communicationNeeds,
        String language,
        boolean interpreterNeeded) {

    /** What separates the parts of a name, for its initials. */
    private static final java.util.regex.Pattern NAME_PARTS = java.util.regex.Pattern.compile("[\\s-]+");

    public Person {
        disabilities = Set.copyOf(disabilities);
    }

    /** Initials only, for the referrer's acknowledgement (no other personal data leaves the hub by email). */
    public String initials() {
        return initialsOf(name);
    }

    /** The first letter of each part of a name, upper case: "Alex Test-Person" is "ATP". */
    public static String initialsOf(String name) {
        StringBuilder initials = new StringBuilder();
        for (String part : NAME_PARTS.split(name.trim())) {
            if (!part.isEmpty() && Character.isLetter(part.codePointAt(0))) {
                initials.appendCodePoint(Character.toUpperCase(part.codePointAt(0)));
            }
        }
        return initials.toString();
    }
}
