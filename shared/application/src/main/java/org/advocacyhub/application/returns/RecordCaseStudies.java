package org.advocacyhub.application.returns;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.CaseStudyStore;
import org.advocacyhub.domain.casestudy.CaseStudies;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.Consent;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.reports.AnnualReturns;
import org.advocacyhub.domain.reports.IdentifyingDetails;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The case studies and service summaries a quarter's return includes (issue 23: LLR 26.16, 26.17, 27.3, Appendix One "Case
 * studies/summaries"; LEW 17.2).
 *
 * <p>A case study is written where the work happens: on the closed case, by its advocate or a manager, for the quarter the
 * case closed in; a manager selects the ones the return submits, at most the contract's number a service (LLR Appendix One:
 * four). A service summary is written by a manager for a contract, quarter and summary: its text, or that the activity was
 * not completed (Appendix One D). Every text is checked against the workbook's identifying details rule (with the case
 * person's name for a case study): the return is emailed (LLR 26.9, 27.6). Every change carries the revision it was made
 * from: a change made meanwhile is not overwritten (409), and the same change sent again answers with what is stored.
 */
@Singleton
public final class RecordCaseStudies {

    private static final String NAME_NO_ONE = "Do not name anyone or write anything that could identify a person: no names, "
            + "initials, full dates, addresses, telephone numbers or case references";

    /** {@code revision}: 0 to write a new one, else the revision you read. */
    public static final FieldSpec REVISION = new FieldSpec("revision", "Revision", "0 when it is new; else the revision you read: "
            + "a change made meanwhile is not overwritten", FieldKind.INTEGER, true, 6, List.of(), "Give the revision you read (0 when "
            + "it is new)", "Revision", FieldSpec.Range.of(0, 100_000));

    public static final FieldSpec CONSENT = new FieldSpec("consent", "Consent", "The person agreed to their journey being told; or "
            + "they could not consent and it is told in their best interests with no identifying details", FieldKind.CHOICE, true,
            20, List.of(Consent.values()), "Say on what footing the case study is shared", "Consent");

    public static final FieldSpec TEXT = new FieldSpec("text", "Case study", "The person's journey to their outcomes (LLR "
            + "Appendix One B), for the council. " + NAME_NO_ONE, FieldKind.TEXTAREA, true, CaseStudies.LONGEST, List.of(),
            "Write the case study", "Case study");

    public static final FieldSpec SELECTED = new FieldSpec(CaseStudies.SELECTED, "Selected", "Whether the return submits it "
            + "(LLR Appendix One: 4 case studies per quarter, per service)", FieldKind.YES_NO, true, 5, List.of(),
            "Say whether it is selected (true or false)", "Selected");

    public static final FieldSpec SUMMARY_TEXT = new FieldSpec("text", "Summary", "The work of the quarter on the activity "
            + "(LLR Appendix One C). " + NAME_NO_ONE, FieldKind.TEXTAREA, false, CaseStudies.LONGEST, List.of(), "", "Summary");

    public static final FieldSpec NOT_COMPLETED = new FieldSpec("notCompleted", "Not completed this quarter", "The activity was "
            + "not completed this quarter (LLR Appendix One D): then write no summary", FieldKind.YES_NO, false, 5, List.of(), "",
            "Not completed this quarter");

    public static final FieldSpec ANNUAL_TEXT = new FieldSpec("text", "For the year", "What the service did in the financial year "
            + "on the item (LLR 27.4, Appendix One Annual Return). " + NAME_NO_ONE, FieldKind.TEXTAREA, false, CaseStudies.LONGEST,
            List.of(), "", "For the year");

    public static final FieldSpec ANNUAL_NOT_COMPLETED = new FieldSpec("notCompleted", "Not completed this year", "Nothing to report "
            + "on the item this year (LLR Appendix One D): then write nothing", FieldKind.YES_NO, false, 5, List.of(), "",
            "Not completed this year");

    private final CaseStudyStore store;
    private final CaseStore cases;
    private final CaseWork work;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> studyFields;
    private final List<FieldSpec> selectionFields;
    private final List<FieldSpec> summaryFields;
    private final List<FieldSpec> query;
    private final List<FieldSpec> annualFields;
    private final List<FieldSpec> annualQuery;

