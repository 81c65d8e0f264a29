package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.advocacyhub.application.port.RequestLedger;
import org.advocacyhub.application.port.RequestLedger.Answer;
import org.advocacyhub.application.port.RequestLedger.Claimed;
import org.advocacyhub.application.port.RequestLedger.Used;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The request ledger's conditional writes (issue 19), against DynamoDB Local with the table of template.yaml. */
@WithLocalAws
class DynamoRequestLedgerIT {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant LEASE = NOW.plusSeconds(30);
    private static final Answer CREATED = new Answer(201, Map.of("Content-Type", "application/json", "ETag", "\"4\""),
            "{\"id\":\"c-1\"}", false);

    private final LocalAws aws;
    private final DynamoRequestLedger ledger;

    DynamoRequestLedgerIT(LocalAws aws) {
        this.aws = aws;
        this.ledger = new DynamoRequestLedger(aws.dynamoDb(), aws.tableName("HubTable"));
    }

    @Test
    void theFirstClaimHoldsTheIdAndARepeatFindsItInProgressThenItsAnswerExactly() {
        String id = newId();
        Claimed claimed = assertInstanceOf(Claimed.class, ledger.claim(id, "fp-1", NOW, LEASE));

        Used running = assertInstanceOf(Used.class, ledger.claim(id, "fp-1", NOW.plusSeconds(1), NOW.plusSeconds(31)));
        assertTrue(running.inProgress());
        assertEquals(LEASE, running.leaseUntil());

        ledger.answer(id, claimed.token(), CREATED, NOW.plusSeconds(2));
        Used answered = assertInstanceOf(Used.class, ledger.claim(id, "fp-1", NOW.plusSeconds(3), NOW.plusSeconds(33)));
        assertFalse(answered.inProgress());
        assertEquals("fp-1", answered.fingerprint());
        assertEquals(CREATED, answered.answer().orElseThrow());
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverByTheSameRequestOnlyAndItsOldHolderKeepsNothing() {
        String id = newId();
        Claimed first = assertInstanceOf(Claimed.class, ledger.claim(id, "fp-1", NOW, LEASE));
        Instant after = LEASE.plusSeconds(1);

        Used other = assertInstanceOf(Used.class, ledger.claim(id, "fp-other", after, after.plusSeconds(30)));
        assertEquals("fp-1", other.fingerprint(), "another request never takes it over");
        Claimed retry = assertInstanceOf(Claimed.class, ledger.claim(id, "fp-1", after, after.plusSeconds(30)));

        ledger.answer(id, first.token(), new Answer(200, Map.of(), "late", false), after.plusSeconds(1));
        ledger.release(id, first.token());
        Used stillRunning = assertInstanceOf(Used.class, ledger.claim(id, "fp-1", after.plusSeconds(2), after.plusSeconds(32)));
        assertTrue(stillRunning.inProgress(), "the old holder neither answered nor released the retry's claim");

        ledger.answer(id, retry.token(), CREATED, after.plusSeconds(3));
        assertEquals(CREATED, assertInstanceOf(Used.class, ledger.claim(id, "fp-1", after.plusSeconds(4), after.plusSeconds(34)))
                .answer().orElseThrow());
    }

    @Test
    void aReleasedIdIsFreeForTheNextRequest() {
        String id = newId();
        Claimed refused = assertInstanceOf(Claimed.class, ledger.claim(id, "fp-refused", NOW, LEASE));
        ledger.release(id, refused.token());

        assertInstanceOf(Claimed.class, ledger.claim(id, "fp-corrected", NOW.plusSeconds(1), LEASE));
    }

    @Test
    void anIdIsForgottenAfterADayEvenBeforeTtlDeletesItsItem() {
        String id = newId();
        Claimed claimed = assertInstanceOf(Claimed.class, ledger.claim(id, "fp-1", NOW, LEASE));
        ledger.answer(id, claimed.token(), CREATED, NOW.plusSeconds(1));
        Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName("HubTable"))
                .key(Map.of("PK", AttributeValue.fromS("REQUEST#" + id), "SK", AttributeValue.fromS("REQUEST")))).item();
        assertEquals(NOW.plusSeconds(1).plus(RequestLedger.KEPT).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()), "TTL");

        Instant nextDay = NOW.plus(RequestLedger.KEPT).plus(Duration.ofMinutes(1));
        assertInstanceOf(Claimed.class, ledger.claim(id, "fp-other", nextDay, nextDay.plusSeconds(30)));
    }

    @Test
    void aLargeAnswerIsKeptCompressedAndOneTooLargeForAnItemIsRecordedAsDoneWithoutIt() {
        String large = "{\"audit\":\"" + "viewed the case; ".repeat(20_000) + "\"}";
        String id = newId();
        ledger.answer(id, assertInstanceOf(Claimed.class, ledger.claim(id, "fp-1", NOW, LEASE)).token(),
                new Answer(200, Map.of(), large, false), NOW);
        assertEquals(large, assertInstanceOf(Used.class, ledger.claim(id, "fp-1", NOW, LEASE)).answer().orElseThrow().body(),
                "340 KB of JSON, kept in an item of at most 400 KB");

        byte[] noise = new byte[600 * 1024];
        new Random(19).nextBytes(noise);
        String tooLarge = java.util.Base64.getEncoder().encodeToString(noise);
        String other = newId();
        ledger.answer(other, assertInstanceOf(Claimed.class, ledger.claim(other, "fp-1", NOW, LEASE)).token(),
                new Answer(200, Map.of(), tooLarge, true), NOW);
        Used done = assertInstanceOf(Used.class, ledger.claim(other, "fp-1", NOW, LEASE));
        assertFalse(done.inProgress());
        assertTrue(done.answer().isEmpty(), "done, its answer not kept");
    }

    private static String newId() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
