package org.advocacyhub.domain.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.casework.BrokenRule;
import org.advocacyhub.domain.contract.AllocationPolicy;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Requirements §9: who may be allocated a case, each refusal with its clause (LLR 13.1-13.7, 5.49). */
class AllocationCheckTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();

    private static StaffRecord advocate(Set<ServiceCode> services, Map<Qualification, LocalDate> qualifications, LocalDate appointed,
                                        LocalDate imcaSince, StaffRecord.Experience experience) {
        return new StaffRecord("jo", "Jo", "jo@hub.example", StaffRole.ADVOCATE, true, Set.of("LLR"), services, List.of(), Set.of(),
                qualifications, appointed, imcaSince, null, Set.of(), experience);
    }

    private static List<String> broken(StaffRecord advocate, ServiceCode service, boolean bsl) {
        AllocationPolicy policy = CONTRACTS.contractFor(service).service(service).allocation();
        return AllocationCheck.check(advocate, CONTRACTS.contractFor(service).code(), service, policy,
                new AllocationRequirement.Context(TODAY, bsl)).stream().map(BrokenRule::rule).toList();
    }

    private static Map<Qualification, LocalDate> all(LocalDate when) {
        Map<Qualification, LocalDate> all = new EnumMap<>(Qualification.class);
        for (Qualification q : Qualification.values()) {
            all.put(q, when);
        }
        return all;
    }

    @Test
    @DisplayName("LLR 5.49: a DoLS IMCA needs unit 310 training and 3 months or 3 cases as an IMCA; the assessment may follow within a year")
    void dols() {
        Map<Qualification, LocalDate> noDols = new EnumMap<>(all(TODAY.minusYears(2)));
        noDols.remove(Qualification.UNIT_310_DOLS_TRAINING);
        noDols.remove(Qualification.UNIT_310_DOLS_ASSESSMENT);
        StaffRecord untrained = advocate(Set.of(ServiceCode.DOLS_IMCA), noDols, TODAY.minusYears(2), TODAY.minusMonths(2),
                new StaffRecord.Experience(2, null, null));
        assertEquals(List.of("UNIT_310_DOLS_TRAINING", "IMCA_EXPERIENCE"), broken(untrained, ServiceCode.DOLS_IMCA, false));

        noDols.put(Qualification.UNIT_310_DOLS_TRAINING, TODAY.minusMonths(1));
        StaffRecord threeCases = advocate(Set.of(ServiceCode.DOLS_IMCA), noDols, TODAY.minusYears(2), TODAY.minusMonths(2),
                new StaffRecord.Experience(3, null, null));
        assertEquals(List.of(), broken(threeCases, ServiceCode.DOLS_IMCA, false), "3 cases suffice; the first DoLS case starts the year");
        StaffRecord threeMonths = advocate(Set.of(ServiceCode.DOLS_IMCA), noDols, TODAY.minusYears(2), TODAY.minusMonths(3),
                new StaffRecord.Experience(0, null, null));
        assertEquals(List.of(), broken(threeMonths, ServiceCode.DOLS_IMCA, false), "exactly 3 months suffices");

        StaffRecord yearGone = advocate(Set.of(ServiceCode.DOLS_IMCA), noDols, TODAY.minusYears(2), TODAY.minusYears(2),
                new StaffRecord.Experience(10, TODAY.minusYears(1).minusDays(1), null));
        assertEquals(List.of("UNIT_310_DOLS_ASSESSMENT"), broken(yearGone, ServiceCode.DOLS_IMCA, false),
                "LLR 5.49(iii): no assessment a year after the first DoLS case");
    }

    @Test
    @DisplayName("LLR 13.1: the Level 3 qualification, or within a year of appointment")
    void level3() {
        Map<Qualification, LocalDate> units = new EnumMap<>(Qualification.class);
        units.put(Qualification.UNIT_305_IMCA, TODAY.minusYears(1));
        assertEquals(List.of(), broken(advocate(Set.of(ServiceCode.IMCA), units, TODAY.minusYears(1), null, StaffRecord.Experience.NONE),
                ServiceCode.IMCA, false), "exactly a year after appointment is still within it");
        assertEquals(List.of("NQIA_LEVEL_3"), broken(advocate(Set.of(ServiceCode.IMCA), units, TODAY.minusYears(1).minusDays(1), null,
                StaffRecord.Experience.NONE), ServiceCode.IMCA, false));
        assertEquals(List.of("NQIA_LEVEL_3"), broken(advocate(Set.of(ServiceCode.IMCA), units, null, null, StaffRecord.Experience.NONE),
                ServiceCode.IMCA, false), "no appointment date: only the qualification counts");
    }

    @Test
    @DisplayName("LLR 13.3-13.6: each service's unit; a qualification dated after today does not count yet")
    void units() {
        Map<Qualification, LocalDate> future = all(TODAY.plusDays(1));
        StaffRecord everything = advocate(Set.of(ServiceCode.values()), all(TODAY), TODAY.minusYears(5), TODAY.minusYears(5),
                StaffRecord.Experience.NONE);
        for (ServiceCode service : List.of(ServiceCode.IMCA, ServiceCode.IMHA, ServiceCode.CARE_ACT, ServiceCode.ICAS)) {
            assertEquals(List.of(), broken(everything, service, true), service.name());
        }
        StaffRecord notYet = advocate(Set.of(ServiceCode.values()), future, TODAY.minusYears(5), TODAY.minusYears(5),
                StaffRecord.Experience.NONE);
        assertEquals(List.of("NQIA_LEVEL_3", "UNIT_313_CARE_ACT"), broken(notYet, ServiceCode.CARE_ACT, false));
        assertEquals(List.of("NQIA_LEVEL_3", "UNIT_305_IMCA"), broken(notYet, ServiceCode.IMCA, false));
    }

    @Test
    @DisplayName("LLR 13.6: unit 306 within a year of starting employment, or of a later start as an IMHA; a new IMHA may start")
    void imha() {
        Map<Qualification, LocalDate> level3 = Map.of(Qualification.NQIA_LEVEL_3, TODAY.minusYears(3));
        Map<Qualification, LocalDate> with306 = Map.of(Qualification.NQIA_LEVEL_3, TODAY.minusYears(3), Qualification.UNIT_306_IMHA,
                TODAY.minusYears(2));
        // Issue 20: appointed 18 months ago, no unit 306 and no later IMHA start: the year from the appointment has passed.
        assertEquals(List.of("UNIT_306_IMHA"), broken(imha(level3, TODAY.minusMonths(18), null, StaffRecord.Experience.NONE),
                ServiceCode.IMHA, false));
        assertEquals(List.of(), broken(imha(level3, TODAY.minusMonths(11), null, StaffRecord.Experience.NONE), ServiceCode.IMHA, false),
                "appointed 11 months ago");
        assertEquals(List.of(), broken(imha(level3, TODAY.minusYears(3), TODAY.minusMonths(2), StaffRecord.Experience.NONE),
                ServiceCode.IMHA, false), "moved into the IMHA role two months ago");
        assertEquals(List.of("UNIT_306_IMHA"), broken(imha(level3, TODAY.minusYears(3), TODAY.minusMonths(13),
                StaffRecord.Experience.NONE), ServiceCode.IMHA, false), "moved into the IMHA role 13 months ago");
        assertEquals(List.of("UNIT_306_IMHA"), broken(imha(level3, TODAY.minusMonths(18), TODAY.minusYears(3),
                StaffRecord.Experience.NONE), ServiceCode.IMHA, false), "an IMHA start before the appointment counts from the appointment");
        assertEquals(List.of(), broken(imha(with306, TODAY.minusYears(3), null, StaffRecord.Experience.NONE), ServiceCode.IMHA, false),
                "unit 306 achieved");
        assertEquals(List.of(), broken(imha(level3, null, null, StaffRecord.Experience.NONE), ServiceCode.IMHA, false),
                "nothing recorded: their first IMHA case starts the year");
        assertEquals(List.of("UNIT_306_IMHA"), broken(imha(level3, null, null, new StaffRecord.Experience(0, null, TODAY.minusYears(2))),
                ServiceCode.IMHA, false), "nothing recorded, first IMHA case two years ago");
    }

    private static StaffRecord imha(Map<Qualification, LocalDate> qualifications, LocalDate appointed, LocalDate imhaSince,
                                    StaffRecord.Experience experience) {
        return new StaffRecord("jo", "Jo", "jo@hub.example", StaffRole.ADVOCATE, true, Set.of("LLR"), Set.of(ServiceCode.IMHA), List.of(),
                Set.of(), qualifications, appointed, null, imhaSince, Set.of(), experience);
    }

    @Test
    @DisplayName("LLR 13.7: BSL level 3 only when the referral says the person uses BSL")
    void bsl() {
        Map<Qualification, LocalDate> noBsl = new EnumMap<>(all(TODAY.minusYears(1)));
        noBsl.remove(Qualification.BSL_LEVEL_3);
        StaffRecord jo = advocate(Set.of(ServiceCode.IMCA), noBsl, TODAY.minusYears(1), null, StaffRecord.Experience.NONE);
        assertEquals(List.of(), broken(jo, ServiceCode.IMCA, false));
        assertEquals(List.of("BSL_LEVEL_3"), broken(jo, ServiceCode.IMCA, true));
        Person signer = new Person("A B", TODAY.minusYears(40), Gender.FEMALE, Ethnicity.NOT_KNOWN, Set.of(Disability.SENSORY),
                Residence.OWN_HOME, null, null, "LEICESTER", "Deaf, uses bsl with an interpreter", "English", true);
        assertTrue(AllocationCheck.usesBritishSignLanguage(signer));
        Person other = new Person("A B", TODAY.minusYears(40), Gender.FEMALE, Ethnicity.NOT_KNOWN, Set.of(), Residence.OWN_HOME, null,
                null, "LEICESTER", "Needs easy read (absolutely no jargon)", "British English", false);
        assertFalse(AllocationCheck.usesBritishSignLanguage(other), "'absolutely' or 'British English' is not BSL");
    }

    @Test
    @DisplayName("LLR 9.32 and DERBY 3.3.1: inactive staff, staff outside the service, and unallocated services are refused")
    void general() {
        StaffRecord away = new StaffRecord("jo", "Jo", "jo@hub.example", StaffRole.ADVOCATE, false, Set.of("LEW"), Set.of(ServiceCode.CYP),
                List.of(), Set.of(), all(TODAY), TODAY.minusYears(1), null, null, Set.of(), StaffRecord.Experience.NONE);
        assertEquals(List.of("ACTIVE", "WORKS_IN_SERVICE"), broken(away, ServiceCode.IMCA, false));
        assertEquals(List.of("NOT_ALLOCATED"), broken(away, ServiceCode.ACCOMMODATION, false));
    }
}
