package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.add;
import static org.advocacyhub.domain.reports.ReturnLayout.decimalOrBlank;
import static org.advocacyhub.domain.reports.ReturnLayout.ratio;
import static org.advocacyhub.domain.reports.ReturnLayout.sum;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.domain.reports.CountingRules.Definition;
import org.advocacyhub.domain.reports.WorkbookCounts.Breakdown;

/**
 * The referral sheets: referrals received, decided and carried forward; appropriate referrals by
 * decision type, gender, age band, ethnicity, disability, postcode district and source, and every
 * referral by route (LLR 26.17; LEW 17.5 asks for the same of its caseload); inappropriate referrals
 * by outcome, source and reason; those awaiting a decision; the waiting list; out-of-area referrals.
 */
final class ReferralSheets {

    private final ReturnLayout layout;
    private final WorkbookCounts w;

    ReferralSheets(ReturnLayout layout) {
        this.layout = layout;
        this.w = layout.w;
    }

    /** Referrals, the breakdowns, the inappropriate and awaiting ones, and the waiting list, in the workbook's order. */
    List<ReturnTable> referralsAndWaiting() {
        List<ReturnTable> tables = new ArrayList<>();
        tables.add(referrals());
        // LEW 17.5: the caseload information gives each young person's service, age, gender, ethnicity, self-reported
        // disability and referral source.
        tables.add(breakdown("By decision type", "Appropriate referrals by case or decision type", "LLR 26.17; LEW 17.5", "Decision type",
                w.decisionType, CountingRules.DECISION_TYPE));
        tables.add(breakdown("By gender", "Appropriate referrals by gender", "LLR 26.17; LEW 17.5", "Gender", w.gender,
                CountingRules.GENDER));
        tables.add(breakdown("By age band", "Appropriate referrals by age band", "LLR 26.17; LEW 17.5", "Age band", w.ageBand,
                CountingRules.AGE_BAND));
        tables.add(breakdown("By ethnicity", "Appropriate referrals by ethnicity", "LLR 26.17; LEW 17.5", "Ethnicity", w.ethnicity,
                CountingRules.ETHNICITY));
        tables.add(breakdown("By disability", "Appropriate referrals by disability or impairment", "LLR 26.17; LEW 17.5", "Disability",
                w.disability, CountingRules.DISABILITY));
        tables.add(breakdown("By postcode district", "Appropriate referrals by postcode district", "LLR 26.17",
                "Postcode district", w.postcode, CountingRules.POSTCODE_DISTRICT));
        tables.add(breakdown("By source", "Appropriate referrals by referral source", "LLR 26.17; LEW 17.5", "Source", w.source,
                CountingRules.SOURCE));
        tables.add(breakdown("By route", "All referrals received by referral route", "LLR 26.17, 7.45", "Route", w.route,
                CountingRules.ROUTE));
        // LEW Appendix 1 outputs: the number of referrals rejected.
        tables.add(breakdown("Inappropriate by outcome", "Inappropriate referrals by decision", "LLR 4.5.2, 4.5.5, 26.17; LEW Appendix 1",
                "Decision", w.inappropriateOutcome, CountingRules.INAPPROPRIATE_REFERRALS));
        tables.add(breakdown("Inappropriate by source", "Inappropriate referrals by referral source", "LLR 26.17", "Source",
                w.inappropriateSource, CountingRules.INAPPROPRIATE_REFERRALS));
        tables.add(breakdown("Inappropriate reasons", "Reasons given for inappropriate referrals", "LLR 26.17, 6.10, 8.35",
                "Reason (clause)", w.inappropriateReason, CountingRules.INAPPROPRIATE_REFERRALS));
        tables.add(breakdown("Awaiting decision by source", "Referrals awaiting a decision by referral source", "LLR 26.17",
                "Source", w.awaitingSource, CountingRules.AWAITING_DECISION));
        tables.add(waitingList());
        return tables;
    }

