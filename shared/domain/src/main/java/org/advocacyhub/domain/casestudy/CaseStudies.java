package org.advocacyhub.domain.casestudy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The rules of the case studies and service summaries a return includes (LLR 26.16, 26.17, 27.3, Appendix One; LEW 17.2),
 * each a pure function of its inputs.
 */
public final class CaseStudies {

    /**
     * The longest case study or service summary, in characters. Interpretation: "There is no word limit for any type of case
     * study or service summary" (LLR Appendix One, "Case study format" A) says the council sets no limit; the hub keeps each
     * text to 4,000 characters (about 650 words, far more than a page of a workbook's cell shows at once) so that a study
     * stays one readable cell and one stored item.
     */
    public static final int LONGEST = 4000;

    /** The field of a selection that a refused one is named by. */
    public static final String SELECTED = "selected";

    private CaseStudies() {
    }

    /**
     * Why a case study may not be written on {@code referral} now, if it may not (409). Interpretation: LLR Appendix One B
     * asks for "the journey of a person to meet their identified outcome(s)", which is known once the case has closed; so a
     * case study is written at or after closure, on a case whose status is closed (a reopened case waits for its next
     * closure), and only for a contract that asks for case studies.
     */
    public static Optional<String> notWritable(ReferralCase referral, Contract contract) {
        if (contract.reportSchedule().caseStudies().isEmpty()) {
            return Optional.of("The " + contract.code() + " contract asks for no case studies.");
        }
        if (referral.status() != CaseStatus.CLOSED || referral.work().closure() == null) {
            return Optional.of("A case study tells the person's journey to their outcomes (LLR Appendix One): it is written once "
                    + "the case is closed. Close the case first.");
        }
        return Optional.empty();
    }

    /** The quarter whose return a closed case's study is for: the financial quarter of the day (London) it closed. */
    public static FinancialQuarter quarterOf(ReferralCase closed) {
        return FinancialQuarter.containing(closed.work().closure().at());
    }

    /**
     * The outcome measures a case study may evidence: the contract's feedback questions that measure one (LLR Appendix One,
     * "Outcome KPI": the outcomes 1-11 case studies demonstrate), in the contract's order.
     */
    public static List<FeedbackQuestion> measures(Contract contract) {
        return contract.feedback().stream().filter(q -> q.measure().isPresent()).toList();
    }

    /**
     * Why {@code chosen} may not be selected for its quarter's return, if it may not: the return submits
     * {@code caseStudies.perService()} a service (LLR Appendix One: "4 case studies per quarter, per service"), so a manager
     * unselects one before choosing another. {@code ofQuarter}: the quarter's case studies as stored.
     */
    public static Optional<FieldError> selectionRefused(List<CaseStudy> ofQuarter, CaseStudy chosen, ReportSchedule.CaseStudies caseStudies) {
        long others = ofQuarter.stream().filter(s -> s.selected() && s.service() == chosen.service() && !s.id().equals(chosen.id()))
                .count();
        if (others >= caseStudies.perService()) {
            return Optional.of(new FieldError(SELECTED, "Selected: the return takes " + caseStudies.perService() + " case studies "
                    + "of each service a quarter (" + caseStudies.clause() + "), and " + others + " of " + chosen.service().displayName()
                    + " are selected. Unselect one first."));
        }
        return Optional.empty();
    }

    /**
     * A service summary is its text or a statement that the activity was not completed this quarter (LLR Appendix One
     * "Case study format" C and D): exactly one of them.
     */
    public static List<FieldError> summaryErrors(String text, Boolean notCompleted) {
        return summaryErrors(text, notCompleted, "quarter");
    }

    /**
     * As {@link #summaryErrors(String, Boolean)} for a summary of a {@code period} ("quarter", or "year" for an annual
     * return's item, LLR 27.4: the same rule, Appendix One D, over the year).
     */
    public static List<FieldError> summaryErrors(String text, Boolean notCompleted, String period) {
        boolean hasText = text != null && !text.isBlank();
        boolean stated = Boolean.TRUE.equals(notCompleted);
        if (hasText && stated) {
            return List.of(new FieldError("notCompleted", "Not completed this " + period + ": leave it out when you write the "
                    + "summary, or leave the text empty when the activity was not completed"));
        }
        if (!hasText && !stated) {
            return List.of(new FieldError("text", "Write the summary, or say the activity was not completed this " + period
                    + " (LLR Appendix One, D)"));
        }
        return List.of();
    }

    /**
     * When the quarter's case studies and summaries are due (issue 23), if the contract asks for any. Interpretation of
     * "written by the third working day after the quarter ends": by the close of the contract's service hours on the third
     * working day of its calendar after the quarter's last day, so that the return can be checked before it goes (LLR 26.12:
     * 21 days after the quarter). The duty managers are reminded at the first daily run after then.
     */
    public static Optional<Instant> dueAt(Contract contract, FinancialQuarter quarter) {
        ReportSchedule schedule = contract.reportSchedule();
        if (schedule.caseStudies().isEmpty() && schedule.serviceSummaries().isEmpty()) {
            return Optional.empty();
        }
        LocalDate third = contract.calendar().plusWorkingDays(quarter.lastDay(), 3);
        return Optional.of(third.atTime(contract.serviceHours().closes()).atZone(WorkingCalendar.ZONE).toInstant());
    }

    /**
     * What of the quarter's case studies and summaries the return still lacks, in plain words, one line each; empty when
     * nothing. No line names a person or a case: services, counts and the summaries' titles only.
     */
    public static List<String> missing(Contract contract, List<CaseStudy> studies, List<ServiceSummary> summaries) {
        List<String> lines = new ArrayList<>();
        ReportSchedule schedule = contract.reportSchedule();
        schedule.caseStudies().ifPresent(required -> {
            for (ServiceConfig service : contract.services()) {
                long selected = studies.stream().filter(s -> s.selected() && s.service() == service.code()).count();
                long written = studies.stream().filter(s -> s.service() == service.code()).count();
                if (selected < required.perService()) {
                    lines.add(service.displayName() + ": " + selected + " of " + required.perService() + " case studies selected ("
                            + written + " written)");
                }
            }
        });
        for (ReportSchedule.ServiceSummary summary : schedule.serviceSummaries()) {
            if (summaries.stream().noneMatch(s -> s.summary().equals(summary.id()))) {
                lines.add("Service summary not written: " + summary.title());
            }
        }
        return lines;
    }
}
