package org.advocacyhub.domain.eligibility;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One reason for a screening decision. The text goes into the letter to the referrer
 * (LLR 6.10, 8.35, 9.41), so it is plain English, explains any term it uses and carries no
 * personal data (no names, ages or dates of birth: letters go by email).
 *
 * @param plainEnglish the reason as the referrer reads it, one or two sentences
 * @param clause       where the rule comes from, by the specification's short name, e.g. {@code LLR 5.54b}
 */
public record Reason(String plainEnglish, String clause) {

    private static final Pattern CLAUSE = Pattern.compile("^(LLR|LEW|SCIE|DERBY|LANCS) \\S.*$");

    public Reason {
        Objects.requireNonNull(plainEnglish, "plainEnglish");
        Objects.requireNonNull(clause, "clause");
        if (plainEnglish.isBlank()) {
            throw new IllegalArgumentException("a reason needs words");
        }
        if (!CLAUSE.matcher(clause).matches()) {
            throw new IllegalArgumentException("clause '" + clause + "' must start with LLR, LEW, SCIE, DERBY or LANCS and name a clause");
        }
    }
}
