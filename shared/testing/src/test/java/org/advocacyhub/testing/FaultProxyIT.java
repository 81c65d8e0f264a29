package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.advocacyhub.testing.FaultProxy.Fault;
import org.advocacyhub.testing.FaultProxy.Refusal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.InternalServerErrorException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

/**
 * The fault proxies in front of DynamoDB Local and aws-ses-v2-local, seen through the real SDK clients: a throttled
 * DynamoDB call is retried by the SDK and succeeds once the fault ends; a refusal reaches the caller as the SDK's own
 * exception with the service's status; a hung SES call ends with the client's timeout and delivers nothing.
 */
class FaultProxyIT {

    private static final String TABLE = "HubTable";
    private static LocalEngines engines;
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        SamTemplate template = SamTemplate.locate();
        engines = LocalEngines.builder().projectRoot(template.root()).dynamoDbFaultProxy(true).start();
        aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS);
    }

    @AfterAll
    static void stop() {
        aws.close();
        engines.close();
    }

    @AfterEach
    void passAgain() {
        engines.sesFaults().pass();
        engines.dynamoDbFaults().pass();
        aws.reset();
    }

    @Test
    void the_functions_endpoints_are_the_proxies_and_the_engines_stay_reachable_directly() {
        assertEquals(engines.dynamoDbFaults().endpoint(), engines.dynamoDbEndpoint());
        assertEquals(engines.sesFaults().endpoint(), engines.sesEndpoint());
        assertEquals(engines.dynamoDbEngineEndpoint(), engines.engineEndpoints().dynamoDbEndpoint());
        assertEquals(engines.sesEngineEndpoint(), engines.engineEndpoints().sesEndpoint());
        assertTrue(engines.dynamoDbFaults().endpoint().getPort() != engines.dynamoDbPort());
    }

    @Test
    void a_throttled_dynamodb_call_is_retried_by_the_sdk_and_succeeds_once_the_throttling_ends() {
        long refusedBefore = engines.dynamoDbFaults().counts().refused();
        engines.dynamoDbFaults().apply(Fault.refuse(Refusal.dynamoDbThrottling()).times(2));

        put("throttled-1");

        assertEquals(refusedBefore + 2, engines.dynamoDbFaults().counts().refused(), "two attempts were throttled");
        assertNotNull(readDirectly("throttled-1"), "the third attempt went through to DynamoDB Local");
    }

    @Test
    void a_throttling_window_ends_by_itself_and_the_sdks_retries_outlast_it() {
        long refusedBefore = engines.dynamoDbFaults().counts().refused();
        engines.dynamoDbFaults().apply(Fault.refuse(Refusal.dynamoDbThrottling()).forDuration(Duration.ofMillis(300)));

        put("throttled-2");

        assertTrue(engines.dynamoDbFaults().counts().refused() > refusedBefore, "at least the first attempt was throttled");
        assertNotNull(readDirectly("throttled-2"));
        assertEquals(FaultProxy.Mode.PASS, engines.dynamoDbFaults().fault().mode(), "the window is over");
    }

    @Test
    void a_refused_dynamodb_call_is_the_sdks_internal_server_error_with_status_500() {
        engines.dynamoDbFaults().apply(Fault.refuse(Refusal.dynamoDbInternalError()));
        try (DynamoDbClient noRetries = DynamoDbClient.builder()
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .endpointOverride(engines.dynamoDbEndpoint()).region(software.amazon.awssdk.regions.Region.of(engines.region()))
                .credentialsProvider(engines.credentialsProvider())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
            DynamoDbException error = assertThrows(InternalServerErrorException.class, () -> noRetries.putItem(b -> b.tableName(TABLE)
                    .item(Map.of("PK", s("refused"), "SK", s("refused")))));
            assertEquals(500, error.statusCode());
        }
        assertEquals(null, readDirectly("refused"), "nothing reached DynamoDB Local");
    }

    @Test
    void a_refused_ses_send_is_the_sdks_too_many_requests_exception_with_status_429_and_sends_nothing() {
        engines.sesFaults().apply(Fault.refuse(Refusal.sesTooManyRequests()));
        try (SesV2Client ses = sesClient(Duration.ofSeconds(10))) {
            TooManyRequestsException error = assertThrows(TooManyRequestsException.class, () -> send(ses, "refused"));
            assertEquals(429, error.statusCode());
            SesV2Exception unavailable = assertThrows(SesV2Exception.class, () -> {
                engines.sesFaults().apply(Fault.refuse(Refusal.sesServiceUnavailable()));
                send(ses, "unavailable");
            });
            assertEquals(503, unavailable.statusCode());
        }
        assertEquals(List.of(), aws.mailbox().emails(), "the mailbox is read through the proxy, past the fault");
    }

    @Test
    void a_hung_ses_send_ends_with_the_clients_timeout_delivers_nothing_and_the_next_send_after_the_hang_goes() throws Exception {
        long hungBefore = engines.sesFaults().counts().hung();
        engines.sesFaults().apply(Fault.hang());
        try (SesV2Client ses = sesClient(Duration.ofSeconds(1))) {
            assertThrows(ApiCallAttemptTimeoutException.class, () -> send(ses, "hung"));
            assertEquals(hungBefore + 1, engines.sesFaults().counts().hung());
            assertEquals(List.of(), SesMailbox.awsSesV2Local(engines.sesEngineEndpoint()).emails(), "never forwarded");

            engines.sesFaults().pass();
            assertNotNull(send(ses, "after the hang").messageId());
        }
        assertEquals(List.of("after the hang"), aws.mailbox().emails().stream().map(SesMailbox.SentEmail::subject).toList());
    }

    @Test
    void a_request_held_for_its_limit_is_closed_without_an_answer() {
        engines.sesFaults().apply(Fault.hang().holdingEachFor(Duration.ofMillis(200)));
        try (SesV2Client ses = sesClient(Duration.ofSeconds(60))) {
            SdkClientException error = assertThrows(SdkClientException.class, () -> send(ses, "dropped"));
            assertTrue(!(error instanceof ApiCallAttemptTimeoutException), "the proxy closed it, not the client: " + error);
        }
        assertEquals(List.of(), aws.mailbox().emails());
    }

    @Test
    void the_proxys_answers_are_not_held_back_by_nagles_algorithm() {
        // With it on, each answer's body waited for the client's delayed ACK of its headers: 40 ms a request.
        assertEquals("true", System.getProperty("sun.net.httpserver.nodelay"));
    }

    @Test
    void calls_one_after_another_share_a_kept_alive_connection_to_the_engine() {
        put("warm-up");
        long before = engines.dynamoDbFaults().counts().connectionsOpened();
        for (int i = 0; i < 30; i++) {
            put("sequential-" + i);
        }
        assertTrue(engines.dynamoDbFaults().counts().connectionsOpened() - before <= 1,
                "30 calls opened " + (engines.dynamoDbFaults().counts().connectionsOpened() - before) + " connections");
    }

    @Test
    void forty_concurrent_calls_through_the_proxy_all_succeed() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(40);
        try {
            List<Future<?>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String key = "concurrent-" + i;
                calls.add(callers.submit(() -> put(key)));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            callers.shutdownNow();
        }
        for (int i = 0; i < 40; i++) {
            assertNotNull(readDirectly("concurrent-" + i));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static void put(String key) {
        aws.dynamoDb().putItem(b -> b.tableName(TABLE).item(Map.of("PK", s(key), "SK", s(key))));
    }

    private static Map<String, AttributeValue> readDirectly(String key) {
        try (DynamoDbClient direct = AwsClients.dynamoDb(engines.engineEndpoints())) {
            Map<String, AttributeValue> item = direct.getItem(b -> b.tableName(TABLE).key(Map.of("PK", s(key), "SK", s(key))))
                    .item();
            return item == null || item.isEmpty() ? null : item;
        }
    }

    private static SesV2Client sesClient(Duration attemptTimeout) {
        return SesV2Client.builder().endpointOverride(engines.sesEndpoint())
                .region(software.amazon.awssdk.regions.Region.of(engines.region()))
                .credentialsProvider(engines.credentialsProvider())
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()).apiCallAttemptTimeout(attemptTimeout))
                .build();
    }

    private static SendEmailResponse send(SesV2Client ses, String subject) {
        return ses.sendEmail(b -> b.fromEmailAddress("hub@advocacy.test")
                .destination(d -> d.toAddresses("someone@advocacy.test"))
                .content(c -> c.simple(m -> m.subject(t -> t.data(subject)).body(x -> x.text(t -> t.data("Body"))))));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
