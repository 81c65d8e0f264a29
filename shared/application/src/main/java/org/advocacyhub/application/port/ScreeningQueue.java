package org.advocacyhub.application.port;

import java.time.Instant;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.ServiceCode;

/** Hands a stored referral to screening. Messages carry no personal data, only the reference. */
public interface ScreeningQueue {

    /** @throws RuntimeException when the message could not be queued; the caller decides what that means */
    void referralReceived(ReferralReceived message);

    record ReferralReceived(ReferralReference reference, String contract, ServiceCode service, Instant receivedAt) {
    }
}
