package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.advocacyhub.testing.SamTemplate.QueueDefinition;
import org.advocacyhub.testing.SamTemplate.SamFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Stands in for {@code sam validate} and cfn-lint, which cannot be installed here: template.yaml, in long JSON form,
 * against the official SAM schema and policy-template list (src/test/resources/sam), plus the queue rules we keep.
 */
class TemplateSchemaTest {

    private static final String DEFINITION_PREFIX = "samtranslator__internal__schema_source__";

    private static JsonNode schemaJson;
    private static JsonNode policyTemplates;
    private final SamTemplate template = SamTemplate.locate();
    private final JsonNode document = Json.MAPPER.valueToTree(template.document());

    @BeforeAll
    static void loadSchemas() throws IOException {
        try (InputStream schema = TemplateSchemaTest.class.getResourceAsStream("/sam/sam.schema.json");
             InputStream policies = TemplateSchemaTest.class.getResourceAsStream("/sam/policy_templates.json")) {
            schemaJson = Json.MAPPER.readTree(schema);
            policyTemplates = Json.MAPPER.readTree(policies).path("Templates");
        }
    }

    @Test
    void every_serverless_resource_matches_its_sam_schema() {
        List<String> problems = new ArrayList<>();
        document.path("Resources").properties().forEach(resource -> {
            String type = resource.getValue().path("Type").asText();
            String definition = DEFINITION_PREFIX + type.toLowerCase(Locale.ROOT).replace("::", "_") + "__Resource";
            if (!type.startsWith("AWS::Serverless::")) {
                return;
            }
            if (!schemaJson.path("definitions").has(definition)) {
                problems.add(resource.getKey() + ": the SAM schema has no resource type " + type);
                return;
            }
            for (ValidationMessage message : schemaFor(definition).validate(resource.getValue())) {
                problems.add(resource.getKey() + ": " + message.getMessage());
            }
        });
        assertTrue(problems.isEmpty(), "template.yaml does not match the SAM schema:\n" + String.join("\n", problems));
    }

    @Test
    void the_schema_catches_a_misspelt_function_property() {
        JsonNode broken = Json.parse("""
                {"Type": "AWS::Serverless::Function",
                 "Properties": {"Handlr": "x.Y", "CodeUri": "a.jar", "Runtime": "java21",
                   "Events": {"Every": {"Type": "ScheduleV2", "Properties": {"Schedule": "rate(5 minutes)"}}}}}
                """);
        Set<ValidationMessage> errors = schemaFor(DEFINITION_PREFIX + "aws_serverless_function__Resource").validate(broken);
        assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("Handlr")), errors.toString());
    }

    @Test
    void the_whole_template_matches_the_sam_schema() {
        JsonSchema schema = factory().getSchema(schemaJson);
        Set<ValidationMessage> errors = schema.validate(document);
        List<String> messages = errors.stream().map(ValidationMessage::getMessage).sorted().limit(30).toList();
        assertTrue(errors.isEmpty(), "template.yaml does not match the SAM schema:\n" + String.join("\n", messages));
    }

    @Test
    void every_policy_template_exists_with_exactly_its_parameters() {
        List<String> problems = new ArrayList<>();
        for (SamFunction function : template.functions()) {
            Object policies = function.properties().get("Policies");
            if (!(policies instanceof List<?> list)) {
                continue;
            }
            for (Object policy : list) {
                if (!(policy instanceof Map<?, ?> map) || map.size() != 1) {
                    continue;
                }
                String name = String.valueOf(map.keySet().iterator().next());
                if (name.equals("Statement") || name.equals("Version") || name.equals("Ref") || name.startsWith("Fn::")) {
                    continue;
                }
                JsonNode definition = policyTemplates.get(name);
                if (definition == null) {
                    problems.add(function.logicalId() + ": no SAM policy template named " + name);
                    continue;
                }
                Set<String> expected = new TreeSet<>();
                definition.path("Parameters").fieldNames().forEachRemaining(expected::add);
                Set<String> given = new TreeSet<>();
                if (map.get(name) instanceof Map<?, ?> parameters) {
                    parameters.keySet().forEach(k -> given.add(String.valueOf(k)));
                }
                if (!expected.equals(given)) {
                    problems.add(function.logicalId() + ": " + name + " takes " + expected + ", given " + given);
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void every_queue_that_is_not_a_dead_letter_queue_has_one() {
        Set<String> deadLetterQueues = template.deadLetterQueueIds();
        List<String> withoutDlq = template.queues().stream()
                .filter(q -> !deadLetterQueues.contains(q.logicalId()) && q.deadLetterQueueId() == null)
                .map(QueueDefinition::logicalId).toList();
        assertEquals(List.of(), withoutDlq, "queues without a RedrivePolicy");
        for (SamTemplate.SqsEventSource source : template.sqsEventSources()) {
            assertTrue(template.queue(source.queueId()).deadLetterQueueId() != null,
                    source.functionId() + " consumes " + source.queueId() + ", which has no DLQ");
        }
    }

    @Test
    void dead_letter_queues_keep_messages_longer_than_their_sources() {
        // A message's age counts from its first enqueue: a DLQ with a shorter retention loses redriven messages.
        for (QueueDefinition queue : template.queues()) {
            if (queue.deadLetterQueueId() == null) {
                continue;
            }
            int source = retention(queue);
            int dlq = retention(template.queue(queue.deadLetterQueueId()));
            assertTrue(dlq > source, queue.deadLetterQueueId() + " keeps messages " + dlq + " s, less than "
                    + queue.logicalId() + "'s " + source + " s");
        }
    }

    @Test
    void queue_consumers_time_out_well_within_the_visibility_timeout() {
        // AWS: a queue's visibility timeout should be at least six times its Lambda consumer's timeout.
        for (SamTemplate.SqsEventSource source : template.sqsEventSources()) {
            QueueDefinition queue = template.queue(source.queueId());
            int visibility = queue.visibilityTimeout() == null ? 30 : queue.visibilityTimeout();
            int timeout = template.function(source.functionId()).timeoutSeconds();
            if (visibility < 6 * timeout) {
                fail(source.queueId() + " visibility timeout " + visibility + " s is less than 6 x "
                        + source.functionId() + "'s timeout of " + timeout + " s");
            }
        }
    }

    private static int retention(QueueDefinition queue) {
        Object value = queue.properties().get("MessageRetentionPeriod");
        return value == null ? 345_600 : Integer.parseInt(String.valueOf(value));
    }

    private static JsonSchema schemaFor(String definition) {
        ObjectNode wrapper = Json.MAPPER.createObjectNode();
        wrapper.put("$schema", "http://json-schema.org/draft-04/schema#");
        wrapper.set("definitions", schemaJson.get("definitions"));
        wrapper.put("$ref", "#/definitions/" + definition);
        return factory().getSchema(wrapper);
    }

    /** Draft-04, plus the schema's documentation-only keyword so the validator does not warn about it. */
    private static JsonSchemaFactory factory() {
        JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keyword(new NonValidationKeyword("markdownDescription"))
                .keyword(new NonValidationKeyword("__samPassThrough")).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder.metaSchema(metaSchema));
    }
}
