package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    static final int MOST_SHOWN = 2000;

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
                        "Council area"));
    }

    public List<FieldSpec> query() {
        return query;
    }

    public sealed interface Outcome {
    }

    /**
     * @param namesShown whether the entries may show the person's name (managers), else initials only
     * @param complete   false when the list was longer than {@link #MOST_SHOWN}
     */
    public record Listed(List<WaitingList.Entry> entries, boolean namesShown, boolean complete, Instant at) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    /** {@code GET /waiting-list?contract=LLR[&service=][&authority=]}. */
    public Outcome show(StaffActor actor, Map<String, List<String>> parameters) {
        FieldRules.Checked checked = rules.check(query, SubmittedFields.of(parameters), clock.instant().atZone(
                java.time.ZoneId.of("Europe/London")).toLocalDate(), "the waiting list's query");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        String contract = ((Choice) checked.values().get("contract")).name();
        ServiceCode service = (ServiceCode) checked.values().get("service");
        String authority = (String) checked.values().get("authority");
        Instant now = clock.instant();
        List<ReferralCase> waiting = new ArrayList<>();
        String token = null;
        do {
            CaseStore.Page page = store.casesWithStatus(contract, CaseStatus.AWAITING_ALLOCATION, Instant.EPOCH, now.plusMillis(1), token,
                    500);
            page.cases().stream()
                    .filter(c -> service == null || c.details().service() == service)
                    .filter(c -> authority == null || c.details().person().authority().equals(authority))
                    .forEach(waiting::add);
            token = page.next();
        } while (token != null && waiting.size() < MOST_SHOWN);
        boolean complete = token == null;
        List<WaitingList.Entry> ordered = WaitingList.order(waiting, now, contracts);
        return new Listed(ordered.size() > MOST_SHOWN ? ordered.subList(0, MOST_SHOWN) : ordered, actor.isManager(), complete, now);
    }
}
