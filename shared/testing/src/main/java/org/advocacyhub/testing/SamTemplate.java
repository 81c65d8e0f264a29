package org.advocacyhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code template.yaml} read as CloudFormation reads it, with typed views of what the local engines, the local
 * stack and the tests need: functions (with {@code Globals.Function} merged in), their API, SQS and schedule
 * events, DynamoDB tables, SQS queues and S3 buckets. The template is the single source of wiring: nothing here knows our
 * resource names.
 */
public final class SamTemplate {

    public static final String FILE_NAME = "template.yaml";

    private final Path path;
    private final Map<String, Object> document;
    private final Map<String, Object> resources;
    private final Map<String, SamFunction> functions;
    private final Map<String, TableDefinition> tables;
    private final Map<String, QueueDefinition> queues;
    private final Map<String, BucketDefinition> buckets;
    private final Map<String, TemplateParameter> parameters;

    private SamTemplate(Path path, Map<String, Object> document) {
        this.path = path;
        this.document = Collections.unmodifiableMap(document);
        this.resources = map(document.get("Resources"), "Resources");
        this.parameters = readParameters(map(document.get("Parameters"), "Parameters"));
        this.functions = readAll("AWS::Serverless::Function", this::readFunction);
        this.tables = readAll("AWS::DynamoDB::Table", this::readTable);
        this.queues = readAll("AWS::SQS::Queue", this::readQueue);
        this.buckets = readAll("AWS::S3::Bucket", this::readBucket);
    }

    /** Finds {@code template.yaml} in the current directory or the nearest parent (tests run in the module dir). */
    public static SamTemplate locate() {
        return load(locateFile(Path.of("").toAbsolutePath()));
    }

