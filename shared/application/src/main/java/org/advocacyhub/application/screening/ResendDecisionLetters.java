package org.advocacyhub.application.screening;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.ReferralReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A written decision is mandatory (LLR 6.10, 8.35, 9.41), so a letter that could not be sent while
 * its screening message was retried (e.g. the mail service was down until the message went to the
 * dead-letter queue) is sent by the scheduled sweep instead. The letter's claim keeps this from
 * ever sending it twice.
 */
@Singleton
public final class ResendDecisionLetters {

    private static final Logger LOG = LoggerFactory.getLogger(ResendDecisionLetters.class);
    /** Longer than the screening queue's own retries (3 receives, 120 s visibility), so the sweep only takes over once they are spent. */
    public static final Duration GRACE = Duration.ofMinutes(10);
    static final int BATCH = 50;

    private final CaseStore store;
    private final ScreenReferral screenReferral;
    private final Clock clock;

    public ResendDecisionLetters(CaseStore store, ScreenReferral screenReferral, Clock clock) {
        this.store = store;
        this.screenReferral = screenReferral;
        this.clock = clock;
    }

    /** @return how many letters were sent */
    public int run() {
        int sent = 0;
        for (ReferralReference reference : store.lettersPendingSince(clock.instant().minus(GRACE), BATCH)) {
            try {
                if (screenReferral.sendPendingLetter(reference)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Decision letter for {} still not sent ({}); next run will retry", reference, e.getClass().getSimpleName());
            }
        }
        if (sent > 0) {
            LOG.info("Sent {} delayed decision letter(s)", sent);
        }
        return sent;
    }
}
