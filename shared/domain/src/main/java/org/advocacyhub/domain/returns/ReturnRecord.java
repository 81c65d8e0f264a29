package org.advocacyhub.domain.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * Something the quarterly returns count that is not a case: an awareness session, a complaint, a
 * compliment (LLR Appendix One; LEW Appendix 1). None holds personal data: no names, no free text
 * about a person (a summary's hint tells staff not to name anyone).
 */
public sealed interface ReturnRecord permits AwarenessSession, Complaint, Compliment {

    /** The kinds of record, each listed on its own. */
    enum Kind { AWARENESS_SESSION, COMPLAINT, COMPLIMENT }

    String id();

    Kind kind();

    String contract();

    /** The day that places it in a quarter: when the session was held, when the complaint or compliment was received. */
    LocalDate date();

    /** The staff id of who recorded it. */
    String recordedBy();

    Instant recordedAt();

    /** The financial quarter whose return counts it: the quarter of its {@link #date()}. */
    default FinancialQuarter quarter() {
        return FinancialQuarter.containing(date());
    }

    /**
     * The last day it must be kept under its contract's {@code policy} (issue 22), after which it may be deleted; empty when
     * kept as long as the table.
     */
    default Optional<LocalDate> keptUntil(org.advocacyhub.domain.retention.RetentionPolicy policy) {
        return Optional.empty();
    }
}
