package org.advocacyhub.application.returns;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.ReturnsStore;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.returns.AwarenessSession;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.reports.IdentifyingDetails;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * What the quarterly returns count beside cases (issue 8 item 10): awareness-raising sessions
 * (LLR Appendix One, KPIs 5 and 6), complaints (LLR 17.5; LEW Appendix 1: by stage, resolved by
 * alternative dispute resolution) and compliments (LLR Appendix One). Every member of staff may
 * record one (advocates hold the sessions and hear the compliments); managers list them by
 * contract and quarter. No record holds personal data: a summary's hint tells staff not to name
 * or identify anyone, and the text policy applies to it as to every field.
 */
@Singleton
public final class RecordReturns {

    private static final String SUMMARY_HINT = "Brief details for the quarterly return (LLR Appendix One). Do not name anyone or "
            + "write anything that could identify a person: no names, initials, dates of birth or case references";

    private final ReturnsStore store;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> awarenessSession;
    private final List<FieldSpec> complaint;
    private final List<FieldSpec> compliment;
    private final List<FieldSpec> query;
    private final List<FieldSpec> progressFields;

    public RecordReturns(ReturnsStore store, ContractCatalogue contracts, ContractTerms terms, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.awarenessSession = awarenessSessionFields(contracts);
        this.complaint = complaintFields(contracts);
        this.compliment = complimentFields(contracts);
        this.query = queryFields(contracts);
        this.progressFields = progressFields(contracts);
    }

    private static FieldSpec contract(ContractCatalogue contracts) {
        return new FieldSpec("contract", "Contract", "The contract whose return counts it", FieldKind.CHOICE, true, 10,
                ContractChoice.all(contracts), "Give the contract, e.g. \"LLR\"", "Contract");
    }

    private static FieldSpec service() {
        return new FieldSpec("service", "Service", "The service it is about: one the contract runs", FieldKind.CHOICE, true, 40,
                List.of(ServiceCode.values()), "Give the service it is about", "Service");
    }

    private static FieldSpec received() {
        return new FieldSpec("received", "Received", "The day it was received: it is counted in that day's financial quarter",
                FieldKind.PAST_DATE, true, 10, List.of(), "Give the day it was received", "Received");
    }

    private static FieldSpec summary() {
        return new FieldSpec("summary", "Brief details", SUMMARY_HINT, FieldKind.TEXTAREA, false, 500, List.of(), "", "Brief details");
    }

    private static FieldSpec stage() {
        return new FieldSpec("stage", "Stage", "The stage of the complaints procedure it is at: 1, 2 or 3 (LEW Appendix 1)",
                FieldKind.INTEGER, true, 1, List.of(), "Give the stage: 1, 2 or 3", "Stage", FieldSpec.Range.of(1, 3));
    }

    private static FieldSpec resolvedByAdr() {
        return new FieldSpec("resolvedByAdr", "Resolved by alternative dispute resolution", "LEW 7.11, Appendix 1", FieldKind.YES_NO,
                false, 5, List.of(), "", "Resolved by alternative dispute resolution");
    }

    private static FieldSpec closed() {
        return new FieldSpec("closed", "Closed on", "The day it was closed, if it is", FieldKind.PAST_DATE, false, 10, List.of(), "",
                "Closed on");
    }

    /** LLR 26.17: "the number of formal and informal complaints". */
    public static final FieldSpec FORMALITY = new FieldSpec("formality", "Formal or informal", "A formal complaint follows the "
            + "complaints procedure in writing; an informal one is resolved as it is raised (LLR 26.17)", FieldKind.CHOICE, true, 10,
            List.of(Complaint.Formality.values()), "Say whether it is a formal or an informal complaint", "Formal or informal");

    /** The fields naming the complaint a progress update is for: its contract and the day it was received find it (one read). */
    public static final FieldSpec REVISION = new FieldSpec("revision", "Revision", "The complaint's revision when you read it: a "
            + "change made meanwhile is not overwritten", FieldKind.INTEGER, true, 6, List.of(), "Give the revision you read", "Revision",
            FieldSpec.Range.of(1, 100_000));

    public static final FieldSpec PROGRESS = new FieldSpec("progress", "Progress", "What has happened in the enquiry or investigation "
            + "(LLR 26.17). " + SUMMARY_HINT.substring(SUMMARY_HINT.indexOf("Do not")), FieldKind.TEXTAREA, true, 500, List.of(),
            "Say what has happened", "Progress");

