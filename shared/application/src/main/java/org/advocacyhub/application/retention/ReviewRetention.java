package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.support.OffsetPageToken;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.retention.CaseRetention;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * What retention would take from a contract today (issue 22: "a dry run lists what would go"): every closed case and every
 * referral not taken on that is past its retention period, oldest first, and those a legal hold keeps. Managers only.
 * Nothing is changed; the daily retention function ({@link ApplyRetention}) acts on the same list ({@link PastTheirTime}).
 */
@Singleton
public final class ReviewRetention {

    static final int DEFAULT_LIMIT = 50;

    private final CaseStore store;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> query;

    public ReviewRetention(CaseStore store, ContractCatalogue contracts, ContractTerms terms, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.query = List.of(
                new FieldSpec("contract", "Contract", "", FieldKind.CHOICE, true, 10, ContractChoice.all(contracts),
                        "Choose the contract", "Contract"),
                new FieldSpec("pageToken", "Page token", "", FieldKind.TEXT, false, 200, List.of(), "", "Page token"),
                new FieldSpec("limit", "Cases per page", "", FieldKind.INTEGER, false, 3, List.of(), "", "Cases per page",
                        FieldSpec.Range.of(1, 200)));
    }

    /** The review's query: {@code contract}, {@code pageToken}, {@code limit}. */
    public List<FieldSpec> query() {
        return query;
    }

    public sealed interface Outcome {
    }

    /** A case past its time: what would go, under which rule, or what keeps it (a legal hold). */
    public record Due(ReferralCase referral, CaseRetention.Due retention, boolean held) {
    }

    /**
     * A page of the review.
     *
     * @param asOf     today (UK date): what is past its time on this day is listed
     * @param total    how many cases are past their time, held ones included
     * @param held     how many of those a legal hold keeps
     * @param complete false when the contract had more finished cases than the review reads
     */
    public record Reviewed(String contract, LocalDate asOf, List<Due> due, int total, int held, int offset, String next,
                           String previous, boolean complete) implements Outcome {
        public Reviewed {
            due = List.copyOf(due);
        }
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    public record NotAllowed(String why) implements Outcome {
    }

    public Outcome review(StaffActor actor, Map<String, List<String>> parameters) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers may see what retention would take.");
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        FieldRules.Checked checked = rules.check(query, SubmittedFields.of(parameters), today, "the review's query");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        String contract = ((Choice) checked.values().get("contract")).name();
        RetentionPolicy policy = contracts.retention(contract);
        int limit = checked.values().get("limit") instanceof Integer given ? given : DEFAULT_LIMIT;
        PastTheirTime.Found found = PastTheirTime.of(store, contract, policy, now, today);
        List<Due> due = found.due();
        int held = (int) due.stream().filter(Due::held).count();
        Optional<OffsetPageToken.Page<Due>> page = OffsetPageToken.page(due, (String) checked.values().get("pageToken"),
                "retention|" + contract + "|" + today, limit);
        if (page.isEmpty()) {
            return new Invalid(List.of(OffsetPageToken.NOT_THIS_LISTS));
        }
        OffsetPageToken.Page<Due> shown = page.get();
        return new Reviewed(contract, today, shown.rows(), shown.total(), held, shown.offset(), shown.next(), shown.previous(),
                found.complete());
    }
}
