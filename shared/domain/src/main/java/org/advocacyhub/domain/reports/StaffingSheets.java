package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.count;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.domain.staff.Qualification;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.staff.StaffRole;

/**
 * LLR 26.17 "Staffing - annual update", in the fourth quarter's return (the contract's {@code staffingUpdate}): what the
 * staff directory holds about the contract's staff at the financial year's end, and, visibly, what it does not hold.
 * Counts only: no names. Contract-wide, in every council's workbook.
 *
 * <p>Interpretation: "the percentage of staff who have achieved / are working towards the Level 3 Independent Advocacy
 * Qualification" is of the contract's advocates (managers need not hold it); an advocate "working towards" it is one
 * without it who was appointed less than a year before the year's end, as LLR 13.1 allows an advocate a year to achieve
 * it. "Training courses undertaken" is counted as the qualifications and units the directory records as achieved in the
 * financial year; other courses, volunteers, leavers and supervisions are not held by the hub and are said to be so.
 */
final class StaffingSheets {

    /** What the sheet says of a figure the hub does not hold. */
    static final String NOT_HELD = "Not recorded in the hub: give it with the return";

    private final ReturnLayout layout;

    StaffingSheets(ReturnLayout layout) {
        this.layout = layout;
    }

    ReturnTable staffing() {
        LocalDate yearEnd = layout.quarter.lastDay();
        LocalDate yearStart = layout.quarter.yearToDate().firstDay();
        long staff = 0;
        long advocates = 0;
        long managers = 0;
        long notActive = 0;
        long level3 = 0;
        long towards = 0;
        long achieved = 0;
        for (StaffRecord member : layout.records.staff) {
            staff++;
            if (member.role() == StaffRole.ADVOCATE) {
                advocates++;
                LocalDate held = member.qualifications().get(Qualification.NQIA_LEVEL_3);
                if (held != null && !held.isAfter(yearEnd)) {
                    level3++;
                } else if (member.appointedOn() != null && member.appointedOn().plusYears(1).isAfter(yearEnd)) {
                    // LLR 13.1: within a year of appointment, working towards the Level 3 qualification.
                    towards++;
                }
            } else {
                managers++;
            }
            if (!member.active()) {
                notActive++;
            }
            achieved += member.qualifications().values().stream()
                    .filter(day -> !day.isBefore(yearStart) && !day.isAfter(yearEnd)).count();
        }
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(row("Staff in the directory for the contract at the year's end", count(staff)));
        rows.add(row("Of them, advocates", count(advocates)));
        rows.add(row("Of them, managers", count(managers)));
        rows.add(row("Not active at the year's end (on leave or left)", count(notActive)));
        rows.add(List.of(text("Advocates with the Level 3 Independent Advocacy Qualification"), count(level3), count(advocates),
                ReturnCell.share(level3, advocates)));
        rows.add(List.of(text("Advocates working towards it (appointed less than a year before)"), count(towards), count(advocates),
                ReturnCell.share(towards, advocates)));
        rows.add(row("Qualifications and units achieved in the year (training courses)", count(achieved)));
        for (String figure : List.of("Volunteers", "Staff and volunteers who left in the year", "Other training courses undertaken",
                "Supervisions undertaken and their frequency")) {
            rows.add(row(figure, text(NOT_HELD)));
        }
        return layout.table("Staffing (annual)", "Staffing: annual update, financial year to " + yearEnd + " (contract-wide)",
                "LLR 26.17, 13.1", List.of("Figure", "Value", "Out of", "Share"), rows, CountingRules.STAFFING);
    }

    /**
     * The annual return's item 6, "evidence of advocates and managers qualifications and training" (LLR 27.4, Appendix One
     * "Annual Return" 6): for each qualification the directory records (LLR 13.1-13.7), how many of the contract's advocates
     * and managers held it at the year's end, and how many achieved it in the year. Counts only, as {@link #staffing}.
     */
    ReturnTable qualifications() {
        LocalDate yearEnd = layout.quarter.lastDay();
        LocalDate yearStart = layout.quarter.yearToDate().firstDay();
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (Qualification qualification : Qualification.values()) {
            long advocates = 0;
            long managers = 0;
            long inYear = 0;
            for (StaffRecord member : layout.records.staff) {
                LocalDate held = member.qualifications().get(qualification);
                if (held == null || held.isAfter(yearEnd)) {
                    continue;
                }
                if (member.role() == StaffRole.ADVOCATE) {
                    advocates++;
                } else {
                    managers++;
                }
                if (!held.isBefore(yearStart)) {
                    inYear++;
                }
            }
            rows.add(List.of(text(qualification.displayName()), text(layout.cite(qualification.clause())), count(advocates),
                    count(managers), count(inYear)));
        }
        rows.add(List.of(text("Other training courses undertaken"), text(""), text(NOT_HELD), text(NOT_HELD), text(NOT_HELD)));
        return layout.table("Qualifications", "Advocates' and managers' qualifications at the year's end, and achieved in the "
                        + "year (contract-wide)", "LLR 27.4, Appendix One Annual Return 6, 13.1",
                List.of("Qualification", "Clause", "Advocates holding it", "Managers holding it", "Achieved in the year"), rows,
                CountingRules.QUALIFICATIONS);
    }

    private static List<ReturnCell> row(String figure, ReturnCell value) {
        return List.of(text(figure), value, ReturnCell.blank(), ReturnCell.blank());
    }
}
