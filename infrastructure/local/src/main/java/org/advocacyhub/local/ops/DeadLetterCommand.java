package org.advocacyhub.local.ops;

import java.io.PrintStream;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * The operations commands for dead-letter queues (issue 24 item 5), {@code infrastructure/ops/dead-letters} and
 * {@code infrastructure/ops/redrive}: against the deployed stack (the AWS SDK's usual credentials and region) or, with
 * {@code SQS_PORT} set, against a running {@code ./run-local}'s ElasticMQ.
 *
 * <ul>
 *   <li>{@code list --queue <dead-letter queue>}: what is in it, without deleting anything: each message's id, when it was
 *   first sent and received (London time), how often it was received and its size; its body only with {@code --bodies}
 *   (the hub's messages carry ids, never a person's details, but an operator should not see more than they need).</li>
 *   <li>{@code redrive --queue <dead-letter queue> [--to <queue>] [--max N]}: moves each message back to the queue it
 *   came from (the one whose redrive policy names this queue, or {@code --to}), once. In AWS it asks SQS to move them
 *   ({@code StartMessageMoveTask}); where SQS cannot (ElasticMQ, or {@code --loop}) it moves them itself in a bounded loop:
 *   at most the messages there when it started (or {@code --max}), each sent on and only then deleted, a batch at a time.</li>
 * </ul>
 *
 * Exit status: 0 done, 1 SQS refused, 2 a usage error naming the option.
 */
public final class DeadLetterCommand {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm:ss", Locale.UK).withZone(LONDON);
    /** How long a message listed or being moved stays hidden from the hub's consumers: long enough for a batch. */
    private static final int HIDDEN_SECONDS = 60;
    private static final int BATCH = 10;

    static final String USAGE = """
            Usage:
              infrastructure/ops/dead-letters --queue <dead-letter queue> [--bodies]
              infrastructure/ops/redrive --queue <dead-letter queue> [--to <queue>] [--max N] [--loop]

            A queue is named as template.yaml's stack names it (its name or its URL). Against a running ./run-local,
            set SQS_PORT (the local queues are named by their template ids, e.g. ScreeningDeadLetterQueue).
              --bodies  also print each message's body (the hub's messages carry ids, not a person's details)
              --to      the queue to move the messages to (default: the one whose redrive policy names this queue)
              --max     move at most N messages (default: all that are there when it starts)
              --loop    move them with this command's own receive, send and delete loop, not SQS's move task
            """;

    private DeadLetterCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** What the command was asked. */
    record Options(String action, String queue, String to, int max, boolean bodies, boolean loop) {
    }

    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    static Options parse(String[] args) throws UsageError {
        if (args.length == 0 || !(args[0].equals("list") || args[0].equals("redrive"))) {
            throw new UsageError("say what to do first: list or redrive");
        }
        String queue = null;
        String to = null;
        int max = Integer.MAX_VALUE;
        boolean bodies = false;
        boolean loop = false;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--queue" -> queue = value(args, ++i, "--queue");
                case "--to" -> to = value(args, ++i, "--to");
                case "--max" -> {
                    String n = value(args, ++i, "--max");
                    try {
                        max = Integer.parseInt(n);
                    } catch (NumberFormatException e) {
                        max = 0;
                    }
                    if (max < 1) {
                        throw new UsageError("--max must be a whole number of 1 or more, not '" + n + "'");
                    }
                }
                case "--bodies" -> bodies = true;
                case "--loop" -> loop = true;
                default -> throw new UsageError("unknown option '" + args[i] + "'");
            }
        }
        if (queue == null) {
            throw new UsageError("--queue is required: the dead-letter queue's name or URL");
        }
        if (args[0].equals("list") && (to != null || loop || max != Integer.MAX_VALUE)) {
            throw new UsageError("--to, --max and --loop are redrive's options");
        }
        if (args[0].equals("redrive") && bodies) {
            throw new UsageError("--bodies is list's option");
        }
        return new Options(args[0], queue, to, max, bodies, loop);
    }

    private static String value(String[] args, int i, String option) throws UsageError {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageError(option + " needs a value");
        }
        return args[i];
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = parse(args);
        } catch (UsageError e) {
            err.println("dead letters: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try (SqsClient sqs = client(env)) {
            String queueUrl = url(sqs, options.queue());
            if (options.action().equals("list")) {
                list(sqs, queueUrl, options.bodies(), out);
            } else {
                redrive(sqs, queueUrl, options, out);
            }
            return 0;
        } catch (SqsException e) {
            err.println("dead letters: SQS refused: " + e.awsErrorDetails().errorMessage());
            return 1;
        } catch (IllegalStateException e) {
            err.println("dead letters: " + e.getMessage());
            return 1;
        }
    }

    /** The deployed stack's SQS (the SDK's usual credentials and region), or a local ElasticMQ on {@code SQS_PORT}. */
    static SqsClient client(Map<String, String> env) {
        SqsClientBuilder builder = SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        String port = env.get("SQS_PORT");
        if (port != null && !port.isBlank()) {
            builder.endpointOverride(URI.create("http://127.0.0.1:" + port)).region(Region.EU_WEST_2)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
        }
        return builder.build();
    }

    static String url(SqsClient sqs, String queue) {
        return queue.startsWith("http://") || queue.startsWith("https://") ? queue : sqs.getQueueUrl(b -> b.queueName(queue)).queueUrl();
    }

    private static void list(SqsClient sqs, String queueUrl, boolean bodies, PrintStream out) {
        List<Message> seen = new ArrayList<>();
        Map<String, Message> byId = new LinkedHashMap<>();
        // Each message received is hidden for a minute, then each is made visible again at once: nothing is deleted.
        for (int empty = 0; empty < 2; ) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(BATCH).visibilityTimeout(HIDDEN_SECONDS)
                    .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
            if (got.isEmpty()) {
                empty++;
            }
            for (Message m : got) {
                seen.add(m);
                byId.putIfAbsent(m.messageId(), m);
            }
        }
        for (Message m : seen) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
        out.println(byId.size() + (byId.size() == 1 ? " message" : " messages") + " in " + name(queueUrl) + " (nothing deleted)");
        for (Message m : byId.values()) {
            Map<MessageSystemAttributeName, String> a = m.attributes();
            out.println("  " + m.messageId() + "  sent " + when(a.get(MessageSystemAttributeName.SENT_TIMESTAMP)) + ", first received "
                    + when(a.get(MessageSystemAttributeName.APPROXIMATE_FIRST_RECEIVE_TIMESTAMP)) + ", received "
                    + a.getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "?") + " times, " + m.body().length()
                    + " characters" + (bodies ? ": " + m.body() : ""));
        }
    }

    private static void redrive(SqsClient sqs, String queueUrl, Options options, PrintStream out) {
        String to = options.to() != null ? url(sqs, options.to()) : source(sqs, queueUrl);
        if (!options.loop() && options.max() == Integer.MAX_VALUE) {
            try {
                String from = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                String into = sqs.getQueueAttributes(b -> b.queueUrl(to).attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes().get(QueueAttributeName.QUEUE_ARN);
                String task = sqs.startMessageMoveTask(b -> b.sourceArn(from).destinationArn(into)).taskHandle();
                out.println("SQS is moving the messages of " + name(queueUrl) + " back to " + name(to) + " (task " + task + ").");
                out.println("Follow it with: aws sqs list-message-move-tasks --source-arn " + from);
                return;
            } catch (SqsException e) {
                // ElasticMQ (and any SQS without message move tasks): this command moves them itself.
                out.println("SQS cannot move them here (" + e.awsErrorDetails().errorCode() + "): moving them one batch at a time.");
            }
        }
        int there = Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        int limit = Math.min(there, options.max());
        int moved = 0;
        for (int empty = 0; moved < limit && empty < 2; ) {
            int want = Math.min(BATCH, limit - moved);
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(want).visibilityTimeout(HIDDEN_SECONDS)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages();
            if (got.isEmpty()) {
                empty++;
                continue;
            }
            List<SendMessageBatchRequestEntry> sends = new ArrayList<>();
            for (int i = 0; i < got.size(); i++) {
                Message m = got.get(i);
                sends.add(SendMessageBatchRequestEntry.builder().id(Integer.toString(i)).messageBody(m.body())
                        .messageAttributes(m.messageAttributes()).build());
            }
            SendMessageBatchResponse sent = sqs.sendMessageBatch(b -> b.queueUrl(to).entries(sends));
            // Only what reached the queue is deleted here; a message whose send failed reappears after a minute, still
            // in the dead-letter queue, and the count says so.
            List<DeleteMessageBatchRequestEntry> deletes = new ArrayList<>();
            sent.successful().forEach(ok -> deletes.add(DeleteMessageBatchRequestEntry.builder().id(ok.id())
                    .receiptHandle(got.get(Integer.parseInt(ok.id())).receiptHandle()).build()));
            if (!deletes.isEmpty()) {
                sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(deletes));
            }
            moved += deletes.size();
            if (!sent.failed().isEmpty()) {
                throw new IllegalStateException("moved " + moved + "; " + sent.failed().size() + " could not be sent to " + name(to)
                        + " and stay in " + name(queueUrl) + " (" + sent.failed().get(0).message() + ")");
            }
        }
        out.println("Moved " + moved + (moved == 1 ? " message" : " messages") + " from " + name(queueUrl) + " back to " + name(to)
                + ".");
    }

    /** The one queue whose redrive policy names {@code deadLetterUrl}. */
    private static String source(SqsClient sqs, String deadLetterUrl) {
        List<String> sources = sqs.listDeadLetterSourceQueues(b -> b.queueUrl(deadLetterUrl)).queueUrls();
        if (sources.size() != 1) {
            throw new IllegalStateException(name(deadLetterUrl) + " is the dead-letter queue of " + sources.size()
                    + " queues: say which with --to");
        }
        return sources.get(0);
    }

    private static String name(String queueUrl) {
        return queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    }

    private static String when(String epochMillis) {
        return epochMillis == null ? "?" : WHEN.format(Instant.ofEpochMilli(Long.parseLong(epochMillis)));
    }
}
