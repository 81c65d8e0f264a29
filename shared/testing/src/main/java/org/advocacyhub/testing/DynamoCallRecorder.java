package org.advocacyhub.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Records the DynamoDB calls made on this thread while {@link #during} runs, as the calls IAM
 * evaluates (a transaction is its Put, Update, Delete and ConditionCheck items), so a test can
 * check each against the function's {@link DynamoPolicy}. Register it for a module's tests with
 * the SDK's global interceptor list ({@code software/amazon/awssdk/global/handlers/execution.interceptors}
 * on the test classpath); outside {@link #during} it does nothing.
 */
public final class DynamoCallRecorder implements ExecutionInterceptor {

    private static final ThreadLocal<List<DynamoPolicy.Call>> RECORDING = new ThreadLocal<>();

    /** Runs {@code work} and returns the DynamoDB calls it made on this thread. */
    public static List<DynamoPolicy.Call> during(Runnable work) {
        return during(() -> {
            work.run();
            return null;
        }).calls();
    }

    /** Runs {@code work}, keeping its result and the calls it made. */
    public static <T> Recorded<T> during(Supplier<T> work) {
        List<DynamoPolicy.Call> calls = Collections.synchronizedList(new ArrayList<>());
        RECORDING.set(calls);
        try {
            return new Recorded<>(work.get(), List.copyOf(calls));
        } finally {
            RECORDING.remove();
        }
    }

    public record Recorded<T>(T result, List<DynamoPolicy.Call> calls) {
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        List<DynamoPolicy.Call> calls = RECORDING.get();
        if (calls != null) {
            calls.addAll(calls(context.request()));
        }
    }

    private static List<DynamoPolicy.Call> calls(SdkRequest request) {
        if (request instanceof GetItemRequest get) {
            return List.of(new DynamoPolicy.Call("GetItem", null, pk(get.key())));
        }
        if (request instanceof PutItemRequest put) {
            return List.of(new DynamoPolicy.Call("PutItem", null, pk(put.item())));
        }
        if (request instanceof UpdateItemRequest update) {
            return List.of(new DynamoPolicy.Call("UpdateItem", null, pk(update.key())));
        }
        if (request instanceof DeleteItemRequest delete) {
            return List.of(new DynamoPolicy.Call("DeleteItem", null, pk(delete.key())));
        }
        if (request instanceof QueryRequest query) {
            // The partition key is the value the key condition compares it to: "GSI1PK = :pending AND ...".
            java.util.regex.Matcher equality = java.util.regex.Pattern.compile("^\\s*\\w+\\s*=\\s*(:\\w+)")
                    .matcher(query.keyConditionExpression());
            AttributeValue pk = equality.find() ? query.expressionAttributeValues().get(equality.group(1)) : null;
            return List.of(new DynamoPolicy.Call("Query", query.indexName(), pk == null ? "" : pk.s()));
        }
        if (request instanceof TransactWriteItemsRequest transaction) {
            List<DynamoPolicy.Call> calls = new ArrayList<>();
            for (TransactWriteItem item : transaction.transactItems()) {
                if (item.put() != null) {
                    calls.add(new DynamoPolicy.Call("PutItem", null, pk(item.put().item())));
                } else if (item.update() != null) {
                    calls.add(new DynamoPolicy.Call("UpdateItem", null, pk(item.update().key())));
                } else if (item.delete() != null) {
                    calls.add(new DynamoPolicy.Call("DeleteItem", null, pk(item.delete().key())));
                } else if (item.conditionCheck() != null) {
                    calls.add(new DynamoPolicy.Call("ConditionCheckItem", null, pk(item.conditionCheck().key())));
                }
            }
            return calls;
        }
        if (request instanceof software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest) {
            // Any other DynamoDB operation (Scan, BatchGetItem...), recorded without a key so no leading-key grant allows it.
            return List.of(new DynamoPolicy.Call(request.getClass().getSimpleName().replace("Request", ""), null, ""));
        }
        return List.of(); // other services' calls (SQS, SES) are not DynamoDB's to judge

    }

    private static String pk(Map<String, AttributeValue> key) {
        AttributeValue pk = key.get("PK");
        return pk == null ? "" : pk.s();
    }
}
