package org.advocacyhub.application.intake;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.ScreeningQueue;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety net behind "impossible to lose a referral": referrals still unscreened five minutes
 * after they were last handed to screening are handed over again. Screening is idempotent, so a
 * referral queued twice is still screened once.
 */
@Singleton
public final class RequeueUnscreenedReferrals {

    private static final Logger LOG = LoggerFactory.getLogger(RequeueUnscreenedReferrals.class);
    /** Screening normally decides within seconds; five minutes means the hand-over was lost. */
    public static final Duration GRACE = Duration.ofMinutes(5);
    /** Per run; a backlog larger than this drains over the following runs. */
    static final int BATCH = 100;

    private final CaseStore store;
    private final ScreeningQueue screening;
    private final Clock clock;

    public RequeueUnscreenedReferrals(CaseStore store, ScreeningQueue screening, Clock clock) {
        this.store = store;
        this.screening = screening;
        this.clock = clock;
    }

    /** @return how many referrals were handed to screening again */
    public int run() {
        Instant now = clock.instant();
        int requeued = 0;
        for (ReferralReference reference : store.awaitingScreeningSince(now.minus(GRACE), BATCH)) {
            ReferralCase referral = store.findCase(reference).orElse(null);
            // The index is read eventually consistently: a case screened a moment ago may still be listed (issue 19:
            // screened cases were handed to screening again). The case itself is read consistently.
            if (referral == null || referral.status().isScreened()) {
                continue;
            }
            try {
                screening.referralReceived(new ScreeningQueue.ReferralReceived(reference, reference.contract(),
                        referral.details().service(), referral.receivedAt()));
            } catch (RuntimeException e) {
                LOG.warn("Could not re-queue referral {} ({}); next run will retry", reference, e.getClass().getSimpleName());
                continue;
            }
            // Recorded only if still unscreened (one conditional write): screening that finished meanwhile leaves no
            // false "handed to screening again" on the timeline, and a message sent meanwhile is a harmless no-op.
            if (store.markRequeued(reference, now, new CaseEvent(now, CaseEvent.Type.REQUEUED_FOR_SCREENING,
                    "Handed to screening again: not screened within " + GRACE.toMinutes() + " minutes"))) {
                requeued++;
            }
        }
        if (requeued > 0) {
            LOG.info("Re-queued {} unscreened referral(s) for screening", requeued);
        }
        return requeued;
    }
}
