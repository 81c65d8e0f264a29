package org.advocacyhub.application.screening;

import jakarta.inject.Singleton;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ReferralValidator;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
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
    private final ScreenReferral screenReferral;
    private final ContractTerms contracts;
    private final ReferralValidator validator;

    public ScreenAgain(CaseStore store, ScreenReferral screenReferral, ContractTerms contracts) {
        this.store = store;
        this.screenReferral = screenReferral;
        this.contracts = contracts;
        this.validator = new ReferralValidator(contracts);
    }

    public sealed interface Outcome {
    }

    public record Screened(ReferralCase referral) implements Outcome {
    }

    public record NotFound() implements Outcome {
    }

    /** Only managers decide on referrals. */
    public record NotAllowed() implements Outcome {
    }

    /** The first screening has not happened yet; there is nothing to screen again. */
    public record NotScreenedYet() implements Outcome {
    }

    /** Someone else changed the case meanwhile; reload and try again. */
    public record Conflict() implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    /**
     * @param service a new service, to confirm a redirect (must be run by the same contract), or empty
     * @param answers answers to add or change, as {@code details.*} fields
     * @param note    what was done, for the timeline (e.g. "Decision maker confirmed by phone")
     */
    public Outcome screenAgain(ReferralReference reference, StaffMember staff, Optional<ServiceCode> service,
                               SubmittedFields answers, String note) {
        if (!staff.is(StaffMember.Role.MANAGER)) {
            return new NotAllowed();
        }
        Optional<ReferralCase> found = store.findCase(reference);
        if (found.isEmpty()) {
            return new NotFound();
        }
        ReferralCase current = found.get();
        if (current.status() == CaseStatus.RECEIVED) {
            return new NotScreenedYet();
        }
        ReferralDetails details = current.details();
        ServiceCode newService = service.orElse(details.service());
        if (!contracts.contractFor(newService).equals(reference.contract())) {
            return new Invalid(List.of(new FieldError("service", "The " + newService.displayName()
                    + " service is not part of the " + reference.contract() + " contract; make a new referral instead")));
        }
        // A different service has different questions: its answers start afresh.
        Map<String, List<String>> merged = new LinkedHashMap<>();
        if (newService == details.service()) {
            details.serviceAnswers().forEach((key, value) -> merged.put(ReferralFields.DETAILS_PREFIX + key, stored(newService, key, value)));
        }
        merged.putAll(answers.asMap());
        ReferralValidator.CheckedAnswers checked = validator.validateServiceAnswers(newService, SubmittedFields.of(merged),
                current.receivedAt().atZone(UK).toLocalDate());
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        ReferralDetails corrected = new ReferralDetails(newService, details.route(), details.source(), details.person(),
                details.referrer(), details.urgency(), details.fixedDate(), details.fixedDateReason(), details.awareness(),
                details.reason(), checked.answers());
        ScreenReferral.Result result = screenReferral.rescreen(current, current.withDetails(corrected), note);
        if (result instanceof ScreenReferral.Decided decided) {
            return new Screened(decided.referral());
        }
        return new Conflict();
    }

    /** A stored answer as submitted values: a multi-choice answer is stored joined. */
    private static List<String> stored(ServiceCode service, String key, String value) {
        Optional<FieldSpec> question = ServiceQuestions.find(service, ReferralFields.DETAILS_PREFIX + key);
        if (question.isPresent() && question.get().kind() == FieldKind.MULTI_CHOICE) {
            return new ArrayList<>(List.of(value.split(java.util.regex.Pattern.quote(ServiceAnswers.MULTI_SEPARATOR))));
        }
        return List.of(value);
    }
}
