package org.advocacyhub.domain.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.ReportingPeriod;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The rules of a contract's annual return (issue 23: LLR 27.4, Appendix One "Annual Return", 26.4), each a pure function.
 *
 * <p>The return covers a financial year (1 April to 31 March) just ended. Its items are written by a manager as the
 * contract's service summaries of the year's fourth quarter (the same store, rules and statement of "not completed" as the
 * quarterly summaries; {@link #storedIn}), and its workbook is built with the fourth quarter's report, for the authority
 * the contract names (LLR 27.4: Leicestershire County Council, on behalf of all partners, LLR 26.4).
 */
public final class AnnualReturns {

    /** What the return says of an item the manager did not write, or stated was not completed (LLR Appendix One, D). */
    public static final String NOT_COMPLETED = "Not completed this year";

    private static final Pattern YEAR = Pattern.compile("FY(\\d{4})");

    private AnnualReturns() {
    }

    /** The annual return {@code contract} asks for, if any. */
    public static Optional<ReportSchedule.AnnualReturn> of(Contract contract) {
        return contract.reportSchedule().annualReturn();
    }

    /**
     * The last day to submit the return for financial year {@code financialYear} (April {@code financialYear} to March the
     * year after).
     *
     * <p>Interpretation (LLR 27.4, Appendix One "Annual Return"): "by 31st April of each year" names a day April does not
     * have. It is read as the last day of April, 30 April, after the year ends on 31 March: the contract plainly means the
     * end of April, and reading it as 1 May would give the provider a day the words do not. In general a day past the end
     * of its month is that month's last day. The date is a calendar date: one falling on a weekend or bank holiday is not
     * moved (the clause says "by" a date, not within working days), and the return is due by the end of that day, London
     * time ({@link #dueBy}).
     */
    public static LocalDate dueDate(ReportSchedule.AnnualReturn annual, int financialYear) {
        LocalDate yearEnd = year(financialYear).lastDay();
        YearMonth month = YearMonth.of(yearEnd.getYear(), annual.month());
        if (!month.atEndOfMonth().isAfter(yearEnd)) {
            month = month.plusYears(1); // a due month of January to March: the first one after the year ends
        }
        return month.atDay(Math.min(annual.day(), month.lengthOfMonth()));
    }

    /** The end of {@link #dueDate}: the following midnight, London time. */
    public static Instant dueBy(ReportSchedule.AnnualReturn annual, int financialYear) {
        return dueDate(annual, financialYear).plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
    }

    /** The financial year {@code financialYear}: 1 April that year to 31 March the next. */
    public static ReportingPeriod year(int financialYear) {
        return new ReportingPeriod(new FinancialQuarter(financialYear, 1).firstDay(), new FinancialQuarter(financialYear, 4).lastDay());
    }

    /**
     * Where a year's items are kept: as the contract's summaries of the year's fourth quarter, in its returns partition,
     * so that the fourth quarter's report reads them with its own summaries, in the same Query.
     */
    public static FinancialQuarter storedIn(int financialYear) {
        return new FinancialQuarter(financialYear, 4);
    }

    /** Whether the report of {@code quarter} carries the contract's annual return: it asks for one, and it is a fourth quarter. */
    public static boolean dueWith(Contract contract, FinancialQuarter quarter) {
        return of(contract).isPresent() && quarter.quarter() == 4;
    }

    /** The workbook code of the annual return for {@code authority} in a report (its send is claimed under it). */
    public static String workbookCode(ReportSchedule.AnnualReturn annual) {
        return annual.authority() + "-ANNUAL";
    }

    /** Whether a report's workbook {@code code} is an annual return's. */
    public static boolean isAnnualWorkbook(String code) {
        return code.endsWith("-ANNUAL");
    }

    /** {@code FY2026}: the financial year starting in April 2026. */
    public static String key(int financialYear) {
        return "FY" + financialYear;
    }

    /** The year of {@code FY2026}, or empty. */
    public static Optional<Integer> parseYear(String key) {
        Matcher matcher = YEAR.matcher(key == null ? "" : key);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    /** "April 2026 to March 2027". */
    public static String yearName(int financialYear) {
        return "April " + financialYear + " to March " + (financialYear + 1);
    }

    /**
     * The items of {@code summaries} (a fourth quarter's, as stored) the annual return still lacks, one line each in plain
     * words; empty when nothing is missing or the quarter carries no annual return. An item stated not completed is not
     * missing: the return says so (Appendix One, D).
     *
     * <p>Interpretation (when the duty managers are reminded): with the fourth quarter's case studies and summaries, by the
     * same reminder on the same day (the third working day of April, {@code CaseStudies.dueAt}). The annual return is built
     * and sent with the fourth quarter's report (due 21 days after 31 March, LLR 26.12), before its own due day (30 April),
     * so its items are wanted when the fourth quarter's summaries are; a reminder on a date of its own nearer 30 April would
     * come after the report has gone.
     */
    public static List<String> missing(Contract contract, FinancialQuarter quarter, List<ServiceSummary> summaries) {
        List<String> lines = new ArrayList<>();
        if (!dueWith(contract, quarter)) {
            return lines;
        }
        ReportSchedule.AnnualReturn annual = of(contract).orElseThrow();
        for (ReportSchedule.ServiceSummary item : annual.items()) {
            if (summaries.stream().noneMatch(s -> s.quarter().equals(quarter) && s.summary().equals(item.id()))) {
                lines.add("Annual return item not written (due with this return, and by " + UkDay.of(dueDate(annual,
                        quarter.financialYear())) + "): " + item.title());
            }
        }
        return lines;
    }

    /** Days in words, as staff and councils read them ("30 April 2027"). */
    static final class UkDay {
        private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
                java.util.Locale.UK);

        private UkDay() {
        }

        static String of(LocalDate day) {
            return day.format(DAY);
        }
    }
}