    public RecordCaseStudies(CaseStudyStore store, CaseStore cases, CaseWork work, ContractCatalogue contracts, ContractTerms terms,
                             Clock clock) {
        this.store = store;
        this.cases = cases;
        this.work = work;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.studyFields = studyFields(measureChoices(contracts.contracts().stream()
                .filter(c -> c.reportSchedule().caseStudies().isPresent()).flatMap(c -> CaseStudies.measures(c).stream()).toList()));
        this.selectionFields = List.of(contract(contracts), quarter(true), REVISION.named("revision"), SELECTED);
        this.summaryFields = List.of(contract(contracts), quarter(true), new FieldSpec("summary", "Summary", "The id of one of the "
                + "contract's service summaries, like trends", FieldKind.TEXT, true, 40, List.of(), "Say which summary it is",
                "Summary"), REVISION, SUMMARY_TEXT, NOT_COMPLETED);
        this.query = List.of(contract(contracts), quarter(false));
        this.annualFields = List.of(contract(contracts), year(true), new FieldSpec("item", "Item", "The id of one of the contract's "
                + "annual return items, like achievement", FieldKind.TEXT, true, 40, List.of(), "Say which item it is", "Item"),
                REVISION, ANNUAL_TEXT, ANNUAL_NOT_COMPLETED);
        this.annualQuery = List.of(contract(contracts), year(false));
    }

    private static FieldSpec contract(ContractCatalogue contracts) {
        return new FieldSpec("contract", "Contract", "The contract whose return it is for", FieldKind.CHOICE, true, 10,
                ContractChoice.all(contracts), "Give the contract, e.g. \"LLR\"", "Contract");
    }

    private static FieldSpec quarter(boolean required) {
        return new FieldSpec("quarter", "Financial quarter", "Like FY2026Q3 (the financial year April 2026 to March 2027, Q1 is "
                + "April to June)" + (required ? "" : "; this quarter unless given"), FieldKind.TEXT, required, 8, List.of(),
                "Give the financial quarter, like FY2026Q3", "Financial quarter");
    }

    private static FieldSpec year(boolean required) {
        return new FieldSpec("year", "Financial year", "Like FY2026 (April 2026 to March 2027)" + (required ? ""
                : "; the year just ended unless given"), FieldKind.TEXT, required, 6, List.of(),
                "Give the financial year, like FY2026", "Financial year");
    }

    /** An outcome measure as a choice: its question's id, named by its measure. */
    private record Measure(String name, String displayName) implements Choice {
    }

    private static List<Measure> measureChoices(List<FeedbackQuestion> questions) {
        Map<String, Measure> choices = new LinkedHashMap<>();
        questions.forEach(q -> choices.putIfAbsent(q.id(), new Measure(q.id(), q.measure().orElse(q.id()))));
        return List.copyOf(choices.values());
    }

    private static List<FieldSpec> studyFields(List<Measure> measures) {
        return List.of(REVISION, new FieldSpec("measures", "Outcome measures evidenced", "The outcomes the journey shows the person "
                + "met (LLR Appendix One, Outcome KPI): any of the contract's", FieldKind.MULTI_CHOICE, false, 40, measures, "",
                "Outcome measures"), CONSENT, TEXT);
    }

    /** The body of {@code POST /cases/{reference}/case-study}, every contract's measures once (they are checked per contract). */
    public List<FieldSpec> studyFields() {
        return studyFields;
    }

    /** The body of {@code POST /cases/{reference}/case-study} for a case of {@code contract}: its own measures. */
    public List<FieldSpec> studyFields(Contract contract) {
        return studyFields(measureChoices(CaseStudies.measures(contract)));
    }

    /** The body of {@code POST /case-studies/{id}/selection}. */
    public List<FieldSpec> selectionFields() {
        return selectionFields;
    }

    /** The body of {@code PUT /service-summaries}. */
    public List<FieldSpec> summaryFields() {
        return summaryFields;
    }

    /** The body of {@code PUT /annual-return-items}. */
    public List<FieldSpec> annualFields() {
        return annualFields;
    }

    /** The query of {@code GET /annual-return-items}. */
    public List<FieldSpec> annualQuery() {
        return annualQuery;
    }

    /** The query of {@code GET /case-studies} and {@code GET /service-summaries}. */
    public List<FieldSpec> query() {
        return query;
    }

    // ------------------------------------------------------------------ outcomes

    public sealed interface Outcome {
    }

    /** The case study as stored, and the case it is about (for the console's case page). */
    public record StudyWritten(CaseStudy study, ReferralCase referral) implements Outcome {
    }

