package org.advocacyhub.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Records how many items each DynamoDB read on this thread returned and examined while
 * {@link #during} runs, from the responses themselves: a test can then say "this run read at most
 * 12 items" without timing anything. Registered like {@link DynamoCallRecorder}, through the SDK's
 * global interceptor list on a module's test classpath; outside {@link #during} it does nothing.
 */
public final class DynamoReads implements ExecutionInterceptor {

    private static final ThreadLocal<List<Read>> RECORDING = new ThreadLocal<>();

    /**
     * One read.
     *
     * @param operation {@code Query}, {@code Scan}, {@code GetItem}, {@code BatchGetItem}
     * @param index     the index a Query or Scan read, or {@code null} for the table
     * @param returned  the items it returned
     * @param examined  the items it read before any filter ({@code ScannedCount}); {@code returned} for key reads
     */
    public record Read(String operation, String index, int returned, int examined) {
    }

    public record Recorded<T>(T result, List<Read> reads) {
        /** Items examined across every read. */
        public int examined() {
            return reads.stream().mapToInt(Read::examined).sum();
        }
    }

    /** Runs {@code work} and returns its result with the reads it made on this thread. */
    public static <T> Recorded<T> during(Supplier<T> work) {
        List<Read> reads = Collections.synchronizedList(new ArrayList<>());
        RECORDING.set(reads);
        try {
            return new Recorded<>(work.get(), List.copyOf(reads));
        } finally {
            RECORDING.remove();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        List<Read> reads = RECORDING.get();
        if (reads == null || !(context.request() instanceof DynamoDbRequest)) {
            return;
        }
        SdkRequest request = context.request();
        SdkResponse response = context.response();
        String index = request instanceof QueryRequest query ? query.indexName()
                : request.getValueForField("IndexName", String.class).orElse(null);
        if (response instanceof QueryResponse query) {
            reads.add(new Read("Query", index, query.count(), query.scannedCount()));
        } else if (response instanceof ScanResponse scan) {
            reads.add(new Read("Scan", index, scan.count(), scan.scannedCount()));
        } else if (response instanceof GetItemResponse get) {
            int found = get.hasItem() && !get.item().isEmpty() ? 1 : 0;
            reads.add(new Read("GetItem", null, found, found));
        } else if (response instanceof BatchGetItemResponse batch) {
            int found = batch.responses().values().stream().mapToInt(List::size).sum();
            reads.add(new Read("BatchGetItem", null, found, found));
        }
    }
}
