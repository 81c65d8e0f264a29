package org.advocacyhub.application.port;

import org.advocacyhub.domain.casework.ReferralCase;

/** Letters to referrers. Implementations own the wording; use cases say what happened. */
public interface ReferrerNotifications {

    /**
     * Acknowledges a new referral to the referrer's email: the reference, what happens next and by
     * when, and the service hours. Names the referred person by initials only.
     *
     * @throws RuntimeException when the email could not be handed to the mail service
     */
    void acknowledge(ReferralCase referral);
}
