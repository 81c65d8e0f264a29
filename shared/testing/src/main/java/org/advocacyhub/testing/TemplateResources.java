package org.advocacyhub.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.testing.SamTemplate.BucketDefinition;
import org.advocacyhub.testing.SamTemplate.IndexDefinition;
import org.advocacyhub.testing.SamTemplate.KeyElement;
import org.advocacyhub.testing.SamTemplate.QueueDefinition;
import org.advocacyhub.testing.SamTemplate.TableDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.PurgeQueueInProgressException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates the template's DynamoDB tables, SQS queues and S3 buckets on a set of engines, from the template's own
 * definitions (tables and queues are named by logical id, buckets by it in lower case), and resolves each function's
 * environment against them. Also resets data between tests.
 */
public final class TemplateResources {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateResources.class);
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /**
     * Queue properties that both ElasticMQ and SQS understand, as CreateQueue attribute names. Others
     * ({@code SqsManagedSseEnabled}, {@code KmsMasterKeyId}, tags) have no local meaning.
     */
    private static final List<String> QUEUE_ATTRIBUTES = List.of("VisibilityTimeout", "DelaySeconds",
            "MaximumMessageSize", "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "FifoQueue",
            "ContentBasedDeduplication");

    private final SamTemplate template;
    private final AwsEndpoints endpoints;
    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final SesV2Client ses;
    private final S3Client s3;
    private final Map<String, String> parameters;
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();
    private final Map<String, String> queueArns = new ConcurrentHashMap<>();

    /**
     * Without S3: for engines that have none ({@link AwsEndpoints#s3Endpoint()} null). A template with buckets then
     * fails in {@link #createAll()}.
     *
     * @param parameters template parameter values; a parameter missing here falls back to its template Default
     */
    public TemplateResources(SamTemplate template, AwsEndpoints endpoints, DynamoDbClient dynamoDb, SqsClient sqs,
                             SesV2Client ses, Map<String, String> parameters) {
        this(template, endpoints, dynamoDb, sqs, ses, null, parameters);
    }

    /**
     * @param s3         the client of the S3 engine, or null when there is none
     * @param parameters template parameter values; a parameter missing here falls back to its template Default
     */
    public TemplateResources(SamTemplate template, AwsEndpoints endpoints, DynamoDbClient dynamoDb, SqsClient sqs,
                             SesV2Client ses, S3Client s3, Map<String, String> parameters) {
        this.s3 = s3;
        this.template = template;
        this.endpoints = endpoints;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.ses = ses;
        Map<String, String> values = new LinkedHashMap<>();
        template.parameters().values().forEach(p -> {
            if (p.defaultValue() != null) {
                values.put(p.name(), p.defaultValue());
            }
        });
        values.putAll(parameters);
        this.parameters = Collections.unmodifiableMap(values);
    }

    /**
     * Creates every table, queue and bucket of the template, and verifies senders where needed. One that exists already
     * (engines that keep their data) is kept with its data: a table as it is, a queue with its settings brought up to
     * date, a bucket as it is. So this can run at every start.
     */
    public TemplateResources createAll() {
        long begin = System.nanoTime();
        template.tables().forEach(this::createTable);
        queuesDeadLettersFirst().forEach(this::createQueue);
        template.buckets().forEach(this::createBucket);
        if (endpoints.sesRequiresVerifiedIdentities()) {
            verifySenderIdentities();
        }
        LOG.info("Created {} table(s), {} queue(s) and {} bucket(s) from {} in {} ms", template.tables().size(),
                template.queues().size(), template.buckets().size(), template.path().getFileName(),
                (System.nanoTime() - begin) / 1_000_000);
        return this;
    }

    public SamTemplate template() {
        return template;
    }

    /** Parameter values in force: the supplied ones over the template's defaults. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public String tableName(String logicalId) {
        return template.table(logicalId).logicalId();
    }

    public String tableArn(String logicalId) {
        return "arn:aws:dynamodb:" + endpoints.region() + ":" + endpoints.accountId() + ":table/" + tableName(logicalId);
    }

    public String bucketName(String logicalId) {
        return template.bucket(logicalId).localName();
    }

    public String bucketArn(String logicalId) {
        return "arn:aws:s3:::" + bucketName(logicalId);
    }

    public String queueName(String logicalId) {
        return template.queue(logicalId).localName();
    }

    public String queueUrl(String logicalId) {
        template.queue(logicalId);
        return queueUrls.computeIfAbsent(logicalId, id -> sqs.getQueueUrl(b -> b.queueName(queueName(id))).queueUrl());
    }

    public String queueArn(String logicalId) {
        return queueArns.computeIfAbsent(logicalId, id -> sqs.getQueueAttributes(b -> b.queueUrl(queueUrl(id))
                .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
    }

    /** Queue logical id for an ARN this class created, or null. */
    public String queueIdForArn(String arn) {
        for (QueueDefinition queue : template.queues()) {
            if (queueArn(queue.logicalId()).equals(arn)) {
                return queue.logicalId();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ environment

    /**
     * The function's {@code Environment.Variables} (Globals merged) with every intrinsic resolved against the local
     * resources: {@code !Ref Table} is the table name, {@code !Ref Queue} the queue URL, {@code !Ref Bucket} the bucket name, {@code !Ref Parameter} its
     * value, {@code !GetAtt Queue.Arn} the local ARN, {@code !Sub} with those. Unknown references fail naming the
     * function and variable.
     */
    public Map<String, String> environment(String functionId) {
        Map<String, String> resolved = new LinkedHashMap<>();
        template.function(functionId).environment().forEach((name, raw) -> {
            try {
                resolved.put(name, resolve(raw));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Cannot resolve environment variable " + name + " of function "
                        + functionId + " in " + template.path() + ": " + e.getMessage(), e);
            }
        });
        return Collections.unmodifiableMap(resolved);
    }

    /** Resolves one template value (a plain value or an intrinsic function) to its local string value. */
    public String resolve(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> function = map.entrySet().iterator().next();
            Object argument = function.getValue();
            switch (String.valueOf(function.getKey())) {
                case "Ref":
                    return ref(String.valueOf(argument));
                case "Fn::GetAtt":
                    if (argument instanceof List<?> args && args.size() == 2) {
                        return getAtt(String.valueOf(args.get(0)), String.valueOf(args.get(1)));
                    }
                    break;
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Join":
                    if (argument instanceof List<?> args && args.size() == 2 && args.get(1) instanceof List<?> parts) {
                        List<String> values = new ArrayList<>();
                        parts.forEach(part -> values.add(resolve(part)));
                        return String.join(String.valueOf(args.get(0)), values);
                    }
                    break;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("unsupported value " + value + " (supported: plain values, Ref, Fn::GetAtt, Fn::Sub, Fn::Join)");
    }

    private String ref(String id) {
        switch (id) {
            case "AWS::Region":
                return endpoints.region();
            case "AWS::AccountId":
                return endpoints.accountId();
            case "AWS::Partition":
                return "aws";
            case "AWS::StackName":
                return "local";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                break;
        }
        if (template.parameters().containsKey(id)) {
            String value = parameters.get(id);
            if (value == null) {
                throw new IllegalArgumentException("parameter " + id + " has no value and no Default: supply it");
            }
            return value;
        }
        String type = template.resourceType(id);
        if (type == null) {
            throw new IllegalArgumentException("Ref " + id + " names no parameter or resource of the template");
        }
        return switch (type) {
            case "AWS::DynamoDB::Table" -> tableName(id);
            case "AWS::SQS::Queue" -> queueUrl(id);
            case "AWS::S3::Bucket" -> bucketName(id);
            case "AWS::Serverless::Function" -> id;
            // A REST API's id: ./run-local serves the API itself and gives functions its own URL where they link to it.
            case "AWS::Serverless::Api" -> id.toLowerCase(java.util.Locale.ROOT);
            // The staff user pool, its client and its sign-in domain: values of the shapes Cognito gives (a pool id is
            // <region>_<id>), so the template's environment resolves. ./run-local signs staff in itself and gives the
            // functions its own sign-in settings (CONSOLE_*) instead.
            case "AWS::Cognito::UserPool" -> endpoints.region() + "_" + id;
            case "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolDomain" -> id.toLowerCase(java.util.Locale.ROOT);
            // The configuration set every send names (issue 24): its name, which the local SES stand-in only reads to
            // publish bounces and complaints as SES would for sends that name one.
            case "AWS::SES::ConfigurationSet" -> configurationSetName(id);
            default -> throw new IllegalArgumentException("Ref " + id + " (" + type + ") has no local value");
        };
    }

    private String configurationSetName(String id) {
        Object name = template.resourceProperties(id).get("Name");
        return name == null ? id.toLowerCase(java.util.Locale.ROOT) : resolve(name);
    }

        private String getAtt(String id, String attribute) {
        String type = template.resourceType(id);
        if ("AWS::SQS::Queue".equals(type)) {
            switch (attribute) {
                case "Arn":
                    return queueArn(id);
                case "QueueName":
                    return queueName(id);
                case "QueueUrl":
                    return queueUrl(id);
                default:
                    break;
            }
        } else if ("AWS::DynamoDB::Table".equals(type) && "Arn".equals(attribute)) {
            return tableArn(id);
        } else if ("AWS::S3::Bucket".equals(type) && "Arn".equals(attribute)) {
            return bucketArn(id);
        } else if ("AWS::Serverless::Function".equals(type) && "Arn".equals(attribute)) {
            return "arn:aws:lambda:" + endpoints.region() + ":" + endpoints.accountId() + ":function:" + id;
        }
        throw new IllegalArgumentException("Fn::GetAtt " + id + "." + attribute + " has no local value"
                + (type == null ? " (no such resource)" : " (" + type + ")"));
    }

    private String sub(Object argument) {
        String text;
        Map<String, String> variables = new LinkedHashMap<>();
        if (argument instanceof String s) {
            text = s;
        } else if (argument instanceof List<?> args && args.size() == 2 && args.get(0) instanceof String s
                && args.get(1) instanceof Map<?, ?> vars) {
            text = s;
            vars.forEach((k, v) -> variables.put(String.valueOf(k), resolve(v)));
        } else {
            throw new IllegalArgumentException("malformed Fn::Sub " + argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1).trim();
            String value;
            if (variables.containsKey(name)) {
                value = variables.get(name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                value = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                value = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString().replace("${!", "${");
    }

    // ------------------------------------------------------------------ tables

    private void createTable(TableDefinition table) {
        boolean onDemand = "PAY_PER_REQUEST".equals(table.billingMode());
        ProvisionedThroughput throughput = ProvisionedThroughput.builder().readCapacityUnits(5L).writeCapacityUnits(5L).build();
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(table.logicalId())
                .attributeDefinitions(table.attributeDefinitions().entrySet().stream()
                        .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
                        .toList())
                .keySchema(keys(table.keySchema()))
                .billingMode(onDemand ? BillingMode.PAY_PER_REQUEST : BillingMode.PROVISIONED);
        if (!onDemand) {
            request.provisionedThroughput(throughput);
        }
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.globalSecondaryIndexes().stream().map(index -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName(index.indexName())
                        .keySchema(keys(index.keySchema())).projection(projection(index));
                if (!onDemand) {
                    gsi.provisionedThroughput(throughput);
                }
                return gsi.build();
            }).toList());
        }
        if (!table.localSecondaryIndexes().isEmpty()) {
            request.localSecondaryIndexes(table.localSecondaryIndexes().stream().map(index -> LocalSecondaryIndex.builder()
                    .indexName(index.indexName()).keySchema(keys(index.keySchema())).projection(projection(index)).build())
                    .toList());
        }
        if (table.streamViewType() != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(table.streamViewType()).build());
        }
        try {
            dynamoDb.createTable(request.build());
        } catch (ResourceInUseException exists) {
            LOG.debug("Table {} exists already", table.logicalId());
            return;
        }
        dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.logicalId()));
        if (table.ttlAttribute() != null) {
            dynamoDb.updateTimeToLive(b -> b.tableName(table.logicalId())
                    .timeToLiveSpecification(t -> t.attributeName(table.ttlAttribute()).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keys(List<KeyElement> keys) {
        return keys.stream().map(k -> KeySchemaElement.builder().attributeName(k.attributeName()).keyType(k.keyType()).build())
                .toList();
    }

    private static Projection projection(IndexDefinition index) {
        Projection.Builder projection = Projection.builder().projectionType(index.projectionType());
        if (!index.nonKeyAttributes().isEmpty()) {
            projection.nonKeyAttributes(index.nonKeyAttributes());
        }
        return projection.build();
    }

    /** Deletes every item of every template table (the tables, their indexes and TTL stay). */
    public void clearTables() {
        for (TableDefinition table : template.tables()) {
            Map<String, String> placeholders = new LinkedHashMap<>();
            table.keySchema().forEach(k -> placeholders.put("#k" + placeholders.size(), k.attributeName()));
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                ScanResponse page;
                try {
                    page = dynamoDb.scan(b -> b.tableName(table.logicalId()).exclusiveStartKey(exclusiveStart)
                            .projectionExpression(String.join(", ", placeholders.keySet()))
                            .expressionAttributeNames(placeholders));
                } catch (ResourceNotFoundException gone) {
                    createTable(table);
                    break;
                }
                List<WriteRequest> deletes = page.items().stream()
                        .map(item -> WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(item).build()).build())
                        .toList();
                for (int i = 0; i < deletes.size(); i += 25) {
                    Map<String, List<WriteRequest>> batch = Map.of(table.logicalId(), deletes.subList(i, Math.min(i + 25, deletes.size())));
                    while (!batch.isEmpty()) {
                        Map<String, List<WriteRequest>> request = batch;
                        batch = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
                    }
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
    }

    /** Deletes and recreates every template table: for tests that change a table's settings. */
    public void recreateTables() {
        for (TableDefinition table : template.tables()) {
            try {
                dynamoDb.deleteTable(b -> b.tableName(table.logicalId()));
                dynamoDb.waiter().waitUntilTableNotExists(b -> b.tableName(table.logicalId()));
            } catch (ResourceNotFoundException absent) {
                // nothing to delete
            }
            createTable(table);
        }
    }

    // ------------------------------------------------------------------ queues

    private List<QueueDefinition> queuesDeadLettersFirst() {
        Map<String, QueueDefinition> remaining = new LinkedHashMap<>();
        template.queues().forEach(q -> remaining.put(q.logicalId(), q));
        List<QueueDefinition> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (!remaining.isEmpty()) {
            boolean progress = false;
            for (var it = remaining.values().iterator(); it.hasNext(); ) {
                QueueDefinition queue = it.next();
                if (queue.deadLetterQueueId() == null || placed.contains(queue.deadLetterQueueId())) {
                    ordered.add(queue);
                    placed.add(queue.logicalId());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalArgumentException("Queues " + remaining.keySet() + " in " + template.path()
                        + " name a dead-letter queue that is not an SQS queue of the template, or form a cycle");
            }
        }
        return ordered;
    }

    private void createQueue(QueueDefinition queue) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : QUEUE_ATTRIBUTES) {
            Object value = queue.properties().get(name);
            if (value != null) {
                attributes.put(name, resolve(value));
            }
        }
        if ("false".equals(attributes.get("FifoQueue"))) {
            attributes.remove("FifoQueue");
        }
        if (queue.deadLetterQueueId() != null) {
            attributes.put("RedrivePolicy", Json.write(Map.of("deadLetterTargetArn", queueArn(queue.deadLetterQueueId()),
                    "maxReceiveCount", queue.maxReceiveCount())));
        }
        String url;
        try {
            url = sqs.createQueue(b -> b.queueName(queue.localName()).attributesWithStrings(attributes)).queueUrl();
        } catch (QueueNameExistsException kept) {
            // A queue kept from an earlier run (./run-local keeps its data) whose settings the template has since changed:
            // keep its messages and bring its settings up to date. FifoQueue cannot change, and is not sent again.
            url = sqs.getQueueUrl(b -> b.queueName(queue.localName())).queueUrl();
            Map<String, String> changeable = new LinkedHashMap<>(attributes);
            changeable.remove("FifoQueue");
            String existing = url;
            sqs.setQueueAttributes(b -> b.queueUrl(existing).attributesWithStrings(changeable));
            LOG.info("Queue {} kept from an earlier run, its settings updated from {}", queue.logicalId(), template.path().getFileName());
        }
        queueUrls.put(queue.logicalId(), url);
    }

    /** Removes every message (visible or in flight) from every template queue. */
    public void purgeQueues() {
        for (QueueDefinition queue : template.queues()) {
            String url = queueUrl(queue.logicalId());
            try {
                sqs.purgeQueue(b -> b.queueUrl(url));
            } catch (PurgeQueueInProgressException tooSoon) {
                // Real SQS (and LocalStack) allow one purge a minute: drain what is visible instead.
                List<Message> messages;
                do {
                    messages = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
                    messages.forEach(m -> sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(m.receiptHandle())));
                } while (!messages.isEmpty());
            }
        }
    }

    // ------------------------------------------------------------------ buckets

    private void createBucket(BucketDefinition bucket) {
        if (s3 == null) {
            throw new IllegalStateException(template.path().getFileName() + " declares the S3 bucket " + bucket.logicalId()
                    + ", and these engines have no S3 (" + endpoints + ")");
        }
        try {
            s3.createBucket(b -> b.bucket(bucket.localName()));
        } catch (BucketAlreadyOwnedByYouException | software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException exists) {
            LOG.debug("Bucket {} exists already", bucket.localName());
        }
        // Versioning, encryption, lifecycle and policy are AWS's safeguards for the data kept; locally the store is in
        // memory or in .local/data on one machine, with one version of each object, so they are not asked for.
    }

    /** Deletes every object of every template bucket (the buckets stay). */
    public void clearBuckets() {
        if (s3 == null) {
            return;
        }
        for (BucketDefinition bucket : template.buckets()) {
            String continuation = null;
            do {
                String token = continuation;
                ListObjectsV2Response page = s3.listObjectsV2(b -> b.bucket(bucket.localName()).continuationToken(token));
                List<ObjectIdentifier> keys = page.contents().stream()
                        .map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
                if (!keys.isEmpty()) {
                    s3.deleteObjects(b -> b.bucket(bucket.localName()).delete(d -> d.objects(keys).quiet(true)));
                }
                continuation = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
            } while (continuation != null);
        }
    }

    /** Clears tables, queues, buckets and the mailbox: what a test needs to start from nothing. */
    public void reset(SesMailbox mailbox) {
        clearTables();
        purgeQueues();
        clearBuckets();
        if (mailbox != null) {
            mailbox.clear();
        }
    }

    // ------------------------------------------------------------------ SES

    private void verifySenderIdentities() {
        for (String value : parameters.values()) {
            if (value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                try {
                    ses.createEmailIdentity(b -> b.emailIdentity(value));
                } catch (RuntimeException e) {
                    LOG.warn("Could not verify a sender identity on {}: {}", endpoints.sesEndpoint(), e.getMessage());
                }
            }
        }
    }
}
