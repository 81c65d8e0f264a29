package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.casework.CaseworkHandler;
import org.advocacyhub.intake.ReferralIntakeHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Warm latency of two staff routes against the engines of a running {@code ./run-local} (which
 * screens the referrals this makes and has the demo team): {@code POST /cases/{ref}/allocation}
 * (to {@code ira-imca}) and {@code POST /cases/{ref}/time}, each N times in one JVM on N fresh
 * cases, each paired with a baseline that makes the same engine round trips directly with the SDK,
 * so the ratio is the handler's own cost. Not a test: timed assertions do not belong in tests.
 *
 * <p>The baseline sends again the very requests the handler sent for its first case (counted and
 * captured by {@link SdkCalls}, which must be on the classpath: bench.sh puts it there), for a twin
 * case: every referral is made twice, and each case the handler works on has a twin at the same
 * stage, on which the baseline's reads, writes (conditions and all), email and view find and leave
 * what the handler's found and left. Handler and baseline alternate case by case, which goes first
 * alternating too. The round trips of one baseline run are counted too, and the benchmark stops
 * unless they are the handler's. Arguments: {@code [cases]} (default 300). Endpoints:
 * DYNAMODB_PORT, SQS_PORT, SES_PORT.
 */
public final class CaseworkBenchmark {

    private static final Map<String, String> MANAGER = Map.of("sub", "local-manager", "cognito:groups", "manager");
    private static final Map<String, String> ADVOCATE = Map.of("sub", "local-advocate", "cognito:groups", "advocate");

