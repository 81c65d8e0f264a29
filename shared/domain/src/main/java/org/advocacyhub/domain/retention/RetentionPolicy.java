package org.advocacyhub.domain.retention;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A contract's retention periods, one for each {@link RetainedKind} (issue 22). A contract file's {@code retention:}
 * section sets any of them; the others are {@link #DEFAULTS}, the provider's choices the README explains. The
 * specifications ask for a set retention period and destruction policy (LLR 15.3, 24) without stating one, except for
 * complaints (LEW 14.3: three years).
 */
public record RetentionPolicy(Map<RetainedKind, RetentionPeriod> periods) {

    /** Six years: the Limitation Act 1980 period for a claim in contract or negligence (ss. 2, 5). */
    static final String SIX_YEARS = "six years, the Limitation Act 1980 period for a claim in contract or negligence (ss. 2, 5)";

    /**
     * The defaults. A closed case: six years ({@link #SIX_YEARS}). A referral not taken on: one year, the time within
     * which a complaint about the decision may be made (12 months, Local Authority Social Services and NHS Complaints
     * (England) Regulations 2009, reg. 12), after which the returns' figures are kept without the person. Complaints and
     * compliments: three years (LEW 14.3, applied to every contract's). An audit trail's entry: six years from the day it was
     * written, the same Limitation Act period (a provider's choice; the trail names staff, never the person). A case study or
     * service summary: three years from the last day of the quarter it reports (a provider's choice, as complaints).
     */
    public static final RetentionPolicy DEFAULTS = new RetentionPolicy(Map.of(
            RetainedKind.CLOSED_CASE, RetentionPeriod.providerChoice(6, null, SIX_YEARS),
            RetainedKind.DECLINED_REFERRAL, RetentionPeriod.providerChoice(1, null, "a year, the time within which a complaint "
                    + "about the decision may be made (12 months: the 2009 complaints regulations, reg. 12)"),
            RetainedKind.COMPLAINT, RetentionPeriod.byClause(3, "LEW 14.3"),
            RetainedKind.COMPLIMENT, RetentionPeriod.byClause(3, "LEW 14.3"),
            RetainedKind.AUDIT_ENTRY, RetentionPeriod.providerChoice(6, null, "six years, the Limitation Act 1980 period within "
                    + "which a claim about how a case was handled may be brought (ss. 2, 5)"),
            // Interpretation (issue 23): a case study and a service summary are part of the quarter's return, kept as the
            // complaints beside them in it are (LEW 14.3's three years), from the last day of the quarter they report;
            // shorter than the bundled contracts' closed-case periods, so a study does not outlive the case it is about.
            RetainedKind.CASE_STUDY, RetentionPeriod.providerChoice(3, null, "three years from the quarter it reports, as the "
                    + "complaints reported beside it (LEW 14.3); within the six years the case it is about is kept")));

    public RetentionPolicy {
        EnumMap<RetainedKind, RetentionPeriod> all = new EnumMap<>(RetainedKind.class);
        all.putAll(periods);
        for (RetainedKind kind : RetainedKind.values()) {
            Objects.requireNonNull(all.get(kind), () -> "no retention period for " + kind.key());
        }
        periods = Map.copyOf(all);
    }

    /** The defaults with {@code set} in place of theirs (a contract file's {@code retention:} section). */
    public static RetentionPolicy defaultsWith(Map<RetainedKind, RetentionPeriod> set) {
        EnumMap<RetainedKind, RetentionPeriod> all = new EnumMap<>(DEFAULTS.periods());
        all.putAll(set);
        return new RetentionPolicy(all);
    }

    public RetentionPeriod period(RetainedKind kind) {
        return periods.get(kind);
    }
}