    /** The body of {@code POST /awareness-sessions}. */
    public static List<FieldSpec> awarenessSessionFields(ContractCatalogue contracts) {
        return List.of(
                new FieldSpec("date", "Held on", "The day of the session: it is counted in that day's financial quarter",
                        FieldKind.PAST_DATE, true, 10, List.of(), "Give the day the session was held", "Held on"),
                contract(contracts),
                new FieldSpec("authority", "Council area", "Where it was held: one of the contract's councils", FieldKind.AUTHORITY,
                        true, 40, List.of(), "Give the council area", "Council area"),
                new FieldSpec("setting", "Setting", "With professionals counts towards KPI 5, with community groups towards KPI 6", FieldKind.CHOICE,
                        true, 20, List.of(AwarenessSetting.values()), "Say whether it was with professionals or a community group",
                        "Setting"),
                new FieldSpec("attendees", "Attendees", "How many came, if counted", FieldKind.INTEGER, false, 6, List.of(), "",
                        "Attendees", FieldSpec.Range.of(1, 10_000)));
    }

    /** The body of {@code POST /complaints}. */
    public static List<FieldSpec> complaintFields(ContractCatalogue contracts) {
        return List.of(received(), contract(contracts), service(), FORMALITY, stage(), resolvedByAdr(), closed(), summary());
    }

    /** The body of {@code POST /complaints/{id}/progress}: where the complaint is now, and what has happened. */
    public static List<FieldSpec> progressFields(ContractCatalogue contracts) {
        return List.of(contract(contracts), received(), REVISION, stage(), closed(), resolvedByAdr(), PROGRESS);
    }

    /** The body of {@code POST /compliments}. */
    public static List<FieldSpec> complimentFields(ContractCatalogue contracts) {
        return List.of(received(), contract(contracts), service(), summary());
    }

    /** The query of {@code GET /awareness-sessions}, {@code GET /complaints} and {@code GET /compliments}. */
    public static List<FieldSpec> queryFields(ContractCatalogue contracts) {
        return List.of(contract(contracts),
                new FieldSpec("quarter", "Financial quarter", "Like FY2026Q3 (the financial year April 2026 to March 2027, Q1 is "
                        + "April to June); this quarter unless given", FieldKind.TEXT, false, 8, List.of(), "", "Financial quarter"));
    }

    public List<FieldSpec> fields(ReturnRecord.Kind kind) {
        return switch (kind) {
            case AWARENESS_SESSION -> awarenessSession;
            case COMPLAINT -> complaint;
            case COMPLIMENT -> compliment;
        };
    }

    /** The body of {@code POST /complaints/{id}/progress}. */
    public List<FieldSpec> progressFields() {
        return progressFields;
    }

    public List<FieldSpec> query() {
        return query;
    }

    public sealed interface Outcome {
    }

    public record Recorded(ReturnRecord record) implements Outcome {
    }

    public record Listed(String contract, FinancialQuarter quarter, List<ReturnRecord> records) implements Outcome {
        public Listed {
            records = List.copyOf(records);
        }
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    public record NotAllowed(String why) implements Outcome {
    }

