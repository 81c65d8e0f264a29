package org.advocacyhub.application.port;

import java.time.Duration;

/**
 * Operational metrics of the referral flow (issue 24), for the dashboard: referrals received (per day) and the delay
 * from receipt to screening. Codes only, no personal data.
 */
public interface ReferralMetrics {

    /** A new referral was stored (not a repeated request). */
    void referralReceived(String contract, String service);

    /** A referral was screened for the first time, {@code delay} after its receipt. */
    void referralScreened(String contract, String service, Duration delay);

    /** Counts nothing: for tests and tools that build the use cases by hand. */
    ReferralMetrics NONE = new ReferralMetrics() {
        @Override
        public void referralReceived(String contract, String service) {
        }

        @Override
        public void referralScreened(String contract, String service, Duration delay) {
        }
    };
}
