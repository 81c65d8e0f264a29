package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.intake.ReferralIntakeHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Measures the intake handler against engines already running (./run-local). Not a test: timed
 * assertions do not belong in tests.
 *
 * <pre>
 * cold:  one POST /referrals from a fresh JVM, then exit (time the whole process from outside)
 * warm:  N POSTs in one JVM after a warm-up, each paired with a baseline run that makes the same
 *        engine round trips directly with the SDK; handler and baseline alternate request by
 *        request (which goes first alternating too), so both see the same load. Prints median and
 *        p99 of each and the ratio of medians: the handler's own cost.
 * </pre>
 * The baseline repeats the very requests the handler built for one referral (SubmitReferral's: the
 * sequence update, the transaction of the case, its event and its clock items, the screening message,
 * the acknowledgement email and its event), captured by {@link SdkCalls}, which must be on the
 * classpath (bench.sh puts it there). The round trips of one baseline run are counted too, and the
 * benchmark stops unless they are the handler's. The screening messages of both go to a queue of the
 * benchmark's own that nothing reads: the local stack's screening of each referral would otherwise
 * share the machine with the handler's requests and not with the baseline's.
 *
 * Arguments: {@code cold|warm [requests]}. Endpoints: DYNAMODB_PORT, SQS_PORT, SES_PORT (8000, 9324, 8005).
 */
