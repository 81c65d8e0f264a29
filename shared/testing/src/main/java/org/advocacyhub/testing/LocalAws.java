package org.advocacyhub.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.advocacyhub.testing.SamTemplate.SqsEventSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything a test needs on one set of engines, wired from {@code template.yaml}: SDK clients, the created tables
 * and queues, the functions (warm, cached), the API router, the SQS event sources and the mailbox. The
 * {@link AwsEnginesExtension} hands one out; {@link #connect(AwsEndpoints)} builds one on any engines (LocalStack
 * too). Closing it closes the functions and clients, not the engines.
 */
public final class LocalAws implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalAws.class);

    /** Template parameter values for local runs; parameters not listed here take their template Default. */
    public static final Map<String, String> DEFAULT_PARAMETERS = Map.of(
            "Stage", "local",
            "SenderAddress", "hub@advocacy.test",
            "SenderIdentity", "advocacy.test",
            "ConsoleBaseUrl", "http://localhost",
            "SignInDomainPrefix", "advocacy-hub-local");

    private final AwsEndpoints endpoints;
    private final SamTemplate template;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SesV2Client sesV2;
    private final S3Client s3;
    private final TemplateResources resources;
    private final SesMailbox mailbox;
    private final ApiRoutes api;
    private final Map<String, FunctionInvoker> functions = new ConcurrentHashMap<>();

    private LocalAws(AwsEndpoints endpoints, SamTemplate template, Map<String, String> parameters) {
        this.endpoints = endpoints;
        this.template = template;
        this.dynamoDb = AwsClients.dynamoDb(endpoints);
        this.sqs = AwsClients.sqs(endpoints);
        this.sesV2 = AwsClients.sesV2(endpoints);
        this.s3 = endpoints.s3Endpoint() == null ? null : AwsClients.s3(endpoints);
        this.resources = new TemplateResources(template, endpoints, dynamoDb, sqs, sesV2, s3, parameters).createAll();
        this.mailbox = endpoints.mailbox();
        this.api = new ApiRoutes(template, endpoints.accountId());
    }

    /** Creates the resources of the nearest {@code template.yaml} on {@code endpoints}, with {@link #DEFAULT_PARAMETERS}. */
    public static LocalAws connect(AwsEndpoints endpoints) {
        return connect(endpoints, SamTemplate.locate(), DEFAULT_PARAMETERS);
    }

    /** Creates the template's tables and queues on {@code endpoints}; {@code parameters} override template defaults. */
    public static LocalAws connect(AwsEndpoints endpoints, SamTemplate template, Map<String, String> parameters) {
        return new LocalAws(endpoints, template, parameters);
    }

    public AwsEndpoints endpoints() {
        return endpoints;
    }

    public SamTemplate template() {
        return template;
    }

    public TemplateResources resources() {
        return resources;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SesV2Client sesV2() {
        return sesV2;
    }

    /** The S3 client (path-style) of these engines; fails when they have no S3. */
    public S3Client s3() {
        if (s3 == null) {
            throw new IllegalStateException("No S3 engine at " + endpoints);
        }
        return s3;
    }

    public SesMailbox mailbox() {
        return mailbox;
    }

    public ApiRoutes api() {
        return api;
    }

    /** The emails written into the outbox of {@code HubTable} (issue 19), as a mailbox shows them. */
    public OutboxReader outbox() {
        return new OutboxReader(dynamoDb, tableName("HubTable"));
    }

    public String tableName(String tableId) {
        return resources.tableName(tableId);
    }

    /** The local name of a template bucket (its logical id in lower case). */
    public String bucketName(String bucketId) {
        return resources.bucketName(bucketId);
    }

    public String queueUrl(String queueId) {
        return resources.queueUrl(queueId);
    }

    public String queueArn(String queueId) {
        return resources.queueArn(queueId);
    }

    /** The function's environment with every reference resolved against these engines. */
    public Map<String, String> environment(String functionId) {
        return resources.environment(functionId);
    }

    /** The function, built on first use and kept warm for the rest of the run (data resets do not affect it). */
    public FunctionInvoker function(String functionId) {
        return functions.computeIfAbsent(functionId,
                id -> FunctionInvoker.create(template, id, resources.environment(id), endpoints));
    }

    /**
     * A new, uncached instance of the function with some environment variables replaced (e.g. a queue URL that
     * does not exist, to test a failed enqueue). The caller closes it.
     */
    public FunctionInvoker newFunction(String functionId, Map<String, String> environmentOverrides) {
        Map<String, String> environment = new LinkedHashMap<>(resources.environment(functionId));
        environment.putAll(environmentOverrides);
        return FunctionInvoker.create(template, functionId, environment, endpoints);
    }

    /** Starts an API request to send with {@link #call(ApiRoutes.Request)}. */
    public ApiRoutes.Request request(String method, String pathAndQuery) {
        return api.request(method, pathAndQuery);
    }

    /**
     * Sends a request the way API Gateway would: 403 {@code Missing Authentication Token} when no route matches,
     * 401 when the route has an authorizer and the request carries no claims, otherwise the routed function's
     * response.
     */
    public APIGatewayProxyResponseEvent call(ApiRoutes.Request request) {
        directoryFor(request.claims());
        ApiRoutes.Match match = request.match();
        if (!(match instanceof ApiRoutes.Found found)) {
            return gatewayError(api.gatewayAnswer(match, "MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token"),
                    "MissingAuthenticationTokenException");
        }
        if (found.route().authorized() && request.claims() == null) {
            return gatewayError(api.gatewayAnswer(match, "UNAUTHORIZED", 401, "Unauthorized"), "UnauthorizedException");
        }
        Object result = function(found.functionId()).invoke(api.event(found, request));
        if (result instanceof APIGatewayProxyResponseEvent response) {
            return response;
        }
        if (result instanceof String json) {
            return Json.MAPPER.convertValue(Json.parseObject(json), APIGatewayProxyResponseEvent.class);
        }
        return Json.MAPPER.convertValue(result, APIGatewayProxyResponseEvent.class);
    }

    private static APIGatewayProxyResponseEvent gatewayError(ApiRoutes.GatewayAnswer answer, String errorType) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.put("x-amzn-ErrorType", errorType);
        return new APIGatewayProxyResponseEvent().withStatusCode(answer.statusCode()).withHeaders(headers)
                .withBody(answer.body());
    }

    /** The SQS event sources of a function, bound to its warm instance (not started: call drainOnce or start). */
    public List<SqsEventSourceMapping> eventSources(String functionId) {
        List<SqsEventSourceMapping> mappings = new ArrayList<>();
        for (SqsEventSource source : template.function(functionId).sqsEvents()) {
            mappings.add(SqsEventSourceMapping.of(source, function(functionId), sqs, resources, endpoints.region()));
        }
        return mappings;
    }

    /** The only SQS event source of a function. */
    public SqsEventSourceMapping eventSource(String functionId) {
        List<SqsEventSourceMapping> mappings = eventSources(functionId);
        if (mappings.size() != 1) {
            throw new IllegalArgumentException("Function " + functionId + " has " + mappings.size()
                    + " SQS event sources in " + template.path() + "; use eventSources()");
        }
        return mappings.get(0);
    }

    /** Every enabled SQS event source of the template, bound to the warm functions (not started). */
    public List<SqsEventSourceMapping> allEventSources() {
        List<SqsEventSourceMapping> mappings = new ArrayList<>();
        for (SqsEventSource source : template.sqsEventSources()) {
            if (source.enabled()) {
                mappings.add(SqsEventSourceMapping.of(source, function(source.functionId()), sqs, resources, endpoints.region()));
            }
        }
        return mappings;
    }

    /** A runner for every enabled schedule of the template, targeting the warm functions (not started). */
    public ScheduleRunner schedules(Clock clock) {
        ScheduleRunner runner = new ScheduleRunner(clock, endpoints.region(), endpoints.accountId());
        for (SamTemplate.ScheduleEventSource schedule : template.schedules()) {
            if (schedule.enabled()) {
                runner.add(schedule, function(schedule.functionId()));
            }
        }
        return runner;
    }

    /**
     * Runs every SQS event source of the template once until its queue has nothing visible (functions consuming from
     * queues that other functions fill), repeating while any batch was handled. Returns the messages handled.
     */
    public int drainQueues() {
        int total = 0;
        int handled;
        do {
            handled = 0;
            for (SqsEventSource source : template.sqsEventSources()) {
                handled += SqsEventSourceMapping.of(source, function(source.functionId()), sqs, resources,
                        endpoints.region()).drainOnce();
            }
            total += handled;
        } while (handled > 0);
        return total;
    }

    /** Empties the tables, the queues, the buckets and the mailbox; functions stay warm. */
    public void reset() {
        resources.reset(mailbox);
        resets.incrementAndGet();
    }

    private final java.util.concurrent.atomic.AtomicInteger resets = new java.util.concurrent.atomic.AtomicInteger();

    /** The tests' manager's sign-in subject ({@code HubFixtures.MANAGER}, and the claims tests write out as it). */
    public static final String TEST_MANAGER_SUBJECT = "m-1";
    /** The tests' manager's staff id in the directory. */
    public static final String TEST_MANAGER = "hub-manager";
    /** The data generation ({@link #resets}) in which the tests' manager was put in the directory. */
    private volatile int managerIn = -1;

    /**
     * Before a request signed in as the tests' manager ({@value #TEST_MANAGER_SUBJECT}): puts them in the staff directory
     * as the active manager {@value #TEST_MANAGER}, once per emptied table. The directory decides every staff request
     * (issue 20), so the tests' manager is a member of staff like any other, added the one way a hub's first manager can
     * be: by their own {@code PUT /staff/{id}} while the directory has no active manager. Needs the casework function on
     * the classpath; without it (intake's tests) nothing is done.
     */
    public synchronized void directoryFor(Map<String, ?> claims) {
        if (claims == null || !TEST_MANAGER_SUBJECT.equals(claims.get("sub")) || managerIn == resets.get() || !caseworkAvailable()) {
            return;
        }
        managerIn = resets.get();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Hub Manager");
        body.put("email", TEST_MANAGER + "@hub.example");
        body.put("role", "MANAGER");
        body.put("active", true);
        body.put("contracts", java.util.List.of("LLR", "LEW", "DERBY"));
        body.put("services", java.util.List.of());
        body.put("qualifications", Map.of());
        body.put("loginSubjects", java.util.List.of(TEST_MANAGER_SUBJECT));
        ApiRoutes.Request put;
        try {
            put = request("PUT", "/staff/" + TEST_MANAGER).claims(Map.of("sub", TEST_MANAGER_SUBJECT, "cognito:groups", "manager"))
                    .header("Content-Type", "application/json").body(Json.MAPPER.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Object result = function("CaseworkFunction").invoke(api.event((ApiRoutes.Found) put.match(), put));
        APIGatewayProxyResponseEvent response = result instanceof APIGatewayProxyResponseEvent r ? r
                : Json.MAPPER.convertValue(result instanceof String json ? Json.parseObject(json) : result, APIGatewayProxyResponseEvent.class);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("the tests' manager could not be put in the directory: " + response.getBody());
        }
    }

    private static boolean caseworkAvailable() {
        try {
            Class.forName("org.advocacyhub.casework.CaseworkHandler", false, LocalAws.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** How many times the data was emptied: what a fixture that set data up once compares to know it is still there. */
    public int resets() {
        return resets.get();
    }

    @Override
    public void close() {
        functions.values().forEach(FunctionInvoker::close);
        functions.clear();
        dynamoDb.close();
        sqs.close();
        sesV2.close();
        if (s3 != null) {
            s3.close();
        }
        LOG.debug("Closed functions and clients on {}", endpoints);
    }
}
