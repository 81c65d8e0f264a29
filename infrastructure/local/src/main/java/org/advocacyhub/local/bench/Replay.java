package org.advocacyhub.local.bench;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A benchmark's baseline: requests a handler built (captured by {@link SdkCalls}), sent again directly with the SDK,
 * each with the client of its service, and made anew with other text where they must not repeat the handler's own
 * (another case's reference, another key).
 */
record Replay(DynamoDbClient dynamo, SqsClient sqs, SesV2Client ses) {

    /** Sends each request, in order; the nanoseconds the round trips took. */
    long timed(List<SdkRequest> requests) {
        long start = System.nanoTime();
        requests.forEach(this::send);
        return System.nanoTime() - start;
    }

    void send(SdkRequest request) {
        if (request instanceof GetItemRequest get) {
            dynamo.getItem(get);
        } else if (request instanceof QueryRequest query) {
            dynamo.query(query);
        } else if (request instanceof PutItemRequest put) {
            dynamo.putItem(put);
        } else if (request instanceof UpdateItemRequest update) {
            dynamo.updateItem(update);
        } else if (request instanceof TransactWriteItemsRequest transaction) {
            dynamo.transactWriteItems(transaction);
        } else if (request instanceof SendMessageRequest message) {
            sqs.sendMessage(message);
        } else if (request instanceof SendMessageBatchRequest batch) {
            if (!sqs.sendMessageBatch(batch).failed().isEmpty()) {
                throw new IllegalStateException("the baseline's messages were refused");
            }
        } else if (request instanceof SendEmailRequest email) {
            ses.sendEmail(email);
        } else {
            throw new IllegalStateException("the handler now makes " + request.getClass().getSimpleName() + ": teach Replay to make it too");
        }
    }

    /**
     * The request with {@code text} applied to every text it carries: keys, items, expression values, a message's
     * body, an email's subject and bodies. A transaction gets a new token, as the SDK gives each of the handler's.
     */
    static SdkRequest withText(SdkRequest request, UnaryOperator<String> text) {
        if (request instanceof GetItemRequest get) {
            return get.toBuilder().key(map(get.key(), text)).build();
        }
        if (request instanceof QueryRequest query) {
            QueryRequest.Builder builder = query.toBuilder().expressionAttributeValues(map(query.expressionAttributeValues(), text));
            return (query.hasExclusiveStartKey() ? builder.exclusiveStartKey(map(query.exclusiveStartKey(), text)) : builder).build();
        }
        if (request instanceof PutItemRequest put) {
            return put.toBuilder().item(map(put.item(), text)).expressionAttributeValues(values(put.expressionAttributeValues(), put.hasExpressionAttributeValues(), text)).build();
        }
        if (request instanceof UpdateItemRequest update) {
            return update.toBuilder().key(map(update.key(), text))
                    .expressionAttributeValues(values(update.expressionAttributeValues(), update.hasExpressionAttributeValues(), text)).build();
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            return transaction.toBuilder().clientRequestToken(null)
                    .transactItems(transaction.transactItems().stream().map(write -> write(write, text)).toList()).build();
        }
        if (request instanceof SendMessageRequest message) {
            return message.toBuilder().messageBody(text.apply(message.messageBody())).build();
        }
        if (request instanceof SendEmailRequest email) {
            Content subject = email.content().simple().subject();
            Body body = email.content().simple().body();
            return email.toBuilder().content(c -> c.simple(m -> m.subject(content(subject, text)).body(b -> b
                    .text(body.text() == null ? null : content(body.text(), text))
                    .html(body.html() == null ? null : content(body.html(), text))))).build();
        }
        return request;
    }

    private static TransactWriteItem write(TransactWriteItem write, UnaryOperator<String> text) {
        if (write.put() != null) {
            Put put = write.put();
            return write.toBuilder().put(put.toBuilder().item(map(put.item(), text))
                    .expressionAttributeValues(values(put.expressionAttributeValues(), put.hasExpressionAttributeValues(), text)).build()).build();
        }
        if (write.update() != null) {
            Update update = write.update();
            return write.toBuilder().update(update.toBuilder().key(map(update.key(), text))
                    .expressionAttributeValues(values(update.expressionAttributeValues(), update.hasExpressionAttributeValues(), text)).build()).build();
        }
        if (write.delete() != null) {
            Delete delete = write.delete();
            return write.toBuilder().delete(delete.toBuilder().key(map(delete.key(), text))
                    .expressionAttributeValues(values(delete.expressionAttributeValues(), delete.hasExpressionAttributeValues(), text)).build()).build();
        }
        ConditionCheck check = write.conditionCheck();
        return write.toBuilder().conditionCheck(check.toBuilder().key(map(check.key(), text))
                .expressionAttributeValues(values(check.expressionAttributeValues(), check.hasExpressionAttributeValues(), text)).build()).build();
    }

    private static Content content(Content content, UnaryOperator<String> text) {
        return content.toBuilder().data(text.apply(content.data())).build();
    }

    private static Map<String, AttributeValue> values(Map<String, AttributeValue> values, boolean present, UnaryOperator<String> text) {
        return present ? map(values, text) : null;
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, UnaryOperator<String> text) {
        return item.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> value(e.getValue(), text)));
    }

    private static AttributeValue value(AttributeValue value, UnaryOperator<String> text) {
        if (value.s() != null) {
            return AttributeValue.fromS(text.apply(value.s()));
        }
        if (value.hasM()) {
            return AttributeValue.fromM(map(value.m(), text));
        }
        if (value.hasL()) {
            return AttributeValue.fromL(value.l().stream().map(v -> value(v, text)).toList());
        }
        if (value.hasSs()) {
            return AttributeValue.fromSs(value.ss().stream().map(text).toList());
        }
        return value;
    }
}
