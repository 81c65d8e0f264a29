package org.advocacyhub.domain.retention;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How long one kind of record is kept after the event that starts its time (issue 22).
 *
 * @param years    whole years after the start
 * @param untilAge for records about children: kept at least until the person's birthday of this age (null: no such
 *                 floor), whichever of the two is later
 * @param clause   the contract clause that sets the period, when one does (LEW 14.3); otherwise null and
 * @param basis    why the provider chose it, when no clause sets it (exactly one of clause and basis)
 */
public record RetentionPeriod(int years, Integer untilAge, String clause, String basis) {

    public RetentionPeriod {
        if (years < 1 || years > 100) {
            throw new IllegalArgumentException("a retention period is 1 to 100 years, not " + years);
        }
        if (untilAge != null && (untilAge < 18 || untilAge > 100)) {
            throw new IllegalArgumentException("untilAge is 18 to 100, not " + untilAge);
        }
        if ((clause == null) == (basis == null)) {
            throw new IllegalArgumentException("a retention period cites a clause or gives the provider's basis, exactly one");
        }
    }

    /** A period a contract clause sets. */
    public static RetentionPeriod byClause(int years, String clause) {
        return new RetentionPeriod(years, null, Objects.requireNonNull(clause, "clause"), null);
    }

    /** A period the provider chose, with why. */
    public static RetentionPeriod providerChoice(int years, Integer untilAge, String basis) {
        return new RetentionPeriod(years, untilAge, null, Objects.requireNonNull(basis, "basis"));
    }

    /**
     * The last day the record is kept: {@code years} after {@code start}, or, with {@code untilAge} and a known date of
     * birth, the day before that birthday if later. Interpretation: "kept N years after closure" keeps it through the
     * anniversary of the closing day; it may be anonymised from the day after. A 29 February start ends on 28 February.
     */
    public LocalDate keptUntil(LocalDate start, LocalDate dateOfBirth) {
        LocalDate until = start.plusYears(years);
        if (untilAge != null && dateOfBirth != null) {
            LocalDate birthday = dateOfBirth.plusYears(untilAge).minusDays(1);
            if (birthday.isAfter(until)) {
                until = birthday;
            }
        }
        return until;
    }

    /** Why it is kept this long, for the audit record of an anonymisation: the clause, or the provider's basis. */
    public String why() {
        return clause != null ? clause : "the provider's choice: " + basis;
    }
}
