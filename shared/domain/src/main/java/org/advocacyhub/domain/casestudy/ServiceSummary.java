package org.advocacyhub.domain.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.advocacyhub.domain.retention.RetainedKind;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * A service activity summary of a quarter (LLR Appendix One i-vii, "Case study format" C; LEW 17.2), as a manager wrote it
 * for the return: the work of the quarter on the activity, or a statement that it was not completed ("If a reportable
 * activity has not been completed during the quarter submit a statement confirming not completed", Appendix One D).
 *
 * @param summary      the id of the contract's summary ({@code reportSchedule.serviceSummaries})
 * @param text         what was done, checked against the identifying details rule; {@code null} when not completed
 * @param notCompleted the activity was not completed this quarter: exactly one of this and {@code text}
 * @param revision     1 when first written, one more with each change: a change carries the revision it saw
 */
public record ServiceSummary(String contract, FinancialQuarter quarter, String summary, String text, boolean notCompleted,
                             String writtenBy, Instant writtenAt, int revision) {

    public ServiceSummary {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(writtenBy, "writtenBy");
        Objects.requireNonNull(writtenAt, "writtenAt");
        if ((text != null && !text.isBlank()) == notCompleted) {
            throw new IllegalArgumentException("a service summary has its text or says it was not completed, exactly one");
        }
        if (text != null && text.length() > CaseStudies.LONGEST) {
            throw new IllegalArgumentException("a service summary is at most " + CaseStudies.LONGEST + " characters");
        }
        if (revision < 1) {
            throw new IllegalArgumentException("a service summary's revision starts at 1");
        }
    }

    /** The summary as {@code by} writes it now: revision 1 when new ({@code before} null), else one more than before. */
    public static ServiceSummary written(ServiceSummary before, String contract, FinancialQuarter quarter, String summary, String text,
                                         boolean notCompleted, String by, Instant at) {
        return new ServiceSummary(contract, quarter, summary, notCompleted ? null : text, notCompleted, by, at,
                before == null ? 1 : before.revision() + 1);
    }

    /** Whether it already says this (the same summary sent again). */
    public boolean says(String textNow, boolean notCompletedNow) {
        return notCompleted == notCompletedNow && Objects.equals(text, notCompletedNow ? null : textNow);
    }

    /** The last day it is kept: as a case study, from the last day of its quarter ({@link RetainedKind#CASE_STUDY}). */
    public LocalDate keptUntil(RetentionPolicy policy) {
        return policy.period(RetainedKind.CASE_STUDY).keptUntil(quarter.lastDay(), null);
    }
}
