package org.advocacyhub.local.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.testing.SamTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code infrastructure/local/chaos} (issue 19): drives a local stack with referrals and staff actions from many threads
 * while injecting faults, one class of fault per scenario, lets it settle with the faults off, then checks from the data
 * itself that nothing was lost and nothing went twice ({@link Verdict}) and prints the table. Exit 0 when every invariant
 * holds, 1 when one fails, 2 on a usage error. {@code --help} says the rest.
 */
public final class Chaos {

    /**
     * How long the stack may go without progress while it settles: every queue drained, every email sent or settled.
     * While the work waiting keeps shrinking the run waits on (a 10,000-referral run's three days of alerts are
     * thousands of emails: a fixed limit on a small machine left some of them pending and counted them lost).
     */
    private static final Duration SETTLE = Duration.ofMinutes(4);

    private Chaos() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return run(args, out, err, env, List.of());
    }

    /** @param stackClasspathPrefix put first on the started stack's classpath (a test's deliberately broken class) */
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, List<Path> stackClasspathPrefix) {
        ChaosOptions options;
        try {
            options = ChaosOptions.parse(args);
        } catch (ChaosOptions.UsageError e) {
            err.println(e.getMessage());
            err.println();
            err.print(ChaosOptions.USAGE);
            return 2;
        }
        if (options.help()) {
            out.print(ChaosOptions.USAGE);
            return 0;
        }
        Path repo = SamTemplate.locate().path().toAbsolutePath().getParent();
        String run = Long.toString(Instant.now().getEpochSecond() % 1_000_000_000L, 36);
        Instant begun = Instant.now();
        out.println("Chaos run " + run + ": " + options.referrals() + " referrals over " + options.scenarios().size() + " scenarios, "
                + options.threads() + " threads");
        ChaosStack stack = options.url().isPresent()
                ? ChaosStack.attach(options.url().get(), repo.resolve(env.getOrDefault("LOCAL_DIR", ".local")), env)
                : ChaosStack.start(repo.resolve(".local/chaos"), repo, stackClasspathPrefix);
        boolean failed = true;
        try {
            HubHttp http = new HubHttp(stack::gateway);
            Workload workload = new Workload(stack, http, run, options.seed(), options.threads(), repo.resolve("infrastructure/events"));
            List<Workload.Sent> runs = new ArrayList<>();
            int first = 1;
            for (int i = 0; i < options.scenarios().size(); i++) {
                Scenario scenario = options.scenarios().get(i);
                int share = options.referrals() / options.scenarios().size()
                        + (i < options.referrals() % options.scenarios().size() ? 1 : 0);
                long scenarioBegun = System.nanoTime();
                http.faults(Map.of());
                http.faults(scenario.faults());
                Workload.Sent sent = workload.send(scenario, workload.referrals(scenario, first, share), share * 2 / 5);
                first += share;
                awaitScreening(stack, http);
                workload.staffActions(sent, Math.max(2, share / 10));
                // Timed faults (a mail service refusing or hanging, DynamoDB throttling) run their course before they go off.
                long left = scenario.window().toMillis() - (System.nanoTime() - scenarioBegun) / 1_000_000;
                if (left > 0) {
                    ChaosStack.sleep(left);
                }
                http.faults(Map.of());
                settle(stack, http);
                runs.add(sent);
                out.printf("  %-18s %5d referrals%s, settled in %d s%n", scenario.label(), share,
                        scenario.kills() ? " (kill -9 at 40%)" : "", (System.nanoTime() - scenarioBegun) / 1_000_000_000L);
            }
            // Three working days on: every waiting case's allocation deadline passes, so reminders and escalations go.
            long alertsBegun = System.nanoTime();
            for (int day = 0; day < 3; day++) {
                http.advance(Duration.ofDays(1));
                settle(stack, http);
            }
            out.printf("  three days on, every deadline's alerts settled in %d s%n", (System.nanoTime() - alertsBegun) / 1_000_000_000L);
            Instant now = Instant.parse((String) http.send("GET", "/_local/clock", null, null, null).json().get("now"));
            Census census = Census.read(stack.dynamoDb(), stack.sqs(), stack.ses(), now);
            Verdict verdict = Verdict.of(runs, census, ContractCatalogue.bundled());
            String table = table(verdict);
            out.println();
            out.print(table);
            out.println();
            if (verdict.findings.isEmpty()) {
                out.println("Every invariant holds: every 201 is a case, one case per key, every email exactly once (or, where its "
                        + "fate is not known, at most once and listed for the duty managers), every queue empty, every clock consistent.");
            } else {
                out.println(verdict.findings.size() + " invariant(s) broken:");
                verdict.findings.stream().limit(200).forEach(f -> out.println("  - " + f));
            }
            failed = !verdict.findings.isEmpty();
            boolean kept = stack.owned() && (options.keep() || failed);
            out.println("Took " + Duration.between(begun, Instant.now()).toSeconds() + " s" + (stack.owned() ? "; the stack was started "
                    + stack.starts() + " time(s)" : "") + (kept ? "; its data is kept in " + stack.localDir() : ""));
            if (options.report().isPresent()) {
                Files.writeString(options.report().get(), table);
            }
            return failed ? 1 : 0;
        } catch (IOException | RuntimeException e) {
            // The run could not finish (the stack stopped answering, a report could not be written): no verdict.
            err.println("chaos: the run stopped before its checks: " + e.getMessage()
                    + (stack.owned() ? "; the stack's data and log are kept in " + stack.localDir() : ""));
            return 1;
        } finally {
            stack.close();
            if (stack.owned() && !options.keep() && !failed) {
                delete(stack.localDir());
            }
        }
    }

    /** Until no referral waits for screening (the sweep runs on the stack's clock, moved on if none is progressing). */
    private static void awaitScreening(ChaosStack stack, HubHttp http) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            int waiting = count(stack, "SCREENING#PENDING");
            if (waiting == 0) {
                return;
            }
            if (waiting == last) {
                http.advance(Duration.ofMinutes(6));
            }
            last = waiting;
            ChaosStack.sleep(1_000);
        }
    }

    /**
     * Lets the stack settle: moves its clock on six minutes at a time (each move runs the sweeps and the timer) until every
     * queue is empty, no referral waits for screening and no email waits in the outbox, twice in a row.
     */
    private static void settle(ChaosStack stack, HubHttp http) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        int quiet = 0;
        long fewest = Long.MAX_VALUE;
        while (System.nanoTime() < deadline && quiet < 2) {
            http.advance(Duration.ofMinutes(6));
            ChaosStack.sleep(1_500);
            long waiting = count(stack, "SCREENING#PENDING") + count(stack, "MAIL#WAITING") + queued(stack);
            quiet = waiting == 0 ? quiet + 1 : 0;
            if (waiting < fewest) {
                // Progress: the limit counts from here.
                fewest = waiting;
                deadline = System.nanoTime() + SETTLE.toNanos();
            }
        }
    }

    /** Items in one partition of the work index (GSI1), counted straight from DynamoDB Local. */
    private static int count(ChaosStack stack, String partition) {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(stack.dynamoDb()).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String table = dynamo.listTables().tableNames().stream().filter(t -> t.contains("HubTable")).findFirst().orElseThrow();
            int total = 0;
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = dynamo.query(b -> b.tableName(table).indexName("GSI1").keyConditionExpression("GSI1PK = :p")
                        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition))).select(Select.COUNT).exclusiveStartKey(from));
                total += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
            return total;
        }
    }

    /** Messages on the queues (dead-letter queues aside), visible or in flight. */
    private static long queued(ChaosStack stack) {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(stack.sqs()).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            long total = 0;
            for (String url : sqs.listQueues().queueUrls()) {
                if (url.contains("DeadLetter")) {
                    continue;
                }
                Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
                total += Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                        + Long.parseLong(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
            }
            return total;
        }
    }

    /** The table, in Markdown, with a row of totals. */
    static String table(Verdict verdict) {
        StringBuilder text = new StringBuilder();
        text.append("| scenario | sent | accepted | stored | screened | letters | alerts | duplicates | lost | not known |\n");
        text.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        int[] totals = new int[9];
        for (Verdict.Row row : verdict.rows) {
            int[] values = {row.sent(), row.accepted(), row.stored(), row.screened(), row.letters(), row.alerts(), row.duplicates(), row.lost(),
                    row.notKnown()};
            text.append("| ").append(row.scenario());
            for (int i = 0; i < values.length; i++) {
                text.append(" | ").append(values[i]);
                totals[i] += values[i];
            }
            text.append(" |\n");
        }
        text.append("| **all**");
        for (int total : totals) {
            text.append(" | **").append(total).append("**");
        }
        return text.append(" |\n").toString();
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: left for the next run's cleanup
        }
    }
}
