package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Engines started on a data directory keep, across a stop and a start on the same directory, the table's items, the
 * queues' messages, the buckets' objects and the mailbox's emails (in order, with their message ids and times), and the
 * template's resources are created again over them without losing anything.
 */
class LocalEnginesDataDirectoryIT {

    @TempDir
    Path data;

    @Test
    void items_messages_objects_and_sent_mail_are_all_there_after_a_restart() {
        SamTemplate template = SamTemplate.locate();
        String table = template.tables().get(0).logicalId();
        String queue = template.queues().get(0).logicalId();
        String bucket = template.buckets().get(0).logicalId();
        List<SesMailbox.SentEmail> sent;

        try (LocalEngines engines = LocalEngines.builder().projectRoot(template.root()).dataDirectory(data).start();
             LocalAws aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS)) {
            aws.dynamoDb().putItem(b -> b.tableName(aws.tableName(table))
                    .item(Map.of("PK", AttributeValue.fromS("KEPT"), "SK", AttributeValue.fromS("ITEM"))));
            aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl(queue)).messageBody("kept message"));
            aws.s3().putObject(b -> b.bucket(aws.bucketName(bucket)).key("kept/object.txt"), RequestBody.fromString("kept object"));
            for (String subject : List.of("first", "second")) {
                aws.sesV2().sendEmail(b -> b.fromEmailAddress("hub@advocacy.test")
                        .destination(d -> d.toAddresses("someone@advocacy.test"))
                        .content(c -> c.simple(m -> m.subject(t -> t.data(subject)).body(x -> x.text(t -> t.data("Body"))))));
            }
            sent = aws.mailbox().emails();
            assertEquals(2, sent.size());
        }

        try (LocalEngines engines = LocalEngines.builder().projectRoot(template.root()).dataDirectory(data).start();
             LocalAws aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS)) {
            assertEquals(2, engines.replayedEmails());
            Map<String, AttributeValue> item = aws.dynamoDb().getItem(b -> b.tableName(aws.tableName(table))
                    .key(Map.of("PK", AttributeValue.fromS("KEPT"), "SK", AttributeValue.fromS("ITEM")))).item();
            assertTrue(item != null && !item.isEmpty(), "the item is kept");
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queue)).waitTimeSeconds(1)).messages();
            assertEquals(List.of("kept message"), messages.stream().map(Message::body).toList());
            assertEquals("kept object", aws.s3().getObjectAsBytes(b -> b.bucket(aws.bucketName(bucket)).key("kept/object.txt"))
                    .asUtf8String());
            List<SesMailbox.SentEmail> replayed = aws.mailbox().emails();
            assertEquals(sent.stream().map(SesMailbox.SentEmail::subject).toList(),
                    replayed.stream().map(SesMailbox.SentEmail::subject).toList(), "every email, in order");
            assertEquals(sent.stream().map(SesMailbox.SentEmail::messageId).toList(),
                    replayed.stream().map(SesMailbox.SentEmail::messageId).toList(), "with the message ids SES gave");
            assertEquals(sent.stream().map(SesMailbox.SentEmail::sentAt).toList(),
                    replayed.stream().map(SesMailbox.SentEmail::sentAt).toList(), "and the times they were sent");

            aws.mailbox().clear();
        }

        try (LocalEngines engines = LocalEngines.builder().projectRoot(template.root()).dataDirectory(data).start()) {
            assertEquals(0, engines.replayedEmails(), "clearing the mailbox empties the journal too");
            assertEquals(List.of(), engines.mailbox().emails());
        }
    }
}
