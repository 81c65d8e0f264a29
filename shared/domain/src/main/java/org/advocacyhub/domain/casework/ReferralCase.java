package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.List;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.time.SlaClock;

/**
 * A referral as the hub holds it: what was referred, when it arrived, where it is now, the
 * deadlines running on it and the latest screening decision.
 *
 * @param firstDeadline the deadline promised in the acknowledgement (e.g. allocation within 2
 *                      working days, LLR 9.38a), as computed when the referral arrived, or {@code null}
 *                      when the service's first clock starts later (CYP: on acceptance, LEW 8.4)
 * @param clocks        the SLA clocks running on the case, each as its contract defines it
 * @param screening     the latest screening decision, or {@code null} before screening
 * @param letter        the written decision to the referrer, or {@code null} before screening
 * @param work          the casework after acceptance: advocate, milestones, time, plan, closure
 * @param version       how many times the stored case was saved: every save is conditional on it,
 *                      so two staff changing one case at once cannot lose either change
 */
public record ReferralCase(
        ReferralReference reference,
        ReferralDetails details,
        Instant receivedAt,
        CaseStatus status,
        ReceiptDeadline firstDeadline,
        List<SlaClock> clocks,
        ScreeningRecord screening,
        DecisionLetter letter,
        Casework work,
        long version) {

    public ReferralCase {
        clocks = List.copyOf(clocks);
        java.util.Objects.requireNonNull(work, "work");
    }

    /** A referral just received: nothing decided yet. */
    public static ReferralCase received(ReferralReference reference, ReferralDetails details, Instant receivedAt,
                                       ReceiptDeadline firstDeadline, List<SlaClock> clocks) {
        return new ReferralCase(reference, details, receivedAt, CaseStatus.RECEIVED, firstDeadline, clocks, null, null, Casework.NONE, 0);
    }

    public ReferralCase screened(CaseStatus newStatus, ScreeningRecord record, List<SlaClock> newClocks, DecisionLetter newLetter) {
        return new ReferralCase(reference, details, receivedAt, newStatus, firstDeadline, newClocks, record, newLetter, work, version);
    }

    public ReferralCase withDetails(ReferralDetails newDetails) {
        return new ReferralCase(reference, newDetails, receivedAt, status, firstDeadline, clocks, screening, letter, work, version);
    }

    public ReferralCase withLetter(DecisionLetter newLetter) {
        return new ReferralCase(reference, details, receivedAt, status, firstDeadline, clocks, screening, newLetter, work, version);
    }

    /** The case after casework: a new status, clocks and work. */
    public ReferralCase worked(CaseStatus newStatus, List<SlaClock> newClocks, Casework newWork) {
        return new ReferralCase(reference, details, receivedAt, newStatus, firstDeadline, newClocks, screening, letter, newWork, version);
    }

    /** The same case as saved once more (the store calls this when it writes). */
    public ReferralCase nextVersion() {
        return new ReferralCase(reference, details, receivedAt, status, firstDeadline, clocks, screening, letter, work, version + 1);
    }
}
