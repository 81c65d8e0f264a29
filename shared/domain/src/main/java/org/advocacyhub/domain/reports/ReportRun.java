package org.advocacyhub.domain.reports;

import java.time.LocalDate;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * When a contract's schedule asks for the report of a quarter just ended (issue 11 item 1): on the
 * Nth working day after the quarter's last day, leaving margin before the deadline (LLR 26.12: 21
 * days after quarter end; LEW 17.3: mid-month). Interpretation: "the 5th working day after quarter
 * end" and "the 5th working day of the month after quarter end" are the same day, since every
 * financial quarter ends on a month's last day; the day is counted on the contract's working
 * calendar (England and Wales bank holidays), whatever days its service is open (DERBY's seven).
 */
public final class ReportRun {

    /** The working day after quarter end the schedule asks on, unless the contract says otherwise. */
    public static final int DEFAULT_WORKING_DAY = 5;

    private ReportRun() {
    }

    /** The day the schedule asks for {@code quarter}'s report. */
    public static LocalDate runDay(Contract contract, FinancialQuarter quarter) {
        LocalDate day = quarter.lastDay();
        int counted = 0;
        while (counted < DEFAULT_WORKING_DAY) {
            day = day.plusDays(1);
            if (contract.calendar().isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
