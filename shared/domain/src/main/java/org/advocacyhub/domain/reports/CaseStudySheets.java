package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.contract.ServiceConfig;

/**
 * Case studies and service summaries (LLR 26.16, 26.17, 27.3, Appendix One "Case studies/summaries"; LEW 17.2): written
 * for the contract, not a council, so every workbook of the contract shows them, as it shows complaints
 * ({@link ContractRecords}). A case study is shown by its service, the outcome measures it evidences, its consent and its
 * text: never its case's reference or anyone's name, and text that could identify someone is withheld here even if it was
 * stored before the rule refused it ({@link ComplaintSheets#plain}).
 */
final class CaseStudySheets {

    /** What a case study or summary the return asks for and does not have says (LLR Appendix One, "Case study format" D). */
    static final String NOT_COMPLETED = "Not completed this quarter";

    private final ReturnLayout layout;
    private final ContractRecords records;

    CaseStudySheets(ReturnLayout layout) {
        this.layout = layout;
        this.records = layout.records;
    }

    /**
     * For each service of the contract, the case studies a manager selected for the quarter, oldest written first; then, up
     * to the number the contract asks for a service (LLR Appendix One: four), one row saying each missing one was not
     * completed.
     */
    ReturnTable caseStudies(ReportSchedule.CaseStudies required) {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (ServiceConfig service : layout.services) {
            List<CaseStudy> selected = records.caseStudies.stream().filter(s -> s.selected() && s.service() == service.code())
                    .sorted(Comparator.comparing(CaseStudy::writtenAt).thenComparing(CaseStudy::id)).toList();
            for (CaseStudy study : selected) {
                rows.add(List.of(text(service.displayName()), text(measures(study)), text(study.consent().displayName()),
                        text(ComplaintSheets.plain(study.text()))));
            }
            for (int missing = selected.size(); missing < required.perService(); missing++) {
                rows.add(List.of(text(service.displayName()), text(""), text(""), text(NOT_COMPLETED)));
            }
        }
        return layout.table("Case studies", "Outcome case studies selected for the quarter, " + required.perService()
                        + " a service (contract-wide)", "LLR 26.16, 27.3, Appendix One",
                List.of("Service", "Outcome measures evidenced", "Consent", "Case study"), rows, CountingRules.CASE_STUDIES);
    }

    /** Each service activity summary the contract asks for, in its order: what was written, or that it was not completed. */
    ReturnTable serviceSummaries(List<ReportSchedule.ServiceSummary> asked) {
        List<List<ReturnCell>> rows = new ArrayList<>();
        for (ReportSchedule.ServiceSummary summary : asked) {
            Optional<ServiceSummary> written = records.serviceSummaries.stream().filter(s -> s.summary().equals(summary.id())).findFirst();
            String said = written.filter(s -> !s.notCompleted()).map(s -> ComplaintSheets.plain(s.text())).orElse(NOT_COMPLETED);
            rows.add(List.of(text(summary.title()), text(layout.cite(summary.clause())), text(said)));
        }
        return layout.table("Service summaries", "Service activity summaries of the quarter (contract-wide)",
                "LLR 26.17, Appendix One; LEW 17.2", List.of("Summary", "Clause", "For the quarter"), rows,
                CountingRules.SERVICE_SUMMARIES);
    }

    /** The outcome measures a study evidences, by the measures' names in the contract's words, in the contract's order. */
    private String measures(CaseStudy study) {
        List<String> names = new ArrayList<>();
        for (FeedbackQuestion question : layout.contract.feedback()) {
            if (study.measures().contains(question.id())) {
                question.measure().ifPresent(names::add);
            }
        }
        return String.join("; ", names);
    }
}
