package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.support.OffsetPageToken;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.WaitingList;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * The waiting list of a contract (requirements §5): accepted cases not yet allocated, in the order
 * to allocate them (WaitingList: DoLS IMCA first, LLR 5.47-5.48; then urgent, LEW 8.4; then the
 * earliest fixed date; then the earliest allocation due). Every member of staff may see it; the
 * person is shown by initials, and by name to managers only. It is one Query on the status index.
 */
@Singleton
public final class ShowWaitingList {

    /** More than any hub's waiting list: beyond it the list says it is cut short. */
    static final int MOST_READ = 10_000;

    private final CaseStore store;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> query;

    public ShowWaitingList(CaseStore store, ContractCatalogue contracts, ContractTerms terms, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.query = query(contracts);
    }

    /** The query parameters of {@code GET /waiting-list}. */
    public static List<FieldSpec> query(ContractCatalogue contracts) {
        return List.of(
                new FieldSpec("contract", "Contract", "", FieldKind.CHOICE, true, 10,
                        ContractChoice.all(contracts),
                        "Give the contract, e.g. contract=LLR", "Contract"),
                new FieldSpec("service", "Service", "Only this service's cases", FieldKind.CHOICE, false, 40, List.of(ServiceCode.values()),
                        "", "Service"),
                new FieldSpec("authority", "Council area", "Only cases from this council", FieldKind.AUTHORITY, false, 40, List.of(), "",
                        "Council area"),
                new FieldSpec("search", "Search", "Only cases whose reference contains this or, for managers, whose person's name "
                        + "does (any case)", FieldKind.TEXT, false, 100, List.of(), "", "Search"),
                new FieldSpec("pageToken", "Page token", "The next token of the page before, to get the page after it", FieldKind.TEXT,
                        false, 200, List.of(), "", "Page token"),
                new FieldSpec("limit", "Cases per page", "1 to " + ListCases.MOST_PER_PAGE + "; " + ListCases.DEFAULT_LIMIT
                        + " unless given", FieldKind.INTEGER, false, 3, List.of(), "", "Cases per page",
                        FieldSpec.Range.of(1, ListCases.MOST_PER_PAGE)));
    }

    public List<FieldSpec> query() {
        return query;
    }

    public sealed interface Outcome {
    }

    /**
     * One page of the list, in the order to allocate.
     *
     * @param entries    this page's cases
     * @param namesShown whether the entries may show the person's name (managers), else initials only
     * @param complete   false when the list was longer than {@link #MOST_READ}, of which it is the first part
     * @param total      how many cases the whole list (with its filters) holds
     * @param offset     how many come before this page
     * @param next       the token of the next page, or {@code null} on the last
     * @param previous   the token of the page before, or {@code null} on the first
     */
    public record Listed(List<WaitingList.Entry> entries, boolean namesShown, boolean complete, Instant at, int total, int offset,
                         String next, String previous) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    /**
     * {@code GET /waiting-list?contract=LLR[&service=][&authority=][&search=][&limit=][&pageToken=]}.
     *
     * <p>Interpretation (issue 21): the order to allocate is decided over the whole list (a DoLS case received today comes
     * before an older one), so the list is read whole, ordered, and then paged: a page token is where the next page starts
     * in the list with the same filters. A list that changed between pages starts the next page at the same place in the
     * new order, as a person paging a live list would expect.
     */
    public Outcome show(StaffActor actor, Map<String, List<String>> parameters) {
        FieldRules.Checked checked = rules.check(query, SubmittedFields.of(parameters), clock.instant().atZone(
                java.time.ZoneId.of("Europe/London")).toLocalDate(), "the waiting list's query");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        String contract = ((Choice) checked.values().get("contract")).name();
        ServiceCode service = (ServiceCode) checked.values().get("service");
        String authority = (String) checked.values().get("authority");
        String search = checked.values().get("search") instanceof String text ? text.strip().toLowerCase(java.util.Locale.UK) : "";
        int limit = checked.values().get("limit") instanceof Integer given ? given : ListCases.DEFAULT_LIMIT;
        String filters = contract + "|" + service + "|" + authority + "|" + search;
        Instant now = clock.instant();
        List<ReferralCase> waiting = new ArrayList<>();
        String token = null;
        do {
            CaseStore.Page page = store.casesWithStatus(contract, CaseStatus.AWAITING_ALLOCATION, Instant.EPOCH, now.plusMillis(1), token,
                    500);
            page.cases().stream()
                    .filter(c -> service == null || c.details().service() == service)
                    .filter(c -> authority == null || c.details().person().authority().equals(authority))
                    .filter(c -> search.isEmpty() || c.reference().value().toLowerCase(java.util.Locale.UK).contains(search)
                            // A name is searched only where names are shown (managers); an advocate sees initials only.
                            || actor.isManager() && c.details().person().name().toLowerCase(java.util.Locale.UK).contains(search))
                    .forEach(waiting::add);
            token = page.next();
        } while (token != null && waiting.size() < MOST_READ);
        boolean complete = token == null;
        List<WaitingList.Entry> ordered = WaitingList.order(waiting, now, contracts);
        Optional<OffsetPageToken.Page<WaitingList.Entry>> page = OffsetPageToken.page(ordered, (String) checked.values().get("pageToken"),
                filters, limit);
        if (page.isEmpty()) {
            return new Invalid(List.of(OffsetPageToken.NOT_THIS_LISTS));
        }
        OffsetPageToken.Page<WaitingList.Entry> shown = page.get();
        return new Listed(shown.rows(), actor.isManager(), complete, now, shown.total(), shown.offset(), shown.next(), shown.previous());
    }
}
