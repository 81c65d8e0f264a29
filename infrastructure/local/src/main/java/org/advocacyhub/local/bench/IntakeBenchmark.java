package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Measures the intake handler against engines already running (./run-local). Not a test: timed
 * assertions do not belong in tests.
 *
 * <pre>
 * cold:  one POST /referrals from a fresh JVM, then exit (time the whole process from outside)
 * warm:  N POSTs in one JVM after a warm-up; prints median and p99, and the same for a baseline
 *        that makes the use case's engine round trips directly with the SDK (counter update,
 *        transaction, SQS send, SES send, event put), so the ratio is the handler's own cost
 * </pre>
 * Arguments: {@code cold|warm [requests]}. Endpoints: DYNAMODB_PORT, SQS_PORT, SES_PORT (8000, 9324, 8005).
 */
public final class IntakeBenchmark {

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "warm";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String dynamo = "http://127.0.0.1:" + Bench.env("DYNAMODB_PORT", "8000");
        String sqsEndpoint = "http://127.0.0.1:" + Bench.env("SQS_PORT", "9324");
        String ses = "http://127.0.0.1:" + Bench.env("SES_PORT", "8005");
        String queueUrl = sqsEndpoint + "/000000000000/ScreeningQueue";
        Map<String, Object> properties = Map.of(
                "table.name", "HubTable", "screening.queue.url", queueUrl, "sender.address", "hub@advocacy-hub.localhost",
                "aws.region", "eu-west-2", "aws.endpoints.dynamodb", dynamo, "aws.endpoints.sqs", sqsEndpoint,
                "aws.endpoints.sesv2", ses);
        String body = Files.readString(Path.of(Bench.env("EXAMPLE", "infrastructure/events/referral-imca.json")));

        ReferralIntakeHandler handler = new ReferralIntakeHandler(ApplicationContext.builder().properties(properties));
        if (mode.equals("cold")) {
            APIGatewayProxyResponseEvent response = handler.handleRequest(post(body), new Bench.Context("ReferralIntakeFunction"));
            System.out.println(response.getStatusCode());
            System.exit(response.getStatusCode() == 201 ? 0 : 1);
        }

        int warmup = Math.max(100, requests / 10);
        for (int i = 0; i < warmup; i++) {
            check(handler.handleRequest(post(body), new Bench.Context("ReferralIntakeFunction")));
        }
        long[] handlerNanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            check(handler.handleRequest(post(body), new Bench.Context("ReferralIntakeFunction")));
            handlerNanos[i] = System.nanoTime() - start;
        }

        Baseline baseline = new Baseline(dynamo, sqsEndpoint, ses, queueUrl);
        for (int i = 0; i < warmup; i++) {
            baseline.once(i);
        }
        long[] baselineNanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            baseline.once(warmup + i);
            baselineNanos[i] = System.nanoTime() - start;
        }
        Bench.report("handler POST /referrals", handlerNanos);
        Bench.report("baseline (same engine calls, no handler)", baselineNanos);
        Bench.ratio(handlerNanos, baselineNanos);
        handler.close();
    }

    private static void check(APIGatewayProxyResponseEvent response) {
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("unexpected status " + response.getStatusCode());
        }
    }

    private static APIGatewayProxyRequestEvent post(String body) {
        return new APIGatewayProxyRequestEvent().withHttpMethod("POST").withPath("/referrals").withResource("/referrals")
                .withHeaders(Map.of("Content-Type", "application/json")).withBody(body).withIsBase64Encoded(false);
    }

    /** The engine round trips SubmitReferral makes, made directly. */
    private static final class Baseline {
        private final DynamoDbClient dynamo;
        private final SqsClient sqs;
        private final SesV2Client ses;
        private final String queueUrl;

        Baseline(String dynamoEndpoint, String sqsEndpoint, String sesEndpoint, String queueUrl) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
            this.dynamo = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                    .credentialsProvider(credentials).endpointOverride(URI.create(dynamoEndpoint)).build();
            this.sqs = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                    .credentialsProvider(credentials).endpointOverride(URI.create(sqsEndpoint)).build();
            this.ses = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.EU_WEST_2)
                    .credentialsProvider(credentials).endpointOverride(URI.create(sesEndpoint)).build();
            this.queueUrl = queueUrl;
        }

        void once(int i) {
            String pk = "BENCH#" + i;
            dynamo.updateItem(b -> b.tableName("HubTable").key(key("SEQUENCE#BENCH", "SEQUENCE"))
                    .updateExpression("ADD lastValue :one").expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"))));
            List<TransactWriteItem> writes = new ArrayList<>();
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName("HubTable").item(key(pk, "CASE"))
                    .conditionExpression("attribute_not_exists(PK)").build()).build());
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName("HubTable").item(key(pk, "EVENT#1")).build()).build());
            dynamo.transactWriteItems(b -> b.transactItems(writes));
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"reference\":\"" + pk + "\"}"));
            ses.sendEmail(b -> b.fromEmailAddress("hub@advocacy-hub.localhost").destination(d -> d.toAddresses("bench@example.test"))
                    .content(c -> c.simple(m -> m.subject(s -> s.data("bench")).body(x -> x.text(t -> t.data("bench"))))));
            dynamo.putItem(b -> b.tableName("HubTable").item(key(pk, "EVENT#2")));
        }

        private static Map<String, AttributeValue> key(String pk, String sk) {
            return Map.of("PK", AttributeValue.fromS(pk), "SK", AttributeValue.fromS(sk));
        }
    }
}
