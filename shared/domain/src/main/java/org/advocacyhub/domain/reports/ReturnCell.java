package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One cell of a quarterly return table (requirements §7), typed so that the workbook shows a
 * count as a number, a share as a percentage with its numerator and denominator kept, and text as
 * text: a commissioner can add up or chart every figure without retyping it.
 */
public sealed interface ReturnCell {

    /** Text: a label, a service, a reason, "Met" or "Not met". */
    record Text(String value) implements ReturnCell {
        public Text {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A whole number: referrals, people, sessions. */
    record Count(long value) implements ReturnCell {
    }

    /** A decimal figure: hours (two places), an average wait in working days. */
    record Decimal(BigDecimal value) implements ReturnCell {
        public Decimal {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A share, shown as a percentage of {@code numerator / denominator}; with no denominator
     * there is no share (shown empty, never as 0% or 100%).
     */
    record Share(long numerator, long denominator) implements ReturnCell {
        public Share {
            if (numerator < 0 || denominator < 0 || numerator > denominator) {
                throw new IllegalArgumentException("a share needs 0 <= numerator <= denominator: " + numerator + "/" + denominator);
            }
        }

        /** The share as a fraction (0 to 1), or {@code null} with no denominator. */
        public Double fraction() {
            return denominator == 0 ? null : (double) numerator / denominator;
        }
    }

    /** Nothing to show (no figure applies). */
    record Blank() implements ReturnCell {
    }

    static ReturnCell text(String value) {
        return new Text(value);
    }

    static ReturnCell count(long value) {
        return new Count(value);
    }

    static ReturnCell decimal(BigDecimal value) {
        return new Decimal(value);
    }

    static ReturnCell share(long numerator, long denominator) {
        return new Share(numerator, denominator);
    }

    static ReturnCell blank() {
        return new Blank();
    }
}