    public record StudySelected(CaseStudy study) implements Outcome {
    }

    public record StudiesListed(Contract contract, FinancialQuarter quarter, List<CaseStudy> studies) implements Outcome {
        public StudiesListed {
            studies = List.copyOf(studies);
        }
    }

    public record SummaryWritten(ServiceSummary summary) implements Outcome {
    }

    /** The quarter's summaries as written, beside the ones the contract asks for. */
    public record SummariesListed(Contract contract, FinancialQuarter quarter, List<ServiceSummary> summaries) implements Outcome {
        public SummariesListed {
            summaries = List.copyOf(summaries);
        }
    }

    /** A year's annual return items as written (stored as its fourth quarter's summaries), beside the ones the contract asks for. */
    public record AnnualListed(Contract contract, int financialYear, List<ServiceSummary> items) implements Outcome {
        public AnnualListed {
            items = List.copyOf(items);
        }
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    public record NotAllowed(String why) implements Outcome {
    }

    public record NotFound(String why) implements Outcome {
    }

    public record Conflict(String why) implements Outcome {
    }

    // ------------------------------------------------------------------ case studies

    /**
     * {@code POST /cases/{reference}/case-study}: writes or rewrites the case's study for the return of the quarter it closed
     * in. Its advocate or a manager (403 otherwise, on the case's audit trail, before the body is read); a closed case of a
     * contract that asks for case studies (409 otherwise); the text naming no one, the person's name included (400).
     */
    public Outcome write(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        CaseWork.Outcome admitted = work.admit(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, "a case study");
        if (admitted instanceof CaseWork.NotAllowed notAllowed) {
            return new NotAllowed(notAllowed.why());
        }
        if (!(admitted instanceof CaseWork.Done done)) {
            return new NotFound("There is no case with that reference.");
        }
        ReferralCase referral = done.referral();
        Contract contract = contracts.contractFor(referral.details().service());
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(studyFields(contract), body, today(now), "a case study");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        Optional<String> why = CaseStudies.notWritable(referral, contract);
        if (why.isPresent()) {
            return new Conflict(why.get());
        }
        Map<String, Object> v = checked.values();
        String text = (String) v.get(TEXT.name());
        List<String> found = IdentifyingDetails.in(text, List.of(referral.details().person().name()));
        if (!found.isEmpty()) {
            return new Invalid(List.of(new FieldError(TEXT.name(), IdentifyingDetails.message(TEXT.label(), found))));
        }
        List<String> measures = chosenMeasures(contract, v.get("measures"));
        Consent consent = (Consent) v.get(CONSENT.name());
        int seen = (Integer) v.get(REVISION.name());
        FinancialQuarter quarter = CaseStudies.quarterOf(referral);
        Optional<CaseStudy> stored = store.caseStudy(contract.code(), quarter, CaseStudy.idOf(reference));
        if (stored.isPresent() && stored.get().revision() == seen + 1 && stored.get().says(measures, consent, text)) {
            return new StudyWritten(stored.get(), referral); // the same case study, sent again
        }
        if (stored.isEmpty() && seen != 0) {
            return new Conflict("There is no case study of this case to change at revision " + seen + ": send revision 0 to write it.");
        }
        if (stored.isPresent() && stored.get().revision() != seen) {
            return new Conflict("The case study changed since revision " + seen + " (it is at revision " + stored.get().revision()
                    + "). Read it again. Nothing was changed.");
        }
        CaseStudy after = stored.map(s -> s.rewritten(measures, consent, text, actor.id(), now)).orElseGet(() -> CaseStudy.first(
                contract.code(), referral.details().service(), quarter, reference, measures, consent, text, actor.id(), now));
        if (store.save(stored.orElse(null), after) != CaseStudyStore.Write.WRITTEN) {
            return new Conflict("The case study changed meanwhile. Read it again. Nothing was changed.");
        }
        // LLR 26.8: who wrote what about the case, and when, is on its audit trail (never the text).
        cases.audit(reference, new AuditEntry(UUID.randomUUID().toString().substring(0, 8), now, actor.id(),
                (stored.isEmpty() ? "wrote" : "rewrote") + " the case study for the return of " + quarter.key()));
        return new StudyWritten(after, referral);
    }

    /** The measures chosen, as ids in the contract's order. */
    private static List<String> chosenMeasures(Contract contract, Object chosen) {
        if (!(chosen instanceof List<?> list)) {
            return List.of();
        }
        List<String> names = list.stream().map(c -> ((Choice) c).name()).toList();
        return CaseStudies.measures(contract).stream().map(FeedbackQuestion::id).filter(names::contains).toList();
    }

