package org.advocacyhub.casework;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.advocacyhub.application.port.RequestLedger;
import org.advocacyhub.persistence.DynamoRequestLedger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The ledger of a function that stops after its change is saved and before its answer is kept (issue 19): the table's
 * own ledger, but keeping an answer ends the invocation with an {@link Error}, as a function killed there would end.
 * Only in the tests, and only in a function started with {@code TEST_REQUEST_ANSWERS=lost}.
 */
@Singleton
@Replaces(RequestLedger.class)
@Requires(property = "test.request.answers", value = "lost")
final class AnswerLostLedger implements RequestLedger {

    private final RequestLedger table;

    AnswerLostLedger(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        this.table = new DynamoRequestLedger(dynamo, table);
    }

    @Override
    public Claim claim(String requestId, String fingerprint, Instant now, Instant leaseUntil) {
        return table.claim(requestId, fingerprint, now, leaseUntil);
    }

    @Override
    public void answer(String requestId, String token, Answer answer, Instant now) {
        throw new StoppedHere();
    }

    @Override
    public void release(String requestId, String token) {
        table.release(requestId, token);
    }

    /** The function stops here: between the saved change and its kept answer. */
    static final class StoppedHere extends Error {
        StoppedHere() {
            super("the function stopped before its answer was kept");
        }
    }
}