    ReturnTable referrals() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(layout.serviceRow("Referrals received", w.received));
        rows.add(layout.serviceRow("Appropriate (accepted)", w.appropriate));
        rows.add(layout.serviceRow("Inappropriate", w.inappropriate));
        rows.add(layout.serviceRow("Awaiting decision", w.awaiting));
        rows.add(layout.serviceRow("Carried forward from the previous quarter: accepted", w.carriedAccepted));
        rows.add(layout.serviceRow("Carried forward from the previous quarter: awaiting decision", w.carriedAwaiting));
        rows.add(layout.serviceRow("Carried forward from the previous quarter: total", add(w.carriedAccepted, w.carriedAwaiting)));
        // LEW Appendix 1 outputs: referrals accepted and rejected; DERBY 3.7.1 Access: responses to the referrals received.
        return layout.table("Referrals", "Referrals received, decisions and referrals carried forward",
                "LLR 26.17, 4.5.5; LEW Appendix 1; DERBY 3.7.1", layout.serviceHeadings("Figure"), rows,
                CountingRules.REFERRALS_RECEIVED, CountingRules.APPROPRIATE_REFERRALS, CountingRules.INAPPROPRIATE_REFERRALS,
                CountingRules.AWAITING_DECISION, CountingRules.CARRIED_FORWARD, CountingRules.AUTHORITY_SPLIT);
    }

    private ReturnTable breakdown(String sheet, String title, String clauses, String heading, Breakdown breakdown,
                                  Definition... definitions) {
        List<List<ReturnCell>> rows = new ArrayList<>();
        breakdown.all().forEach((label, counts) -> rows.add(layout.serviceRow(label, counts)));
        return layout.table(sheet, title, clauses, layout.serviceHeadings(heading), rows, definitions);
    }

    ReturnTable waitingList() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(layout.serviceRow("Waiting for an advocate at quarter end", w.waiting));
        List<ReturnCell> average = new ArrayList<>();
        average.add(text("Average wait (working days)"));
        for (int i = 0; i < layout.s; i++) {
            average.add(decimalOrBlank(ratio(w.waitingDays[i], w.waiting[i])));
        }
        average.add(decimalOrBlank(ratio(sum(w.waitingDays), sum(w.waiting))));
        rows.add(average);
        w.waitingSource.all().forEach((label, counts) -> rows.add(layout.serviceRow("Waiting, source: " + label, counts)));
        return layout.table("Waiting list", "Waiting list at the end of the quarter (unallocated referrals)", "LLR 26.17, 4.5",
                layout.serviceHeadings("Figure"), rows, CountingRules.WAITING_LIST);
    }

    ReturnTable outOfArea() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        w.outOfArea.all().forEach((label, counts) -> rows.add(layout.serviceRow("Source: " + label, counts)));
        long[] total = new long[layout.s];
        w.outOfArea.all().values().forEach(counts -> {
            for (int i = 0; i < layout.s; i++) {
                total[i] += counts[i];
            }
        });
        rows.add(layout.serviceRow("Out-of-area referrals received", total));
        rows.add(layout.serviceRow("Of which appropriate", w.outOfAreaAppropriate));
        // Shown to the instructing council as well as counted once, in the person's council's figures.
        w.instructedForAnother.all().forEach((council, counts) -> rows.add(layout.serviceRow(
                "Instructed by this council for a person in another area: " + council + " (counted in its figures)", counts)));
        w.instructedByAnother.all().forEach((council, counts) -> rows.add(layout.serviceRow(
                "Instructed by another council for a person in this area: " + council, counts)));
        return layout.table("Out of area", "Out-of-area referrals and their sources", "LLR 26.17, 7.38, 23.1",
                layout.serviceHeadings("Figure"), rows, CountingRules.OUT_OF_AREA, CountingRules.AUTHORITY_SPLIT);
    }
}
