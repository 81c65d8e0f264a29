package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.advocacyhub.testing.SamTemplate.IndexDefinition;
import org.advocacyhub.testing.SamTemplate.QueueDefinition;
import org.advocacyhub.testing.SamTemplate.TableDefinition;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sesv2.model.Attachment;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * What every engine set must do for the hub, written once and run against the in-process engines
 * ({@link EnginesIT}) and LocalStack ({@link LocalStackEnginesIT}).
 */
final class EngineChecks {

    private EngineChecks() {
    }

    static void tablesHaveTheTemplatesKeysIndexesAndTtl(LocalAws aws) {
        for (TableDefinition table : aws.template().tables()) {
            TableDescription description = aws.dynamoDb().describeTable(b -> b.tableName(aws.tableName(table.logicalId()))).table();
            assertEquals(table.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyType()).toList(),
                    description.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
            Map<String, GlobalSecondaryIndexDescription> indexes = description.globalSecondaryIndexes().stream()
                    .collect(Collectors.toMap(GlobalSecondaryIndexDescription::indexName, i -> i));
            assertEquals(table.globalSecondaryIndexes().stream().map(IndexDefinition::indexName).collect(Collectors.toSet()),
                    indexes.keySet(), table.logicalId() + " GSIs");
            for (IndexDefinition index : table.globalSecondaryIndexes()) {
                GlobalSecondaryIndexDescription created = indexes.get(index.indexName());
                assertEquals(index.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyType()).toList(),
                        created.keySchema().stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList());
                assertEquals(index.projectionType(), created.projection().projectionTypeAsString());
            }
            if (table.ttlAttribute() != null) {
                var ttl = aws.dynamoDb().describeTimeToLive(b -> b.tableName(aws.tableName(table.logicalId()))).timeToLiveDescription();
                assertEquals(table.ttlAttribute(), ttl.attributeName());
            }
        }
    }

    static void sourceQueuesDeliverMessages(LocalAws aws) {
        for (QueueDefinition queue : sourceQueues(aws)) {
            String url = aws.queueUrl(queue.logicalId());
            aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody("{\"probe\":\"" + queue.logicalId() + "\"}"));
            List<Message> received = aws.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1).maxNumberOfMessages(10)).messages();
            assertEquals(1, received.size(), queue.logicalId());
            assertEquals("{\"probe\":\"" + queue.logicalId() + "\"}", received.get(0).body());
            aws.sqs().deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
        }
    }

    /** A message received maxReceiveCount times without being deleted goes to the queue's DLQ. */
    static void unprocessedMessagesMoveToTheDeadLetterQueue(LocalAws aws) {
        for (QueueDefinition queue : sourceQueues(aws)) {
            String url = aws.queueUrl(queue.logicalId());
            aws.sqs().sendMessage(b -> b.queueUrl(url).messageBody("poison"));
            for (int attempt = 1; attempt <= queue.maxReceiveCount(); attempt++) {
                List<Message> received = aws.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
                assertEquals(1, received.size(), queue.logicalId() + " receive " + attempt);
                assertEquals(String.valueOf(attempt), received.get(0).attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                // What a failed consumer amounts to, without waiting out the visibility timeout.
                aws.sqs().changeMessageVisibility(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()).visibilityTimeout(0));
            }
            assertTrue(aws.sqs().receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(1)).messages().isEmpty(),
                    queue.logicalId() + " no longer delivers the message");
            String dlq = aws.queueUrl(queue.deadLetterQueueId());
            List<Message> dead = aws.sqs().receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages();
            assertEquals(List.of("poison"), dead.stream().map(Message::body).toList(), queue.deadLetterQueueId());
        }
    }

    static void sentEmailShowsUpInTheMailbox(LocalAws aws) {
        aws.sesV2().sendEmail(b -> b.fromEmailAddress("hub@advocacy.test")
                .destination(d -> d.toAddresses("referrer@example.test"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("Referral received"))
                        .body(body -> body.text(t -> t.data("Your reference is LLR-2026-000001")).html(h -> h.data("<p>LLR-2026-000001</p>")))
                        .attachments(Attachment.builder().fileName("summary.txt").contentType("text/plain")
                                .rawContent(SdkBytes.fromUtf8String("summary")).build()))));
        SesMailbox.SentEmail email = aws.mailbox().await(e -> e.isAddressedTo("referrer@example.test"), Duration.ofSeconds(5));
        assertEquals("hub@advocacy.test", email.from());
        assertEquals("Referral received", email.subject());
        assertEquals("Your reference is LLR-2026-000001", email.text());
        assertEquals("<p>LLR-2026-000001</p>", email.html());
        assertEquals(1, email.attachments().size());
        assertEquals("summary.txt", email.attachments().get(0).filename());
        assertArrayEquals("summary".getBytes(StandardCharsets.UTF_8), email.attachments().get(0).content());
        assertFalse(email.messageId().isBlank());
    }

    static void everyBucketStoresAndReturnsObjects(LocalAws aws) {
        assertFalse(aws.template().buckets().isEmpty(), "the template declares a bucket");
        for (SamTemplate.BucketDefinition bucket : aws.template().buckets()) {
            String name = aws.bucketName(bucket.logicalId());
            byte[] content = ("in " + name).getBytes(StandardCharsets.UTF_8);
            aws.s3().putObject(b -> b.bucket(name).key("checks/object.bin"), RequestBody.fromBytes(content));
            assertArrayEquals(content, aws.s3().getObjectAsBytes(b -> b.bucket(name).key("checks/object.bin")).asByteArray(),
                    bucket.logicalId() + " returns the bytes stored");
        }
    }

    static void resetEmptiesTheBuckets(LocalAws aws) {
        SamTemplate.BucketDefinition bucket = aws.template().buckets().get(0);
        String name = aws.bucketName(bucket.logicalId());
        aws.s3().putObject(b -> b.bucket(name).key("left/over"), RequestBody.fromString("left over"));

        aws.reset();

        assertEquals(0, aws.s3().listObjectsV2(b -> b.bucket(name)).keyCount(), "the bucket is empty");
        aws.s3().headBucket(b -> b.bucket(name));
    }

    static void resetEmptiesTablesQueuesAndMailbox(LocalAws aws) {
        TableDefinition table = aws.template().tables().get(0);
        Map<String, AttributeValue> item = new java.util.HashMap<>();
        table.keySchema().forEach(k -> item.put(k.attributeName(), AttributeValue.fromS("reset-" + k.keyType())));
        aws.dynamoDb().putItem(b -> b.tableName(aws.tableName(table.logicalId())).item(item));
        QueueDefinition queue = sourceQueues(aws).get(0);
        aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl(queue.logicalId())).messageBody("left over"));
        aws.sesV2().sendEmail(b -> b.fromEmailAddress("hub@advocacy.test").destination(d -> d.toAddresses("x@example.test"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(body -> body.text(t -> t.data("t"))))));
        aws.mailbox().await(e -> true, Duration.ofSeconds(5));

        aws.reset();

        assertEquals(0, aws.dynamoDb().scan(b -> b.tableName(aws.tableName(table.logicalId()))).count());
        assertTrue(aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue.logicalId())).waitTimeSeconds(0)).messages().isEmpty());
        assertEquals(List.of(), aws.mailbox().emails());
        assertEquals(table.globalSecondaryIndexes().size(), aws.dynamoDb()
                .describeTable(b -> b.tableName(aws.tableName(table.logicalId()))).table().globalSecondaryIndexes().size(),
                "the table keeps its indexes");
    }

    static void everyFunctionsEnvironmentResolves(LocalAws aws) {
        for (SamTemplate.SamFunction function : aws.template().functions()) {
            Map<String, String> environment = aws.environment(function.logicalId());
            assertEquals(function.environment().keySet(), environment.keySet(), function.logicalId());
            Set<String> queueUrls = aws.template().queues().stream().map(q -> aws.queueUrl(q.logicalId())).collect(Collectors.toSet());
            function.environment().forEach((name, raw) -> {
                String queue = SamTemplate.refTarget(raw);
                if (queue != null && aws.template().resourceType(queue) != null
                        && aws.template().resourceType(queue).equals("AWS::SQS::Queue")) {
                    assertTrue(queueUrls.contains(environment.get(name)), function.logicalId() + "." + name + " is a queue URL");
                }
            });
        }
    }

    private static List<QueueDefinition> sourceQueues(LocalAws aws) {
        Set<String> deadLetterQueues = aws.template().deadLetterQueueIds();
        return aws.template().queues().stream()
                .filter(q -> !deadLetterQueues.contains(q.logicalId()) && q.deadLetterQueueId() != null).toList();
    }
}