    /** {@code POST /awareness-sessions}, {@code POST /complaints}, {@code POST /compliments}. */
    public Outcome record(StaffActor actor, ReturnRecord.Kind kind, SubmittedFields body) {
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(fields(kind), body, today(now), what(kind));
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        Contract contract = v.get("contract") instanceof Choice chosen ? contracts.contract(chosen.name()).orElseThrow() : null;
        // Counted in the contract's return for that service (LLR 26.17, LEW 17.5): one it commissions.
        if (contract != null && v.get("service") instanceof ServiceCode service && !contract.offers(service)) {
            errors.add(new FieldError("service", "Service must be one that " + contract.code() + " runs: " + String.join(", ",
                    List.of(ServiceCode.values()).stream().filter(contract::offers).map(Enum::name).toList())));
        }
        if (contract != null && v.get("authority") instanceof String authority && contract.authority(authority).isEmpty()) {
            // Counted in one of the contract's per-council returns (LLR 26.17).
            errors.add(new FieldError("authority", "Council area must be one of " + contract.code() + "'s: "
                    + String.join(", ", contract.authorities().stream().map(Authority::code).toList())));
        }
        closedBeforeReceived(v).ifPresent(errors::add);
        identifying(v, "summary", "Brief details", errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        // The same id each time a keyed request runs: run again, it overwrites its own record (issue 19).
        String id = actor.newRecordId();
        ReturnRecord record = switch (kind) {
            case AWARENESS_SESSION -> new AwarenessSession(id, contract.code(), (LocalDate) v.get("date"), (String) v.get("authority"),
                    (AwarenessSetting) v.get("setting"), (Integer) v.get("attendees"), actor.id(), now);
            case COMPLAINT -> new Complaint(id, contract.code(), (LocalDate) v.get("received"), (ServiceCode) v.get("service"),
                    (Integer) v.get("stage"), (Boolean) v.get("resolvedByAdr"), (LocalDate) v.get("closed"), (String) v.get("summary"),
                    actor.id(), now, (Complaint.Formality) v.get("formality"));
            case COMPLIMENT -> new Compliment(id, contract.code(), (LocalDate) v.get("received"), (ServiceCode) v.get("service"),
                    (String) v.get("summary"), actor.id(), now);
        };
        if (!store.save(record)) {
            // This request recorded it before (its function stopped before answering): the record as it was stored.
            return new Recorded(store.quarter(record.contract(), record.quarter(), kind).stream()
                    .filter(stored -> stored.id().equals(id)).findFirst().orElseThrow());
        }
        return new Recorded(record);
    }

    /** The text of {@code field} checked against the workbook's personal-data rule: the return is emailed (LLR 26.9, 27.6). */
    private static void identifying(Map<String, Object> values, String field, String label, List<FieldError> errors) {
        if (values.get(field) instanceof String text) {
            List<String> found = IdentifyingDetails.in(text, List.of());
            if (!found.isEmpty()) {
                errors.add(new FieldError(field, IdentifyingDetails.message(label, found)));
            }
        }
    }

    public record Progressed(Complaint complaint) implements Outcome {
    }

    public record NotFound(String why) implements Outcome {
    }

    public record Conflict(String why) implements Outcome {
    }

    /**
     * {@code POST /complaints/{id}/progress} (managers): the complaint's stage now, the day it closed if it has, whether
     * alternative dispute resolution resolved it, and the progress of the enquiry (LLR 26.17: "details of progress on any
     * ongoing enquiries/investigations"), as one revision more. It carries the revision the manager read: a change made
     * meanwhile is not overwritten (409); the same progress sent again answers with the complaint as it is.
     */
    public Outcome progress(StaffActor actor, String id, SubmittedFields body) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers record the progress of a complaint.");
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(progressFields, body, today(now), "the complaint's progress");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        identifying(v, PROGRESS.name(), PROGRESS.label(), errors);
        closedBeforeReceived(v).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        String contract = ((Choice) v.get("contract")).name();
        LocalDate received = (LocalDate) v.get("received");
        java.util.Optional<Complaint> found = store.complaint(contract, received, id);
        if (found.isEmpty()) {
            return new NotFound("There is no " + contract + " complaint " + id + " received on " + received + ".");
        }
        Complaint complaint = found.get();
        int stage = (Integer) v.get("stage");
        LocalDate closed = (LocalDate) v.get("closed");
        Boolean byAdr = (Boolean) v.get("resolvedByAdr");
        String progress = (String) v.get(PROGRESS.name());
        int seen = (Integer) v.get(REVISION.name());
        if (complaint.revision() == seen + 1 && complaint.says(stage, closed, byAdr, progress)) {
            return new Progressed(complaint); // the same progress, sent again
        }
        if (complaint.revision() != seen) {
            return new Conflict("The complaint changed since revision " + seen + " (it is at revision " + complaint.revision()
                    + "). Read it again. Nothing was changed.");
        }
        Complaint after = complaint.progressed(stage, closed, byAdr, progress, actor.id(), now);
        if (!store.replace(complaint, after)) {
            return new Conflict("The complaint changed meanwhile. Read it again. Nothing was changed.");
        }
        return new Progressed(after);
    }

    /** {@code GET /awareness-sessions?contract=&quarter=} and the others: managers only. */
    public Outcome list(StaffActor actor, ReturnRecord.Kind kind, Map<String, List<String>> parameters) {
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(query, SubmittedFields.of(parameters), today(now), "the list's query");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        FinancialQuarter quarter = FinancialQuarter.containing(today(now));
        if (checked.values().get("quarter") instanceof String given) {
            try {
                quarter = FinancialQuarter.parseKey(given);
            } catch (IllegalArgumentException notAQuarter) {
                errors.add(new FieldError("quarter", "Financial quarter must be like FY2026Q3: FY, the year the financial year "
                        + "starts in, Q and 1 to 4"));
            }
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        if (!actor.isManager()) {
            return new NotAllowed("Only managers can list what the returns count.");
        }
        String contract = ((Choice) checked.values().get("contract")).name();
        return new Listed(contract, quarter, store.quarter(contract, quarter, kind));
    }

    private static LocalDate today(Instant now) {
        return now.atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    private static String what(ReturnRecord.Kind kind) {
        return switch (kind) {
            case AWARENESS_SESSION -> "an awareness session";
            case COMPLAINT -> "a complaint";
            case COMPLIMENT -> "a compliment";
        };
    }

    /** A complaint cannot close before it was received: the one check of both its record and its progress. */
    private static java.util.Optional<FieldError> closedBeforeReceived(Map<String, Object> v) {
        return v.get("closed") instanceof LocalDate closed && v.get("received") instanceof LocalDate received && closed.isBefore(received)
                ? java.util.Optional.of(new FieldError("closed", "Closed on must be the day it was received or later"))
                : java.util.Optional.empty();
    }
}
