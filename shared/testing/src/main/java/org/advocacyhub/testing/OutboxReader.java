package org.advocacyhub.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The emails the hub has written into its outbox (issue 19), read straight from the table, as the mailbox shows sent
 * mail: for the tests of a function that decides emails (intake's acknowledgement, screening's letter, an allocation's
 * email) in a module whose tests do not run the mail sender. What is written is what the sender sends: the sender's own
 * tests (reminder-emails, the local stack) show it goes, once. An email already sent keeps only its recipients and subject.
 * Test use only: it Scans.
 */
public final class OutboxReader {

    private final DynamoDbClient dynamo;
    private final String table;

    public OutboxReader(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Every email in the outbox, oldest first, as the mailbox would show it once sent (its id: owner and key). */
    public List<SesMailbox.SentEmail> emails() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true).filterExpression("#type = :mail")
                .expressionAttributeNames(Map.of("#type", "type")).expressionAttributeValues(Map.of(":mail", AttributeValue.fromS("MAIL"))))
                .items().forEach(items::add);
        items.sort(Comparator.comparing((Map<String, AttributeValue> item) -> item.get("createdAt").s()).thenComparing(item -> item.get("SK").s()));
        List<SesMailbox.SentEmail> emails = new ArrayList<>();
        for (Map<String, AttributeValue> item : items) {
            emails.add(new SesMailbox.SentEmail(item.get("ownerId").s() + "/" + item.get("mailKey").s(), null, List.of(),
                    item.get("to").l().stream().map(AttributeValue::s).toList(), List.of(), List.of(), item.get("subject").s(),
                    item.containsKey("text") ? item.get("text").s() : null, item.containsKey("html") ? item.get("html").s() : null, List.of(),
                    Instant.parse(item.get("createdAt").s())));
        }
        return List.copyOf(emails);
    }

    /** The emails with {@code address} among their recipients. */
    public List<SesMailbox.SentEmail> emailsTo(String address) {
        return emails().stream().filter(email -> email.isAddressedTo(address)).toList();
    }

    /** The first email matching {@code filter}, waiting up to {@code timeout} for one (a queue consumer writes asynchronously). */
    public SesMailbox.SentEmail await(Predicate<SesMailbox.SentEmail> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SesMailbox.SentEmail> seen;
        do {
            seen = emails();
            for (SesMailbox.SentEmail email : seen) {
                if (filter.test(email)) {
                    return email;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No matching email in the outbox within " + timeout + " (" + seen.size() + " emails there)");
    }

    /** Where each email stands ({@code PENDING}, {@code SENT}, ...), by its id as {@link #emails()} gives it. */
    public Map<String, String> statuses() {
        Map<String, String> statuses = new java.util.LinkedHashMap<>();
        dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true).filterExpression("#type = :mail")
                .expressionAttributeNames(Map.of("#type", "type")).expressionAttributeValues(Map.of(":mail", AttributeValue.fromS("MAIL"))))
                .items().forEach(item -> statuses.put(item.get("ownerId").s() + "/" + item.get("mailKey").s(), item.get("status").s()));
        return statuses;
    }
}
