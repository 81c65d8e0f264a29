package org.advocacyhub.persistence;

import java.util.List;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The one way a store writes a transaction whose first item's condition decides whether the change happens at all. */
final class Transactions {

    private Transactions() {
    }

    /**
     * Writes {@code writes} all or none.
     *
     * @return true if written; false if the first item's condition did not hold (the change was already made, or is no
     *         longer allowed), so nothing was written
     * @throws TransactionCanceledException for any other cancellation (a later item's condition, a conflict, throttling)
     */
    static boolean writeIfFirstHolds(DynamoDbClient dynamo, List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (!e.cancellationReasons().isEmpty() && "ConditionalCheckFailed".equals(e.cancellationReasons().get(0).code())) {
                return false;
            }
            throw e;
        }
    }
}
