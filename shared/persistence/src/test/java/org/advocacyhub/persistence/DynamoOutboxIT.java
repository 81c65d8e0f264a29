package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Outbox.MailId;
import org.advocacyhub.application.port.Outbox.Status;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/** The outbox's conditional writes (issue 19), against DynamoDB Local with the table of template.yaml. */
@WithLocalAws
class DynamoOutboxIT {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Mail LETTER = new Mail("sam@council.example", "Referral LLR-2026-000001: decision", "Words", "<p>Words</p>");

    private final DynamoCaseStore store;
    private final DynamoOutbox outbox;

    DynamoOutboxIT(LocalAws aws) {
        this.store = new DynamoCaseStore(aws.dynamoDb(), aws.tableName("HubTable"), new CaseItemMapper(), ContractCatalogue.bundled());
        this.outbox = new DynamoOutbox(aws.dynamoDb(), aws.tableName("HubTable"), new CaseItemMapper());
    }

    private static Outbox.OutboxMail letter(ReferralCase c, Instant decidedAt) {
        return new Outbox.OutboxMail(new MailId(new Outbox.CaseOwner(c.reference()), "DECISION_LETTER#" + decidedAt),
                Outbox.Kind.DECISION_LETTER, "LLR", "The decision letter", "the referrer", LETTER, decidedAt);
    }

    /** A case screened at {@code decidedAt} with its letter written into the outbox in the same save. */
    private Outbox.OutboxMail screened(ReferralCase c, Instant decidedAt) {
        store.recordNewCase(c, DynamoCaseStoreIT.receivedEvent(), Optional.empty(), List.of());
        Outbox.OutboxMail mail = letter(c, decidedAt);
        assertTrue(store.save(new CaseStore.CaseChange(c, DynamoCaseStoreIT.needsInformation(c, decidedAt), List.of(), List.of(), List.of(),
                Optional.empty(), List.of(mail))));
        return mail;
    }

    private static Outbox.Settlement sent(Instant at, Instant decidedAt) {
        return new Outbox.Settlement(Status.SENT, at, "ses-1", null, null,
                List.of(new CaseEvent(at, CaseEvent.Type.DECISION_LETTER_SENT, "The decision letter was emailed to the referrer")),
                List.of(), Optional.of(new DecisionLetter(DecisionLetter.Status.SENT, decidedAt, at)));
    }

    @Test
    void anEmailExistsIfAndOnlyIfTheChangeThatDecidedItWasSaved() {
        ReferralCase c = DynamoCaseStoreIT.received(1);
        Outbox.OutboxMail mail = screened(c, MONDAY.plusSeconds(5));
        assertEquals(Status.PENDING, outbox.find(mail.id()).orElseThrow().status());
        assertEquals(LETTER, outbox.find(mail.id()).orElseThrow().mail());

        // A twin decision from the same version: the save fails, and its letter is not written.
        Outbox.OutboxMail twin = letter(c, MONDAY.plusSeconds(6));
        assertFalse(store.save(new CaseStore.CaseChange(c, DynamoCaseStoreIT.needsInformation(c, MONDAY.plusSeconds(6)), List.of(),
                List.of(), List.of(), Optional.empty(), List.of(twin))));
        assertEquals(Optional.empty(), outbox.find(twin.id()));
        assertFalse(outbox.add(List.of(mail)), "an id is never written twice");
    }

    @Test
    void onlyOneSenderClaimsItAndOnlyItsClaimMaySettleIt() {
        ReferralCase c = DynamoCaseStoreIT.received(2);
        Instant decided = MONDAY.plusSeconds(5);
        Outbox.OutboxMail mail = screened(c, decided);
        Outbox.StoredMail pending = outbox.find(mail.id()).orElseThrow();
        Outbox.Claim claim = outbox.claim(pending, decided.plusSeconds(1), Duration.ofSeconds(60)).orElseThrow();
        assertEquals(Optional.empty(), outbox.claim(pending, decided.plusSeconds(1), Duration.ofSeconds(60)), "taken");
        assertEquals(Status.SENDING, outbox.find(mail.id()).orElseThrow().status());

        assertTrue(outbox.settle(claim, sent(decided.plusSeconds(2), decided)));
        assertFalse(outbox.settle(claim, sent(decided.plusSeconds(3), decided)), "settled once");
        Outbox.StoredMail settled = outbox.find(mail.id()).orElseThrow();
        assertEquals(Status.SENT, settled.status());
        assertEquals("ses-1", settled.messageId());
        assertNull(settled.mail(), "its words go once it went");
        ReferralCase now = store.findCase(c.reference()).orElseThrow();
        assertEquals(DecisionLetter.Status.SENT, now.letter().status());
        assertEquals(c.version() + 2, now.version(), "the letter's update moves the case's version");
        assertTrue(store.timeline(c.reference()).stream().anyMatch(e -> e.type() == CaseEvent.Type.DECISION_LETTER_SENT));
        assertEquals(List.of(), outbox.waitingSince(decided.plus(Duration.ofDays(1)), 10), "nothing waits");
    }

