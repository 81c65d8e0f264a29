package org.advocacyhub.domain.eligibility;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ServiceAnswers;

/**
 * What a policy screens: the referral as validated, the date of screening in the UK (never read
 * from the system clock) and the contract that commissions the referral's service.
 */
public record ScreeningInput(ReferralDetails referral, LocalDate today, Contract contract) {

    public ScreeningInput {
        Objects.requireNonNull(referral, "referral");
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(contract, "contract");
    }

    /** The person's age in whole years on {@link #today()}. */
    public int age() {
        return Period.between(referral.person().dateOfBirth(), today).getYears();
    }

    /** The service-specific answers, typed. */
    public ServiceAnswers answers() {
        return ServiceAnswers.of(referral);
    }

    /** The contract's authority where the person is staying now; empty when they are staying outside its area. */
    public Optional<Authority> authorityStayingIn() {
        return contract.authority(referral.person().authority());
    }

    /** The authority's name for letters, or "the council" when the person is outside the contract's area. */
    public String councilName() {
        return authorityStayingIn().map(Authority::name).orElse("the council");
    }

    /** The contract's area in words, e.g. "Leicestershire County Council, Leicester City Council or Rutland County Council". */
    public String contractArea() {
        var names = contract.authorities().stream().map(Authority::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
