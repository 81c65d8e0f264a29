package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.testing.AwsClients;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.LocalEngines;
import org.advocacyhub.testing.SamTemplate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The allocation timer's run time (issues 9 and 12): one warm {@code AllocationTimerFunction} instance, runs with 100
 * alerts due among 10,000 open clocks, each with the due clocks made due again and the queue emptied first.
 * <ul>
 *   <li>Against the raw SDK (issue 12): each run is paired with a baseline run that makes the very requests one timer
 *   run made (its Queries of the alert index, its SendMessageBatch calls and its conditional UpdateItem calls, counted
 *   and captured by {@link SdkCalls}, which must be on the classpath: bench.sh puts it there) directly with the SDK, on
 *   the same data made due again; which goes first alternates. The ratio of medians is the function's own cost.</li>
 *   <li>Against the open clocks (issue 9): the same runs with 100 due among 1,000 open clocks, before; the ratio shows
 *   the run does not grow with the open clocks.</li>
 *   <li>A run with nothing due among the 10,000.</li>
 * </ul>
 * {@link #RUNS} timed runs of each after {@link #WARM_UP} untimed ones. Starts its own engines on free ports, so it
 * neither needs nor disturbs a running {@code ./run-local}. Not a test: timed assertions do not belong in tests.
 * Arguments: {@code [open] [due]} (default 10000 and 100).
 */
public final class TimerBenchmark {

    private static final int RUNS = 11;
    private static final int WARM_UP = 5;

    private TimerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SamTemplate template = SamTemplate.locate();
        try (LocalEngines engines = LocalEngines.builder().projectRoot(template.root())
                .dynamoDbPort(freePort()).sqsPort(freePort()).sesPort(freePort()).start();
             LocalAws aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS);
             DynamoDbClient dynamo = AwsClients.dynamoDb(engines);
             SqsClient sqs = AwsClients.sqs(engines)) {
            String table = aws.environment("AllocationTimerFunction").get("TABLE_NAME");
            String queue = aws.queueUrl("ReminderQueue");
            ContractCatalogue contracts = ContractCatalogue.bundled();
            ReferralCase example = referOne(aws, table, contracts);
            ClockSeeder seeder = new ClockSeeder(aws.dynamoDb(), table, contracts);
            Instant now = Instant.parse("2026-12-08T12:00:00Z");
            Runnable dueAgain = () -> {
                seeder.seed(example, due, due, now);
                aws.sqs().purgeQueue(b -> b.queueUrl(queue));
            };
            String expected = "read=" + due + " raised=" + due;

            try (FunctionInvoker timer = aws.newFunction("AllocationTimerFunction", Map.of("HUB_CLOCK_FIXED", now.toString()))) {
                int small = Math.max(due, open / 10);
                seeder.seed(example, small, due, now);
                long[] fewOpen = new long[RUNS];
                for (int i = -WARM_UP; i < RUNS; i++) {
                    dueAgain.run();
                    long took = timed(timer, expected);
                    if (i >= 0) {
                        fewOpen[i] = took;
                    }
                }

                seeder.seed(example, open, due, now);
                // One run counted and captured: the requests the raw baseline makes.
                dueAgain.run();
                SdkCalls.start();
                timed(timer, expected);
                List<SdkCalls.Call> calls = SdkCalls.stop();
                if (!SdkCalls.installed()) {
                    throw new IllegalStateException("the baseline repeats the timer's engine calls, which SdkCalls counts: run with "
                            + "infrastructure/local/bench/sdk-calls on the classpath (bench.sh does)");
                }
                // The timer's requests, sent again directly: the same clocks read, the same alerts queued, the same clocks moved on.
                Replay replay = new Replay(dynamo, sqs, null);
                List<SdkRequest> requests = calls.stream().map(SdkCalls.Call::request).toList();
                dueAgain.run();
                SdkCalls.start();
                replay.timed(requests);
                List<SdkCalls.Call> rawCalls = SdkCalls.stop();
                System.out.println("engine calls per run, timer:    " + SdkCalls.summary(calls));
                System.out.println("engine calls per run, baseline: " + SdkCalls.summary(rawCalls));
                if (!SdkCalls.same(calls, rawCalls, 0.05)) {
                    throw new IllegalStateException("the baseline does not make the timer's engine calls");
                }

                long[] manyOpen = new long[RUNS];
                long[] baseline = new long[RUNS];
                for (int i = -WARM_UP; i < RUNS; i++) {
                    long rawTook = 0;
                    if (i % 2 == 0) {
                        dueAgain.run();
                        rawTook = replay.timed(requests);
                    }
                    dueAgain.run();
                    long took = timed(timer, expected);
                    if (i % 2 != 0) {
                        dueAgain.run();
                        rawTook = replay.timed(requests);
                    }
                    if (i >= 0) {
                        manyOpen[i] = took;
                        baseline[i] = rawTook;
                    }
                }
                Bench.report("timer, " + due + " due of " + open + " open", manyOpen);
                Bench.report("baseline (same engine calls, no function)", baseline);
                Bench.ratio(manyOpen, baseline);
                Bench.report("timer, " + due + " due of " + small + " open", fewOpen);
                System.out.printf("ratio of medians %d open/%d open: %.2f%n", open, small,
                        (double) Bench.percentile(manyOpen, 50) / Bench.percentile(fewOpen, 50));

                long[] idle = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    idle[i] = timed(timer, "read=0 raised=0");
                }
                Bench.report("timer, 0 due of " + open + " open", idle);
            }
        }
    }

    private static long timed(FunctionInvoker timer, String expected) {
        long start = System.nanoTime();
        String answer = (String) timer.invoke(Map.of());
        long took = System.nanoTime() - start;
        if (!answer.equals(expected)) {
            throw new IllegalStateException("the timer answered " + answer + ", expected " + expected);
        }
        return took;
    }

    /** One IMCA referral through the intake function, read back; its own clock item is removed so only seeded clocks are open. */
    private static ReferralCase referOne(LocalAws aws, String table, ContractCatalogue contracts) throws IOException {
        String body = Files.readString(aws.template().root().resolve("infrastructure/events/referral-imca.json"));
        APIGatewayProxyResponseEvent response = aws.call(aws.request("POST", "/referrals").header("Content-Type", "application/json").body(body));
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("intake answered " + response.getStatusCode());
        }
        String reference = response.getBody().replaceAll("(?s).*\"reference\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("PK", AttributeValue.fromS("CASE#" + reference),
                "SK", AttributeValue.fromS("CLOCK#allocation"))));
        return new DynamoCaseStore(aws.dynamoDb(), table, new CaseItemMapper(), contracts)
                .findCase(ReferralReference.parse(reference).orElseThrow()).orElseThrow();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
