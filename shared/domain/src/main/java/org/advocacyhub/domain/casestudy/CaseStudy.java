package org.advocacyhub.domain.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.retention.RetainedKind;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * An outcome case study (LLR 26.16, 27.3, Appendix One "Case study format" B): the journey of one person to their
 * outcomes, written on their closed case by its advocate or a manager, for the return of the quarter the case closed in.
 * A manager selects the ones the return submits ({@link CaseStudies#PER_SERVICE_CLAUSE}: four per service a quarter).
 *
 * @param id        {@link #idOf}: one case study per case and closure quarter
 * @param quarter   the financial quarter of the case's closure (London date), whose return it is for
 * @param reference the case it is about: internal, for staff; never shown in a workbook
 * @param measures  the ids of the contract's feedback questions measuring an outcome (LLR Appendix One outcomes 1-11) that
 *                  the journey evidences, in the contract's order; may be empty
 * @param text      the journey, checked against the identifying details rule; at most {@link CaseStudies#LONGEST} characters
 * @param selected  whether a manager chose it for the return
 * @param revision  1 when first written, one more with each rewrite or selection: a change carries the revision it saw
 */
public record CaseStudy(String id, String contract, ServiceCode service, FinancialQuarter quarter, ReferralReference reference,
                        List<String> measures, Consent consent, String text, String writtenBy, Instant writtenAt, boolean selected,
                        int revision) {

    public CaseStudy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(reference, "reference");
        measures = List.copyOf(measures);
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(writtenBy, "writtenBy");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if (revision < 1) {
            throw new IllegalArgumentException("a case study's revision starts at 1");
        }
        if (text.isBlank() || text.length() > CaseStudies.LONGEST) {
            throw new IllegalArgumentException("a case study's text is 1 to " + CaseStudies.LONGEST + " characters");
        }
    }

    /**
     * The id of the case study of {@code reference}: one per case, so writing again rewrites it. A case reopened and closed
     * in a later quarter has its study in that quarter's return under the same id (the body of a selection names the
     * contract and quarter, so the two never meet).
     */
    public static String idOf(ReferralReference reference) {
        return "CS-" + reference.value();
    }

    /** A case study as first written: revision 1, not selected. */
    public static CaseStudy first(String contract, ServiceCode service, FinancialQuarter quarter, ReferralReference reference,
                                  List<String> measures, Consent consent, String text, String by, Instant at) {
        return new CaseStudy(idOf(reference), contract, service, quarter, reference, measures, consent, text, by, at, false, 1);
    }

    /** Rewritten by {@code by}, one revision more. The manager's selection stays: they see the new text where they chose it. */
    public CaseStudy rewritten(List<String> measuresNow, Consent consentNow, String textNow, String by, Instant at) {
        return new CaseStudy(id, contract, service, quarter, reference, measuresNow, consentNow, textNow, by, at, selected, revision + 1);
    }

    /** Selected for the return, or not, one revision more; who wrote it and when stay. */
    public CaseStudy withSelected(boolean chosen) {
        return new CaseStudy(id, contract, service, quarter, reference, measures, consent, text, writtenBy, writtenAt, chosen,
                revision + 1);
    }

    /**
     * Its journey removed, one revision more (issue 22: the case is anonymised under the retention policy or erased on the
     * person's request, and a case study tells one person's story): what the returns count (its service, quarter, measures
     * and selection) stays; the text becomes {@code removed}.
     */
    public CaseStudy withTextRemoved(String removed) {
        return new CaseStudy(id, contract, service, quarter, reference, measures, consent, removed, writtenBy, writtenAt, selected,
                revision + 1);
    }

    /** Whether it already says this (the same rewrite sent again). */
    public boolean says(List<String> measuresNow, Consent consentNow, String textNow) {
        return measures.equals(measuresNow) && consent == consentNow && text.equals(textNow);
    }

    /**
     * The last day it is kept (issue 22): its contract's {@code caseStudy} period from the last day of the quarter it reports
     * ({@link RetainedKind#CASE_STUDY}), after which the table's TTL deletes it.
     */
    public LocalDate keptUntil(RetentionPolicy policy) {
        return policy.period(RetainedKind.CASE_STUDY).keptUntil(quarter.lastDay(), null);
    }
}
