package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.SamTemplate.ApiEvent;
import org.advocacyhub.testing.SamTemplate.QueueDefinition;
import org.advocacyhub.testing.SamTemplate.SamFunction;
import org.advocacyhub.testing.SamTemplate.TableDefinition;
import org.junit.jupiter.api.Test;

class SamTemplateTest {

    private final SamTemplate fixture = Fixtures.template();

    @Test
    void short_tags_become_their_long_json_form() {
        Map<String, Object> misc = SamTemplate.map(SamTemplate.map(fixture.resources().get("Misc"), "Misc").get("Metadata"), "Metadata");
        List<?> shortForms = (List<?>) misc.get("Short");
        assertEquals(Map.of("Fn::Base64", "text"), shortForms.get(0));
        assertEquals(Map.of("Fn::GetAZs", ""), shortForms.get(1));
        assertEquals(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", "eu-west-2"))), shortForms.get(2));
        assertEquals(Map.of("Fn::Split", List.of(",", "a,b")), shortForms.get(3));
        assertEquals(Map.of("Fn::ImportValue", "shared-export"), shortForms.get(4));
        assertEquals(Map.of("Fn::If", List.of("IsProd", "yes-value", "no-value")), shortForms.get(5));
        assertEquals(Map.of("Fn::Sub", List.of("${A}", Map.of("A", Map.of("Ref", "Stage")))), shortForms.get(6));
        assertEquals(Map.of("Fn::GetAtt", List.of("EchoFunction", "Arn")), shortForms.get(7));
        assertEquals(Map.of("Fn::GetAtt", List.of("EchoFunction", "Arn")), shortForms.get(8));

        Map<String, Object> conditions = SamTemplate.map(fixture.document().get("Conditions"), "Conditions");
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "prod")), conditions.get("IsProd"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Condition", "IsProd"))), conditions.get("NotProd"));
        assertEquals(Map.of("Fn::And", List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "NotProd"))), conditions.get("Both"));
        assertEquals(Map.of("Fn::Or", List.of(Map.of("Condition", "IsProd"), Map.of("Condition", "NotProd"))), conditions.get("Either"));
        assertEquals("2010-09-09", fixture.document().get("AWSTemplateFormatVersion"), "unquoted dates stay strings");
    }

    @Test
    void functions_get_globals_merged_and_keep_their_own_values() {
        SamFunction echo = fixture.function("EchoFunction");
        assertEquals("org.advocacyhub.testing.fixture.EchoHandler", echo.handler());
        assertEquals("shared/testing/target/test-classes", echo.codeUri());
        assertEquals(7, echo.timeoutSeconds());
        assertEquals("-XX:TieredStopAtLevel=1", echo.environment().get("JAVA_TOOL_OPTIONS"));
        assertEquals("from-globals", echo.environment().get("SHARED_SETTING"));
        assertEquals(Map.of("Ref", "FixtureTable"), echo.environment().get("TABLE_NAME"));
        assertEquals(Map.of("Fn::GetAtt", List.of("FixtureQueue", "Arn")), echo.environment().get("QUEUE_ARN"));
        assertEquals("plain value", echo.environment().get("PLAIN"));
        assertEquals(256, fixture.function("ConsumerFunction").memorySizeMb());
    }

    @Test
    void api_events_carry_path_method_and_authorizer() {
        Map<String, ApiEvent> events = new java.util.HashMap<>();
        fixture.function("EchoFunction").apiEvents().forEach(e -> events.put(e.eventName(), e));
        assertEquals("GET", events.get("Form").method(), "methods are upper-cased");
        assertFalse(events.get("Form").authorized(), "Authorizer: NONE opts out of the default authorizer");
        assertEquals("/items/{id}", events.get("Item").path());
        assertEquals("FixtureAuthorizer", events.get("Item").authorizer(), "the API's DefaultAuthorizer applies");
        assertEquals("FixtureApi", events.get("Item").restApiId());
        assertEquals("ANY", events.get("Files").method());
    }

    @Test
    void sqs_and_schedule_events_are_read() {
        SamFunction consumer = fixture.function("ConsumerFunction");
        SamTemplate.SqsEventSource sqs = consumer.sqsEvents().get(0);
        assertEquals("FixtureQueue", sqs.queueId());
        assertEquals(5, sqs.batchSize());
        assertTrue(sqs.reportBatchItemFailures());
        assertEquals(0, sqs.maximumBatchingWindowInSeconds());
        SamTemplate.ScheduleEventSource nightly = consumer.schedules().get(0);
        assertEquals("cron(30 1 * * ? *)", nightly.expression());
        assertEquals(ZoneId.of("Europe/London"), nightly.timezone());
        assertEquals("{\"job\":\"nightly\"}", nightly.input());
    }

    @Test
    void tables_and_queues_are_read_from_their_definitions() {
        TableDefinition table = fixture.table("FixtureTable");
        assertEquals(Map.of("pk", "S", "sk", "S", "byDue", "S"), table.attributeDefinitions());
        assertEquals("HASH", table.keySchema().get(0).keyType());
        assertEquals("INCLUDE", table.globalSecondaryIndex("ByDue").projectionType());
        assertEquals(List.of("status"), table.globalSecondaryIndex("ByDue").nonKeyAttributes());
        assertEquals("ttl", table.ttlAttribute());

        QueueDefinition queue = fixture.queue("FixtureQueue");
        assertEquals(1, queue.visibilityTimeout());
        assertEquals("FixtureDeadLetterQueue", queue.deadLetterQueueId());
        assertEquals(2, queue.maxReceiveCount());
        assertFalse(queue.fifo());
        assertNull(fixture.queue("FixtureDeadLetterQueue").deadLetterQueueId());
        assertEquals(java.util.Set.of("FixtureDeadLetterQueue"), fixture.deadLetterQueueIds());
    }

    @Test
    void unknown_ids_fail_naming_what_exists() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> fixture.function("Nope"));
        assertTrue(error.getMessage().contains("EchoFunction"), error.getMessage());
    }

    @Test
    void the_real_template_is_found_from_the_module_directory_and_parses() {
        SamTemplate template = SamTemplate.locate();
        assertTrue(template.path().endsWith("template.yaml"));
        assertFalse(template.functions().isEmpty(), "template.yaml declares functions");
        assertFalse(template.tables().isEmpty(), "template.yaml declares a table");
        for (SamFunction function : template.functions()) {
            assertNotNull(function.handler(), function.logicalId() + " has a Handler");
            assertNotNull(function.codeUri(), function.logicalId() + " has a CodeUri");
            for (ApiEvent api : function.apiEvents()) {
                assertTrue(api.path().startsWith("/"), api + " path starts with /");
            }
            for (SamTemplate.SqsEventSource source : function.sqsEvents()) {
                assertNotNull(template.queue(source.queueId()), source + " reads a queue of the template");
            }
            for (SamTemplate.ScheduleEventSource schedule : function.schedules()) {
                assertNotNull(ScheduleExpression.parse(schedule.expression(), schedule.timezone()), schedule.toString());
            }
        }
    }
}
