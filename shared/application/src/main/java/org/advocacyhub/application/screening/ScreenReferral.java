package org.advocacyhub.application.screening;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.mail.DispatchMail;
import org.advocacyhub.application.mail.OutboxMails;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReferralMetrics;
import org.advocacyhub.application.port.ReferrerLetters;
import org.advocacyhub.application.port.ReferrerLetters.Promise;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseRecord;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.ScreeningRecord;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.eligibility.EligibilityPolicies;
import org.advocacyhub.domain.eligibility.InformationNeeded;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.eligibility.ScreeningInput;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.SlaClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Screening decides whether the hub can take a referral (requirements §4), records the decision
 * with its reasons on the case, moves the case's clocks, creates the tasks staff must do, and
 * writes to the referrer. It is safe to repeat: a case is decided once per screening request (the
 * save is conditional on the version it read), and the letter is written into the outbox in that
 * same save (issue 19), so a redelivered, requeued or raced message can neither decide twice nor
 * write a second letter. A case already screened is left alone: only a staff re-screen
 * ({@link #rescreen}) decides again.
 */
@Singleton
public final class ScreenReferral {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenReferral.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private final CaseStore store;
    private final ReferrerLetters letters;
    private final DispatchMail mail;
    private final ContractCatalogue contracts;
    private final Clock clock;
    private final ReferralMetrics metrics;

    public ScreenReferral(CaseStore store, ReferrerLetters letters, DispatchMail mail, ContractCatalogue contracts, Clock clock,
                          ReferralMetrics metrics) {
        this.store = store;
        this.letters = letters;
        this.mail = mail;
        this.contracts = contracts;
        this.clock = clock;
        this.metrics = metrics;
    }

    public sealed interface Result {
    }

    /** Screening decided now. */
    public record Decided(ReferralCase referral) implements Result {
    }

    /** Screened again with the same decision: the corrections are saved, nothing else changed (no letter). */
    public record Unchanged(ReferralCase referral) implements Result {
    }

    /** Decided before (a redelivery, a requeue, or a concurrent delivery won): nothing done. */
    public record AlreadyDecided(CaseStatus status) implements Result {
    }

    /** No such case: the message cannot succeed later either. */
    public record NoSuchCase() implements Result {
    }

    /** Screens a referral handed over by intake. */
    public Result screen(ReferralReference reference) {
        Optional<ReferralCase> found = store.findCase(reference);
        if (found.isEmpty()) {
            return new NoSuchCase();
        }
        ReferralCase referral = found.get();
        if (referral.status().isScreened()) {
            return new AlreadyDecided(referral.status());
        }
        Result result = decide(referral, referral, decisionOn(referral, clock.instant()), List.of(), List.of(), List.of(),
                Optional.empty());
        if (result instanceof Decided decided && decided.referral().screening() != null) {
            // The dashboard's screening delay (issue 24): receipt to the first decision, not a staff re-screen.
            metrics.referralScreened(String.valueOf(referral.reference().contract()), referral.details().service().name(),
                    Duration.between(referral.receivedAt(), decided.referral().screening().decidedAt()));
        }
        return result;
    }

    /**
     * Screens a referral again after staff supplied information or corrected answers. When the
     * decision changes, the information and redirect tasks close, paused clocks resume if the
     * referral is now accepted, and the referrer gets a new letter. When it does not (the same
     * service, outcome, reasons and requests), the corrected answers and the note are recorded and
     * nothing else changes: the referrer already has that decision in writing, so no letter goes
     * and the open tasks stay open.
     *
     * @param corrected the referral with the staff's corrections applied (already validated)
     * @param note      what staff did, for the timeline
     * @param records   saved with the decision (the staff access's audit entry, LLR 26.8)
     * @param mark      the staff request's mark, saved with the decision (issue 19)
     */
    public Result rescreen(ReferralCase current, ReferralCase corrected, String note, List<CaseRecord> records,
                           Optional<CaseStore.RequestMark> mark) {
        Instant now = clock.instant();
        List<CaseEvent> supplied = List.of(new CaseEvent(now, CaseEvent.Type.INFORMATION_SUPPLIED,
                note.isBlank() ? "Information supplied by staff; screened again" : note));
        ScreeningDecision decision = decisionOn(corrected, now);
        if (current.screening() != null && current.details().service() == corrected.details().service()
                && decision.sameDecisionAs(current.screening().decision())) {
            List<CaseEvent> events = new ArrayList<>(supplied);
            events.add(new CaseEvent(now, CaseEvent.Type.SCREENED, "Screened again: " + decision.outcome()
                    + " unchanged; the referrer already has this decision, so no new letter was sent"));
            if (!store.save(new CaseStore.CaseChange(current, corrected, events, List.of(), records, Optional.empty(), List.of(), mark))) {
                return new AlreadyDecided(store.findCase(current.reference()).orElseThrow().status());
            }
            LOG.info("Referral {} screened again: {} unchanged", current.reference(), decision.outcome());
            return new Unchanged(corrected.nextVersion());
        }
        // Tasks about letters already written (to post one, to reach a referrer an email missed) outlive the new decision.
        List<CaseTask> closed = store.tasks(current.reference()).stream()
                .filter(t -> t.open() && t.kind() != CaseTask.Kind.SEND_DECISION_LETTER_BY_POST
                        && t.kind() != CaseTask.Kind.REACH_ANOTHER_WAY && t.kind() != CaseTask.Kind.CHECK_EMAIL_ARRIVED)
                .map(t -> new CaseTask(t.id(), t.kind(), t.description(), t.fromWhom(), t.createdAt(), false))
                .toList();
        return decide(current, corrected, decision, closed, supplied, records, mark);
    }

    /** The service's eligibility policy applied to the referral as it stands (requirements §4). */
    private ScreeningDecision decisionOn(ReferralCase referral, Instant now) {
        Contract contract = contracts.contractFor(referral.details().service());
        return EligibilityPolicies.screen(new ScreeningInput(referral.details(), today(now), contract));
    }

    /**
     * @param before   the case as loaded: the save is conditional on it
     * @param referral the case to decide on (before, or with staff's corrections)
     */
    private Result decide(ReferralCase before, ReferralCase referral, ScreeningDecision decision, List<CaseTask> tasksToClose,
                          List<CaseEvent> earlierEvents, List<CaseRecord> records, Optional<CaseStore.RequestMark> mark) {
        Instant now = clock.instant();
        Contract contract = contracts.contractFor(referral.details().service());
        String policy = contract.service(referral.details().service()).eligibilityPolicy();
        CaseStatus status = CaseStatus.after(decision.outcome());

        List<CaseEvent> events = new ArrayList<>(earlierEvents);
        events.add(new CaseEvent(now, CaseEvent.Type.SCREENED, "Screened: " + decision.outcome() + " ("
                + String.join(", ", decision.clauses()) + ")"));
        List<SlaClock> clocks = clocksAfter(decision, referral, contract, now, events);
        boolean email = referral.details().referrer().hasEmail();
        ReferralCase decided = referral.screened(status, new ScreeningRecord(decision, now, policy), clocks,
                email ? DecisionLetter.pending(now) : DecisionLetter.byPost(now));

        List<CaseTask> tasks = new ArrayList<>(tasksToClose);
        for (InformationNeeded needed : decision.informationNeeded()) {
            tasks.add(task(CaseTask.Kind.OBTAIN_INFORMATION, "Obtain: " + needed.what(), needed.fromWhom(), now));
        }
        if (decision.outcome() == Outcome.REDIRECT && decision.redirectTo() != null) {
            tasks.add(task(CaseTask.Kind.CONFIRM_REDIRECT, "Confirm the referral belongs to "
                    + decision.redirectTo().displayName() + " and screen it again under that service", null, now));
        }
        if (!email) {
            // A written decision is mandatory (LLR 6.10); with no email address it goes by post.
            tasks.add(task(CaseTask.Kind.SEND_DECISION_LETTER_BY_POST, "Send the decision letter by post", "the referrer", now));
        }
        tasks.stream().filter(CaseTask::open)
                .forEach(t -> events.add(new CaseEvent(now, CaseEvent.Type.TASK_CREATED, "Task: " + t.description())));

        // The written decision (LLR 6.10) goes into the outbox with the decision: it exists if and only if this save does.
        List<Outbox.OutboxMail> letter = email
                ? List.of(OutboxMails.decisionLetter(decided, letters.decision(decided, promise(decided)), now)) : List.of();
        if (!store.save(new CaseStore.CaseChange(before, decided, events, tasks, records, Optional.empty(), letter, mark))) {
            // Another delivery, or a staff change, saved first: this decision is not made, and its letter not written.
            ReferralCase current = store.findCase(referral.reference()).orElseThrow();
            return new AlreadyDecided(current.status());
        }
        LOG.info("Referral {} screened: {}", referral.reference(), decision.outcome());
        mail.dispatch(letter);
        return new Decided(decided.nextVersion());
    }

    /**
     * ELIGIBLE: the case gets exactly its service's clocks. Those that start on receipt run from
     * the receipt, keeping their history (a paused one resumes); one the case lacks (it was
     * declined before a manager corrected it, or it came from another service by redirect) starts
     * from the receipt too. Interpretation: the statutory clock runs from receipt (LLR 9.38a), so
     * time lost to a wrong decision or a redirect counts against the hub. Those that start on
     * acceptance start now (CYP contact within 72 hours of acceptance, LEW 8.4). NEEDS_INFORMATION: running clocks pause
     * until the information arrives. REDIRECT: nothing changes while staff confirm. Not accepted
     * (NOT_ELIGIBLE, INFORMATION_ONLY, SIGNPOSTED): no deadline applies to a referral the hub does
     * not take, so its clocks are removed; the timeline records it.
     */
    private static List<SlaClock> clocksAfter(ScreeningDecision decision, ReferralCase referral, Contract contract,
                                              Instant now, List<CaseEvent> events) {
        List<SlaClock> clocks = new ArrayList<>();
        switch (decision.outcome()) {
            case ELIGIBLE -> {
                boolean urgent = referral.details().urgency() == Urgency.URGENT;
                var service = contract.service(referral.details().service());
                for (ClockEvent start : List.of(ClockEvent.REFERRAL_RECEIVED, ClockEvent.REFERRAL_ACCEPTED)) {
                    Instant startedAt = start == ClockEvent.REFERRAL_RECEIVED ? referral.receivedAt() : now;
                    for (ClockDefinition definition : service.clocksStartedBy(start)) {
                        Optional<SlaClock> existing = referral.clocks().stream()
                                .filter(c -> c.name().equals(definition.name())).findFirst();
                        if (existing.isEmpty()) {
                            clocks.add(definition.startClock(startedAt, urgent));
                        } else if (existing.get().isPaused()) {
                            clocks.add(existing.get().resume(now));
                            events.add(new CaseEvent(now, CaseEvent.Type.CLOCK_RESUMED, "Clock '" + definition.name() + "' resumed"));
                        } else {
                            clocks.add(existing.get());
                        }
                    }
                }
            }
            case NEEDS_INFORMATION -> {
                String reason = "Waiting for information from " + String.join(" and ",
                        decision.informationNeeded().stream().map(InformationNeeded::fromWhom).distinct().toList());
                for (SlaClock clock : referral.clocks()) {
                    if (!clock.isPaused() && !clock.isStopped()) {
                        clocks.add(clock.pause(now, reason));
                        events.add(new CaseEvent(now, CaseEvent.Type.CLOCK_PAUSED, "Clock '" + clock.name() + "' paused: " + reason));
                    } else {
                        clocks.add(clock);
                    }
                }
            }
            case REDIRECT -> clocks.addAll(referral.clocks());
            default -> {
                if (!referral.clocks().isEmpty()) {
                    events.add(new CaseEvent(now, CaseEvent.Type.SCREENED, "Deadlines no longer apply: the referral was not accepted"));
                }
            }
        }
        return clocks;
    }

    /** On acceptance, the next deadline the hub promises: the acknowledged one, else the first started by acceptance. */
    private Promise promise(ReferralCase referral) {
        if (referral.screening() == null || referral.screening().decision().outcome() != Outcome.ELIGIBLE) {
            return null;
        }
        Contract contract = contracts.contractFor(referral.details().service());
        var service = contract.service(referral.details().service());
        List<String> preferred = new ArrayList<>();
        if (referral.firstDeadline() != null) {
            preferred.add(referral.firstDeadline().clock());
        }
        service.clocksStartedBy(ClockEvent.REFERRAL_ACCEPTED).forEach(c -> preferred.add(c.name()));
        for (String name : preferred) {
            for (SlaClock clock : referral.clocks()) {
                Optional<Instant> due = clock.name().equals(name) ? clock.dueAt(contract.calendar()) : Optional.empty();
                if (due.isPresent()) {
                    ClockDefinition definition = service.clock(name);
                    return new Promise(definition.description(), due.get(), definition.clause());
                }
            }
        }
        return null;
    }

    private static LocalDate today(Instant now) {
        return now.atZone(UK).toLocalDate();
    }

    private static CaseTask task(CaseTask.Kind kind, String description, String fromWhom, Instant now) {
        return new CaseTask(UUID.randomUUID().toString().substring(0, 8), kind, description, fromWhom, now, true);
    }
}
