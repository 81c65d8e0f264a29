package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.column;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.returns.ReturnRecord;

/**
 * Complaints and compliments (LLR 26.17: "the number of formal and informal complaints and compliments received each
 * quarter (including brief details)" and "details of progress on any ongoing enquiries/investigations"; LEW Appendix 1:
 * cases in the complaints process by stage, resolved by alternative dispute resolution). They are recorded for the
 * contract and a service, not a council: every workbook of the contract shows them ({@link ContractRecords}).
 */
final class ComplaintSheets {

    /** What a detail says in place of text that could identify someone (recorded before the rule, or past it). */
    static final String WITHHELD = "Withheld: the text may identify someone";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReturnLayout layout;
    private final ContractRecords records;

    ComplaintSheets(ReturnLayout layout) {
        this.layout = layout;
        this.records = layout.records;
    }

    ReturnTable complaints() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        rows.add(layout.serviceRow("Formal complaints received", column(records.complaintsByFormality, 0)));
        rows.add(layout.serviceRow("Informal complaints received", column(records.complaintsByFormality, 1)));
        long[] notGiven = column(records.complaintsByFormality, 2);
        if (ReturnLayout.sum(notGiven) > 0) {
            rows.add(layout.serviceRow("Complaints received: formal or informal not recorded", notGiven));
        }
        for (int stage = 0; stage < 3; stage++) {
            rows.add(layout.serviceRow("Complaints received: stage " + (stage + 1), column(records.complaintsReceived, stage)));
        }
        for (int stage = 0; stage < 3; stage++) {
            rows.add(layout.serviceRow("In the complaints process in the quarter: stage " + (stage + 1),
                    column(records.complaintsInProcess, stage)));
        }
        rows.add(layout.serviceRow("Resolved by alternative dispute resolution", records.complaintsAdr));
        rows.add(layout.serviceRow("Compliments received", records.compliments));
        return layout.table("Complaints", "Complaints and compliments (contract-wide)", "LLR 26.17, Appendix One; LEW Appendix 1",
                layout.serviceHeadings("Figure (contract-wide)"), rows, CountingRules.COMPLAINTS);
    }

    /**
     * One row per complaint in the complaints process at any time in the quarter and per compliment received in it, oldest
     * first: what it is, its service, stage and state at the quarter's end, and the brief details and progress staff wrote
     * for the council. Text that could identify someone ({@link IdentifyingDetails}) is withheld here even if it was
     * stored before the rule refused it.
     */
    ReturnTable details() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        List<ReturnRecord> sorted = new ArrayList<>(records.detailed);
        sorted.sort(Comparator.comparing(ReturnRecord::date).thenComparing(ReturnRecord::id));
        for (ReturnRecord record : sorted) {
            if (record instanceof Complaint c) {
                String what = c.formality() == null ? "Complaint" : c.formality().displayName() + " complaint";
                boolean closedByEnd = c.closed() != null && !c.closed().isAfter(layout.quarter.lastDay());
                String state = closedByEnd ? "Closed " + DAY.format(c.closed()) : "Open at the quarter's end";
                rows.add(List.of(text(DAY.format(c.received())), text(what), text(c.service().displayName()), text("Stage " + c.stage()),
                        text(state), text(c.resolvedByAdr() == null ? "" : c.resolvedByAdr() ? "Yes" : "No"), text(plain(c.summary())),
                        text(plain(c.progress()))));
            } else if (record instanceof Compliment c) {
                rows.add(List.of(text(DAY.format(c.received())), text("Compliment"), text(c.service().displayName()), text(""), text(""),
                        text(""), text(plain(c.summary())), text("")));
            }
        }
        return layout.table("Complaint details", "Complaints in the process and compliments received, with brief details "
                        + "(contract-wide)", "LLR 26.17; LEW Appendix 1",
                List.of("Received", "What", "Service", "Stage", "At the quarter's end", "Resolved by alternative dispute resolution",
                        "Brief details", "Progress"), rows, CountingRules.COMPLAINT_DETAILS);
    }

    /** The text as written, or {@link #WITHHELD} when it could identify someone; blank when none was written. */
    static String plain(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return IdentifyingDetails.in(text, List.of()).isEmpty() ? text : WITHHELD;
    }
}