public final class IntakeBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "warm";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String dynamo = "http://127.0.0.1:" + Bench.env("DYNAMODB_PORT", "8000");
        String sqsEndpoint = "http://127.0.0.1:" + Bench.env("SQS_PORT", "9324");
        String ses = "http://127.0.0.1:" + Bench.env("SES_PORT", "8005");
        String body = Files.readString(Path.of(Bench.env("EXAMPLE", "infrastructure/events/referral-imca.json")));
        if (mode.equals("cold")) {
            ReferralIntakeHandler handler = handler(dynamo, sqsEndpoint, ses, sqsEndpoint + "/000000000000/ScreeningQueue");
            APIGatewayProxyResponseEvent response = handler.handleRequest(post(body), new Bench.Context("ReferralIntakeFunction"));
            System.out.println(response.getStatusCode());
            System.exit(response.getStatusCode() == 201 ? 0 : 1);
        }

        SqsClient sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(URI.create(sqsEndpoint)).build();
        String queueUrl = sqs.createQueue(b -> b.queueName("IntakeBenchmark-" + Long.toString(System.currentTimeMillis(), 36)))
                .queueUrl();
        try (ReferralIntakeHandler handler = handler(dynamo, sqsEndpoint, ses, queueUrl)) {
            warm(handler, body, requests, dynamo, sqs, ses);
        } finally {
            sqs.deleteQueue(b -> b.queueUrl(queueUrl));
        }
    }

    private static ReferralIntakeHandler handler(String dynamo, String sqs, String ses, String queueUrl) {
        Map<String, Object> properties = Map.of(
                "table.name", "HubTable", "screening.queue.url", queueUrl, "sender.address", "hub@advocacy-hub.localhost",
                "aws.region", "eu-west-2", "aws.endpoints.dynamodb", dynamo, "aws.endpoints.sqs", sqs,
                "aws.endpoints.sesv2", ses);
        return new ReferralIntakeHandler(ApplicationContext.builder().properties(properties));
    }

    private static void warm(ReferralIntakeHandler handler, String body, int requests, String dynamo, SqsClient sqs, String ses) {
        // One request counted: the round trips the baseline makes, with the very items, message and email.
        SdkCalls.start();
        check(handler.handleRequest(post(body), new Bench.Context("ReferralIntakeFunction")));
        List<SdkCalls.Call> handlerCalls = SdkCalls.stop();
        if (!SdkCalls.installed()) {
            throw new IllegalStateException("the baseline repeats the handler's engine calls, which SdkCalls counts: run with "
                    + "infrastructure/local/bench/sdk-calls on the classpath (bench.sh does)");
        }
        Baseline baseline = new Baseline(dynamo, sqs, ses, handlerCalls);
        SdkCalls.start();
        baseline.timed();
        List<SdkCalls.Call> baselineCalls = SdkCalls.stop();
        System.out.println("engine calls per request, handler:  " + SdkCalls.describe(handlerCalls));
        System.out.println("engine calls per request, baseline: " + SdkCalls.describe(baselineCalls));
        if (!SdkCalls.same(handlerCalls, baselineCalls, 0.05)) {
            throw new IllegalStateException("the baseline does not make the handler's engine calls");
        }

        int warmup = Math.max(100, requests / 10);
        long[] handlerNanos = new long[requests];
        long[] baselineNanos = new long[requests];
        long[] handlerCpu = new long[requests];
        long[] baselineCpu = new long[requests];
        for (int i = -warmup; i < requests; i++) {
            // Alternate which goes first, so neither always follows the other's work on the engines.
            long baselineTook = i % 2 == 0 ? baseline.timed() : 0;
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            check(handler.handleRequest(post(body), new Bench.Context("ReferralIntakeFunction")));
            long handlerTook = System.nanoTime() - start;
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            if (i % 2 != 0) {
                baselineTook = baseline.timed();
            }
            if (i >= 0) {
                handlerNanos[i] = handlerTook;
                baselineNanos[i] = baselineTook;
                handlerCpu[i] = cpu;
                baselineCpu[i] = baseline.lastCpu;
            }
        }
        Bench.report("handler POST /referrals", handlerNanos);
        Bench.report("baseline (same engine calls, no handler)", baselineNanos);
        Bench.ratio(handlerNanos, baselineNanos);
        // Less noisy than the times on a busy machine: the difference is the handler's own work.
        Bench.report("  CPU time of the handler's thread", handlerCpu);
        Bench.report("  CPU time of the baseline's thread", baselineCpu);
    }

    private static APIGatewayProxyResponseEvent check(APIGatewayProxyResponseEvent response) {
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("unexpected status " + response.getStatusCode());
        }
        return response;
    }

    private static APIGatewayProxyRequestEvent post(String body) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/referrals").withResource("/referrals")
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).withIsBase64Encoded(false);
    }

    /**
     * The requests one handler request sent, sent again directly with the SDK: the same items, message and email,
     * under keys of the baseline's own (a sequence item of its own; each run's items under a new partition key, their
     * index partition keys prefixed {@code BENCH#}, so the local stack's sweeps, timers and lists never see them).
     */
    private static final class Baseline {
        private final Replay replay;
        private final String runId = Long.toString(System.currentTimeMillis(), 36);
        private final List<SdkRequest> requests;
        private int runs;
        /** The CPU time of the last run's round trips on this thread. */
        private long lastCpu;

        Baseline(String dynamoEndpoint, SqsClient sqs, String sesEndpoint, List<SdkCalls.Call> calls) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
            this.replay = new Replay(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                    .credentialsProvider(credentials).endpointOverride(URI.create(dynamoEndpoint)).build(), sqs,
                    SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                    .credentialsProvider(credentials).endpointOverride(URI.create(sesEndpoint)).build());
            this.requests = calls.stream().map(SdkCalls.Call::request).toList();
        }

        /** One run; the nanoseconds of its round trips. */
        long timed() {
            String pk = "BENCH#" + runId + "#" + runs++;
            // Requests made before the clock starts: building them is the handler's own work.
            List<SdkRequest> run = requests.stream().map(request -> rekeyed(request, pk)).toList();
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            run.forEach(replay::send);
            long took = System.nanoTime() - start;
            lastCpu = THREADS.getCurrentThreadCpuTime() - cpu;
            return took;
        }

        private SdkRequest rekeyed(SdkRequest request, String pk) {
            if (request instanceof UpdateItemRequest update) {
                return update.toBuilder().key(Map.of("PK", AttributeValue.fromS("BENCH#" + runId), "SK", update.key().get("SK"))).build();
            }
            if (request instanceof TransactWriteItemsRequest transaction) {
                // A fresh token each time, as the SDK gives the handler's.
                return transaction.toBuilder().clientRequestToken(null).transactItems(transaction.transactItems().stream()
                        .map(write -> write.toBuilder().put(write.put().toBuilder().item(rekeyed(write.put().item(), pk)).build()).build())
                        .toList()).build();
            }
            if (request instanceof PutItemRequest put) {
                return put.toBuilder().item(rekeyed(put.item(), pk)).build();
            }
            return request;
        }

        private static Map<String, AttributeValue> rekeyed(Map<String, AttributeValue> item, String pk) {
            Map<String, AttributeValue> copy = new HashMap<>(item);
            copy.put("PK", AttributeValue.fromS(pk));
            item.forEach((name, value) -> {
                if (name.matches("GSI\\d+PK")) {
                    copy.put(name, AttributeValue.fromS("BENCH#" + value.s()));
                }
            });
            return copy;
        }
    }
}
