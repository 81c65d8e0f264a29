package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * Lists of cases for staff (issue 8 item 11): {@code GET /cases?contract=&status=&advocateId=
 * &authority=&receivedFrom=&receivedTo=&pageToken=&limit=}. Managers may use any filter;
 * an advocate lists their own cases only (requirements §8): the list is of their cases whatever
 * they ask, and asking for someone else's is refused.
 *
 * <p>Always Queries, never a Scan. Which index a list reads is chosen from the filters, in this
 * order (the received dates are always the range of the index's sort key, {@code <received>#<ref>}):
 * <ol>
 * <li>an advocate's cases (advocateId given, or the advocate asking), unless the status asked is
 *     CLOSED: the advocate index, {@code ADVOCATE#<id>}; contract, status and authority filter it;</li>
 * <li>else, with a status: the status index, {@code STATUS#<contract>#<status>} for the contract
 *     given or for each contract in turn; authority and advocateId filter it;</li>
 * <li>else, with a contract, an authority and receivedFrom spanning at most {@link #MOST_QUARTERS}
 *     financial quarters: the reports index, {@code <contract>#<authority>#<quarter>} one quarter
 *     after another;</li>
 * <li>else: the status index, every status of the contract given (or of each contract in turn),
 *     in lifecycle order; authority filters it.</li>
 * </ol>
 * Each partition is listed oldest first, the partitions in the order above. Pages are honest: a
 * page holds {@code limit} cases (1 to 100, 25 unless given) unless it is the last, and its
 * {@code next} token is given only when another case follows.
 *
 * <p>Interpretation: listing is not a read of each case for the audit trail (LLR 26.8). A list
 * shows what identifies a case to staff (reference, service, status, authority, dates, initials,
 * clocks) as an index does, not the person's record; opening a case ({@code GET /cases/{reference}})
 * is the access the trail records.
 */
@Singleton
public final class ListCases {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MOST_PER_PAGE = 100;
    /** The longest span the reports index is read over, one Query per quarter; longer spans use the status index. */
    static final int MOST_QUARTERS = 8;

    private final CaseStore store;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> query;

    public ListCases(CaseStore store, ContractCatalogue contracts, ContractTerms terms, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.query = query(contracts);
    }

    /** A case status as a choice of a query parameter. */
    private record StatusChoice(String name, String displayName) implements Choice {
    }

    /** The query parameters of {@code GET /cases}: one definition for validation and the API description. */
    public static List<FieldSpec> query(ContractCatalogue contracts) {
        return List.of(
                new FieldSpec("contract", "Contract", "Only this contract's cases", FieldKind.CHOICE, false, 10,
                        ContractChoice.all(contracts), "", "Contract"),
                new FieldSpec("status", "Status", "Only cases in this status", FieldKind.CHOICE, false, 40,
                        Arrays.stream(CaseStatus.values()).map(s -> new StatusChoice(s.name(), s.description())).toList(), "", "Status"),
                new FieldSpec("advocateId", "Advocate", "Only this advocate's cases (their staff id); advocates get their own "
                        + "whatever is given, and another's is refused", FieldKind.TEXT, false, 40, List.of(), "", "Advocate"),
                new FieldSpec("authority", "Council area", "Only cases from this council", FieldKind.AUTHORITY, false, 40, List.of(), "",
                        "Council area"),
                new FieldSpec("receivedFrom", "Received from", "Only cases received on or after this day (UK date)", FieldKind.PAST_DATE,
                        false, 10, List.of(), "", "Received from"),
                new FieldSpec("receivedTo", "Received to", "Only cases received on or before this day (UK date)", FieldKind.PAST_DATE,
                        false, 10, List.of(), "", "Received to"),
                new FieldSpec("pageToken", "Page token", "The next token of the page before, to get the page after it", FieldKind.TEXT,
                        false, 1000, List.of(), "", "Page token"),
                new FieldSpec("limit", "Cases per page", "1 to " + MOST_PER_PAGE + "; " + DEFAULT_LIMIT + " unless given",
                        FieldKind.INTEGER, false, 3, List.of(), "", "Cases per page", FieldSpec.Range.of(1, MOST_PER_PAGE)));
    }

    public List<FieldSpec> query() {
        return query;
    }

    public sealed interface Outcome {
    }

    /**
     * A page of the list.
     *
     * @param namesShown whether the person's name may be shown (managers), else initials only
     * @param next       the token of the next page, or {@code null} on the last
     */
    public record Listed(List<org.advocacyhub.domain.casework.ReferralCase> cases, boolean namesShown, String next, int limit,
                         Instant at) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    public record NotAllowed(String why) implements Outcome {
    }

    /** {@code GET /cases?...}. */
    public Outcome list(StaffActor actor, Map<String, List<String>> parameters) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        FieldRules.Checked checked = rules.check(query, SubmittedFields.of(parameters), today, "the list's query");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        String advocateId = (String) v.get("advocateId");
        if (advocateId != null && !advocateId.matches(StaffRecord.ID_PATTERN)) {
            errors.add(new FieldError("advocateId", "Advocate must be a staff id: 1 to 40 lower-case letters, digits and hyphens"));
        }
        LocalDate receivedFrom = (LocalDate) v.get("receivedFrom");
        LocalDate receivedTo = (LocalDate) v.get("receivedTo");
        if (receivedFrom != null && receivedTo != null && receivedTo.isBefore(receivedFrom)) {
            errors.add(new FieldError("receivedTo", "Received to must be the same day as received from or later"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        if (!actor.isManager()) {
            // Advocates see their own cases only (requirements §8).
            if (advocateId != null && !advocateId.equals(actor.id())) {
                return new NotAllowed("Advocates can list only their own cases.");
            }
            advocateId = actor.id();
        }
        String contract = v.get("contract") instanceof Choice chosen ? chosen.name() : null;
        CaseStatus status = v.get("status") instanceof Choice chosen ? CaseStatus.valueOf(chosen.name()) : null;
        String authority = (String) v.get("authority");
        Instant from = receivedFrom == null ? Instant.EPOCH : receivedFrom.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant to = (receivedTo == null ? today : receivedTo).plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        int limit = v.get("limit") instanceof Integer given ? given : DEFAULT_LIMIT;
        List<String> contractCodes = contract != null ? List.of(contract) : contracts.contracts().stream().map(Contract::code).toList();

        CaseStore.CaseSource source;
        if (advocateId != null && status != CaseStatus.CLOSED) {
            // Interpretation: an advocate's list without a status is their caseload, the cases
            // allocated to them now and open (the advocate index holds no closed case); their
            // closed cases are listed with status=CLOSED, from the status index.
            source = new CaseStore.ByAdvocate(advocateId);
        } else if (status != null) {
            source = new CaseStore.ByStatus(contractCodes, List.of(status));
        } else if (contract != null && authority != null && receivedFrom != null && quarters(from, to) <= MOST_QUARTERS) {
            source = new CaseStore.ByAuthority(contract, authority);
        } else {
            source = new CaseStore.ByStatus(contractCodes, List.of(CaseStatus.values()));
        }
        CaseStore.CaseFilter filter = new CaseStore.CaseFilter(contract, status, authority, advocateId);
        try {
            CaseStore.Page page = store.cases(source, filter, from, to, (String) v.get("pageToken"), limit);
            return new Listed(page.cases(), actor.isManager(), page.next(), limit, now);
        } catch (CaseStore.BadPageToken bad) {
            return new Invalid(List.of(new FieldError("pageToken", "Page token is not one this list gave (it was changed, or "
                    + "belongs to a list with other filters): start again from the first page, without it")));
        }
    }

    /** How many financial quarters [from, to) touches. */
    private static int quarters(Instant from, Instant to) {
        FinancialQuarter first = FinancialQuarter.containing(from);
        FinancialQuarter last = FinancialQuarter.containing(to.minusMillis(1));
        return (last.financialYear() * 4 + last.quarter()) - (first.financialYear() * 4 + first.quarter()) + 1;
    }
}