    private CaseworkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        String dynamo = "http://127.0.0.1:" + Bench.env("DYNAMODB_PORT", "8000");
        String sqs = "http://127.0.0.1:" + Bench.env("SQS_PORT", "9324");
        String ses = "http://127.0.0.1:" + Bench.env("SES_PORT", "8005");
        // The staff console's sign-in settings too: the casework function will not start without them (the benchmark
        // calls the JSON routes only, so any well-formed values do).
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("table.name", "HubTable"), Map.entry("screening.queue.url", sqs + "/000000000000/ScreeningQueue"),
                Map.entry("sender.address", "hub@advocacy-hub.localhost"), Map.entry("aws.region", "eu-west-2"),
                Map.entry("aws.endpoints.dynamodb", dynamo), Map.entry("aws.endpoints.sqs", sqs), Map.entry("aws.endpoints.sesv2", ses),
                Map.entry("console.issuer", "http://localhost:3000/_local/cognito"), Map.entry("console.client.id", "local-console"),
                Map.entry("console.sign.in.url", "http://localhost:3000/_local/cognito"), Map.entry("console.base.url", ""));
        String referral = Files.readString(Path.of("infrastructure/events/referral-imca.json"));
        int warmup = Math.max(30, cases / 10);
        int total = cases + warmup;

        // Each referral twice: the handler's case and the baseline's twin.
        List<String> handled = new ArrayList<>();
        List<String> twins = new ArrayList<>();
        try (ReferralIntakeHandler intake = new ReferralIntakeHandler(ApplicationContext.builder().properties(properties))) {
            for (int i = 0; i < 2 * total; i++) {
                APIGatewayProxyResponseEvent created = intake.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                        .withPath("/referrals").withResource("/referrals").withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody(referral).withIsBase64Encoded(false), new Bench.Context("ReferralIntakeFunction"));
                String body = created.getBody();
                String reference = body.substring(body.indexOf("\"reference\":\"") + 13, body.indexOf("\"", body.indexOf("\"reference\":\"") + 13));
                (i % 2 == 0 ? handled : twins).add(reference);
            }
        }
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                .credentialsProvider(credentials).endpointOverride(URI.create(dynamo)).build();
        awaitScreened(client, handled, twins);
        Replay replay = new Replay(client, null, SesV2Client.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.EU_WEST_2).credentialsProvider(credentials).endpointOverride(URI.create(ses)).build());

        CaseworkHandler casework = new CaseworkHandler(ApplicationContext.builder().properties(properties));
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        // The first case, counted: the requests the baseline sends again for each twin.
        String first = handled.get(0);
        SdkCalls.start();
        allocate(casework, first);
        List<SdkCalls.Call> allocationCalls = SdkCalls.stop();
        SdkCalls.start();
        recordTime(casework, first, today);
        List<SdkCalls.Call> timeCalls = SdkCalls.stop();
        if (!SdkCalls.installed()) {
            throw new IllegalStateException("the baseline repeats the handler's engine calls, which SdkCalls counts: run with "
                    + "infrastructure/local/bench/sdk-calls on the classpath (bench.sh does)");
        }
        SdkCalls.start();
        replay.timed(forTwin(allocationCalls, first, twins.get(0)));
        List<SdkCalls.Call> allocationBaseline = SdkCalls.stop();
        SdkCalls.start();
        replay.timed(forTwin(timeCalls, first, twins.get(0)));
        List<SdkCalls.Call> timeBaseline = SdkCalls.stop();
        System.out.println("engine calls of an allocation, handler:  " + SdkCalls.summary(allocationCalls));
        System.out.println("engine calls of an allocation, baseline: " + SdkCalls.summary(allocationBaseline));
        System.out.println("engine calls of a time entry, handler:   " + SdkCalls.summary(timeCalls));
        System.out.println("engine calls of a time entry, baseline:  " + SdkCalls.summary(timeBaseline));
        if (!SdkCalls.same(allocationCalls, allocationBaseline, 0.05) || !SdkCalls.same(timeCalls, timeBaseline, 0.05)) {
            throw new IllegalStateException("the baseline does not make the handler's engine calls");
        }

        long[] allocation = new long[cases];
        long[] time = new long[cases];
        long[] allocationBase = new long[cases];
        long[] timeBase = new long[cases];
        for (int k = 1; k < total; k++) {
            int i = k - warmup;
            String reference = handled.get(k);
            String twin = twins.get(k);
            List<SdkRequest> twinAllocation = forTwin(allocationCalls, first, twin);
            List<SdkRequest> twinTime = forTwin(timeCalls, first, twin);
            long[] base = new long[2];
            if (k % 2 == 0) {
                base[0] = replay.timed(twinAllocation);
                base[1] = replay.timed(twinTime);
            }
            long start = System.nanoTime();
            allocate(casework, reference);
            long allocated = System.nanoTime();
            recordTime(casework, reference, today);
            long recorded = System.nanoTime();
            if (k % 2 != 0) {
                base[0] = replay.timed(twinAllocation);
                base[1] = replay.timed(twinTime);
            }
            if (i >= 0) {
                allocation[i] = allocated - start;
                time[i] = recorded - allocated;
                allocationBase[i] = base[0];
                timeBase[i] = base[1];
            }
        }
        casework.close();
        Bench.report("handler POST /cases/{ref}/allocation", allocation);
        Bench.report("baseline (same engine calls, no handler)", allocationBase);
        Bench.ratio(allocation, allocationBase);
        Bench.report("handler POST /cases/{ref}/time", time);
        Bench.report("baseline (same engine calls, no handler)", timeBase);
        Bench.ratio(time, timeBase);
    }

    private static void allocate(CaseworkHandler casework, String reference) {
        check(casework.handleRequest(post("/cases/{reference}/allocation", reference, "{\"advocateId\":\"ira-imca\"}", MANAGER),
                new Bench.Context("CaseworkFunction")), reference);
    }

    private static void recordTime(CaseworkHandler casework, String reference, String today) {
        check(casework.handleRequest(post("/cases/{reference}/time", reference,
                "{\"date\":\"" + today + "\",\"minutes\":30,\"kind\":\"DIRECT\",\"activity\":\"FACE_TO_FACE\"}", ADVOCATE),
                new Bench.Context("CaseworkFunction")), reference);
    }

    /** The handler's requests for its first case, made anew for a twin case: its reference wherever the first's was. */
    private static List<SdkRequest> forTwin(List<SdkCalls.Call> calls, String first, String twin) {
        return calls.stream().map(call -> Replay.withText(call.request(), text -> text.replace(first, twin))).toList();
    }

    /**
     * Waits for the running ./run-local to screen the new referrals and send their decision letters (its poller does it
     * within a second or two): then each case and its twin are at the same stage, with the same version.
     */
    private static void awaitScreened(DynamoDbClient client, List<String> handled, List<String> twins) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        for (int k = 0; k < handled.size(); k++) {
            String version = null;
            for (String reference : List.of(handled.get(k), twins.get(k))) {
                while (true) {
                    Map<String, AttributeValue> item = client.getItem(b -> b.tableName("HubTable").consistentRead(true).key(Map.of(
                            "PK", AttributeValue.fromS("CASE#" + reference), "SK", AttributeValue.fromS("CASE")))).item();
                    if (item != null && "AWAITING_ALLOCATION".equals(item.get("status").s()) && item.containsKey("letter")
                            && "SENT".equals(item.get("letter").m().get("status").s())) {
                        if (version != null && !version.equals(item.get("version").n())) {
                            throw new IllegalStateException(reference + " is not at its twin's version");
                        }
                        version = item.get("version").n();
                        break;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("not screened in time: is ./run-local running on these ports?");
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    private static APIGatewayProxyRequestEvent post(String resource, String reference, String body, Map<String, String> claims) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        Map<String, Object> authorizer = new HashMap<>();
        authorizer.put("claims", claims);
        context.setAuthorizer(authorizer);
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withResource(resource)
                .withPath(resource.replace("{reference}", reference)).withPathParameters(Map.of("reference", reference))
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).withIsBase64Encoded(false)
                .withRequestContext(context);
    }

    private static void check(APIGatewayProxyResponseEvent response, String reference) {
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException(reference + ": unexpected status " + response.getStatusCode());
        }
    }
}
