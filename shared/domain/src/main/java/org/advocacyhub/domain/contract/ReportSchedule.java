package org.advocacyhub.domain.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.ReportDeadlineRule;

/**
 * When a contract's quarterly report is due (requirements §7: financial quarters).
 *
 * @param due          the due date rule (LLR 26.12, LEW 17.3); empty when the contract sets no
 *                     submission date (DERBY 3.7.1 asks for quarterly figures without one)
 * @param perAuthority whether each authority gets its own workbook
 * @param clause       where the schedule comes from
 * @param goalsKpi     the KPI on action plan goals achieved at closure (LLR Appendix One KPI 4), if the contract has one
 * @param awarenessKpis the KPIs on awareness sessions held per half-year (LLR Appendix One KPIs 5 and 6), if any
 * @param caseloadList the clause asking for a quarterly caseload list with personal data (LEW 17.5), when the
 *                     contract asks for one ({@code caseloadList: {clause: ...}}): it is stored encrypted for
 *                     managers and never emailed (LLR 26.9, 27.6); empty for a contract that does not ask
 * @param caseStudies  how many outcome case studies each service submits a quarter (LLR 26.16, 27.3, Appendix One: "4 case
 *                     studies per quarter, per service"), when the contract asks for them
 * @param serviceSummaries the service activity summaries the return includes each quarter (LLR Appendix One i-vii, 26.17;
 *                     LEW 17.2), in the contract's order; empty when it asks for none
 * @param staffingUpdate the clause asking for a staffing update once a year (LLR 26.17 "Staffing - annual update"), when the
 *                     contract asks for one: the fourth quarter's return carries it
 * @param annualReturn the annual return the contract asks for (LLR 27.4, Appendix One "Annual Return", 26.4), if any
 */
