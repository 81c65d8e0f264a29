package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.count;
import static org.advocacyhub.domain.reports.ReturnLayout.hoursCell;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.reports.ReturnSummary.KpiLine;

/**
 * The outputs of LEW's outcomes and outputs framework (LEW Appendix 1, reported quarterly under LEW
 * 17.2), for the children and young people's service: hours delivered, young people supported, active
 * caseload by group, self and Participation Manager referrals, accepted, rejected, closed, contacted
 * within 72 hours, active cases over 8 and 12 hours, primary reasons and complaints by stage; and the
 * outcomes Appendix 1 counts (meetings attended, referrals to the participation forum, issues raised by
 * young people, young people returning). Its outcome percentages are the Outcomes sheet's ({@link FeedbackSheets#outcomes()}).
 */
final class LewSheets {

    /**
     * The id of lew.yaml's question to the advocate whose yes answers are LEW Appendix 1's "Number of young people referred
     * to LB Lewisham participation forum or service".
     */
    static final String PARTICIPATION_REFERRAL = "referredToParticipation";

    private final ReturnLayout layout;
    private final WorkbookCounts w;

    LewSheets(ReturnLayout layout) {
        this.layout = layout;
        this.w = layout.w;
    }

    ReturnTable outputs(List<KpiLine> kpiLines) {
        int i = layout.serviceIndex.get(ServiceCode.CYP);
        ServiceConfig service = layout.services.get(i);
        ContractRecords records = layout.records;
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(List.of(text("Number of hours delivered"), hoursCell(w.directMinutes[i] + w.indirectMinutes[i])));
        rows.add(List.of(text("Number of individual young people supported"), count(w.peopleQuarter[i].size())));
        rows.add(List.of(text("Active caseload at end of quarter"), count(w.activeAtEnd[i])));
        w.caseloadGroup.all().forEach((label, counts) -> rows.add(List.of(text("Active caseload: " + label), count(counts[i]))));
        rows.add(List.of(text("Number of new self-referrals"), count(w.selfReferrals[i])));
        rows.add(List.of(text("Number of new referrals from Participation Manager"), count(w.participationManager[i])));
        rows.add(List.of(text("Number of referrals accepted"), count(w.appropriate[i])));
        rows.add(List.of(text("Number of referrals rejected"), count(w.inappropriate[i])));
        rows.add(List.of(text("Number of cases closed"), count(w.closed[i])));
        kpiLines.stream().filter(line -> line.service() == ServiceCode.CYP && line.clause().startsWith("LEW"))
                .findFirst().ifPresent(line -> rows.add(List.of(text("Percentage of young people contacted within 72 hours"),
                        ReturnCell.share(line.numerator(), line.denominator()))));
        String review = service.hourThreshold(HourThreshold.Kind.REVIEW).map(t -> t.hours().toPlainString()).orElse("8");
        String cap = service.hourThreshold(HourThreshold.Kind.CAP).map(t -> t.hours().toPlainString()).orElse("12");
        rows.add(List.of(text("Number of active cases exceeding " + review + " hours"), count(w.overReview[i])));
        rows.add(List.of(text("Number of active cases exceeding " + cap + " hours"), count(w.overCap[i])));
        w.primaryReason.all().forEach((label, counts) -> rows.add(List.of(text("Primary reason: " + label), count(counts[i]))));
        for (int stage = 0; stage < 3; stage++) {
            rows.add(List.of(text("Number of cases in complaints process: stage " + (stage + 1)),
                    count(records.complaintsInProcess[i][stage])));
        }
        rows.add(List.of(text("Number of complaints resolved by alternative dispute resolution"), count(records.complaintsAdr[i])));
        return layout.table("Outputs (LEW)", "Outcomes and outputs framework: outputs", "LEW Appendix 1, 17.2", List.of("Output", "Value"),
                rows, CountingRules.LEW_OUTPUTS, CountingRules.KPI_CLOCKS, CountingRules.COMPLAINTS);
    }

    /**
     * The numbers of LEW Appendix 1's outcomes, in its words, for the children and young people's service: young people
     * supported to contribute to a Pathway Plan; LAC reviews, CP conferences and other meetings attended with young
     * people; young people referred to the participation forum or service (none has a target, "N/A"); and young people
     * returning to the service once, and at least twice, in the year following case closure (target 0). How each is
     * counted: {@link CountingRules#LEW_OUTCOMES}.
     */
    ReturnTable outcomes() {
        int i = layout.serviceIndex.get(ServiceCode.CYP);
        String clause = layout.cite("LEW Appendix 1");
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(noTarget("Number of young people supported to contribute to Pathway Plan", clause, w.pathwayPlanCases[i].size()));
        rows.add(noTarget("Number of LAC Review meetings attended with young people", clause,
                w.meetingsAttended[TimeEntry.Meeting.LAC_REVIEW.ordinal()][i]));
        rows.add(noTarget("Number of CP Conferences attended with young people", clause,
                w.meetingsAttended[TimeEntry.Meeting.CP_CONFERENCE.ordinal()][i]));
        rows.add(noTarget("Number of other meetings attended with young people", clause,
                w.meetingsAttended[TimeEntry.Meeting.OTHER.ordinal()][i]));
        for (int q = 0; q < layout.questions.size(); q++) {
            if (layout.questions.get(q).id().equals(PARTICIPATION_REFERRAL)) {
                rows.add(noTarget("Number of young people referred to LB Lewisham participation forum or service", clause,
                        w.feedbackPositive[q][i]));
            }
        }
        // LEW Appendix 1: "Count of issues raised by young people (categories to be confirmed)": by the contract file's
        // categories (issueRaised), then all of them.
        long issues = 0;
        for (int q = 0; q < layout.questions.size(); q++) {
            var category = layout.questions.get(q).issueRaised();
            if (category.isPresent()) {
                rows.add(noTarget("Count of issues raised by young people: " + category.get(), clause, w.feedbackPositive[q][i]));
                issues += w.feedbackPositive[q][i];
            }
        }
        if (layout.questions.stream().anyMatch(q -> q.issueRaised().isPresent())) {
            rows.add(noTarget("Count of issues raised by young people: all categories", clause, issues));
        }
        rows.add(noneWanted("Number of young people returning to the advocacy service once in the year following case closure", clause,
                w.returnedOnce[i]));
        rows.add(noneWanted("Number of young people returning to the advocacy service at least twice in the year following case closure",
                clause, w.returnedTwice[i]));
        return layout.table("Outcomes (LEW)", "Outcomes and outputs framework: outcomes counted", "LEW Appendix 1, 17.2",
                List.of("Outcome", "Clause", "Value", "Target", "Result"), rows, CountingRules.LEW_OUTCOMES, CountingRules.PEOPLE_SUPPORTED);
    }

    /** A number Appendix 1 asks for without a target ("N/A"). */
    private static List<ReturnCell> noTarget(String outcome, String clause, long value) {
        return List.of(text(outcome), text(clause), count(value), text(ReturnSummary.Verdict.NO_TARGET.text()),
                text(ReturnSummary.Verdict.NO_TARGET.text()));
    }

    /** A number whose target is 0 (LEW Appendix 1: young people returning to the service): met when none. */
    private static List<ReturnCell> noneWanted(String outcome, String clause, long value) {
        return List.of(text(outcome), text(clause), count(value), text("0"),
                text((value == 0 ? ReturnSummary.Verdict.MET : ReturnSummary.Verdict.NOT_MET).text()));
    }
}
