package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.add;
import static org.advocacyhub.domain.reports.ReturnLayout.count;
import static org.advocacyhub.domain.reports.ReturnLayout.sum;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.contract.ServiceConfig;

/**
 * The sheets of the advocates' work: hours direct and indirect, per referral and per person, and by
 * activity; unique people supported against the annual minimum; advocates active; cases closed with
 * their hours and outcomes; requests to provide more than the reporting threshold of hours (LLR 26.17,
 * 4.5; LEW 7.2, 17.5, Appendix 1).
 */
final class WorkSheets {

    private final ReturnLayout layout;
    private final WorkbookCounts w;

    WorkSheets(ReturnLayout layout) {
        this.layout = layout;
        this.w = layout.w;
    }

    /** Hours, Hours by referral, Activities, People supported, Advocates active and Cases closed, in the workbook's order. */
    List<ReturnTable> hoursPeopleAndClosures() {
        return List.of(hours(), hoursByReferral(), activities(), people(), advocates(), closedCases());
    }

    /**
     * One row per referral with time recorded in the quarter: its service and its direct, indirect and total hours (LLR
     * 26.17: "each appropriate referral must have a breakdown (direct eg, face-to-face time and indirect eg, administration
     * or travel time) of the number of hours"). No reference or name: the rows are numbered within each service, most hours
     * first, so the council sees the spread without anyone being identified.
     */
    ReturnTable hoursByReferral() {
        List<long[]> referrals = new ArrayList<>(w.referralMinutes.values());
        referrals.sort(java.util.Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> -(r[1] + r[2])));
        List<List<ReturnCell>> rows = new ArrayList<>();
        long previous = -1;
        int number = 0;
        for (long[] r : referrals) {
            number = r[0] == previous ? number + 1 : 1;
            previous = r[0];
            rows.add(List.of(text("Referral " + number), text(layout.services.get((int) r[0]).displayName()),
                    ReturnLayout.hoursCell(r[1]), ReturnLayout.hoursCell(r[2]), ReturnLayout.hoursCell(r[1] + r[2])));
        }
        return layout.table("Hours by referral", "Direct and indirect hours of each referral with time in the quarter",
                "LLR 26.17; LEW 17.5", List.of("Referral", "Service", "Direct hours", "Indirect hours", "Total hours"), rows,
                CountingRules.HOURS);
    }

    ReturnTable hours() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(layout.hoursRow("Direct hours", w.directMinutes));
        rows.add(layout.hoursRow("Indirect hours", w.indirectMinutes));
        long[] total = add(w.directMinutes, w.indirectMinutes);
        rows.add(layout.hoursRow("Total hours", total));
        long[] withTime = new long[layout.s];
        for (int i = 0; i < layout.s; i++) {
            withTime[i] = w.referralsWithTime[i].size();
        }
        rows.add(layout.serviceRow("Referrals with time recorded", withTime));
        rows.add(layout.perRow("Hours per referral", total, withTime));
        long[] peopleQ = layout.sizes(w.peopleQuarter);
        rows.add(layout.perRow("Hours per person supported", total, peopleQ, w.peopleQuarter[layout.s].size()));
        rows.add(layout.hoursRow("Hours in the year to date", w.minutesYtd));
        long[] peopleY = layout.sizes(w.peopleYtd);
        rows.add(layout.perRow("Hours per person in the year to date", w.minutesYtd, peopleY, w.peopleYtd[layout.s].size()));
        List<ReturnCell> guide = new ArrayList<>();
        // LLR 4.5: the guide hours per person of each service.
        guide.add(text(layout.label("Guide hours per person", "LLR 4.5")));
        for (ServiceConfig service : layout.services) {
            guide.add(service.annualTargets().flatMap(t -> t.guideHoursPerPerson()).<ReturnCell>map(ReturnCell::decimal)
                    .orElse(ReturnCell.blank()));
        }
        guide.add(ReturnCell.blank());
        rows.add(guide);
        // LEW 17.5: hours spent in the quarter on each young person; LEW Appendix 1: the number of hours delivered.
        return layout.table("Hours", "Hours of advocacy, direct and indirect, per referral and per person",
                "LLR 26.17, 4.5; LEW 17.5, Appendix 1", layout.serviceHeadings("Figure"), rows, CountingRules.HOURS);
    }

    ReturnTable activities() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        Map<String, long[]> entries = w.activityEntries.all();
        w.activityMinutes.all().forEach((label, minutes) -> {
            List<ReturnCell> row = new ArrayList<>(layout.hoursRow(label, minutes));
            row.add(count(sum(entries.get(label))));
            rows.add(row);
        });
        List<String> headings = new ArrayList<>(layout.serviceHeadings("Activity (hours)"));
        headings.add("Entries");
        return layout.table("Activities", "How advocates supported people: hours by activity", "LLR 26.17", headings, rows,
                CountingRules.ACTIVITIES);
    }

    ReturnTable people() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(layout.peopleRow("People supported in the quarter", w.peopleQuarter));
        rows.add(layout.peopleRow("People supported in the year to date", w.peopleYtd));
        List<ReturnCell> minimum = new ArrayList<>();
        // LLR 4.5, LEW 7.2 (60 young people a year at least): the annual minimum of unique people.
        minimum.add(text(layout.label("Annual minimum", "LLR 4.5; LEW 7.2")));
        for (ServiceConfig service : layout.services) {
            minimum.add(service.annualTargets().filter(t -> t.uniquePersonsMinimum().isPresent())
                    .<ReturnCell>map(t -> count(t.uniquePersonsMinimum().getAsInt())).orElse(ReturnCell.blank()));
        }
        minimum.add(ReturnCell.blank());
        rows.add(minimum);
        // LEW Appendix 1: the number of individual young people supported.
        return layout.table("People supported", "Unique people supported, quarter and year to date",
                "LLR 4.5, 26.17; LEW 7.2, Appendix 1", layout.serviceHeadings("Figure"), rows, CountingRules.PEOPLE_SUPPORTED);
    }

    ReturnTable advocates() {
        long[] active = new long[layout.s];
        Set<String> all = new HashSet<>();
        for (int i = 0; i < layout.s; i++) {
            Set<String> ids = new HashSet<>(w.advocatesAllocated.get(i));
            for (String recorder : w.timeRecordedBy.get(i)) {
                if (layout.records.allocatedAdvocates.contains(recorder)) {
                    ids.add(recorder);
                }
            }
            active[i] = ids.size();
            all.addAll(ids);
        }
        List<ReturnCell> row = new ArrayList<>(layout.serviceRow("Advocates active in the quarter", active));
        row.set(row.size() - 1, count(all.size()));
        return layout.table("Advocates active", "Number of advocates supporting people", "LLR 26.17", layout.serviceHeadings("Figure"),
                List.of(row), CountingRules.ADVOCATES_ACTIVE);
    }

    ReturnTable closedCases() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(layout.serviceRow("Cases closed", w.closed));
        rows.add(layout.hoursRow("Hours on the cases closed", w.closedMinutes));
        Map<String, long[]> minutes = w.closedMinutesByReason.all();
        w.closedByReason.all().forEach((label, counts) -> {
            rows.add(layout.serviceRow("Closed: " + label, counts));
            rows.add(layout.hoursRow("Hours: " + label, minutes.get(label)));
        });
        Map<String, long[]> typeMinutes = w.closedMinutesByDecisionType.all();
        w.closedByDecisionType.all().forEach((label, counts) -> {
            rows.add(layout.serviceRow("Closed, case or decision type: " + label, counts));
            rows.add(layout.hoursRow("Hours, case or decision type: " + label, typeMinutes.get(label)));
        });
        // The summary of outcomes achieved: the action-plan goals marked at closure (LLR 9.34, Appendix One KPI 4).
        rows.add(layout.serviceRow("Goals marked achieved at closure", w.goalsAchieved));
        rows.add(layout.serviceRow("Goals marked at closure", w.goalsMarked));
        return layout.table("Cases closed", "Cases closed, hours spent and outcomes", "LLR 26.17; LEW Appendix 1, 8.12",
                layout.serviceHeadings("Figure"), rows, CountingRules.CASES_CLOSED);
    }

    ReturnTable requests() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(layout.serviceRow("Requests to provide 20 or more hours", w.requests));
        List<ReturnCell> hoursAsked = new ArrayList<>();
        hoursAsked.add(text("Hours asked for"));
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < layout.s; i++) {
            hoursAsked.add(ReturnCell.decimal(w.requestedHours[i]));
            total = total.add(w.requestedHours[i]);
        }
        hoursAsked.add(ReturnCell.decimal(total));
        rows.add(hoursAsked);
        return layout.table("Requests of 20 or more hours", "Requests to provide 20 or more hours for one person", "LLR 26.17",
                layout.serviceHeadings("Figure"), rows, CountingRules.REQUESTS_OVER);
    }
}