public record ReportSchedule(Optional<ReportDeadlineRule> due, boolean perAuthority, String clause, Optional<KpiTarget> goalsKpi,
                             java.util.List<AwarenessKpi> awarenessKpis, Optional<String> caseloadList, Optional<Start> start,
                             Optional<CaseStudies> caseStudies, java.util.List<ServiceSummary> serviceSummaries,
                             Optional<String> staffingUpdate, Optional<AnnualReturn> annualReturn) {

    /**
     * The annual return a contract asks for (LLR 27.4, Appendix One "Annual Return"): to whom, by which day of which month as
     * the contract writes it, the items a manager writes for the financial year (reusing the service summaries' shape: an id,
     * a title, a clause), and the items the hub does not hold, said so on the return with where they are held (LLR 26.4's
     * budget). When it is due is {@link org.advocacyhub.domain.reports.AnnualReturns#dueDate}'s (the interpretation of
     * "31st April" is there).
     *
     * @param authority the authority it goes to (LLR 27.4: Leicestershire County Council)
     * @param month     the month of the due day as written (4)
     * @param day       the day as written (31: "31st April", a day April does not have)
     * @param items     what a manager writes for the year, in the contract's order; ids unique with the service summaries'
     * @param notHeld   what the return includes that the hub does not hold
     */
    public record AnnualReturn(String authority, int month, int day, String clause, java.util.List<ServiceSummary> items,
                               java.util.List<NotHeld> notHeld) {
        public AnnualReturn {
            Objects.requireNonNull(authority, "authority");
            Objects.requireNonNull(clause, "clause");
            if (month < 1 || month > 12 || day < 1 || day > 31) {
                throw new IllegalArgumentException("an annual return is due on a day 1 to 31 of a month 1 to 12");
            }
            items = java.util.List.copyOf(items);
            notHeld = java.util.List.copyOf(notHeld);
        }

        /** The item {@code id}, if the return asks for it. */
        public Optional<ServiceSummary> item(String id) {
            return items.stream().filter(item -> item.id().equals(id)).findFirst();
        }
    }

    /**
     * A part of a return the hub does not hold (LLR 26.4: the annual budget, direct and non-direct costs), shown as such.
     *
     * @param heldIn where it is held, in plain words ("the provider's finance records")
     */
    public record NotHeld(String title, String clause, String heldIn) {
        public NotHeld {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(clause, "clause");
            Objects.requireNonNull(heldIn, "heldIn");
        }
    }

    /**
     * The outcome case studies a contract asks for (LLR 27.3, Appendix One): {@code perService} each quarter for each of its
     * services, chosen by a manager among those written.
     */
    public record CaseStudies(int perService, String clause) {
        public CaseStudies {
            Objects.requireNonNull(clause, "clause");
            if (perService < 1) {
                throw new IllegalArgumentException("a contract that asks for case studies asks for at least one a service");
            }
        }
    }

    /**
     * One service activity summary the return includes each quarter (LLR Appendix One i-vii, "Case study format" C and D).
     *
     * @param id    how requests name it ({@code harderToReach}): letters and digits, unique in the contract
     * @param title what it is about, in plain words, as the workbook and the console show it
     */
    public record ServiceSummary(String id, String title, String clause) {
        public ServiceSummary {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(clause, "clause");
        }
    }

    /**
     * The day the contract's service began, and the clause that says so: no report is made for a quarter before the one
     * it falls in (issue 20).
     */
    public record Start(LocalDate date, String clause) {
        public Start {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(clause, "clause");
        }
    }

    /**
     * A KPI counting awareness-raising sessions held in a half-year (LLR 5.26, 9.47, Appendix One KPIs 5 and 6).
     *
     * @param name        e.g. {@code KPI 5}
     * @param setting     the sessions it counts
     * @param perHalfYear the least number a half-year (April-September, October-March)
     */
    public record AwarenessKpi(String name, org.advocacyhub.domain.returns.AwarenessSetting setting, int perHalfYear, String clause) {
        public AwarenessKpi {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(setting, "setting");
            Objects.requireNonNull(clause, "clause");
        }
    }

    public ReportSchedule {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(goalsKpi, "goalsKpi");
        awarenessKpis = java.util.List.copyOf(awarenessKpis);
        Objects.requireNonNull(caseloadList, "caseloadList");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(caseStudies, "caseStudies");
        serviceSummaries = java.util.List.copyOf(serviceSummaries);
        Objects.requireNonNull(staffingUpdate, "staffingUpdate");
        Objects.requireNonNull(annualReturn, "annualReturn");
    }

    /** A schedule that asks for no case studies, no service summaries and no staffing update. */
    public ReportSchedule(Optional<ReportDeadlineRule> due, boolean perAuthority, String clause, Optional<KpiTarget> goalsKpi,
                          java.util.List<AwarenessKpi> awarenessKpis, Optional<String> caseloadList, Optional<Start> start) {
        this(due, perAuthority, clause, goalsKpi, awarenessKpis, caseloadList, start, Optional.empty(), java.util.List.of(),
                Optional.empty(), Optional.empty());
    }

    /** The service summary {@code id}, if the contract asks for it. */
    public Optional<ServiceSummary> serviceSummary(String id) {
        return serviceSummaries.stream().filter(summary -> summary.id().equals(id)).findFirst();
    }

    /** A schedule with no report-level KPIs and no caseload list. */
    public ReportSchedule(Optional<ReportDeadlineRule> due, boolean perAuthority, String clause) {
        this(due, perAuthority, clause, Optional.empty(), java.util.List.of(), Optional.empty(), Optional.empty());
    }

    /** Whether the contract asks for a caseload list with personal data (LEW 17.5). */
    public boolean hasCaseloadList() {
        return caseloadList.isPresent();
    }

    /** The last day to submit the report for {@code quarter}, if the contract sets one. */
    public Optional<LocalDate> dueDate(FinancialQuarter quarter) {
        return due.map(rule -> rule.dueDate(quarter));
    }

    /** The end of {@link #dueDate} (the following midnight, London), if the contract sets one. */
    public Optional<Instant> dueBy(FinancialQuarter quarter) {
        return due.map(rule -> rule.dueBy(quarter));
    }
}
