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
 */
public record ReportSchedule(Optional<ReportDeadlineRule> due, boolean perAuthority, String clause) {

    public ReportSchedule {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(clause, "clause");
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
