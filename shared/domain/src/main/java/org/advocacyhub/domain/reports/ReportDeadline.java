package org.advocacyhub.domain.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A contract's quarterly report as a deadline the allocation timer watches like any other clock
 * (issue 11 item 4): it runs from the end of the quarter until every workbook of the quarter's report
 * has been sent, due at the end of the contract's due date (LLR 26.12: 21 days after quarter end;
 * LEW 17.3: mid-month, the 15th). The duty managers get a reminder, then an escalation if it passes.
 * A contract that sets no submission date (DERBY 3.7.1) has no such clock.
 *
 * <p>Interpretation: the reminder goes at the service's opening on the third working day before the
 * due date, leaving time to look into a report that failed or was never sent; a reminder that would
 * come before the quarter ended comes when it ends.
 *
 * @param startedAt  the end of the quarter (00:00 London on the day after its last day)
 * @param dueAt      the end of the due date (24:00 London)
 * @param reminderAt when the reminder goes
 * @param clause     where the due date comes from
 */
public record ReportDeadline(String contract, FinancialQuarter quarter, Instant startedAt, Instant dueAt, Instant reminderAt,
                             String clause) {

    /** The clock's name, in alerts and the digest. */
    public static final String CLOCK = "quarterly-report";
    /** What is due, in alerts and the digest. */
    public static final String DESCRIPTION = "send the quarterly report to the commissioners";
    /** Working days before the due date the reminder goes. */
    static final int REMINDER_WORKING_DAYS_BEFORE = 3;

    public ReportDeadline {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(reminderAt, "reminderAt");
        Objects.requireNonNull(clause, "clause");
    }

    /** The deadline of {@code contract}'s report for {@code quarter}, if the contract sets a due date. */
    public static Optional<ReportDeadline> of(Contract contract, FinancialQuarter quarter) {
        Optional<LocalDate> dueDate = contract.reportSchedule().dueDate(quarter);
        if (dueDate.isEmpty()) {
            return Optional.empty();
        }
        WorkingCalendar calendar = contract.calendar();
        LocalDate day = dueDate.get();
        for (int counted = 0; counted < REMINDER_WORKING_DAYS_BEFORE; ) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        Instant started = quarter.end();
        Instant reminder = day.atTime(contract.serviceHours().opens()).atZone(WorkingCalendar.ZONE).toInstant();
        return Optional.of(new ReportDeadline(contract.code(), quarter, started,
                contract.reportSchedule().dueBy(quarter).orElseThrow(), reminder.isBefore(started) ? started : reminder,
                contract.reportSchedule().clause()));
    }

    /** The owner id in the clock indexes and alerts: {@code REPORT-LLR-FY2026Q3}. */
    public String ownerId() {
        return ownerId(contract, quarter);
    }

    public static String ownerId(String contract, FinancialQuarter quarter) {
        return "REPORT-" + contract + "-" + quarter.key();
    }
}
