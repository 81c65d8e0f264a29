package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.support.OffsetPageToken;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A contract's open cases, soonest deadline first (issue 21: the duty manager's "all open cases", with the advocate and
 * the next deadline): the cases accepted and not closed, waiting or allocated, filtered by service, council, advocate,
 * a search (a reference, or for managers the person's name) and whether a deadline has passed, and paged. An advocate
 * lists their own cases only, whatever they ask (requirements §8).
 *
 * <p>Interpretation: "soonest deadline" is a case's earliest running clock's due time; a case with no running clock
 * (each one met, missed or paused) comes last, oldest received first. The order is decided over the whole list, so the
 * list is read whole (one Query per status, as the waiting list is) and then paged; like other lists it is not a read of
 * each case for the audit trail (LLR 26.8), which records opening a case.
 */
@Singleton
public final class ListOpenCases {

    /** More than any hub's open cases: beyond it the list says it is cut short. */
    static final int MOST_READ = 10_000;
    private static final List<CaseStatus> OPEN = List.of(CaseStatus.AWAITING_ALLOCATION, CaseStatus.ALLOCATED, CaseStatus.RESPONDED);

    private final CaseStore store;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> query;

    public ListOpenCases(CaseStore store, ContractCatalogue contracts, ContractTerms terms, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.query = List.of(
                new FieldSpec("contract", "Contract", "", FieldKind.CHOICE, true, 10, ContractChoice.all(contracts),
                        "Select the contract", "Contract"),
                new FieldSpec("service", "Service", "", FieldKind.CHOICE, false, 40, List.of(ServiceCode.values()), "", "Service"),
                new FieldSpec("authority", "Council area", "", FieldKind.AUTHORITY, false, 40, List.of(), "", "Council area"),
                new FieldSpec("advocateId", "Advocate", "", FieldKind.TEXT, false, 40, List.of(), "", "Advocate"),
                new FieldSpec("search", "Search", "", FieldKind.TEXT, false, 100, List.of(), "", "Search"),
                new FieldSpec("overdue", "Overdue only", "", FieldKind.YES_NO, false, 5, List.of(), "", "Overdue only"),
                new FieldSpec("pageToken", "Page token", "", FieldKind.TEXT, false, 200, List.of(), "", "Page token"),
                new FieldSpec("limit", "Cases per page", "", FieldKind.INTEGER, false, 3, List.of(), "", "Cases per page",
                        FieldSpec.Range.of(1, ListCases.MOST_PER_PAGE)));
    }

    public sealed interface Outcome {
    }

    /** One case of the list with its soonest running deadline, if one runs. */
    public record Row(ReferralCase referral, Optional<SlaClock> next, Optional<Instant> dueAt) {
    }

    /**
     * A page of the list.
     *
     * @param namesShown whether the person's name may be shown (managers)
     * @param complete   false when the contract had more open cases than {@link #MOST_READ}
     * @param next       the token of the next page, or {@code null} on the last
     * @param previous   the token of the page before, or {@code null} on the first
     */
    public record Listed(List<Row> rows, boolean namesShown, boolean complete, Instant at, int total, int offset, String next,
                         String previous) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    public Outcome list(StaffActor actor, Map<String, List<String>> parameters) {
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(query, SubmittedFields.of(parameters), now.atZone(WorkingCalendar.ZONE).toLocalDate(),
                "the list's query");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        Map<String, Object> v = checked.values();
        String contract = ((Choice) v.get("contract")).name();
        ServiceCode service = (ServiceCode) v.get("service");
        String authority = (String) v.get("authority");
        // Advocates list their own cases only (requirements §8).
        String advocateId = actor.isManager() ? (String) v.get("advocateId") : actor.id();
        String search = v.get("search") instanceof String text ? text.strip().toLowerCase(Locale.UK) : "";
        boolean overdue = Boolean.TRUE.equals(v.get("overdue"));
        int limit = v.get("limit") instanceof Integer given ? given : ListCases.DEFAULT_LIMIT;
        String filters = "open|" + contract + "|" + service + "|" + authority + "|" + advocateId + "|" + search + "|" + overdue;
        List<Row> rows = new ArrayList<>();
        String token = null;
        do {
            CaseStore.Page page = store.cases(new CaseStore.ByStatus(List.of(contract), OPEN),
                    new CaseStore.CaseFilter(contract, null, authority, null), java.time.Instant.EPOCH, now.plusMillis(1), token, 500);
            for (ReferralCase c : page.cases()) {
                if ((service == null || c.details().service() == service)
                        && (advocateId == null || c.work().allocation() != null && c.work().allocation().advocateId().equals(advocateId))
                        && (search.isEmpty() || c.reference().value().toLowerCase(Locale.UK).contains(search)
                            || actor.isManager() && c.details().person().name().toLowerCase(Locale.UK).contains(search))) {
                    Row row = row(c);
                    if (!overdue || row.dueAt().filter(due -> !due.isAfter(now)).isPresent()) {
                        rows.add(row);
                    }
                }
            }
            token = page.next();
        } while (token != null && rows.size() < MOST_READ);
        rows.sort(Comparator.comparing((Row r) -> r.dueAt().orElse(Instant.MAX)).thenComparing(r -> r.referral().receivedAt()));
        Optional<OffsetPageToken.Page<Row>> page = OffsetPageToken.page(rows, (String) v.get("pageToken"), filters, limit);
        if (page.isEmpty()) {
            return new Invalid(List.of(OffsetPageToken.NOT_THIS_LISTS));
        }
        OffsetPageToken.Page<Row> shown = page.get();
        return new Listed(shown.rows(), actor.isManager(), token == null, now, shown.total(), shown.offset(), shown.next(),
                shown.previous());
    }

    /** A case with its soonest running clock. */
    private Row row(ReferralCase c) {
        WorkingCalendar calendar = contracts.contractFor(c.details().service()).calendar();
        Optional<SlaClock> next = SlaClock.soonestRunning(c.clocks(), calendar);
        return new Row(c, next, next.flatMap(k -> k.dueAt(calendar)));
    }
}
