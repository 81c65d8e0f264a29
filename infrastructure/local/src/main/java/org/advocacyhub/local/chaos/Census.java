package org.advocacyhub.local.chaos;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.persistence.CaseItemMapper;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Everything a chaos run's verdict is taken from, read from the data itself after the run settled: every item of the
 * table (straight from DynamoDB Local, not through the functions or their fault proxy), every email the mailbox lists,
 * and what every queue and dead-letter queue still holds. Read once; a checker's Scan, never the hub's way.
 */
final class Census {

    /** An outbox email as the table holds it. */
    record MailRow(String ownerKind, String ownerId, String key, String kind, String status, List<String> to, String subject) {
        String reference() {
            return "CASE".equals(ownerKind) ? ownerId : null;
        }
    }

    /** A clock item: which case, which clock, its due time, and when its next alert is due (null once escalated). */
    record ClockRow(String ownerPk, String clock, Instant dueAt, Instant alertAt) {
    }

    /** An email the mailbox lists. */
    record Email(List<String> to, String subject) {
    }

    /** A queue's messages: visible and in flight; and, for a dead-letter queue, their bodies. */
    record QueueRow(String name, int visible, int inFlight, List<String> bodies) {
    }

    final Map<String, ReferralCase> cases = new LinkedHashMap<>();
    final List<MailRow> mails = new ArrayList<>();
    final List<ClockRow> clocks = new ArrayList<>();
    /** Contacts and meetings per case. */
    final Map<String, Integer> activities = new HashMap<>();
    /** Alert ledger records by partition and sort key. */
    final Map<String, String> alerts = new HashMap<>();
    final List<Email> emails = new ArrayList<>();
    final List<QueueRow> queues = new ArrayList<>();
    Instant now;

    static Census read(URI dynamoDbEndpoint, URI sqsEndpoint, URI sesEndpoint, Instant now) {
        Census census = new Census();
        census.now = now;
        CaseItemMapper mapper = new CaseItemMapper();
        StaticCredentialsProvider local = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint).region(Region.EU_WEST_2)
                .credentialsProvider(local).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             SqsClient sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.EU_WEST_2).credentialsProvider(local)
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String table = dynamo.listTables().tableNames().stream().filter(t -> t.contains("HubTable")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no HubTable at " + dynamoDbEndpoint));
            dynamo.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> census.take(item, mapper));
            for (String url : sqs.listQueues().queueUrls()) {
                Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                String name = url.substring(url.lastIndexOf('/') + 1);
                int visible = Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0"));
                int inFlight = Integer.parseInt(attributes.getOrDefault(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0"));
                census.queues.add(new QueueRow(name, visible, inFlight, name.contains("DeadLetter") && visible > 0 ? peek(sqs, url, visible)
                        : List.of()));
            }
        }
        census.emails.addAll(mailbox(sesEndpoint));
        return census;
    }

    private void take(Map<String, AttributeValue> item, CaseItemMapper mapper) {
        String type = item.containsKey("type") ? item.get("type").s() : "";
        String pk = item.get("PK").s();
        String sk = item.get("SK").s();
        switch (type) {
            case "CASE" -> {
                ReferralCase c = mapper.toCase(item);
                cases.put(c.reference().value(), c);
            }
            case "MAIL" -> mails.add(new MailRow(s(item, "ownerKind"), s(item, "ownerId"), s(item, "mailKey"), s(item, "kind"), s(item, "status"),
                    item.get("to").l().stream().map(AttributeValue::s).toList(), s(item, "subject")));
            case "CLOCK" -> clocks.add(new ClockRow(pk, s(item, "clock"), Instant.parse(s(item, "dueAt")),
                    item.containsKey("alertAt") && item.containsKey("GSI1PK") ? Instant.parse(s(item, "alertAt")) : null));
            case "ALERT" -> alerts.put(pk + "|" + sk, s(item, "status"));
            default -> {
                if (sk.startsWith("ACTIVITY#") && pk.startsWith("CASE#")) {
                    activities.merge(pk.substring("CASE#".length()), 1, Integer::sum);
                }
            }
        }
    }

    private static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    /** A dead-letter queue's messages, read without taking them (each back after a second). */
    private static List<String> peek(SqsClient sqs, String url, int visible) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (int round = 0; round < 20 && seen.size() < visible; round++) {
            List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(1).waitTimeSeconds(1))
                    .messages();
            messages.forEach(m -> seen.put(m.messageId(), m.body()));
        }
        return List.copyOf(seen.values());
    }

    /**
     * Every email the mailbox lists ({@code GET /store} of the SES engine), read as a stream: only the recipients and the
     * subject of each are kept, not the bodies (a long run's mailbox is large).
     */
    static List<Email> mailbox(URI ses) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(ses.resolve("/store")).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + ses.resolve("/store") + " answered " + response.statusCode());
            }
            List<Email> emails = new ArrayList<>();
            try (InputStream in = response.body(); JsonParser json = new JsonFactory().createParser(in)) {
                while (json.nextToken() != null) {
                    if (json.currentToken() == JsonToken.FIELD_NAME && "emails".equals(json.currentName())) {
                        json.nextToken();
                        while (json.nextToken() == JsonToken.START_OBJECT) {
                            emails.add(email(json));
                        }
                    }
                }
            }
            return emails;
        } catch (IOException e) {
            throw new UncheckedIOException("The mailbox at " + ses + " could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /** One email object of the store: its subject and its destination's To addresses; everything else skipped. */
    private static Email email(JsonParser json) throws IOException {
        String subject = null;
        List<String> to = new ArrayList<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if ("subject".equals(field) && value == JsonToken.VALUE_STRING) {
                subject = json.getText();
            } else if ("destination".equals(field) && value == JsonToken.START_OBJECT) {
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String part = json.currentName();
                    JsonToken list = json.nextToken();
                    if ("to".equals(part) && list == JsonToken.START_ARRAY) {
                        while (json.nextToken() == JsonToken.VALUE_STRING) {
                            for (String address : json.getText().split(",")) {
                                to.add(address.strip());
                            }
                        }
                    } else {
                        json.skipChildren();
                    }
                }
            } else {
                json.skipChildren();
            }
        }
        return new Email(List.copyOf(to), subject);
    }
}
