package org.advocacyhub.application.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Outbox.MailId;
import org.advocacyhub.application.port.Outbox.Status;
import org.advocacyhub.application.port.Outbox.StoredMail;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.ReferralReference;
import org.junit.jupiter.api.Test;

/** What the mail sender does with each answer the mail service can give (issue 19), on an outbox in memory. */
class SendMailTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final ReferralReference CASE = new ReferralReference("LLR", 2026, 7);
    private static final Mail LETTER = new Mail("referrer@council.example", "Referral LLR-2026-000007", "text", "<p>html</p>");

    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final List<Mail> delivered = new ArrayList<>();

    private SendMail sender(Instant at, MailSender.Delivery answer) {
        return new SendMail(outbox, mail -> {
            delivered.add(mail);
            return answer;
        }, Clock.fixed(at, ZoneOffset.UTC));
    }

    private MailId decisionLetter() {
        Outbox.OutboxMail mail = new Outbox.OutboxMail(new MailId(new Outbox.CaseOwner(CASE), OutboxMails.DECISION_LETTER + NOW),
                Outbox.Kind.DECISION_LETTER, "LLR", "The decision letter", "the referrer", LETTER, NOW);
        outbox.add(List.of(mail));
        return mail.id();
    }

    @Test
    void aSentLetterIsOnTheTimelineAndItsCaseLetterSaysSentAndItIsNeverSentAgain() {
        MailId id = decisionLetter();
        assertInstanceOf(SendMail.Sent.class, sender(NOW, new MailSender.Sent("m-1")).send(id));
        assertEquals(Status.SENT, outbox.find(id).orElseThrow().status());
        Outbox.Settlement settled = outbox.settlements.get(id);
        assertEquals(CaseEvent.Type.DECISION_LETTER_SENT, settled.events().get(0).type());
        assertEquals("The decision letter was emailed to the referrer", settled.events().get(0).description());
        assertEquals(DecisionLetter.Status.SENT, settled.letter().orElseThrow().status());
        assertEquals(NOW, settled.letter().orElseThrow().decidedAt());

        assertInstanceOf(SendMail.AlreadySettled.class, sender(NOW.plusSeconds(5), new MailSender.Sent("m-2")).send(id));
        assertEquals(1, delivered.size(), "delivered twice, sent once");
    }

    @Test
    void aRefusalForNowWaitsAndIsTriedAgainLaterFromTheOutbox() {
        MailId id = decisionLetter();
        var later = assertInstanceOf(SendMail.TryAgainLater.class,
                sender(NOW, new MailSender.Refused("TooManyRequestsException", true)).send(id));
        assertEquals(NOW.plus(Duration.ofMinutes(1)), later.at());
        assertEquals(Status.PENDING, outbox.find(id).orElseThrow().status());
        assertTrue(outbox.settlements.get(id).events().get(0).description().contains("will be tried again"));
        assertInstanceOf(SendMail.TryAgainLater.class, sender(NOW.plusSeconds(30), new MailSender.Sent("m")).send(id), "not yet");
        assertEquals(1, delivered.size());
        assertInstanceOf(SendMail.Sent.class, sender(later.at(), new MailSender.Sent("m")).send(id));
        assertEquals(2, delivered.size());
    }

    @Test
    void refusedForNowTooOftenItIsGivenUpAndStaffReachTheReferrerAnotherWay() {
        MailId id = decisionLetter();
        Instant at = NOW;
        SendMail.Outcome outcome = null;
        for (int i = 0; i < SendMail.MAX_ATTEMPTS; i++) {
            outcome = sender(at, new MailSender.Refused("ServiceUnavailable", true)).send(id);
            if (outcome instanceof SendMail.TryAgainLater later) {
                at = later.at();
            }
        }
        assertInstanceOf(SendMail.NotSent.class, outcome);
        assertEquals(SendMail.MAX_ATTEMPTS, delivered.size());
        Outbox.Settlement settled = outbox.settlements.get(id);
        assertEquals(Status.NOT_SENT, settled.status());
        assertEquals(CaseTask.Kind.REACH_ANOTHER_WAY, settled.tasks().get(0).kind());
        assertEquals(DecisionLetter.Status.NOT_SENT, settled.letter().orElseThrow().status());
    }

    @Test
    void aRefusalForGoodIsNotSentAndATaskAsksStaffToWriteAnotherWay() {
        MailId id = decisionLetter();
        assertInstanceOf(SendMail.NotSent.class, sender(NOW, new MailSender.Refused("MessageRejected", false)).send(id));
        Outbox.Settlement settled = outbox.settlements.get(id);
        assertEquals(CaseEvent.Type.DECISION_LETTER_NOT_SENT, settled.events().get(0).type());
        assertTrue(settled.events().get(0).description().contains("refused it (MessageRejected)"));
        assertEquals("Write to the referrer another way: the decision letter could not be emailed (the mail service refused it "
                + "(MessageRejected))", settled.tasks().get(0).description());
        assertNull(outbox.find(id).orElseThrow().mail(), "its words are kept only until its fate is known");
    }

    @Test
    void noAnswerMeansNotKnownNeverRepeatedAndStaffCheck() {
        MailId id = decisionLetter();
        assertInstanceOf(SendMail.NotKnown.class, sender(NOW, new MailSender.NotKnown("ApiCallAttemptTimeoutException")).send(id));
        Outbox.Settlement settled = outbox.settlements.get(id);
        assertEquals(Status.NOT_KNOWN, settled.status());
        assertTrue(settled.events().get(0).description().contains("may not have been sent"));
        assertEquals(CaseTask.Kind.CHECK_EMAIL_ARRIVED, settled.tasks().get(0).kind());
        assertEquals(DecisionLetter.Status.NOT_KNOWN, settled.letter().orElseThrow().status());
        assertInstanceOf(SendMail.AlreadySettled.class, sender(NOW.plus(Duration.ofHours(1)), new MailSender.Sent("m")).send(id));
        assertEquals(1, delivered.size(), "never tried again");
    }

    @Test
    void anEmailHeldBySenderThatStoppedIsNotKnownOnceItsLeaseEndsAndIsNeverSentAgain() {
        MailId id = decisionLetter();
        StoredMail pending = outbox.find(id).orElseThrow();
        Outbox.Claim held = outbox.claim(pending, NOW, SendMail.LEASE).orElseThrow(); // a sender that then died
        assertInstanceOf(SendMail.Held.class, sender(NOW.plusSeconds(30), new MailSender.Sent("m")).send(id));
        assertInstanceOf(SendMail.NotKnown.class, sender(NOW.plus(SendMail.LEASE).plusSeconds(1), new MailSender.Sent("m")).send(id));
        assertEquals(0, delivered.size());
        assertEquals(Status.NOT_KNOWN, outbox.find(id).orElseThrow().status());
        assertEquals(false, outbox.settle(held, outbox.settlements.get(id)), "the stopped sender's claim no longer holds");
    }

    @Test
    void aTableThatRefusesForAMomentIsAskedAgainSoAFateSesGaveIsNotLostAsNotKnown() {
        MailId id = decisionLetter();
        java.util.concurrent.atomic.AtomicInteger refusals = new java.util.concurrent.atomic.AtomicInteger(2);
        List<java.time.Duration> waited = new ArrayList<>();
        Outbox flaky = new InMemoryOutbox() {
            @Override
            public synchronized boolean settle(Claim claim, Settlement settlement) {
                if (refusals.getAndDecrement() > 0) {
                    throw new IllegalStateException("ProvisionedThroughputExceeded");
                }
                return outbox.settle(claim, settlement);
            }

            @Override
            public synchronized Optional<StoredMail> find(MailId mailId) {
                return outbox.find(mailId);
            }

            @Override
            public List<StoredMail> mailsOf(Owner owner) {
                return outbox.mailsOf(owner);
            }

            @Override
            public synchronized Optional<Claim> claim(StoredMail seen, Instant now, Duration lease) {
                return outbox.claim(seen, now, lease);
            }
        };
        var outcome = new SendMail(flaky, mail -> new MailSender.Sent("m-1"), Clock.fixed(NOW, ZoneOffset.UTC), waited::add).send(id);
        assertInstanceOf(SendMail.Sent.class, outcome);
        assertEquals(Status.SENT, outbox.find(id).orElseThrow().status());
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(400)), waited);
    }

    @Test
    void aStaffAlertsFateIsOnItsCaseButAnAnswerphoneAlertHasNoCaseToWriteTo() {
        Outbox.OutboxMail alert = new Outbox.OutboxMail(new MailId(new Outbox.MessageOwner("AP-LLR-2026-000001"), "ALERT#x"),
                Outbox.Kind.CALLBACK_ALERT, "LLR", "The reminder", "Morgan Manager", LETTER, NOW);
        outbox.add(List.of(alert));
        assertInstanceOf(SendMail.NotKnown.class, sender(NOW, new MailSender.NotKnown("SocketTimeoutException")).send(alert.id()));
        assertEquals(List.of(), outbox.settlements.get(alert.id()).events());
        assertEquals(List.of(), outbox.settlements.get(alert.id()).tasks());
        assertEquals(Status.NOT_KNOWN, outbox.find(alert.id()).orElseThrow().status());
    }

    /** The outbox's rules, in memory: each step conditional as the table's is. */
    static class InMemoryOutbox implements Outbox {
        final Map<MailId, StoredMail> mails = new LinkedHashMap<>();
        final Map<MailId, Settlement> settlements = new LinkedHashMap<>();

        @Override
        public synchronized boolean add(List<OutboxMail> added) {
            if (added.stream().anyMatch(m -> mails.containsKey(m.id()))) {
                return false;
            }
            for (OutboxMail m : added) {
                mails.put(m.id(), new StoredMail(m.id(), m.kind(), m.contract(), m.what(), m.recipient(), m.mail(), m.createdAt(),
                        Status.PENDING, 0, null, null, null, null, null, null));
            }
            return true;
        }

        @Override
        public synchronized Optional<StoredMail> find(MailId id) {
            return Optional.ofNullable(mails.get(id));
        }

        @Override
        public synchronized List<StoredMail> mailsOf(Owner owner) {
            return mails.values().stream().filter(m -> m.id().owner().equals(owner)).toList();
        }

        @Override
        public synchronized Optional<Claim> claim(StoredMail seen, Instant now, Duration lease) {
            StoredMail m = mails.get(seen.id());
            if (m.status() != Status.PENDING || m.attempts() != seen.attempts()) {
                return Optional.empty();
            }
            String token = UUID.randomUUID().toString();
            mails.put(m.id(), with(m, Status.SENDING, m.attempts() + 1, token, now.plus(lease), m.retryAt(), m.mail()));
            return Optional.of(new Claim(m.id(), token, m.attempts() + 1, now.plus(lease)));
        }

        @Override
        public synchronized boolean settle(Claim claim, Settlement settlement) {
            StoredMail m = mails.get(claim.id());
            if (m.status() != Status.SENDING || !claim.token().equals(m.claim())) {
                return false;
            }
            apply(m, settlement);
            return true;
        }

        @Override
        public synchronized boolean giveUp(StoredMail seen, Settlement settlement) {
            StoredMail m = mails.get(seen.id());
            if (m.status() != Status.SENDING || !m.claim().equals(seen.claim())) {
                return false;
            }
            apply(m, settlement);
            return true;
        }

        private void apply(StoredMail m, Settlement s) {
            boolean settled = s.status() != Status.PENDING;
            mails.put(m.id(), with(m, s.status(), m.attempts(), null, null, s.retryAt(), settled ? null : m.mail()));
            settlements.put(m.id(), s);
        }

        private static StoredMail with(StoredMail m, Status status, int attempts, String claim, Instant lease, Instant retryAt, Mail mail) {
            return new StoredMail(m.id(), m.kind(), m.contract(), m.what(), m.recipient(), mail, m.createdAt(), status, attempts, claim, lease,
                    retryAt, null, null, null);
        }

        @Override
        public List<MailId> waitingSince(Instant cutoff, int limit) {
            return List.of();
        }

        @Override
        public List<Trouble> troubles(int limit) {
            return List.of();
        }

        @Override
        public void checked(MailId id, Instant at, String staffId) {
        }
    }
}
