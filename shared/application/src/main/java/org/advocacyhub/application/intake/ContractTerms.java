package org.advocacyhub.application.intake;

import java.time.Instant;
import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;

/** What intake needs to know of the contracts: who runs a service, its areas, its first deadline. */
public interface ContractTerms extends AuthorityDirectory {

    /** The code of the contract that runs the service (e.g. {@code LLR}); it prefixes references. */
    String contractFor(ServiceCode service);

    /**
     * The first deadline that runs from receipt for this service and urgency, as the contract
     * defines it; empty when the service's first clock starts later (e.g. on acceptance).
     */
    java.util.Optional<ReceiptDeadline> firstDeadline(ServiceCode service, Urgency urgency, Instant receivedAt);

    /** The SLA clocks that start when a referral for this service arrives, started at {@code receivedAt}. */
    java.util.List<org.advocacyhub.domain.time.SlaClock> clocksStartedAtReceipt(ServiceCode service, Urgency urgency, Instant receivedAt);

    /** When the service is open, in words for letters (e.g. "Monday to Friday, 9am to 5pm, except bank holidays"). */
    String serviceHours(ServiceCode service);
}
