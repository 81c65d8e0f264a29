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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Warm latency of two staff routes against the engines of a running {@code ./run-local} (which
 * screens the referrals this makes and has the demo team): {@code POST /cases/{ref}/allocation}
 * (to {@code ira-imca}) and {@code POST /cases/{ref}/time}, each N times in one JVM on N fresh
 * cases, with a same-run baseline that makes each use case's engine round trips directly with the
 * SDK, so the ratio is the handler's own cost. Not a test: timed assertions do not belong in tests.
 * Arguments: {@code [cases]} (default 300). Endpoints: DYNAMODB_PORT, SQS_PORT, SES_PORT.
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

        List<String> references = new ArrayList<>();
        try (ReferralIntakeHandler intake = new ReferralIntakeHandler(ApplicationContext.builder().properties(properties))) {
            for (int i = 0; i < total; i++) {
                APIGatewayProxyResponseEvent created = intake.handleRequest(new APIGatewayProxyRequestEvent().withHttpMethod("POST")
                        .withPath("/referrals").withResource("/referrals").withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody(referral).withIsBase64Encoded(false), new Bench.Context("ReferralIntakeFunction"));
                String body = created.getBody();
                references.add(body.substring(body.indexOf("\"reference\":\"") + 13, body.indexOf("\"", body.indexOf("\"reference\":\"") + 13)));
            }
        }
        DynamoDbClient client = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .endpointOverride(URI.create(dynamo)).build();
        awaitScreened(client, references);

        CaseworkHandler casework = new CaseworkHandler(ApplicationContext.builder().properties(properties));
        long[] allocation = new long[cases];
        long[] time = new long[cases];
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        for (int i = 0; i < total; i++) {
            String reference = references.get(i);
            long start = System.nanoTime();
            check(casework.handleRequest(post("/cases/{reference}/allocation", reference, "{\"advocateId\":\"ira-imca\"}", MANAGER),
                    new Bench.Context("CaseworkFunction")), reference);
            long allocated = System.nanoTime();
            check(casework.handleRequest(post("/cases/{reference}/time", reference,
                    "{\"date\":\"" + today + "\",\"minutes\":30,\"kind\":\"DIRECT\",\"activity\":\"FACE_TO_FACE\"}", ADVOCATE),
                    new Bench.Context("CaseworkFunction")), reference);
            long recorded = System.nanoTime();
            if (i >= warmup) {
                allocation[i - warmup] = allocated - start;
                time[i - warmup] = recorded - allocated;
            }
        }
        casework.close();

        Baseline baseline = new Baseline(client, ses);
        long[] allocationBase = new long[cases];
        long[] timeBase = new long[cases];
        for (int i = 0; i < total; i++) {
            long start = System.nanoTime();
            baseline.allocation(i);
            long allocated = System.nanoTime();
            baseline.time(i);
            long recorded = System.nanoTime();
            if (i >= warmup) {
                allocationBase[i - warmup] = allocated - start;
                timeBase[i - warmup] = recorded - allocated;
            }
        }
        Bench.report("handler POST /cases/{ref}/allocation", allocation);
        Bench.report("baseline (same engine calls, no handler)", allocationBase);
        Bench.ratio(allocation, allocationBase);
        Bench.report("handler POST /cases/{ref}/time", time);
        Bench.report("baseline (same engine calls, no handler)", timeBase);
        Bench.ratio(time, timeBase);
    }

    /** Waits for the running ./run-local to screen the new referrals (its poller does it within a second or two). */
    private static void awaitScreened(DynamoDbClient client, List<String> references) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        for (String reference : references) {
            while (true) {
                Map<String, AttributeValue> item = client.getItem(b -> b.tableName("HubTable").consistentRead(true).key(Map.of(
                        "PK", AttributeValue.fromS("CASE#" + reference), "SK", AttributeValue.fromS("CASE")))).item();
                if (item != null && "AWAITING_ALLOCATION".equals(item.get("status").s())) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not screened in time: is ./run-local running on these ports?");
                }
                Thread.sleep(50);
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

    /** The engine round trips of each use case, made directly (reads, one transaction, the email and its event). */
    private static final class Baseline {
        private final DynamoDbClient dynamo;
        private final SesV2Client ses;

        Baseline(DynamoDbClient dynamo, String sesEndpoint) {
            this.dynamo = dynamo;
            this.ses = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .endpointOverride(URI.create(sesEndpoint)).build();
        }

        /**
         * Identify the manager (login, staff), load the case and the advocate, save case + 4 events + 3 clock items + audit +
         * the advocate's count, email and its event, then the case view's five Queries (timeline, tasks, contacts, time, audit).
         */
        void allocation(int i) {
            reads();
            dynamo.getItem(b -> b.tableName("HubTable").consistentRead(true).key(key("STAFF", "STAFF#ira-imca")));
            transaction("BENCH-ALLOC#" + i, 10);
            ses.sendEmail(b -> b.fromEmailAddress("hub@advocacy-hub.localhost").destination(d -> d.toAddresses("bench@example.test"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("bench")).body(x -> x.text(t -> t.data("bench"))))));
            dynamo.putItem(b -> b.tableName("HubTable").item(key("BENCH-ALLOC#" + i, "EVENT#mail")));
            view("BENCH-ALLOC#" + i);
        }

        /** Identify the advocate, load the case, save case + event + entry + audit + 2 clock items, then the case view. */
        void time(int i) {
            reads();
            transaction("BENCH-TIME#" + i, 6);
            view("BENCH-TIME#" + i);
        }

        private void view(String pk) {
            for (String prefix : List.of("EVENT#", "TASK#", "ACTIVITY#", "TIME#", "AUDIT#")) {
                dynamo.query(b -> b.tableName("HubTable").consistentRead(true).keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":p", AttributeValue.fromS(prefix))));
            }
        }

        private void reads() {
            dynamo.getItem(b -> b.tableName("HubTable").consistentRead(true).key(key("LOGIN#local-manager", "LOGIN")));
            dynamo.getItem(b -> b.tableName("HubTable").consistentRead(true).key(key("STAFF", "STAFF#morgan-manager")));
            dynamo.getItem(b -> b.tableName("HubTable").consistentRead(true).key(key("CASE#LLR-2026-000001", "CASE")));
        }

        private void transaction(String pk, int items) {
            List<TransactWriteItem> writes = new ArrayList<>();
            for (int n = 0; n < items; n++) {
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName("HubTable").item(key(pk, "ITEM#" + n)).build()).build());
            }
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        }

        private static Map<String, AttributeValue> key(String pk, String sk) {
            return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
        }
    }
}