    /** The case study of {@code reference} for the quarter it closed in, if one is written (the case page's form). */
    public Optional<CaseStudy> of(ReferralCase closed) {
        if (closed.work().closure() == null) {
            return Optional.empty();
        }
        return store.caseStudy(closed.reference().contract(), CaseStudies.quarterOf(closed), CaseStudy.idOf(closed.reference()));
    }

    /**
     * {@code POST /case-studies/{id}/selection} (managers): selects a case study for its quarter's return, or unselects it,
     * at most the contract's number a service (LLR Appendix One: four; a fifth is refused naming {@code selected}).
     */
    public Outcome select(StaffActor actor, String id, SubmittedFields body) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers choose the case studies the return submits.");
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(selectionFields, body, today(now), "a selection");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        FinancialQuarter quarter = parseQuarter(checked.values().get("quarter"), errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        Contract contract = contracts.contract(((Choice) checked.values().get("contract")).name()).orElseThrow();
        Optional<ReportSchedule.CaseStudies> required = contract.reportSchedule().caseStudies();
        if (required.isEmpty()) {
            return new Conflict("The " + contract.code() + " contract asks for no case studies.");
        }
        Optional<CaseStudy> stored = store.caseStudy(contract.code(), quarter, id);
        if (stored.isEmpty()) {
            return new NotFound("There is no such " + contract.code() + " case study in " + quarter.name() + ".");
        }
        CaseStudy study = stored.get();
        boolean selected = (Boolean) checked.values().get(SELECTED.name());
        int seen = (Integer) checked.values().get(REVISION.name());
        if (study.selected() == selected && (study.revision() == seen + 1 || study.revision() == seen)) {
            return new StudySelected(study); // sent again, or already so
        }
        if (study.revision() != seen) {
            return new Conflict("The case study changed since revision " + seen + " (it is at revision " + study.revision()
                    + "). Read it again. Nothing was changed.");
        }
        if (selected) {
            Optional<FieldError> refused = CaseStudies.selectionRefused(store.caseStudies(contract.code(), quarter), study, required.get());
            if (refused.isPresent()) {
                return new Invalid(List.of(refused.get()));
            }
        }
        CaseStudy after = study.withSelected(selected);
        return switch (store.select(study, after, required.get().perService())) {
            case WRITTEN -> new StudySelected(after);
            case STALE -> new Conflict("The case study changed meanwhile. Read it again. Nothing was changed.");
            case LIMIT -> new Invalid(List.of(CaseStudies.selectionRefused(store.caseStudies(contract.code(), quarter), study,
                    required.get()).orElse(new FieldError(CaseStudies.SELECTED, "Selected: another case study of the service was "
                    + "selected meanwhile, and the return takes " + required.get().perService() + ". Unselect one first."))));
        };
    }

    /** {@code GET /case-studies?contract=&quarter=} (managers): the quarter's case studies, selected or not. */
    public Outcome listStudies(StaffActor actor, Map<String, List<String>> parameters) {
        Asked asked = listQuery(actor, parameters);
        return asked.refused() != null ? asked.refused()
                : new StudiesListed(asked.contract(), asked.quarter(), store.caseStudies(asked.contract().code(), asked.quarter()));
    }

    // ------------------------------------------------------------------ service summaries

