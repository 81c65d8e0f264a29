package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.Map;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.mail.DispatchMail;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.BrokenRule;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseRecord;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ObjectListSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * How every staff use case reads or changes a case, written once: load it, check the member of
 * staff may (advocates only their own cases, requirements §8), settle a change this very request
 * made before (its mark on the case) or one made from another version of the case than the one the
 * request names (issue 19: {@link #settledBefore}), refuse changes to a closed case, work out the
 * change, save it with its audit entry, the emails it decides on (into the outbox) and the request's
 * mark in one conditional write (LLR 26.8; issue 19), then hand those emails to the mail sender. A
 * change made from a copy that someone else saved over first is refused as a conflict, never applied
 * over theirs, and its emails are never written.
 */
@Singleton
public final class CaseWork {

    private final CaseStore store;
    private final FieldRules rules;
    private final Clock clock;
    private final ContractCatalogue contracts;
    private final DispatchMail mail;

    public CaseWork(CaseStore store, ContractTerms terms, Clock clock, ContractCatalogue contracts, DispatchMail mail) {
        this.store = store;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.contracts = contracts;
        this.mail = mail;
    }

    /** How a {@link Conflict} from a save that lost to another change begins. */
    public static final String CHANGED_MEANWHILE = "The case changed meanwhile";

    /** Who may act. */
    public enum Access {
        /** Managers only. */
        MANAGER,
        /** Managers, and the advocate the case is allocated to. */
        MANAGER_OR_CASE_ADVOCATE,
        /**
         * Managers and the case's staff: the advocate the case is allocated to or, for a service
         * whose cases are never allocated to one advocate (contract {@code allocation.allocated:
         * false}, DERBY 3.3.1), the active staff who work in that contract's service.
         */
        MANAGER_OR_CASE_STAFF
    }

    /** Whether the change may be made to a closed case. */
    public enum WhenClosed { REFUSE, ALLOW }

    /** What a read or a change came to. */
    public sealed interface Outcome {
    }

    public record Done(ReferralCase referral) implements Outcome {
    }

    /**
     * A change checked and not made ({@link #check}): every rule the change would meet, met, on the case as it is now;
     * nothing saved, nothing sent (the GOV.UK "check answers" step before a closure, issue 21).
     */
    public record Checked(ReferralCase referral) implements Outcome {
    }

    /** 404: no such case, or no such thing on it ({@code why} says which). */
    public record NotFound(String why) implements Outcome {
        public NotFound() {
            this("There is no case with that reference.");
        }
    }

    /** 403: the member of staff may not do this to this case. */
    public record NotAllowed(String why) implements Outcome {
    }

    /** 400: a field of the request is wrong. */
    public record Invalid(List<FieldError> errors) implements Outcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** 422: the request is well formed but breaks a rule of the contract, each named with its clause. */
    public record Refused(List<BrokenRule> rules) implements Outcome {
        public Refused {
            rules = List.copyOf(rules);
        }
    }

    /** 409: the case is not in a state this applies to, or changed meanwhile. */
    public record Conflict(String why) implements Outcome {
    }

    /**
     * 412: the case is not at the version the change was made from (an {@code If-Match}, a console form's version);
     * nothing was written. {@code current} is the case as it is now.
     */
    public record Stale(ReferralCase current) implements Outcome {
    }

    /** What a use case decides to do with the case it was given. */
    public sealed interface Plan {
    }

    /**
     * The change to save.
     *
     * @param mails the emails the change decides on: written with it into the outbox, then sent from there once
     */
    public record Change(ReferralCase after, List<CaseEvent> events, List<CaseTask> tasks, List<CaseRecord> records,
                         Optional<CaseStore.AllocationCount> allocationCount, List<Outbox.OutboxMail> mails) implements Plan {

        public Change {
            events = List.copyOf(events);
            tasks = List.copyOf(tasks);
            records = List.copyOf(records);
            mails = List.copyOf(mails);
        }

        public static Change of(ReferralCase after, List<CaseEvent> events) {
            return new Change(after, events, List.of(), List.of(), Optional.empty(), List.of());
        }
    }

    /** No change: answer with this instead (Invalid, Refused or Conflict). */
    public record Stop(Outcome outcome) implements Plan {
    }

    /** Today in the UK: what request fields' dates are checked against. */
    public java.time.LocalDate today() {
        return clock.instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }

    /** A use case's rule given its request's checked values. */
    @FunctionalInterface
    public interface Planner {
        Plan plan(Map<String, Object> values, ReferralCase referral, Instant now);
    }

    /**
     * A staff change whose request body is checked first by the shared field rules (400 naming
     * every field before anything is read), then planned with the typed values.
     *
     * @param fields the body's fields
     * @param what   what the body is, for the message about an unknown field: "a contact"
     */
    public Outcome change(ReferralReference reference, StaffActor actor, Access access, WhenClosed whenClosed, String action,
                          List<FieldSpec> fields, SubmittedFields body, String what, Planner planner) {
        return change(reference, actor, access, whenClosed, values -> action, fields, body, what, planner);
    }

    /** As above, with an audit action that names what the body says (e.g. the advocate allocated). */
    public Outcome change(ReferralReference reference, StaffActor actor, Access access, WhenClosed whenClosed,
                          java.util.function.Function<Map<String, Object>, String> action, List<FieldSpec> fields, SubmittedFields body,
                          String what, Planner planner) {
        return change(reference, actor, access, whenClosed, action, fields, List.of(), values -> List.of(), body, what, planner);
    }

    /**
     * As above, for a body with lists of objects too ({@code goals.0.text}: each list's value is a
     * list of maps, one per item), and rules across its values ({@code acrossFields}: an id given
     * twice), also checked before anything is read.
     */
    public Outcome change(ReferralReference reference, StaffActor actor, Access access, WhenClosed whenClosed,
                          java.util.function.Function<Map<String, Object>, String> action, List<FieldSpec> fields,
                          List<ObjectListSpec> lists, java.util.function.Function<Map<String, Object>, List<FieldError>> acrossFields,
                          SubmittedFields body, String what, Planner planner) {
        return run(reference, actor, access, whenClosed, action, fields, lists, acrossFields, body, what, planner, true);
    }

    /**
     * As {@link #change} with the same arguments, but only as far as the save: {@link Checked} when the change would be
     * made, or what it would be refused with. The one set of rules decides both, so a check that passes and a change
     * that follows at once give the same answer.
     */
    public Outcome check(ReferralReference reference, StaffActor actor, Access access, WhenClosed whenClosed,
                         java.util.function.Function<Map<String, Object>, String> action, List<FieldSpec> fields,
                         List<ObjectListSpec> lists, java.util.function.Function<Map<String, Object>, List<FieldError>> acrossFields,
                         SubmittedFields body, String what, Planner planner) {
        return run(reference, actor, access, whenClosed, action, fields, lists, acrossFields, body, what, planner, false);
    }

    private Outcome run(ReferralReference reference, StaffActor actor, Access access, WhenClosed whenClosed,
                        java.util.function.Function<Map<String, Object>, String> action, List<FieldSpec> fields,
                        List<ObjectListSpec> lists, java.util.function.Function<Map<String, Object>, List<FieldError>> acrossFields,
                        SubmittedFields body, String what, Planner planner, boolean save) {
        // Authorization before validation (issue 20): someone who may not change the case learns nothing from its rules.
        Outcome admitted = admit(reference, actor, access, what);
        if (!(admitted instanceof Done)) {
            return admitted;
        }
        FieldRules.Checked checked = rules.check(fields, lists, body, today(), what);
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        List<FieldError> across = acrossFields.apply(checked.values());
        if (!across.isEmpty()) {
            return new Invalid(across);
        }
        // The case admitted is the one changed: its save is conditional on this version, so no second read is needed.
        return changeLoaded(((Done) admitted).referral(), actor, access, whenClosed, action.apply(checked.values()),
                (referral, now) -> planner.plan(checked.values(), referral, now), save);
    }

    /**
     * Whether {@code actor} may act on the case as {@code access} says, before anything of the request is read: the case
     * ({@link Done}), {@link NotFound}, or {@link NotAllowed} with the refusal recorded in the case's audit trail.
     *
     * @param what what the request is, for the audit trail ("a contact")
     */
    public Outcome admit(ReferralReference reference, StaffActor actor, Access access, String what) {
        Optional<ReferralCase> found = store.findCase(reference);
        if (found.isEmpty()) {
            return new NotFound();
        }
        Optional<NotAllowed> denied = whyNot(found.get(), actor, access);
        return denied.isPresent() ? refused(reference, actor, "sent " + what, denied.get()) : new Done(found.get());
    }

    /**
     * A refused access, recorded on the case it was aimed at (issue 20, LLR 26.8): who, when, what they tried, and that
     * it was refused and why. Managers see it in the case's audit trail.
     */
    public NotAllowed refused(ReferralReference reference, StaffActor actor, String action, NotAllowed why) {
        store.audit(reference, audit(actor, refusedAction(action, why.why()), clock.instant()));
        return why;
    }

    /**
     * A request to a case by a sign-in the staff directory refuses (a leaver, a deactivated advocate: issue 20), recorded on
     * the case if there is one. What they tried is not known yet (their request is not read), so the entry says so.
     */
    public void refusedSignIn(ReferralReference reference, IdentifyStaff.Refused refused) {
        if (store.findCase(reference).isPresent()) {
            store.audit(reference, new AuditEntry(UUID.randomUUID().toString().substring(0, 8), clock.instant(), refused.who(),
                    refusedAction("opened or changed the case", refused.onRecord())));
        }
    }

    /** A refused access in the audit trail's words: "refused: recorded a contact (This case is not allocated to you.)". */
    public static String refusedAction(String action, String why) {
        return "refused: " + action + " (" + why + ")";
    }

    /** A staff read of a case by its staff ({@link Access#MANAGER_OR_CASE_STAFF}), recorded in its audit trail (LLR 26.8). */
    public Outcome read(ReferralReference reference, StaffActor actor, String action) {
        Optional<ReferralCase> found = store.findCase(reference);
        if (found.isEmpty()) {
            return new NotFound();
        }
        Optional<NotAllowed> denied = whyNot(found.get(), actor, Access.MANAGER_OR_CASE_STAFF);
        if (denied.isPresent()) {
            return refused(reference, actor, action, denied.get());
        }
        store.audit(reference, audit(actor, action, clock.instant()));
        return new Done(found.get());
    }

    /**
     * A staff change to a case.
     *
     * @param action  what the change is, for the audit trail ("allocated an advocate")
     * @param planner the use case's rule: the loaded case and the time give a {@link Change} or a {@link Stop}
     */
    public Outcome change(ReferralReference reference, StaffActor actor, Access access, WhenClosed whenClosed, String action,
                          BiFunction<ReferralCase, Instant, Plan> planner) {
        Optional<ReferralCase> found = store.findCase(reference);
        if (found.isEmpty()) {
            return new NotFound();
        }
        ReferralCase before = found.get();
        Optional<NotAllowed> denied = whyNot(before, actor, access);
        if (denied.isPresent()) {
            return refused(reference, actor, action, denied.get());
        }
        return changeLoaded(before, actor, access, whenClosed, action, planner, true);
    }

    /** How many times a change that names no version is planned and saved before a change made meanwhile refuses it. */
    static final int ATTEMPTS = 3;

    /**
     * A staff change to the case as loaded, its access already checked. Interpretation of a change that lost to another
     * saved meanwhile (a decision letter marked sent, another member of staff's change): a request that names the version
     * it was made from (a console form; {@code If-Match}) is refused as stale, to be looked at again by the person; one that
     * names none means "to the case as it is", so it is planned again on the case as it now is (access checked again), up
     * to {@link #ATTEMPTS} times, and then refused as changed meanwhile. Its plan decides afresh each time: an allocation
     * of a case someone else allocated meanwhile is refused naming who holds it.
     */
    private Outcome changeLoaded(ReferralCase loaded, StaffActor actor, Access access, WhenClosed whenClosed, String action,
                                 BiFunction<ReferralCase, Instant, Plan> planner, boolean save) {
        ReferralCase before = loaded;
        for (int attempt = 1; ; attempt++) {
            Optional<Outcome> settled = settledBefore(before, actor);
            if (settled.isPresent()) {
                return settled.get();
            }
            if (whenClosed == WhenClosed.REFUSE && before.work().isClosed()) {
                return new Conflict("The case is closed; a manager can reopen it");
            }
            Instant now = clock.instant();
            Plan plan = planner.apply(before, now);
            if (plan instanceof Stop stop) {
                return stop.outcome();
            }
            Change change = (Change) plan;
            if (!save) {
                return new Checked(before);
            }
            List<CaseRecord> records = new ArrayList<>(change.records());
            records.add(audit(actor, action, now));
            boolean saved = store.save(new CaseStore.CaseChange(before, change.after(), change.events(), change.tasks(), records,
                    change.allocationCount(), change.mails(), mark(actor, now)));
            if (saved) {
                mail.dispatch(change.mails());
                return new Done(change.after().nextVersion());
            }
            if (actor.expected().isPresent() || attempt == ATTEMPTS) {
                return new Conflict(CHANGED_MEANWHILE + "; load it and try again");
            }
            Optional<ReferralCase> current = store.findCase(before.reference());
            if (current.isEmpty()) {
                return new NotFound();
            }
            Optional<NotAllowed> denied = whyNot(current.get(), actor, access);
            if (denied.isPresent()) {
                return refused(before.reference(), actor, action, denied.get());
            }
            before = current.get();
        }
    }

    /**
     * What a staff change to the case as loaded comes to before anything is planned (issue 19), if it is settled
     * already: the case as it is now when this very request changed it before (its function stopped before its answer
     * was kept, and the request came again: nothing is applied twice); {@link Stale} when the case is not at the version
     * the change was made from. Every staff change asks, after its access check and before its plan.
     */
    public Optional<Outcome> settledBefore(ReferralCase loaded, StaffActor actor) {
        if (actor.request().isPresent() && store.changedBy(loaded.reference(), actor.request().get())) {
            return Optional.of(new Done(loaded));
        }
        if (actor.expected().isPresent() && !actor.expected().get().matches(loaded.version())) {
            return Optional.of(new Stale(loaded));
        }
        return Optional.empty();
    }

    /** The mark the actor's request leaves on the case it changes, if it came with a key. */
    public static Optional<CaseStore.RequestMark> mark(StaffActor actor, Instant now) {
        return actor.request().map(id -> new CaseStore.RequestMark(id, now.plus(org.advocacyhub.application.port.RequestLedger.KEPT)));
    }

    /** Why {@code actor} may not act on {@code referral} as {@code access} says, if they may not. */
    public Optional<NotAllowed> whyNot(ReferralCase referral, StaffActor actor, Access access) {
        return denied(referral, actor, access, serviceOf(referral, contracts).allocation().allocated());
    }

    /** {@link #denied(ReferralCase, StaffActor, Access, boolean)} for a case of a service whose cases are allocated. */
    public static Optional<NotAllowed> denied(ReferralCase referral, StaffActor actor, Access access) {
        return denied(referral, actor, access, true);
    }

    /**
     * Why {@code actor} may not act on {@code referral}, if they may not.
     *
     * @param allocatedService whether the case's service allocates cases to one advocate: if it
     *                         does, {@link Access#MANAGER_OR_CASE_STAFF} is the same as
     *                         {@link Access#MANAGER_OR_CASE_ADVOCATE}
     */
    public static Optional<NotAllowed> denied(ReferralCase referral, StaffActor actor, Access access, boolean allocatedService) {
        if (actor.isManager()) {
            return Optional.empty();
        }
        if (access == Access.MANAGER) {
            return Optional.of(new NotAllowed("Only managers can do this."));
        }
        if (access == Access.MANAGER_OR_CASE_STAFF && !allocatedService) {
            return serviceStaff(referral, actor) ? Optional.empty()
                    : Optional.of(new NotAllowed("Only managers and staff who work in the "
                    + referral.details().service().displayName() + " service can do this."));
        }
        // Advocates see and act on the cases allocated to them, nothing else (requirements §8).
        boolean theirs = referral.work().allocation() != null && actor.record().isPresent()
                && referral.work().allocation().advocateId().equals(actor.id());
        return theirs ? Optional.empty() : Optional.of(new NotAllowed("This case is not allocated to you."));
    }

    /**
     * Whether {@code actor} is one of the staff who answer a case of a service that is not
     * allocated to one advocate.
     *
     * <p>Interpretation (DERBY 3.3.1, requirements §8 "access is limited to those who need it"): an
     * accommodation referral is answered by the provider's team, not by a named advocate, so the
     * staff who need it are those the staff directory says work in that contract and that service,
     * and only while they are active (leave ends it, as it ends allocation: LLR 9.32).
     */
    private static boolean serviceStaff(ReferralCase referral, StaffActor actor) {
        Optional<StaffRecord> record = actor.record();
        return record.isPresent() && record.get().active() && record.get().contracts().contains(referral.reference().contract())
                && record.get().services().contains(referral.details().service());
    }

    /**
     * When staff record that something happened: after the fact is fine, but never in the future
     * nor before the referral arrived (issue 8).
     */
    public static Optional<FieldError> eventTime(String field, String noun, Instant at, ReferralCase referral, Instant now) {
        if (at.isAfter(now)) {
            return Optional.of(new FieldError(field, noun + " must not be in the future"));
        }
        if (at.isBefore(referral.receivedAt())) {
            return Optional.of(new FieldError(field, noun + " must not be before the referral was received (" + referral.receivedAt() + ")"));
        }
        return Optional.empty();
    }

    /** The referral's contract's configuration of its service. */
    public static org.advocacyhub.domain.contract.ServiceConfig serviceOf(ReferralCase referral,
                                                                          org.advocacyhub.domain.contract.ContractCatalogue contracts) {
        return contracts.contractFor(referral.details().service()).service(referral.details().service());
    }

    private static AuditEntry audit(StaffActor actor, String action, Instant at) {
        return new AuditEntry(UUID.randomUUID().toString().substring(0, 8), at, actor.id(), action);
    }
}
