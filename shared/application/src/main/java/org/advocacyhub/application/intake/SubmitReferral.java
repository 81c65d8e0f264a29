package org.advocacyhub.application.intake;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.CaseStore.IdempotencyRecord;
import org.advocacyhub.application.mail.DispatchMail;
import org.advocacyhub.application.mail.OutboxMails;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReferralMetrics;
import org.advocacyhub.application.port.ReferrerLetters;
import org.advocacyhub.application.port.ScreeningQueue;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralValidator;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A referrer submits a referral (requirements §3). The referral is stored first, durably and
 * exactly once, with its acknowledgement in the outbox in the same write; only then is it handed to
 * screening and the acknowledgement to the mail sender, and the referrer is answered. Nothing here
 * waits for the mail service (issue 19: a slow one held referrers up for minutes). A failure after
 * the write loses nothing: {@link RequeueUnscreenedReferrals} hands the referral to screening again,
 * and {@link org.advocacyhub.application.mail.RequeueWaitingMail} the acknowledgement to the sender.
 */
@Singleton
public final class SubmitReferral {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitReferral.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** How long a repeated request is recognised as a repeat. A day covers every retry policy we know. */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    private final CaseStore store;
    private final ScreeningQueue screening;
    private final ReferrerLetters letters;
    private final DispatchMail mail;
    private final ContractTerms contracts;
    private final ReferralValidator validator;
    private final Clock clock;
    private final ReferralMetrics metrics;

    public SubmitReferral(CaseStore store, ScreeningQueue screening, ReferrerLetters letters, DispatchMail mail,
                          ContractTerms contracts, Clock clock, ReferralMetrics metrics) {
        this.store = store;
        this.screening = screening;
        this.letters = letters;
        this.mail = mail;
        this.contracts = contracts;
        this.validator = new ReferralValidator(contracts);
        this.clock = clock;
        this.metrics = metrics;
    }

    /** What became of a submission. */
    public sealed interface Outcome {
    }

    /**
     * The referral is stored (now, or by an earlier identical request when {@code repeated}), with
     * the status it was stored in ({@link org.advocacyhub.domain.casework.CaseStatus#RECEIVED}).
     */
    public record Accepted(ReferralReference reference, Instant receivedAt, boolean repeated) implements Outcome {
    }

    /** The submission has errors; nothing was stored. */
    public record Rejected(List<FieldError> errors) implements Outcome {
    }

    /** The idempotency key was used before for a different referral; nothing was stored. */
    public record KeyReused(ReferralReference original) implements Outcome {
    }

    /**
     * @param fields         the submitted values (form or flattened JSON)
     * @param idempotencyKey the client's key for this submission (the form's one-time token or the
     *                       {@code Idempotency-Key} header), already scoped by its source, if any
     */
    public Outcome submit(SubmittedFields fields, Optional<String> idempotencyKey) {
        Instant now = clock.instant();
        ReferralValidator.Result result = validator.validate(fields, now.atZone(UK).toLocalDate());
        if (result instanceof ReferralValidator.Invalid invalid) {
            return new Rejected(invalid.errors());
        }
        ReferralDetails details = ((ReferralValidator.Valid) result).details();
        String fingerprint = fingerprint(fields);

        if (idempotencyKey.isPresent()) {
            Optional<IdempotencyRecord> earlier = store.findIdempotencyRecord(idempotencyKey.get())
                    .filter(r -> r.expiresAt().isAfter(now));
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }

        String contract = contracts.contractFor(details.service());
        int year = now.atZone(UK).getYear();
        ReferralReference reference = new ReferralReference(contract, year, store.nextSequence(contract, year));
        ReferralCase referral = ReferralCase.received(reference, details, now,
                contracts.firstDeadline(details.service(), details.urgency(), now).orElse(null),
                contracts.clocksStartedAtReceipt(details.service(), details.urgency(), now));
        Optional<IdempotencyRecord> idempotency = idempotencyKey.map(
                key -> new IdempotencyRecord(key, fingerprint, reference, now, now.plus(IDEMPOTENCY_WINDOW)));
        CaseEvent received = new CaseEvent(now, CaseEvent.Type.RECEIVED,
                "Referral received by " + details.route().displayName().toLowerCase(java.util.Locale.UK));

        // The acknowledgement is written now, with the referral, and sent from the outbox: once, whatever is retried.
        List<Outbox.OutboxMail> acknowledgement = details.referrer().hasEmail()
                ? List.of(OutboxMails.acknowledgement(referral, letters.acknowledgement(referral), now)) : List.of();
        if (store.recordNewCase(referral, received, idempotency, acknowledgement) instanceof CaseStore.KeyAlreadyUsed used) {
            // A concurrent identical request won the race; this one's sequence number is skipped.
            return replay(used.existing(), fingerprint);
        }
        LOG.info("Referral {} stored for service {}", reference, details.service());

        // The dashboard's referrals per day (issue 24): new referrals only, a repeated request is not counted.
        metrics.referralReceived(String.valueOf(referral.reference().contract()), details.service().name());
        handToScreening(referral);
        mail.dispatch(acknowledgement);
        return new Accepted(reference, now, false);
    }

    /**
     * The reference of the referral made under a client's key, while the key is remembered
     * ({@link #IDEMPOTENCY_WINDOW}): what the form's receipt page shows to whoever holds the
     * form's one-time token, and nobody else.
     */
    public Optional<ReferralReference> submittedUnder(String idempotencyKey) {
        Instant now = clock.instant();
        return store.findIdempotencyRecord(idempotencyKey).filter(r -> r.expiresAt().isAfter(now)).map(IdempotencyRecord::reference);
    }

    private Outcome replay(IdempotencyRecord earlier, String fingerprint) {
        if (!earlier.fingerprint().equals(fingerprint)) {
            return new KeyReused(earlier.reference());
        }
        // Answered from the record: intake writes new cases and reads none (its IAM policy says so).
        return new Accepted(earlier.reference(), earlier.receivedAt(), true);
    }

    private void handToScreening(ReferralCase referral) {
        try {
            screening.referralReceived(new ScreeningQueue.ReferralReceived(referral.reference(),
                    referral.reference().contract(), referral.details().service(), referral.receivedAt()));
        } catch (RuntimeException e) {
            // Stored but not queued: the scheduled sweep re-queues it within minutes.
            LOG.warn("Referral {} stored but not queued for screening ({}); the sweep will re-queue it",
                    referral.reference(), e.getClass().getSimpleName());
        }
    }

    static String fingerprint(SubmittedFields fields) {
        return Digests.sha256Hex(fields.canonicalForm());
    }
}
