package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.SignInAccounts;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.Qualification;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.staff.StaffRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Managers keep the staff directory (issue 8): who works in which contracts and services, their
 * languages (LEW 8.7), duty managers, and the qualifications allocation checks (LLR 13.1-13.7).
 */
@Singleton
public final class ManageStaff {

    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

    private static final Logger LOG = LoggerFactory.getLogger(ManageStaff.class);

    private final StaffDirectory directory;
    private final SignInAccounts accounts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> fields;

    public ManageStaff(StaffDirectory directory, SignInAccounts accounts, ContractTerms terms, ContractCatalogue contracts, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.fields = fields(contracts);
    }

    /** The fields of {@code PUT /staff/{staffId}}: one definition for validation and the API description. */
    public static List<FieldSpec> fields(ContractCatalogue contracts) {
        List<ContractChoice> codes = ContractChoice.all(contracts);
        List<FieldSpec> fields = new ArrayList<>(List.of(
                new FieldSpec("name", "Full name", "", FieldKind.TEXT, true, 100, List.of(), "Enter the full name", "Full name"),
                new FieldSpec("email", "Work email", "Allocations and deadline alerts go here", FieldKind.EMAIL, true, 254,
                        List.of(), "Enter the work email", "Work email"),
                new FieldSpec("role", "Role", "", FieldKind.CHOICE, true, 40, List.of(StaffRole.values()), "Select the role", "Role"),
                new FieldSpec("active", "Active", "False while on leave or after leaving: no new work (LLR 9.32)", FieldKind.YES_NO,
                        true, 5, List.of(), "Say whether they are active", "Active"),
                new FieldSpec("contracts", "Contracts they work in", "", FieldKind.MULTI_CHOICE, false, 40, codes, "", "Contracts"),
                new FieldSpec("services", "Services they work in", "", FieldKind.MULTI_CHOICE, false, 40, List.of(ServiceCode.values()),
                        "", "Services"),
                new FieldSpec("languages", "Languages besides English", "To match a young person's language (LEW 8.7)",
                        FieldKind.TEXT_LIST, false, 60, List.of(), "", "Languages"),
                new FieldSpec("dutyManagerFor", "Duty manager for", "Missed deadlines are escalated to the duty managers of the contract",
                        FieldKind.MULTI_CHOICE, false, 40, codes, "", "Duty manager for"),
                new FieldSpec("appointedOn", "Appointed on", "The Level 3 qualification may be worked towards in the first year (LLR 13.1)",
                        FieldKind.PAST_DATE, false, 10, List.of(), "", "Appointed on"),
                new FieldSpec("imcaSince", "Practising as an IMCA since", "LLR 5.49", FieldKind.PAST_DATE, false, 10, List.of(), "",
                        "Practising as an IMCA since"),
                new FieldSpec("imhaSince", "Practising as an IMHA since", "LLR 13.6", FieldKind.PAST_DATE, false, 10, List.of(), "",
                        "Practising as an IMHA since"),
                new FieldSpec("loginSubjects", "Sign-in identities", "Their Cognito user id (sub) and/or sign-in email",
                        FieldKind.TEXT_LIST, false, 254, List.of(), "", "Sign-in identities")));
        for (Qualification qualification : Qualification.values()) {
            fields.add(new FieldSpec("qualifications." + qualification.name(), qualification.displayName(),
                    "When it was achieved (" + qualification.clause() + ")", FieldKind.PAST_DATE, false, 10, List.of(), "",
                    qualification.displayName()));
        }
        return List.copyOf(fields);
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    public sealed interface Outcome {
    }

    public record Saved(StaffRecord record) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
    }

    public record NotAllowed() implements Outcome {
    }

    /** {@code PUT /staff/{staffId}}: creates or replaces the profile; the experience allocations counted is kept. */
    public Outcome put(StaffActor actor, String staffId, SubmittedFields body) {
        if (!actor.isManager()) {
            return new NotAllowed();
        }
        FieldRules.Checked checked = rules.check(fields, body, clock.instant().atZone(UK).toLocalDate(), "a staff record");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        if (!staffId.matches(StaffRecord.ID_PATTERN)) {
            errors.add(0, new FieldError("staffId", "The staff id in the address must be 1 to 40 lower-case letters, digits "
                    + "and hyphens, starting with a letter or digit"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        Map<String, Object> v = checked.values();
        Map<Qualification, LocalDate> qualifications = new EnumMap<>(Qualification.class);
        for (Qualification qualification : Qualification.values()) {
            if (v.get("qualifications." + qualification.name()) instanceof LocalDate date) {
                qualifications.put(qualification, date);
            }
        }
        StaffRecord record = new StaffRecord(staffId, (String) v.get("name"), ((String) v.get("email")).toLowerCase(Locale.ROOT),
                (StaffRole) v.get("role"), (Boolean) v.get("active"), codes(v.get("contracts")), services(v.get("services")),
                texts(v.get("languages")), codes(v.get("dutyManagerFor")), qualifications, (LocalDate) v.get("appointedOn"),
                (LocalDate) v.get("imcaSince"), (LocalDate) v.get("imhaSince"), logins(v.get("loginSubjects")),
                StaffRecord.Experience.NONE);
        try {
            Optional<StaffRecord> before = directory.find(staffId);
            StaffRecord saved = directory.save(record);
            if (before.isPresent() && before.get().active() && !saved.active()) {
                endAccess(before.get(), saved);
            }
            return new Saved(saved);
        } catch (StaffDirectory.LoginTakenException taken) {
            return new Invalid(List.of(new FieldError("loginSubjects", "'" + FieldRules.shown(taken.subject())
                    + "' already signs in as " + taken.otherStaffId())));
        }
    }

    /**
     * A deactivation (issue 20): the directory refuses them from this moment on every route and page, and their console
     * sessions end at their next request; here their sign-in accounts, old logins and new, are disabled and signed out
     * too. A user pool that cannot be reached is logged (by staff id, never a login) and does not undo the deactivation.
     */
    private void endAccess(StaffRecord before, StaffRecord after) {
        Set<String> logins = new LinkedHashSet<>(before.loginSubjects());
        logins.addAll(after.loginSubjects());
        for (String login : logins) {
            try {
                accounts.endAccess(login);
            } catch (RuntimeException e) {
                LOG.warn("Could not disable a sign-in account of deactivated staff member {} ({}): the directory refuses them anyway",
                        after.id(), e.getClass().getSimpleName());
            }
        }
    }

    /** {@code GET /staff}: everyone, for managers. */
    public List<StaffRecord> list(StaffActor actor) {
        if (!actor.isManager()) {
            throw new IllegalStateException("managers only: check before calling");
        }
        return directory.all();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> codes(Object chosen) {
        Set<String> codes = new LinkedHashSet<>();
        if (chosen != null) {
            ((List<Choice>) chosen).forEach(c -> codes.add(c.name()));
        }
        return codes;
    }

    @SuppressWarnings("unchecked")
    private static Set<ServiceCode> services(Object chosen) {
        Set<ServiceCode> services = new LinkedHashSet<>();
        if (chosen != null) {
            ((List<Choice>) chosen).forEach(c -> services.add((ServiceCode) c));
        }
        return services;
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(Object values) {
        return values == null ? List.of() : List.copyOf((List<String>) values);
    }

    /** Sign-in emails compare case-insensitively; Cognito subjects are kept as they are. */
    private static Set<String> logins(Object values) {
        Set<String> logins = new LinkedHashSet<>();
        texts(values).forEach(v -> logins.add(v.contains("@") ? v.toLowerCase(Locale.ROOT) : v));
        return logins;
    }
}
