package org.advocacyhub.testing;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.advocacyhub.testing.SamTemplate.SqsEventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's SQS event source mapping, locally: receives up to {@code BatchSize} messages (long poll of one second,
 * plus the {@code MaximumBatchingWindowInSeconds}), invokes the function with an {@link SQSEvent}, and deletes
 * what succeeded. With {@code ReportBatchItemFailures} only the messages named in the response's
 * {@code batchItemFailures} are kept; when the invocation throws nothing is deleted, so the messages come back after
 * the visibility timeout and the queue's redrive policy moves them to its DLQ after {@code maxReceiveCount}.
 *
 * <p>Started, it runs several pollers side by side (Lambda starts five and scales with the backlog), each receiving a
 * batch and invoking the function with it, so batches of one queue are processed in parallel on the function's
 * instances and a message redelivered after its visibility timeout can meet another copy of its work still running, as
 * in AWS. By default there are as many pollers as the function has instances, at most {@link #MAX_DEFAULT_POLLERS}.
 */
public final class SqsEventSourceMapping implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsEventSourceMapping.class);
    private static final int MAX_MESSAGES_PER_RECEIVE = 10;
    /** Lambda's initial number of pollers for a standard queue; locally one per function instance, up to this. */
    public static final int MAX_DEFAULT_POLLERS = 5;

    /** Runs the chaos fault's duplicate deliveries (daemon threads, made as needed). */
    private static final java.util.concurrent.ExecutorService DUPLICATES = java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sqs-duplicate-delivery");
        thread.setDaemon(true);
        return thread;
    });

    private final SqsEventSource source;
    private final FunctionInvoker function;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean running;
    private int pollerCount;
    /** A visibility timeout for each receive instead of the queue's, so a test sees retries and the redrive without waiting. */
    private volatile Duration retryAfter;

    public SqsEventSourceMapping(SqsEventSource source, FunctionInvoker function, SqsClient sqs, String queueUrl,
                                 String queueArn, String region) {
        this.source = source;
        this.function = function;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.region = region;
        this.pollerCount = Math.max(1, Math.min(MAX_DEFAULT_POLLERS, function.maxConcurrency()));
    }

    /** A mapping for a template event source, with the queue's URL and ARN from the created resources. */
    public static SqsEventSourceMapping of(SqsEventSource source, FunctionInvoker function, SqsClient sqs,
                                           TemplateResources resources, String region) {
        return new SqsEventSourceMapping(source, function, sqs, resources.queueUrl(source.queueId()),
                resources.queueArn(source.queueId()), region);
    }

    public SqsEventSource source() {
        return source;
    }

    /**
     * Failed messages come back after {@code delay} instead of the queue's visibility timeout (a test's
     * shortcut to the redrive policy: after {@code maxReceiveCount} receives they are in the DLQ).
     */
    public SqsEventSourceMapping retryingAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    /** How many pollers {@link #start()} runs side by side (at least 1); set before starting. */
    public synchronized SqsEventSourceMapping withPollers(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one poller, not " + count);
        }
        this.pollerCount = count;
        return this;
    }

    public synchronized int pollers() {
        return pollerCount;
    }

    /** What one poll did: messages received, deleted and left for redelivery, and the invocation error if any. */
    public record BatchOutcome(int received, int deleted, int failed, Throwable error) {
        static final BatchOutcome EMPTY = new BatchOutcome(0, 0, 0, null);
    }

    /** Receives one batch (waiting up to {@code wait} for the first message) and processes it. */
    public BatchOutcome pollOnce(Duration wait) {
        List<Message> batch = receiveBatch(wait);
        if (batch.isEmpty()) {
            return BatchOutcome.EMPTY;
        }
        return process(batch);
    }

    /**
     * Processes batches until a receive finds nothing visible; returns the number of messages handed to the
     * function. Failed messages stay invisible for their visibility timeout, so this ends.
     */
    public int drainOnce() {
        int handled = 0;
        BatchOutcome outcome;
        do {
            outcome = pollOnce(Duration.ZERO);
            handled += outcome.received();
        } while (outcome.received() > 0);
        return handled;
    }

    /** Starts {@link #pollers()} polling daemon threads (no-op when the event source is disabled or already started). */
    public synchronized void start() {
        if (running || !source.enabled()) {
            return;
        }
        running = true;
        for (int i = 1; i <= pollerCount; i++) {
            Thread thread = new Thread(this::pollLoop, "sqs-" + source.functionId() + "-" + source.eventName() + "-" + i);
            thread.setDaemon(true);
            pollers.add(thread);
            thread.start();
        }
        LOG.info("Polling {} for {} with {} poller(s) (batch size {}{})", source.queueId(), source.functionId(), pollerCount,
                source.batchSize(), source.reportBatchItemFailures() ? ", partial batch failures" : "");
    }

    /** Stops polling; waits for the batches in progress. */
    public synchronized void stop() {
        running = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(function.function().timeoutSeconds() + 5L).toNanos();
        for (Thread thread : pollers) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pollers.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void pollLoop() {
        while (running) {
            try {
                pollOnce(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Polling {} failed: {}", source.queueId(), e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private List<Message> receiveBatch(Duration wait) {
        List<Message> batch = new ArrayList<>(receive(Math.min(MAX_MESSAGES_PER_RECEIVE, source.batchSize()), wait));
        long windowEnd = System.nanoTime() + Duration.ofSeconds(source.maximumBatchingWindowInSeconds()).toNanos();
        while (!batch.isEmpty() && batch.size() < source.batchSize() && System.nanoTime() < windowEnd) {
            long remainingSeconds = Math.max(0, Math.min(1, (windowEnd - System.nanoTime()) / 1_000_000_000L));
            List<Message> more = receive(Math.min(MAX_MESSAGES_PER_RECEIVE, source.batchSize() - batch.size()),
                    Duration.ofSeconds(remainingSeconds));
            if (more.isEmpty() && remainingSeconds == 0) {
                break;
            }
            batch.addAll(more);
        }
        return batch;
    }

    private List<Message> receive(int max, Duration wait) {
        Duration visibility = retryAfter;
        return sqs.receiveMessage(b -> {
            b.queueUrl(queueUrl).maxNumberOfMessages(max)
                    .waitTimeSeconds((int) Math.min(20, wait.toSeconds()))
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                    .messageAttributeNames("All");
            if (visibility != null) {
                b.visibilityTimeout((int) Math.max(1, visibility.toSeconds()));
            }
        }).messages();
    }

    private BatchOutcome process(List<Message> batch) {
        SQSEvent event = new SQSEvent();
        event.setRecords(batch.stream().map(this::record).toList());
        if (LocalFaults.happens(LocalFaults.sqsLate())) {
            // Chaos (issue 19): delivered again after the visibility timeout while this delivery is still to run, so
            // another poller takes the same messages and both run them.
            lateAgain(batch);
        }
        java.util.concurrent.CompletableFuture<?> twin = LocalFaults.happens(LocalFaults.sqsDuplicate())
                // Chaos (issue 19): SQS delivers at least once; here the same messages go to another instance at once.
                ? java.util.concurrent.CompletableFuture.runAsync(() -> invokeQuietly(event), DUPLICATES) : null;
        Object response;
        try {
            response = function.invoke(event);
        } catch (RuntimeException | Error e) {
            if (twin != null) {
                twin.join();
            }
            // As Lambda does: the whole batch becomes visible again after the visibility timeout.
            LOG.warn("{} failed on a batch of {} from {}: {}", source.functionId(), batch.size(), source.queueId(), e.toString());
            return new BatchOutcome(batch.size(), 0, batch.size(), e);
        }
        if (twin != null) {
            twin.join();
        }
        Set<String> failed = source.reportBatchItemFailures() ? failedIds(response, batch) : Set.of();
        List<Message> succeeded = batch.stream().filter(m -> !failed.contains(m.messageId())).toList();
        delete(succeeded);
        if (!failed.isEmpty()) {
            LOG.info("{} reported {} of {} messages from {} as failed", source.functionId(), failed.size(), batch.size(),
                    source.queueId());
        }
        return new BatchOutcome(batch.size(), succeeded.size(), failed.size(), null);
    }

    /** A duplicate delivery's invocation: its outcome is not this poller's (the messages are deleted once, by the first). */
    private void invokeQuietly(SQSEvent event) {
        try {
            function.invoke(event);
        } catch (RuntimeException | Error e) {
            LOG.info("{}: a duplicate delivery failed: {}", source.functionId(), e.getClass().getSimpleName());
        }
    }

    /** Makes the batch visible again at once and waits a moment, as if this delivery ran past its visibility timeout. */
    private void lateAgain(List<Message> batch) {
        for (Message message : batch) {
            try {
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(message.receiptHandle()).visibilityTimeout(0));
            } catch (RuntimeException e) {
                LOG.info("{}: could not make a message visible again: {}", source.functionId(), e.getClass().getSimpleName());
            }
        }
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The ids in {@code batchItemFailures}. As in Lambda, an empty or unknown identifier fails the whole batch, and a
     * null or empty response means every message succeeded.
     */
    private Set<String> failedIds(Object response, List<Message> batch) {
        List<String> ids = new ArrayList<>();
        if (response instanceof SQSBatchResponse batchResponse && batchResponse.getBatchItemFailures() != null) {
            batchResponse.getBatchItemFailures().forEach(f -> ids.add(f.getItemIdentifier()));
        } else if (response instanceof Map<?, ?> map && map.get("batchItemFailures") instanceof List<?> failures) {
            for (Object failure : failures) {
                ids.add(failure instanceof Map<?, ?> f && f.get("itemIdentifier") != null ? String.valueOf(f.get("itemIdentifier")) : null);
            }
        } else if (response instanceof String json && json.contains("batchItemFailures")) {
            return failedIds(Json.parseObject(json), batch);
        }
        Set<String> known = batch.stream().map(Message::messageId).collect(Collectors.toSet());
        Set<String> failed = new HashSet<>();
        for (String id : ids) {
            if (id == null || id.isBlank() || !known.contains(id)) {
                LOG.warn("{} returned an invalid batchItemFailures identifier: the whole batch is retried", source.functionId());
                return known;
            }
            failed.add(id);
        }
        return failed;
    }

    private void delete(List<Message> messages) {
        for (int i = 0; i < messages.size(); i += MAX_MESSAGES_PER_RECEIVE) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            List<Message> chunk = messages.subList(i, Math.min(i + MAX_MESSAGES_PER_RECEIVE, messages.size()));
            for (int n = 0; n < chunk.size(); n++) {
                entries.add(DeleteMessageBatchRequestEntry.builder().id("m" + n).receiptHandle(chunk.get(n).receiptHandle()).build());
            }
            var result = sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
            if (result.hasFailed() && !result.failed().isEmpty()) {
                LOG.warn("Could not delete {} processed message(s) from {}", result.failed().size(), source.queueId());
            }
        }
    }

    private SQSEvent.SQSMessage record(Message message) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setAttributes(new LinkedHashMap<>(message.attributesAsStrings()));
        Map<String, SQSEvent.MessageAttribute> attributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> attributes.put(name, attribute(value)));
        record.setMessageAttributes(attributes);
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(region);
        return record;
    }

    private static SQSEvent.MessageAttribute attribute(MessageAttributeValue value) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        attribute.setDataType(value.dataType());
        attribute.setStringValue(value.stringValue());
        if (value.binaryValue() != null) {
            attribute.setBinaryValue(value.binaryValue().asByteBuffer());
        }
        attribute.setStringListValues(value.hasStringListValues() ? value.stringListValues() : List.of());
        attribute.setBinaryListValues(value.hasBinaryListValues()
                ? value.binaryListValues().stream().map(b -> b.asByteBuffer()).toList() : List.of());
        return attribute;
    }
}
