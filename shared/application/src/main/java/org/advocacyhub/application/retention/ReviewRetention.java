package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.support.OffsetPageToken;
import org.advocacyhub.domain.casework.CaseStatus;
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
 * Nothing is changed; the daily anonymising function (still to build) acts on the same list, decided by the same rule
 * ({@link CaseRetention}).
 */
@Singleton
public final class ReviewRetention {

    /** More than any contract's finished cases for years: beyond it the review says it is cut short. */
    static final int MOST_READ = 50_000;
    /** The statuses whose time can have started: closed, or not taken on. */
    static final List<CaseStatus> FINISHED = List.of(CaseStatus.CLOSED, CaseStatus.NOT_ACCEPTED, CaseStatus.INFORMATION_ONLY,
            CaseStatus.SIGNPOSTED);
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
        List<Due> due = new ArrayList<>();
        int read = 0;
        String token = null;
        do {
            CaseStore.Page page = store.cases(new CaseStore.ByStatus(List.of(contract), FINISHED), CaseStore.CaseFilter.ANY,
                    Instant.EPOCH, now.plusMillis(1), token, 500);
            for (ReferralCase c : page.cases()) {
                read++;
                Optional<CaseRetention.Due> retention = CaseRetention.of(c, policy).filter(d -> d.pastOn(today));
                retention.ifPresent(d -> due.add(new Due(c, d, c.work().legalHold() != null)));
            }
            token = page.next();
        } while (token != null && read < MOST_READ);
        due.sort(Comparator.comparing((Due d) -> d.retention().keptUntil()).thenComparing(d -> d.referral().reference().value()));
        int held = (int) due.stream().filter(Due::held).count();
        Optional<OffsetPageToken.Page<Due>> page = OffsetPageToken.page(due, (String) checked.values().get("pageToken"),
                "retention|" + contract + "|" + today, limit);
        if (page.isEmpty()) {
            return new Invalid(List.of(OffsetPageToken.NOT_THIS_LISTS));
        }
        OffsetPageToken.Page<Due> shown = page.get();
        return new Reviewed(contract, today, shown.rows(), shown.total(), held, shown.offset(), shown.next(), shown.previous(),
                token == null);
    }
}
