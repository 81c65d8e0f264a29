package org.advocacyhub.domain.staff;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * A member of the hub's staff, as the staff directory holds them: who they are, where they work,
 * what they are qualified for and their casework experience. Personal data of staff: never logged.
 *
 * @param id             the directory's key, e.g. {@code jo-advocate} (lower case letters, digits, hyphens)
 * @param name           full name, for staff screens and emails to them
 * @param email          work email: where allocations and deadline alerts go
 * @param role           manager or advocate
 * @param active         whether they can be given work now (leave ends it: LLR 9.32)
 * @param contracts      the contracts they work in
 * @param services       the services they work in
 * @param languages      languages they speak besides English (LEW 8.7 matching)
 * @param dutyManagerFor contracts for which they are a duty manager (escalations go to them)
 * @param qualifications the date each qualification was achieved (LLR 13.1-13.7)
 * @param appointedOn    when they started with the provider: the Level 3 qualification may be
 *                       worked towards in the first year (LLR 13.1)
 * @param imcaSince      when they started practising as an IMCA, if they have (LLR 5.49)
 * @param imhaSince      when they started practising as an IMHA, if they have (LLR 13.6)
 * @param loginSubjects  the identities that sign in as them: a Cognito {@code sub} and/or their email
 * @param experience     what the hub has allocated them, counted at allocation
 */
public record StaffRecord(
        String id,
        String name,
        String email,
        StaffRole role,
        boolean active,
        Set<String> contracts,
        Set<ServiceCode> services,
        List<String> languages,
        Set<String> dutyManagerFor,
        Map<Qualification, LocalDate> qualifications,
        LocalDate appointedOn,
        LocalDate imcaSince,
        LocalDate imhaSince,
        Set<String> loginSubjects,
        Experience experience) {

    /** Staff ids: short, readable and safe in keys, URLs and logs (an id is not personal data). */
    public static final String ID_PATTERN = "^[a-z0-9][a-z0-9-]{0,39}$";

    public StaffRecord {
        Objects.requireNonNull(id, "id");
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("staff id must match " + ID_PATTERN);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        contracts = Set.copyOf(contracts);
        services = services.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(services));
        languages = List.copyOf(languages);
        dutyManagerFor = Set.copyOf(dutyManagerFor);
        qualifications = qualifications.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(qualifications));
        loginSubjects = Set.copyOf(loginSubjects);
        Objects.requireNonNull(experience, "experience");
    }

    /**
     * What the hub has allocated an advocate, kept up to date at each allocation: the counts
     * LLR 5.49 needs ("at least 3 months or 3 cases as an IMCA") and the date of their first DoLS
     * case (the unit 310 assessment is due within a year of it, LLR 13.4).
     *
     * @param imcaCases        IMCA and DoLS IMCA cases allocated to them
     * @param firstDolsCaseOn  the day of their first DoLS IMCA allocation, or {@code null}
     * @param firstImhaCaseOn  the day of their first IMHA allocation, or {@code null}
     */
    public record Experience(int imcaCases, LocalDate firstDolsCaseOn, LocalDate firstImhaCaseOn) {

        public static final Experience NONE = new Experience(0, null, null);

        public Experience {
            if (imcaCases < 0) {
                throw new IllegalArgumentException("imcaCases cannot be negative");
            }
        }

        /** After an allocation of {@code service} on {@code day}. */
        public Experience afterAllocation(ServiceCode service, LocalDate day) {
            boolean imca = service == ServiceCode.IMCA || service == ServiceCode.DOLS_IMCA;
            return new Experience(imcaCases + (imca ? 1 : 0),
                    firstDolsCaseOn == null && service == ServiceCode.DOLS_IMCA ? day : firstDolsCaseOn,
                    firstImhaCaseOn == null && service == ServiceCode.IMHA ? day : firstImhaCaseOn);
        }
    }

    /** The date a qualification was achieved, if it was. */
    public Optional<LocalDate> achieved(Qualification qualification) {
        return Optional.ofNullable(qualifications.get(qualification));
    }

    public boolean isManager() {
        return role == StaffRole.MANAGER;
    }

    /** The same record with its experience counted again (after an allocation). */
    public StaffRecord withExperience(Experience newExperience) {
        return new StaffRecord(id, name, email, role, active, contracts, services, languages, dutyManagerFor, qualifications,
                appointedOn, imcaSince, imhaSince, loginSubjects, newExperience);
    }
}
