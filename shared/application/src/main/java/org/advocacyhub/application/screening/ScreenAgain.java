package org.advocacyhub.application.screening;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.StaffActor;
import java.util.UUID;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldRules.FieldErrors;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ReferralValidator;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * A manager supplies the information screening asked for, corrects the service-specific answers,
 * or confirms a redirect to another of the contract's services, and the referral is screened
 * again: NEEDS_INFORMATION resolves and the paused clocks resume (requirements §4, issue 4).
 */
@Singleton
public final class ScreenAgain {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final CaseStore store;
    private final CaseWork work;
    private final ScreenReferral screenReferral;
    private final ContractTerms contracts;
    private final ReferralValidator validator;
    private final FieldRules rules;
    private final Clock clock;

    public ScreenAgain(CaseStore store, CaseWork work, ScreenReferral screenReferral, ContractTerms contracts, Clock clock) {
        this.store = store;
        this.work = work;
        this.screenReferral = screenReferral;
        this.contracts = contracts;
        this.validator = new ReferralValidator(contracts);
        this.rules = new FieldRules(contracts);
        this.clock = clock;
    }

    public sealed interface Outcome {
    }

    /**
     * Screened again; {@code decisionChanged} says whether the decision (and so the letter to the
     * referrer) changed.
     */
    public record Screened(ReferralCase referral, boolean decisionChanged) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** Only managers decide on referrals. */
    public record NotAllowed() implements Outcome {
    }

    /** The first screening has not happened yet; there is nothing to screen again. */
    public record NotScreenedYet() implements Outcome {
    }

    /** The case is closed: screening is long decided, and a closed case changes only by a manager's reopen. */
    public record Closed() implements Outcome {
    }

    /** Someone else changed the case meanwhile; reload and try again. */
    public record Conflict() implements Outcome {
    }

    /** The case is not at the version the manager screened it from ({@link CaseWork.Stale}); nothing was written. */
    public record Stale(ReferralCase current) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    /** The fields of a screening request besides the service's own answers ({@code details.*}). */
    public static final FieldSpec SERVICE = new FieldSpec("service", "Service", "To confirm a redirect: the service the referral belongs to",
            FieldKind.CHOICE, false, 40, List.of(ServiceCode.values()), "", "Service");
    public static final FieldSpec NOTE = new FieldSpec("note", "Note", "What was done, for the timeline",
            FieldKind.TEXTAREA, false, 1000, List.of(), "", "Note");
    private static final List<FieldSpec> FIELDS = List.of(SERVICE, NOTE);

    /**
     * @param body {@code {"service": "IMHA"?, "details": {...}?, "note": "..."?}}: a new service, to
     *             confirm a redirect (it must be run by the same contract); answers to add or
     *             change, as {@code details.*} fields; what was done, for the timeline (e.g.
     *             "Decision maker confirmed by phone"). Checked by the same rules as a referral.
     */
    public Outcome screenAgain(ReferralReference reference, StaffActor staff, SubmittedFields body) {
        if (!staff.isManager()) {
            return new NotAllowed();
        }
        LocalDate today = clock.instant().atZone(UK).toLocalDate();
        FieldErrors errors = new FieldErrors();
        rules.refuseUnknown(body, FIELDS, Set.of(ReferralFields.DETAILS_PREFIX), "a screening request", errors);
        Map<String, Object> values = rules.readAll(FIELDS, body, today, errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors.list());
        }
        Optional<ReferralCase> found = store.findCase(reference);
        if (found.isEmpty()) {
            return new NotFound();
        }
        ReferralCase current = found.get();
        // As every staff change (CaseWork): this request's change made before, or made from another version, is settled.
        Optional<CaseWork.Outcome> settled = work.settledBefore(current, staff);
        if (settled.isPresent()) {
            return settled.get() instanceof CaseWork.Stale stale ? new Stale(stale.current()) : new Screened(current, false);
        }
        if (current.status() == CaseStatus.RECEIVED) {
            return new NotScreenedYet();
        }
        if (current.work().isClosed()) {
            return new Closed();
        }
        ReferralDetails details = current.details();
        ServiceCode newService = values.get(SERVICE.name()) instanceof ServiceCode chosen ? chosen : details.service();
        if (!contracts.contractFor(newService).equals(reference.contract())) {
            return new Invalid(List.of(new FieldError(SERVICE.name(), "The " + newService.displayName()
                    + " service is not part of the " + reference.contract() + " contract; make a new referral instead")));
        }
        // A different service has different questions: its answers start afresh.
        Map<String, String> earlier = newService == details.service() ? details.serviceAnswers() : Map.of();
        ReferralValidator.CheckedAnswers checked = validator.validateServiceAnswers(newService, body, earlier,
                current.receivedAt().atZone(UK).toLocalDate());
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        ReferralDetails corrected = new ReferralDetails(newService, details.route(), details.source(), details.person(),
                details.referrer(), details.urgency(), details.fixedDate(), details.fixedDateReason(), details.awareness(),
                details.reason(), checked.answers());
        String note = values.get(NOTE.name()) instanceof String text ? text : "";
        AuditEntry audit = new AuditEntry(UUID.randomUUID().toString().substring(0, 8), clock.instant(), staff.id(),
                "screened the referral again");
        ScreenReferral.Result result = screenReferral.rescreen(current, current.withDetails(corrected), note, List.of(audit),
                CaseWork.mark(staff, clock.instant()));
        if (result instanceof ScreenReferral.Decided decided) {
            return new Screened(decided.referral(), true);
        }
        if (result instanceof ScreenReferral.Unchanged unchanged) {
            return new Screened(unchanged.referral(), false);
        }
        return new Conflict();
    }

    /** {@link #screenAgain} with its outcome as a case change's, as the JSON route and the console's form answer it. */
    public CaseWork.Outcome asCasework(ReferralReference reference, StaffActor actor, SubmittedFields fields) {
        ScreenAgain.Outcome outcome = screenAgain(reference, actor, fields);
        if (outcome instanceof ScreenAgain.Screened screened) {
            return new CaseWork.Done(screened.referral());
        }
        if (outcome instanceof ScreenAgain.Invalid invalid) {
            return new CaseWork.Invalid(invalid.errors());
        }
        if (outcome instanceof ScreenAgain.NotAllowed) {
            return new CaseWork.NotAllowed("Only managers can screen a referral again.");
        }
        if (outcome instanceof ScreenAgain.NotScreenedYet) {
            return new CaseWork.Conflict("The referral has not been screened yet.");
        }
        if (outcome instanceof ScreenAgain.Closed) {
            return new CaseWork.Conflict("The case is closed; a manager can reopen it");
        }
        if (outcome instanceof ScreenAgain.Stale stale) {
            return new CaseWork.Stale(stale.current());
        }
        if (outcome instanceof ScreenAgain.Conflict) {
            return new CaseWork.Conflict("The case changed meanwhile; load it and try again.");
        }
        return new CaseWork.NotFound();
    }
}