    @Test
    void aLetterAboutAnEarlierDecisionLeavesTheCasesNewerLetterAsItIs() {
        ReferralCase c = DynamoCaseStoreIT.received(3);
        Instant first = MONDAY.plusSeconds(5);
        Outbox.OutboxMail mail = screened(c, first);
        Outbox.Claim claim = outbox.claim(outbox.find(mail.id()).orElseThrow(), first.plusSeconds(1), Duration.ofSeconds(60)).orElseThrow();
        // Decided again meanwhile: the case's letter is about the new decision.
        ReferralCase stored = store.findCase(c.reference()).orElseThrow();
        Instant second = MONDAY.plusSeconds(9);
        assertTrue(store.saveCase(stored, stored.withLetter(DecisionLetter.pending(second)), List.of(), List.of()));

        assertTrue(outbox.settle(claim, sent(first.plusSeconds(2), first)), "the email's own fate is still recorded");
        assertEquals(DecisionLetter.Status.PENDING, store.findCase(c.reference()).orElseThrow().letter().status());
        assertEquals(second, store.findCase(c.reference()).orElseThrow().letter().decidedAt());
    }

    @Test
    void waitingEmailsAreFoundByTheSweepAndTroublesListedUntilChecked() {
        ReferralCase c = DynamoCaseStoreIT.received(4);
        Instant decided = MONDAY.plusSeconds(5);
        Outbox.OutboxMail mail = screened(c, decided);
        assertEquals(List.of(), outbox.waitingSince(decided.minusMillis(1), 10));
        assertEquals(List.of(mail.id()), outbox.waitingSince(decided, 10));

        Outbox.StoredMail pending = outbox.find(mail.id()).orElseThrow();
        Outbox.Claim claim = outbox.claim(pending, decided.plusSeconds(1), Duration.ofSeconds(60)).orElseThrow();
        assertEquals(List.of(), outbox.waitingSince(decided.plusSeconds(60), 10), "held: not waiting until its lease ends");
        assertEquals(List.of(mail.id()), outbox.waitingSince(decided.plusSeconds(61), 10), "a holder that stopped is found");

        Outbox.StoredMail held = outbox.find(mail.id()).orElseThrow();
        Outbox.Settlement notKnown = new Outbox.Settlement(Status.NOT_KNOWN, decided.plusSeconds(90), null, "sender stopped", null,
                List.of(new CaseEvent(decided.plusSeconds(90), CaseEvent.Type.DECISION_LETTER_NOT_SENT, "may not have been sent")),
                List.of(new CaseTask("t1", CaseTask.Kind.CHECK_EMAIL_ARRIVED, "Check", "the referrer", decided.plusSeconds(90), true)),
                Optional.of(new DecisionLetter(DecisionLetter.Status.NOT_KNOWN, decided, null)));
        assertTrue(outbox.giveUp(held, notKnown));
        assertFalse(outbox.settle(claim, sent(decided.plusSeconds(91), decided)), "the stopped holder can no longer settle it");
        assertEquals(Status.NOT_KNOWN, outbox.find(mail.id()).orElseThrow().status());
        assertEquals(List.of(), outbox.waitingSince(decided.plus(Duration.ofDays(1)), 10));
        assertEquals(List.of(CaseTask.Kind.CHECK_EMAIL_ARRIVED), store.tasks(c.reference()).stream().map(CaseTask::kind).toList());

        Outbox.Trouble trouble = outbox.troubles(10).stream().filter(t -> t.id().equals(mail.id())).findFirst().orElseThrow();
        assertEquals(Status.NOT_KNOWN, trouble.status());
        assertEquals("LLR", trouble.contract());
        assertEquals("The decision letter", trouble.what());
        outbox.checked(mail.id(), decided.plusSeconds(120), "morgan-manager");
        assertTrue(outbox.troubles(10).stream().noneMatch(t -> t.id().equals(mail.id())));
    }

    @Test
    void aRefusalForNowPutsItBackToWaitUntilItsRetryTime() {
        ReferralCase c = DynamoCaseStoreIT.received(5);
        Instant decided = MONDAY.plusSeconds(5);
        Outbox.OutboxMail mail = screened(c, decided);
        Outbox.Claim claim = outbox.claim(outbox.find(mail.id()).orElseThrow(), decided.plusSeconds(1), Duration.ofSeconds(60)).orElseThrow();
        Instant retryAt = decided.plusSeconds(61);
        assertTrue(outbox.settle(claim, new Outbox.Settlement(Status.PENDING, decided.plusSeconds(1), null, "Throttling", retryAt,
                List.of(), List.of(), Optional.empty())));
        Outbox.StoredMail again = outbox.find(mail.id()).orElseThrow();
        assertEquals(Status.PENDING, again.status());
        assertEquals(retryAt, again.retryAt());
        assertEquals(1, again.attempts());
        assertEquals(LETTER, again.mail(), "its words are kept for the retry");
        assertEquals(List.of(), outbox.waitingSince(retryAt.minusMillis(1), 10));
        assertEquals(List.of(mail.id()), outbox.waitingSince(retryAt, 10));
        assertInstanceOf(Outbox.Claim.class, outbox.claim(again, retryAt, Duration.ofSeconds(60)).orElseThrow());
    }
}
