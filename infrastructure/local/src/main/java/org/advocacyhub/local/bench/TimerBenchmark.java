package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.LocalEngines;
import org.advocacyhub.testing.SamTemplate;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The allocation timer's run time (issue 9): one warm {@code AllocationTimerFunction} instance, a
 * run with 100 alerts due among 10,000 open clocks, 5 times after 5 untimed runs, against a same-run
 * baseline of 100 due among 1,000 open clocks (the ratio shows the run does not grow with the open
 * clocks) and a run with nothing due among the 10,000. Starts its own engines on free ports, so it
 * neither needs nor disturbs a running {@code ./run-local}. Not a test: timed assertions do not
 * belong in tests. Arguments: {@code [open] [due]} (default 10000 and 100).
 */
public final class TimerBenchmark {

    private static final int RUNS = 5;
    private static final int WARM_UP = 5;

    private TimerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int due = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        SamTemplate template = SamTemplate.locate();
        try (LocalEngines engines = LocalEngines.builder().projectRoot(template.root())
                .dynamoDbPort(freePort()).sqsPort(freePort()).sesPort(freePort()).start();
             LocalAws aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS)) {
            String table = aws.environment("AllocationTimerFunction").get("TABLE_NAME");
            String queue = aws.queueUrl("ReminderQueue");
            ContractCatalogue contracts = ContractCatalogue.bundled();
            ReferralCase example = referOne(aws, table, contracts);
            ClockSeeder seeder = new ClockSeeder(aws.dynamoDb(), table, contracts);
            Instant now = Instant.parse("2026-12-08T12:00:00Z");

            try (FunctionInvoker timer = aws.newFunction("AllocationTimerFunction", Map.of("HUB_CLOCK_FIXED", now.toString()))) {
                int small = Math.max(due, open / 10);
                seeder.seed(example, small, due, now);
                long[] baseline = runs(timer, seeder, example, due, now, aws, queue);
                Bench.report("timer, " + due + " due of " + small + " open (baseline)", baseline);

                seeder.seed(example, open, due, now);
                long[] measured = runs(timer, seeder, example, due, now, aws, queue);
                Bench.report("timer, " + due + " due of " + open + " open", measured);
                Bench.ratio(measured, baseline);

                long[] idle = new long[RUNS];
                for (int i = 0; i < RUNS; i++) {
                    long start = System.nanoTime();
                    String answer = (String) timer.invoke(Map.of());
                    idle[i] = System.nanoTime() - start;
                    check(answer, "read=0 raised=0");
                }
                Bench.report("timer, 0 due of " + open + " open", idle);
            }
        }
    }

    /** {@link #WARM_UP} untimed runs (the JIT), then {@link #RUNS} timed runs, each with the {@code due} clocks made due again and the queue emptied. */
    private static long[] runs(FunctionInvoker timer, ClockSeeder seeder, ReferralCase example, int due, Instant now, LocalAws aws,
                               String queue) {
        long[] nanos = new long[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            seeder.seed(example, due, due, now);
            aws.sqs().purgeQueue(b -> b.queueUrl(queue));
            long start = System.nanoTime();
            String answer = (String) timer.invoke(Map.of());
            long took = System.nanoTime() - start;
            check(answer, "read=" + due + " raised=" + due);
            if (i >= 0) {
                nanos[i] = took;
            }
        }
        return nanos;
    }

    private static void check(String answer, String expected) {
        if (!answer.equals(expected)) {
            throw new IllegalStateException("the timer answered " + answer + ", expected " + expected);
        }
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