    /** Finds {@code template.yaml} in {@code start} or the nearest parent directory. */
    public static Path locateFile(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE_NAME);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No " + FILE_NAME + " in " + start.toAbsolutePath() + " or any parent directory");
    }

    public static SamTemplate load(Path file) {
        try {
            return parse(Files.readString(file), file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Parses template text; {@code origin} is reported in errors and gives {@link #root()}. */
    public static SamTemplate parse(String yaml, Path origin) {
        return new SamTemplate(origin, CloudFormationYaml.parse(yaml));
    }

    /** The template file. */
    public Path path() {
        return path;
    }

    /** The directory holding the template: the repository root, where {@code node_modules/} and CodeUri paths live. */
    public Path root() {
        return path.toAbsolutePath().getParent();
    }

    /** The whole template in long JSON form (intrinsic functions as {@code {"Ref": ...}} maps), as written. */
    public Map<String, Object> document() {
        return document;
    }

    public Map<String, Object> resources() {
        return resources;
    }

    public String resourceType(String logicalId) {
        Object resource = resources.get(logicalId);
        return resource == null ? null : (String) map(resource, logicalId).get("Type");
    }

    /** The Properties of a resource, as written (no Globals). */
    public Map<String, Object> resourceProperties(String logicalId) {
        Object resource = resources.get(logicalId);
        if (resource == null) {
            throw new IllegalArgumentException("No resource " + logicalId + " in " + path);
        }
        return map(map(resource, logicalId).get("Properties"), logicalId + ".Properties");
    }

    public Map<String, TemplateParameter> parameters() {
        return parameters;
    }

    public List<SamFunction> functions() {
        return List.copyOf(functions.values());
    }

    public SamFunction function(String logicalId) {
        return find(functions, logicalId, "function");
    }

    public List<TableDefinition> tables() {
        return List.copyOf(tables.values());
    }

    public TableDefinition table(String logicalId) {
        return find(tables, logicalId, "DynamoDB table");
    }

    public List<QueueDefinition> queues() {
        return List.copyOf(queues.values());
    }

    public QueueDefinition queue(String logicalId) {
        return find(queues, logicalId, "SQS queue");
    }

    public List<BucketDefinition> buckets() {
        return List.copyOf(buckets.values());
    }

    public BucketDefinition bucket(String logicalId) {
        return find(buckets, logicalId, "S3 bucket");
    }

    /** Logical ids of the queues that some queue's RedrivePolicy names as its dead-letter queue. */
    public Set<String> deadLetterQueueIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (QueueDefinition queue : queues.values()) {
            if (queue.deadLetterQueueId() != null) {
                ids.add(queue.deadLetterQueueId());
            }
        }
        return ids;
    }

    public List<ApiEvent> apiEvents() {
        return functions.values().stream().flatMap(f -> f.apiEvents().stream()).toList();
    }

    public List<SqsEventSource> sqsEventSources() {
        return functions.values().stream().flatMap(f -> f.sqsEvents().stream()).toList();
    }

    public List<ScheduleEventSource> schedules() {
        return functions.values().stream().flatMap(f -> f.schedules().stream()).toList();
    }

    @Override
    public String toString() {
        return "SamTemplate[" + path + "]";
    }

    // ------------------------------------------------------------------ readers

    private <T> Map<String, T> readAll(String type, Function<String, T> reader) {
        Map<String, T> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> resource : resources.entrySet()) {
            if (type.equals(map(resource.getValue(), resource.getKey()).get("Type"))) {
                result.put(resource.getKey(), reader.apply(resource.getKey()));
            }
        }
        return Collections.unmodifiableMap(result);
    }

    private static Map<String, TemplateParameter> readParameters(Map<String, Object> declared) {
        Map<String, TemplateParameter> result = new LinkedHashMap<>();
        declared.forEach((name, value) -> {
            Map<String, Object> parameter = map(value, "Parameters." + name);
            Object defaultValue = parameter.get("Default");
            result.put(name, new TemplateParameter(name, string(parameter.get("Type")),
                    defaultValue == null ? null : String.valueOf(defaultValue)));
        });
        return Collections.unmodifiableMap(result);
    }

    private SamFunction readFunction(String logicalId) {
        Map<String, Object> globals = map(map(document.get("Globals"), "Globals").get("Function"), "Globals.Function");
        Map<String, Object> properties = mergeGlobals(globals, resourceProperties(logicalId));
        Map<String, Object> environment = map(map(properties.get("Environment"), "Environment").get("Variables"),
                logicalId + ".Environment.Variables");

        List<ApiEvent> api = new ArrayList<>();
        List<SqsEventSource> sqs = new ArrayList<>();
        List<ScheduleEventSource> schedules = new ArrayList<>();
        map(properties.get("Events"), logicalId + ".Events").forEach((name, value) -> {
            Map<String, Object> event = map(value, logicalId + ".Events." + name);
            Map<String, Object> props = map(event.get("Properties"), logicalId + ".Events." + name + ".Properties");
            String where = logicalId + ".Events." + name;
            switch (String.valueOf(event.get("Type"))) {
                case "Api" -> api.add(readApiEvent(logicalId, name, props, where));
                case "SQS" -> sqs.add(readSqsEvent(logicalId, name, props, where));
                case "ScheduleV2", "Schedule" -> schedules.add(readSchedule(logicalId, name, props, where));
                default -> {
                    // Other event types (S3, EventBridgeRule, ...) have no local emulation yet.
                }
            }
        });
        return new SamFunction(logicalId, string(properties.get("Handler")), string(properties.get("CodeUri")),
                string(properties.get("Runtime")), integer(properties.get("Timeout"), 3),
                integer(properties.get("MemorySize"), 128), Collections.unmodifiableMap(environment),
                List.copyOf(api), List.copyOf(sqs), List.copyOf(schedules), Collections.unmodifiableMap(properties));
    }

    private ApiEvent readApiEvent(String functionId, String name, Map<String, Object> props, String where) {
        String path = required(props, "Path", where);
        String method = required(props, "Method", where).toUpperCase(Locale.ROOT);
        String restApiId = refTarget(props.get("RestApiId"));
        Object auth = props.get("Auth");
        String authorizer = auth == null ? null : string(map(auth, where + ".Auth").get("Authorizer"));
        if (authorizer == null) {
            authorizer = defaultAuthorizer(restApiId);
        }
        if ("NONE".equals(authorizer)) {
            authorizer = null;
        }
        return new ApiEvent(functionId, name, method, path, restApiId, authorizer);
    }

    /** SAM applies an API's {@code Auth.DefaultAuthorizer} to every event that names none. */
    private String defaultAuthorizer(String restApiId) {
        Object auth = apiProperties(restApiId).get("Auth");
        return auth == null ? null : string(map(auth, "Auth").get("DefaultAuthorizer"));
    }

    /** An API's Properties with {@code Globals.Api} merged in; only the globals for the implicit API (null). */
    private Map<String, Object> apiProperties(String restApiId) {
        Map<String, Object> apiGlobals = map(map(document.get("Globals"), "Globals").get("Api"), "Globals.Api");
        return restApiId != null && resources.containsKey(restApiId)
                ? mergeGlobals(apiGlobals, resourceProperties(restApiId))
                : apiGlobals;
    }

    /**
     * The {@code GatewayResponses} of an API ({@code Globals.Api} merged in), by response type such as
     * {@code UNAUTHORIZED} or {@code DEFAULT_4XX}: how API Gateway's own answers (not a function's) are customised.
     * {@code restApiId} is the API's logical id, or null for the implicit API.
     */
    public Map<String, GatewayResponse> gatewayResponses(String restApiId) {
        String where = (restApiId == null ? "Globals.Api" : restApiId) + ".GatewayResponses";
        Map<String, GatewayResponse> result = new LinkedHashMap<>();
        map(apiProperties(restApiId).get("GatewayResponses"), where).forEach((type, value) -> {
            Map<String, Object> response = map(value, where + "." + type);
            Map<String, Object> parameters = map(response.get("ResponseParameters"), where + "." + type + ".ResponseParameters");
            Object status = response.get("StatusCode");
            result.put(type, new GatewayResponse(type, status == null ? null : integer(status, 0),
                    strings(parameters.get("Headers"), where + "." + type + ".ResponseParameters.Headers"),
                    strings(response.get("ResponseTemplates"), where + "." + type + ".ResponseTemplates")));
        });
        return Collections.unmodifiableMap(result);
    }

    private static Map<String, String> strings(Object value, String where) {
        Map<String, String> result = new LinkedHashMap<>();
        map(value, where).forEach((key, item) -> {
            if (item instanceof Map<?, ?> || item instanceof List<?>) {
                throw new IllegalArgumentException(where + "." + key + " must be a plain value, got " + item);
            }
            result.put(key, string(item));
        });
        return Collections.unmodifiableMap(result);
    }

    private SqsEventSource readSqsEvent(String functionId, String name, Map<String, Object> props, String where) {
        Object queue = props.get("Queue");
        String queueId = getAttTarget(queue, "Arn");
        if (queueId == null) {
            throw new IllegalArgumentException(where + ".Queue must be !GetAtt <Queue>.Arn of a queue in the template, got " + queue);
        }
        Object responseTypes = props.get("FunctionResponseTypes");
        boolean reportFailures = responseTypes instanceof List<?> list && list.contains("ReportBatchItemFailures");
        return new SqsEventSource(functionId, name, queueId, integer(props.get("BatchSize"), 10), reportFailures,
                integer(props.get("MaximumBatchingWindowInSeconds"), 0), bool(props.get("Enabled"), true));
    }

    private ScheduleEventSource readSchedule(String functionId, String name, Map<String, Object> props, String where) {
        String timezone = string(props.get("ScheduleExpressionTimezone"));
        Object state = props.get("State");
        boolean enabled = state == null ? bool(props.get("Enabled"), true) : !"DISABLED".equals(string(state));
        Object input = props.get("Input");
        return new ScheduleEventSource(functionId, name, required(props, "ScheduleExpression", where),
                timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone), enabled,
                input == null ? null : input instanceof String text ? text : Json.write(input));
    }

    private TableDefinition readTable(String logicalId) {
        Map<String, Object> props = resourceProperties(logicalId);
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Object definition : list(props.get("AttributeDefinitions"))) {
            Map<String, Object> attribute = map(definition, logicalId + ".AttributeDefinitions");
            attributes.put(string(attribute.get("AttributeName")), string(attribute.get("AttributeType")));
        }
        Object ttl = props.get("TimeToLiveSpecification");
        String ttlAttribute = null;
        if (ttl != null) {
            Map<String, Object> spec = map(ttl, logicalId + ".TimeToLiveSpecification");
            if (bool(spec.get("Enabled"), true)) {
                ttlAttribute = string(spec.get("AttributeName"));
            }
        }
        Object stream = props.get("StreamSpecification");
        String streamViewType = stream == null ? null : string(map(stream, "StreamSpecification").get("StreamViewType"));
        String billingMode = props.get("BillingMode") == null ? "PROVISIONED" : string(props.get("BillingMode"));
        return new TableDefinition(logicalId, Collections.unmodifiableMap(attributes),
                keySchema(props.get("KeySchema"), logicalId), indexes(props.get("GlobalSecondaryIndexes"), logicalId),
                indexes(props.get("LocalSecondaryIndexes"), logicalId), ttlAttribute, billingMode, streamViewType);
    }

    private static List<KeyElement> keySchema(Object value, String where) {
        List<KeyElement> keys = new ArrayList<>();
        for (Object element : list(value)) {
            Map<String, Object> key = map(element, where + ".KeySchema");
            keys.add(new KeyElement(string(key.get("AttributeName")), string(key.get("KeyType"))));
        }
        return List.copyOf(keys);
    }

    private static List<IndexDefinition> indexes(Object value, String where) {
        List<IndexDefinition> indexes = new ArrayList<>();
        for (Object element : list(value)) {
            Map<String, Object> index = map(element, where + ".Index");
            Map<String, Object> projection = map(index.get("Projection"), where + ".Projection");
            List<String> nonKey = list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList();
            String type = projection.get("ProjectionType") == null ? "KEYS_ONLY" : string(projection.get("ProjectionType"));
            indexes.add(new IndexDefinition(string(index.get("IndexName")), keySchema(index.get("KeySchema"), where), type, nonKey));
        }
        return List.copyOf(indexes);
    }

    private BucketDefinition readBucket(String logicalId) {
        Map<String, Object> props = resourceProperties(logicalId);
        Object versioning = props.get("VersioningConfiguration") instanceof Map<?, ?> v ? v.get("Status") : null;
        return new BucketDefinition(logicalId, "Enabled".equals(versioning));
    }

    private QueueDefinition readQueue(String logicalId) {
        Map<String, Object> props = resourceProperties(logicalId);
        String dlq = null;
        Integer maxReceiveCount = null;
        Object redrive = props.get("RedrivePolicy");
        if (redrive != null) {
            Map<String, Object> policy = redrive instanceof String json ? Json.parseObject(json) : map(redrive, logicalId + ".RedrivePolicy");
            dlq = getAttTarget(policy.get("deadLetterTargetArn"), "Arn");
            if (dlq == null) {
                throw new IllegalArgumentException(logicalId + ".RedrivePolicy.deadLetterTargetArn must be !GetAtt <Queue>.Arn, got "
                        + policy.get("deadLetterTargetArn"));
            }
            maxReceiveCount = integer(policy.get("maxReceiveCount"), 10);
        }
        Object timeout = props.get("VisibilityTimeout");
        return new QueueDefinition(logicalId, bool(props.get("FifoQueue"), false),
                timeout == null ? null : integer(timeout, 30), dlq, maxReceiveCount, Collections.unmodifiableMap(props));
    }

    // ------------------------------------------------------------------ helpers

    /**
     * SAM's Globals rules: maps merge (the resource wins on conflicts), lists are the global entries followed by the
     * resource's, anything else is replaced by the resource's value.
     */
    static Map<String, Object> mergeGlobals(Map<String, Object> globals, Map<String, Object> local) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        local.forEach((key, value) -> {
            Object global = merged.get(key);
            if (global instanceof Map<?, ?> g && value instanceof Map<?, ?> l && !isIntrinsic(l)) {
                merged.put(key, mergeGlobals(cast(g), cast(l)));
            } else if (global instanceof List<?> g && value instanceof List<?> l) {
                List<Object> both = new ArrayList<>(g);
                both.addAll(l);
                merged.put(key, both);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private static boolean isIntrinsic(Map<?, ?> value) {
        return value.size() == 1 && value.keySet().iterator().next() instanceof String key
                && (key.equals("Ref") || key.startsWith("Fn::"));
    }

    /** The logical id in {@code {"Ref": id}}, or null when {@code value} is something else. */
    public static String refTarget(Object value) {
        return value instanceof Map<?, ?> map && map.size() == 1 && map.get("Ref") instanceof String id ? id : null;
    }

    /** The logical id in {@code {"Fn::GetAtt": [id, attribute]}}, or null when {@code value} is something else. */
    public static String getAttTarget(Object value, String attribute) {
        if (value instanceof Map<?, ?> map && map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> args
                && args.size() == 2 && attribute.equals(args.get(1)) && args.get(0) instanceof String id) {
            return id;
        }
        return null;
    }

    private <T> T find(Map<String, T> items, String logicalId, String what) {
        T item = items.get(logicalId);
        if (item == null) {
            throw new IllegalArgumentException("No " + what + " '" + logicalId + "' in " + path + "; it declares " + items.keySet());
        }
        return item;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return cast(map);
        }
        throw new IllegalArgumentException(where + " must be a mapping, got " + value);
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("Expected a list, got " + value);
    }

    private static String required(Map<String, Object> props, String key, String where) {
        Object value = props.get(key);
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new IllegalArgumentException(where + "." + key + " must be a plain value, got " + value);
        }
        return String.valueOf(value);
    }

    private static String string(Object value) {
        return value == null ? null : value instanceof String s ? s : String.valueOf(value);
    }

    private static int integer(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof Map<?, ?>) {
            return fallback; // an intrinsic (!Ref, !FindInMap, ...) only CloudFormation can resolve
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Expected a number, got " + value, e);
        }
    }

    private static boolean bool(Object value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
    }

    // ------------------------------------------------------------------ views

    /** A template parameter; {@code defaultValue} is null when none is declared. */
    public record TemplateParameter(String name, String type, String defaultValue) {
    }

    /**
     * An {@code AWS::Serverless::Function} with {@code Globals.Function} merged in.
     *
     * @param environment raw {@code Environment.Variables}: strings or intrinsic-function maps
     * @param properties  all merged Properties, for anything not given a typed view
     */
    public record SamFunction(String logicalId, String handler, String codeUri, String runtime, int timeoutSeconds,
                              int memorySizeMb, Map<String, Object> environment, List<ApiEvent> apiEvents,
                              List<SqsEventSource> sqsEvents, List<ScheduleEventSource> schedules,
                              Map<String, Object> properties) {
    }

    /**
     * An {@code Api} event: {@code method} upper-case ({@code ANY} for any), {@code path} as in the template
     * ({@code /cases/{reference}}); {@code authorizer} is the named authorizer (the event's {@code Auth.Authorizer} or
     * the API's {@code DefaultAuthorizer}), null when the route is public.
     */
    public record ApiEvent(String functionId, String eventName, String method, String path, String restApiId,
                           String authorizer) {
        public boolean authorized() {
            return authorizer != null;
        }
    }

    /**
     * One entry of an API's {@code GatewayResponses}.
     *
     * @param statusCode        the status sent instead of the response type's own, or null
     * @param headers           header name to its value as written: {@code 'Bearer'} (a static value, in single quotes)
     *                          or a mapping expression such as {@code method.request.header.Origin}
     * @param responseTemplates content type to mapping template
     */
    public record GatewayResponse(String responseType, Integer statusCode, Map<String, String> headers,
                                  Map<String, String> responseTemplates) {
    }

    /** An {@code SQS} event source: the queue is the logical id in {@code !GetAtt Queue.Arn}. */
    public record SqsEventSource(String functionId, String eventName, String queueId, int batchSize,
                                 boolean reportBatchItemFailures, int maximumBatchingWindowInSeconds, boolean enabled) {
    }

    /** A {@code ScheduleV2} (or legacy {@code Schedule}) event; timezone defaults to UTC as in AWS. */
    public record ScheduleEventSource(String functionId, String eventName, String expression, ZoneId timezone,
                                      boolean enabled, String input) {
    }

    public record KeyElement(String attributeName, String keyType) {
    }

    public record IndexDefinition(String indexName, List<KeyElement> keySchema, String projectionType,
                                  List<String> nonKeyAttributes) {
    }

    /**
     * An {@code AWS::DynamoDB::Table}.
     *
     * @param attributeDefinitions attribute name to type (S, N, B), in template order
     * @param ttlAttribute         the enabled TTL attribute, or null
     */
    public record TableDefinition(String logicalId, Map<String, String> attributeDefinitions, List<KeyElement> keySchema,
                                  List<IndexDefinition> globalSecondaryIndexes, List<IndexDefinition> localSecondaryIndexes,
                                  String ttlAttribute, String billingMode, String streamViewType) {
        public IndexDefinition globalSecondaryIndex(String name) {
            return globalSecondaryIndexes.stream().filter(i -> i.indexName().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Table " + logicalId + " has no GSI " + name));
        }
    }

    /**
     * An {@code AWS::SQS::Queue}.
     *
     * @param visibilityTimeout seconds, or null for the SQS default (30)
     * @param deadLetterQueueId logical id of the RedrivePolicy target, or null
     * @param maxReceiveCount   the RedrivePolicy's maxReceiveCount, or null
     * @param properties        all Properties as written
     */
    /** An S3 bucket; {@code versioned} when its VersioningConfiguration is Enabled. */
    public record BucketDefinition(String logicalId, boolean versioned) {
        /**
         * Locally a bucket is named by its logical id in lower case (bucket names allow no capitals); in AWS it has
         * the name CloudFormation generates, which the functions get from {@code !Ref}.
         */
        public String localName() {
            return logicalId.toLowerCase(Locale.ROOT);
        }
    }

    public record QueueDefinition(String logicalId, boolean fifo, Integer visibilityTimeout, String deadLetterQueueId,
                                  Integer maxReceiveCount, Map<String, Object> properties) {
        /** Locally a queue is named by its logical id (FIFO queue names must end in {@code .fifo}). */
        public String localName() {
            return fifo ? logicalId + ".fifo" : logicalId;
        }
    }
}