    /**
     * {@code PUT /service-summaries} (managers): a contract's summary of a quarter, its text or that the activity was not
     * completed (exactly one), as one revision more. Interpretation: a summary reports work done, so it is written for this
     * quarter or an earlier one, never a quarter not yet begun.
     */
    public Outcome putSummary(StaffActor actor, SubmittedFields body) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers write the service summaries of the return.");
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(summaryFields, body, today(now), "a service summary");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        FinancialQuarter quarter = parseQuarter(v.get("quarter"), errors);
        if (quarter != null && quarter.compareTo(FinancialQuarter.containing(today(now))) > 0) {
            errors.add(new FieldError("quarter", "Financial quarter must be this quarter or an earlier one: a summary reports work done"));
        }
        Contract contract = v.get("contract") instanceof Choice chosen ? contracts.contract(chosen.name()).orElseThrow() : null;
        String summaryId = (String) v.get("summary");
        if (contract != null && summaryId != null && contract.reportSchedule().serviceSummary(summaryId).isEmpty()) {
            List<String> ids = contract.reportSchedule().serviceSummaries().stream().map(ReportSchedule.ServiceSummary::id).toList();
            errors.add(new FieldError("summary", ids.isEmpty() ? "Summary: the " + contract.code() + " contract asks for no service "
                    + "summaries" : "Summary must be one of the " + contract.code() + " contract's: " + String.join(", ", ids)));
        }
        String text = (String) v.get(SUMMARY_TEXT.name());
        Boolean notCompleted = (Boolean) v.get(NOT_COMPLETED.name());
        if (checked.errors().stream().noneMatch(e -> e.field().equals("text") || e.field().equals("notCompleted"))) {
            errors.addAll(CaseStudies.summaryErrors(text, notCompleted));
        }
        List<String> found = IdentifyingDetails.in(text, List.of());
        if (!found.isEmpty()) {
            errors.add(new FieldError(SUMMARY_TEXT.name(), IdentifyingDetails.message(SUMMARY_TEXT.label(), found)));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return save(actor, contract, quarter, summaryId, text, Boolean.TRUE.equals(notCompleted), (Integer) v.get(REVISION.name()), now);
    }

    /**
     * Writes a contract's summary (or annual item) of {@code quarter} as one revision more than {@code seen}: the same sent
     * again answers with what is stored; a change made meanwhile is refused (409).
     */
    private Outcome save(StaffActor actor, Contract contract, FinancialQuarter quarter, String summaryId, String text, boolean stated,
                         int seen, Instant now) {
        Optional<ServiceSummary> stored = store.serviceSummaries(contract.code(), quarter).stream()
                .filter(s -> s.summary().equals(summaryId)).findFirst();
        if (stored.isPresent() && stored.get().revision() == seen + 1 && stored.get().says(text, stated)) {
            return new SummaryWritten(stored.get()); // the same summary, sent again
        }
        if (stored.isEmpty() && seen != 0) {
            return new Conflict("There is no such summary to change at revision " + seen + ": send revision 0 to write it.");
        }
        if (stored.isPresent() && stored.get().revision() != seen) {
            return new Conflict("The summary changed since revision " + seen + " (it is at revision " + stored.get().revision()
                    + "). Read it again. Nothing was changed.");
        }
        ServiceSummary after = ServiceSummary.written(stored.orElse(null), contract.code(), quarter, summaryId, text, stated,
                actor.id(), now);
        if (store.save(stored.orElse(null), after) != CaseStudyStore.Write.WRITTEN) {
            return new Conflict("The summary changed meanwhile. Read it again. Nothing was changed.");
        }
        return new SummaryWritten(after);
    }

    /** {@code GET /service-summaries?contract=&quarter=} (managers): the quarter's summaries as written. */
    public Outcome listSummaries(StaffActor actor, Map<String, List<String>> parameters) {
        Asked asked = listQuery(actor, parameters);
        return asked.refused() != null ? asked.refused()
                : new SummariesListed(asked.contract(), asked.quarter(), store.serviceSummaries(asked.contract().code(), asked.quarter()));
    }

    // ------------------------------------------------------------------ annual return items (LLR 27.4)

