package org.advocacyhub.local.bench;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Issue 24 item 7: every engine request made by any thread between {@link #start()} and {@link #stop()} (the functions'
 * clients and the local event source mappings alike), with the service, the operation, the request body's size and,
 * for DynamoDB, the capacity the engine says it consumed: each DynamoDB request is sent with
 * {@code ReturnConsumedCapacity=TOTAL} added (which changes nothing but the answer). For SQS receives, how many messages
 * came back (an empty receive is the pollers' fixed load, not a referral's). An SDK-wide interceptor, loaded like
 * {@link SdkCalls} from {@code infrastructure/local/bench/sdk-calls} on the benchmark's classpath only.
 */
public final class CostCalls implements ExecutionInterceptor {

    /** One engine request: service ("DynamoDb", "Sqs", "SesV2", "S3"), operation, body bytes, DynamoDB capacity (-1 when none), messages received. */
    public record Call(String service, String operation, long bytes, double capacity, int received, String tag) {
    }

    private static final List<Call> CALLS = new ArrayList<>();
    private static volatile boolean recording;
    private static volatile String tag = "";
    private static volatile boolean loaded;

    public CostCalls() {
        loaded = true;
    }

    public static boolean installed() {
        return loaded;
    }

    /** Starts recording; {@code label} names what runs now (a function), stored with each call. */
    public static synchronized void start(String label) {
        CALLS.clear();
        tag = label;
        recording = true;
    }

    public static void label(String label) {
        tag = label;
    }

    public static synchronized List<Call> stop() {
        recording = false;
        List<Call> out = List.copyOf(CALLS);
        CALLS.clear();
        return out;
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!recording) {
            return context.request();
        }
        SdkRequest r = context.request();
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (r instanceof GetItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof PutItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof UpdateItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof DeleteItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof QueryRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof ScanRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof BatchGetItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof BatchWriteItemRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof TransactGetItemsRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        if (r instanceof TransactWriteItemsRequest g) return g.toBuilder().returnConsumedCapacity(total).build();
        return r;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (recording) {
            attributes.putAttribute(BYTES, context.requestBody().flatMap(body -> body.optionalContentLength()).orElse(0L));
        }
    }

    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<Long> BYTES =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("CostCalls.bytes");

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (!recording) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Long bytes = attributes.getAttribute(BYTES);
        SdkResponse response = context.response();
        int received = response instanceof ReceiveMessageResponse r ? r.messages().size() : 0;
        Call call = new Call(service, operation, bytes == null ? 0 : bytes, capacity(response), received, tag);
        synchronized (CostCalls.class) {
            if (recording) {
                CALLS.add(call);
            }
        }
    }

    /** The capacity units the engine reported, or -1 when the answer carries none. */
    static double capacity(SdkResponse response) {
        List<ConsumedCapacity> list = null;
        ConsumedCapacity one = null;
        if (response instanceof GetItemResponse r) one = r.consumedCapacity();
        else if (response instanceof PutItemResponse r) one = r.consumedCapacity();
        else if (response instanceof UpdateItemResponse r) one = r.consumedCapacity();
        else if (response instanceof DeleteItemResponse r) one = r.consumedCapacity();
        else if (response instanceof QueryResponse r) one = r.consumedCapacity();
        else if (response instanceof ScanResponse r) one = r.consumedCapacity();
        else if (response instanceof BatchGetItemResponse r) list = r.consumedCapacity();
        else if (response instanceof BatchWriteItemResponse r) list = r.consumedCapacity();
        else if (response instanceof TransactGetItemsResponse r) list = r.consumedCapacity();
        else if (response instanceof TransactWriteItemsResponse r) list = r.consumedCapacity();
        if (one != null && one.capacityUnits() != null) {
            return one.capacityUnits();
        }
        if (list != null && !list.isEmpty()) {
            return list.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
        }
        return -1;
    }
}
