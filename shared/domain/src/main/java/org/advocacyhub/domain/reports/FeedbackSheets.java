package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.SIXTY;
import static org.advocacyhub.domain.reports.ReturnLayout.count;
import static org.advocacyhub.domain.reports.ReturnLayout.sum;
import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.reports.ReturnSummary.AwarenessLine;

/**
 * What people told the hub and what it did to be known: the outcomes people reported at closure
 * (LEW 13.3, Appendix 1; LLR Appendix One), awareness-raising sessions (LLR KPIs 5 and 6) and
 * answerphone callbacks (LLR 9.23, the contract's: every workbook shows them). Complaints and
 * compliments are {@link ComplaintSheets}'.
 */
final class FeedbackSheets {

    private final ReturnLayout layout;
    private final WorkbookCounts w;

    FeedbackSheets(ReturnLayout layout) {
        this.layout = layout;
        this.w = layout.w;
    }

    /**
     * Each outcome measure, per service and for all services: the people answering positively (the numerator), those
     * answering (the denominator), the share, and where the contract sets one its target and whether it was met (LLR
     * Appendix One outcomes 1-11: 95, 90, 85 or 100%; LEW Appendix 1: 100 or 80%). A question without a measure of
     * the contract's (overall satisfaction, LLR 9.51) has no target and says so.
     */
    ReturnTable outcomes() {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (OutcomeLine line : outcomeLines(true)) {
            rows.add(List.of(text(line.measure()), text(line.serviceName()), text(line.clause()), count(line.positive()),
                    count(line.answered()), ReturnCell.share(line.positive(), line.answered()), ReturnLayout.targetCell(line.target()),
                    text(line.verdict().text())));
        }
        // LEW Appendix 1: some measures are the advocate's report, not the person's; their measure says so ("Advocate reports").
        boolean advocates = layout.questions.stream().anyMatch(q -> q.askedOf() == FeedbackQuestion.AskedOf.ADVOCATE);
        return layout.table("Outcomes", advocates ? "Outcomes the people and their advocates reported at closure, against the "
                        + "contract's targets" : "Outcomes the people reported at closure, against the contract's targets",
                "LEW 13.3, Appendix 1; LLR Appendix One", List.of("Measure", "Service", "Clause", "Positive", "Answered",
                        "Share positive", "Target", "Result"), rows, CountingRules.OUTCOMES);
    }

    /**
     * One outcome measure's figures for one service, or for all services ({@code service} null).
     *
     * @param measure  the contract's name of the measure, else the question as asked
     * @param positive the people answering yes (or 4 or 5 of 5)
     * @param answered the people answering the question at closure in the quarter
     */
    record OutcomeLine(String measure, String serviceName, String clause, long positive, long answered,
                       java.util.Optional<BigDecimal> target, ReturnSummary.Verdict verdict) {
    }

    /** The outcome lines: each question's all-services line, preceded by its per-service lines when {@code perService}. */
    List<OutcomeLine> outcomeLines(boolean perService) {
        List<OutcomeLine> lines = new ArrayList<>();
        for (int q = 0; q < layout.questions.size(); q++) {
            FeedbackQuestion question = layout.questions.get(q);
            if (question.issueRaised().isPresent()) {
                // An issue raised is counted (Outcomes (LEW)), not an outcome whose share is measured.
                continue;
            }
            // The question's clause is the contract's own, from its file.
            String measure = question.measure().orElse(question.text());
            if (perService) {
                for (int i = 0; i < layout.s; i++) {
                    lines.add(line(measure, layout.services.get(i).displayName(), question, w.feedbackPositive[q][i],
                            w.feedbackAnswered[q][i]));
                }
            }
            lines.add(line(measure, "All services", question, sum(w.feedbackPositive[q]), sum(w.feedbackAnswered[q])));
        }
        return lines;
    }

    private static OutcomeLine line(String measure, String serviceName, FeedbackQuestion question, long positive, long answered) {
        return new OutcomeLine(measure, serviceName, question.clause(), positive, answered, question.targetPercent(),
                ReturnSummary.Verdict.of(positive, answered, question.targetPercent()));
    }

    ReturnTable awareness(List<AwarenessLine> lines) {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (AwarenessLine line : lines) {
            rows.add(List.of(text(line.name()), text(line.setting().displayName()), count(w.awarenessQuarter[line.setting().ordinal()]),
                    count(line.heldInArea()), count(line.heldContract()), count(line.perHalfYear()), text(line.verdict().text())));
        }
        return layout.table("Awareness sessions", "Awareness-raising sessions (KPIs 5 and 6)", "LLR 5.26, 9.47, Appendix One",
                List.of("KPI", "Setting", "In this area in the quarter", "In this area in the half-year",
                        "Contract-wide in the half-year", "At least (a half-year)", "Result"), rows, CountingRules.AWARENESS);
    }

    ReturnTable callbacks() {
        CallbackFigures f = layout.callbackFigures;
        List<List<ReturnCell>> rows = List.of(
                List.of(text("Messages left on the answerphone"), count(f.received())),
                List.of(text("Responded to within 24 working hours"), ReturnCell.share(f.respondedInTime(), f.received())),
                List.of(text("Missed"), count(f.missed())),
                List.of(text("Not yet responded to and not yet due"), count(f.open())),
                List.of(text("Median response time (working hours)"), f.medianResponseTime() == null ? ReturnCell.blank()
                        : ReturnCell.decimal(BigDecimal.valueOf(f.medianResponseTime().toMinutes()).divide(SIXTY, 2,
                        RoundingMode.HALF_UP))));
        return layout.table("Answerphone", "Answerphone callbacks within 24 working hours (contract-wide)", "LLR 9.23",
                List.of("Figure (contract-wide)", "Value"), rows, CountingRules.CALLBACKS);
    }
}