    /**
     * {@code PUT /annual-return-items} (managers): an item of a contract's annual return for a financial year (LLR 27.4,
     * Appendix One "Annual Return" 1-6), its text or that it was not completed that year (exactly one), as one revision more.
     * The same mechanism as the service summaries ({@link #putSummary}): the same store (the item is kept as a summary of the
     * year's fourth quarter, {@link AnnualReturns#storedIn}), the same identifying details rule and the same statement of
     * "not completed" (Appendix One D). Interpretation: an item reports the year's work, so it is written for the year now
     * running or an earlier one, never a year not yet begun.
     */
    public Outcome putAnnualItem(StaffActor actor, SubmittedFields body) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers write the annual return.");
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(annualFields, body, today(now), "an annual return item");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        Integer year = parseYear(v.get("year"), errors);
        if (year != null && year > FinancialQuarter.containing(today(now)).financialYear()) {
            errors.add(new FieldError("year", "Financial year must be this year or an earlier one: the annual return reports work done"));
        }
        Contract contract = v.get("contract") instanceof Choice chosen ? contracts.contract(chosen.name()).orElseThrow() : null;
        String itemId = (String) v.get("item");
        if (contract != null && AnnualReturns.of(contract).isEmpty()) {
            errors.add(new FieldError("contract", "Contract: the " + contract.code() + " contract asks for no annual return"));
        } else if (contract != null && itemId != null && AnnualReturns.of(contract).orElseThrow().item(itemId).isEmpty()) {
            errors.add(new FieldError("item", "Item must be one of the " + contract.code() + " annual return's: " + String.join(", ",
                    AnnualReturns.of(contract).orElseThrow().items().stream().map(ReportSchedule.ServiceSummary::id).toList())));
        }
        String text = (String) v.get(ANNUAL_TEXT.name());
        Boolean notCompleted = (Boolean) v.get(ANNUAL_NOT_COMPLETED.name());
        if (checked.errors().stream().noneMatch(e -> e.field().equals("text") || e.field().equals("notCompleted"))) {
            errors.addAll(CaseStudies.summaryErrors(text, notCompleted, "year"));
        }
        List<String> found = IdentifyingDetails.in(text, List.of());
        if (!found.isEmpty()) {
            errors.add(new FieldError(ANNUAL_TEXT.name(), IdentifyingDetails.message(ANNUAL_TEXT.label(), found)));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        return save(actor, contract, AnnualReturns.storedIn(year), itemId, text, Boolean.TRUE.equals(notCompleted),
                (Integer) v.get(REVISION.name()), now);
    }

    /**
     * {@code GET /annual-return-items?contract=&year=} (managers): a year's items as written; the year just ended unless
     * given (the return being prepared in April).
     */
    public Outcome listAnnualItems(StaffActor actor, Map<String, List<String>> parameters) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers read the annual return.");
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(annualQuery, SubmittedFields.of(parameters), today(now), "the list's query");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Integer year = checked.values().get("year") == null ? FinancialQuarter.containing(today(now)).financialYear() - 1
                : parseYear(checked.values().get("year"), errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        Contract contract = contracts.contract(((Choice) checked.values().get("contract")).name()).orElseThrow();
        if (AnnualReturns.of(contract).isEmpty()) {
            return new Invalid(List.of(new FieldError("contract", "Contract: the " + contract.code() + " contract asks for no annual "
                    + "return")));
        }
        ReportSchedule.AnnualReturn annual = AnnualReturns.of(contract).orElseThrow();
        return new AnnualListed(contract, year, store.serviceSummaries(contract.code(), AnnualReturns.storedIn(year)).stream()
                .filter(s -> annual.item(s.summary()).isPresent()).toList());
    }

    private static Integer parseYear(Object given, List<FieldError> errors) {
        if (!(given instanceof String key)) {
            return null;
        }
        Optional<Integer> year = AnnualReturns.parseYear(key);
        if (year.isEmpty()) {
            errors.add(new FieldError("year", "Financial year must be like FY2026: FY and the year the financial year starts in"));
            return null;
        }
        return year.get();
    }

    // ------------------------------------------------------------------ helpers

    /** A list's query: the contract and quarter asked for, or why it is refused. */
    private record Asked(Contract contract, FinancialQuarter quarter, Outcome refused) {
    }

    /** A list's query: who may ask first (authorization before validation, issue 20), then the query by the shared rules. */
    private Asked listQuery(StaffActor actor, Map<String, List<String>> parameters) {
        if (!actor.isManager()) {
            return new Asked(null, null, new NotAllowed("Only managers list the case studies and summaries of the returns."));
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(query, SubmittedFields.of(parameters), today(now), "the list's query");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        FinancialQuarter quarter = checked.values().get("quarter") == null ? FinancialQuarter.containing(today(now))
                : parseQuarter(checked.values().get("quarter"), errors);
        if (!errors.isEmpty()) {
            return new Asked(null, null, new Invalid(errors));
        }
        return new Asked(contracts.contract(((Choice) checked.values().get("contract")).name()).orElseThrow(), quarter, null);
    }

    private static FinancialQuarter parseQuarter(Object given, List<FieldError> errors) {
        if (!(given instanceof String key)) {
            return null;
        }
        try {
            return FinancialQuarter.parseKey(key);
        } catch (IllegalArgumentException notAQuarter) {
            errors.add(new FieldError("quarter", "Financial quarter must be like FY2026Q3: FY, the year the financial year starts in, "
                    + "Q and 1 to 4"));
            return null;
        }
    }

    private static LocalDate today(Instant now) {
        return now.atZone(WorkingCalendar.ZONE).toLocalDate();
    }
}
