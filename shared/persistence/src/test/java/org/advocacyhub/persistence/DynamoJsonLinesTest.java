package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Issue 22 item 4: an item written as a line of an export reads back as the same item, every DynamoDB type kept. */
class DynamoJsonLinesTest {

    private final DynamoJsonLines lines = new DynamoJsonLines(JsonMapper.createDefault());

    private static Map<String, AttributeValue> item(Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("PK", AttributeValue.fromS("CASE#LLR-2026-000042"));
        item.put("SK", AttributeValue.fromS("CASE"));
        item.putAll(more);
        return item;
    }

    private static byte[] everyByte() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    @Test
    void everyAttributeTypeReadsBackAsItWasWritten() {
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("name", AttributeValue.fromS("Zoë O'Brien-Ng \"quoted\"\nsecond line\ttab \u2028 \uD83D\uDE00"));
        nested.put("none", AttributeValue.fromNul(true));
        nested.put("deeper", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of("n", AttributeValue.fromN("-0.000001"))),
                AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of()))));
        Map<String, AttributeValue> item = item(Map.ofEntries(
                Map.entry("text", AttributeValue.fromS("plain")),
                Map.entry("empty", AttributeValue.fromS("")),
                Map.entry("version", AttributeValue.fromN("7")),
                Map.entry("big", AttributeValue.fromN("123456789012345678901234567890.123456789")),
                Map.entry("small", AttributeValue.fromN("1E-130")),
                Map.entry("key", AttributeValue.fromB(SdkBytes.fromByteArray(everyByte()))),
                Map.entry("noBytes", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]))),
                Map.entry("yes", AttributeValue.fromBool(true)),
                Map.entry("no", AttributeValue.fromBool(false)),
                Map.entry("nothing", AttributeValue.fromNul(true)),
                Map.entry("person", AttributeValue.fromM(nested)),
                Map.entry("list", AttributeValue.fromL(List.of(AttributeValue.fromS("a"), AttributeValue.fromN("1"),
                        AttributeValue.fromBool(false), AttributeValue.fromNul(true)))),
                Map.entry("services", AttributeValue.fromSs(List.of("IMHA", "IMCA", "CARE_ACT"))),
                Map.entry("numbers", AttributeValue.fromNs(List.of("10", "9", "-3.5"))),
                Map.entry("blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1, 2}),
                        SdkBytes.fromByteArray(new byte[] {0})))),
                Map.entry("with.dot and #hash", AttributeValue.fromS("names are kept as they are"))));

        String line = lines.encode(item);
        assertFalse(line.contains("\n"), "one item, one line: " + line);
        Map<String, AttributeValue> back = lines.decode(line);

        assertEquals(item.keySet(), back.keySet());
        for (String name : List.of("PK", "SK", "text", "empty", "version", "big", "small", "key", "noBytes", "yes", "no", "nothing",
                "person", "list", "with.dot and #hash")) {
            assertEquals(item.get(name), back.get(name), name);
        }
        // Sets are written with their members sorted: the same members, whatever order the table gave them in.
        assertEquals(List.of("CARE_ACT", "IMCA", "IMHA"), back.get("services").ss());
        assertEquals(List.of("-3.5", "10", "9"), back.get("numbers").ns());
        assertEquals(List.of(SdkBytes.fromByteArray(new byte[] {0}), SdkBytes.fromByteArray(new byte[] {1, 2})), back.get("blobs").bs());
        assertEquals(AttributeValue.Type.B, back.get("key").type());
        assertEquals(AttributeValue.Type.N, back.get("version").type(), "a number stays a number, not text");
        assertEquals(AttributeValue.Type.NUL, back.get("nothing").type());
        assertTrue(lines.same(item, back));
        assertEquals(line, lines.encode(back), "the same item makes the same line");
    }

    @Test
    void aLineIsDynamoDbsOwnJsonWithNamesInOrder() {
        Map<String, AttributeValue> item = item(Map.of("version", AttributeValue.fromN("3"), "open", AttributeValue.fromBool(true),
                "tags", AttributeValue.fromSs(List.of("b", "a"))));
        assertEquals("{\"PK\":{\"S\":\"CASE#LLR-2026-000042\"},\"SK\":{\"S\":\"CASE\"},\"open\":{\"BOOL\":true},"
                + "\"tags\":{\"SS\":[\"a\",\"b\"]},\"version\":{\"N\":\"3\"}}", lines.encode(item));
    }

    @Test
    void itemsThatDifferInOneValueAreNotTheSame() {
        Map<String, AttributeValue> a = item(Map.of("version", AttributeValue.fromN("3")));
        assertFalse(lines.same(a, item(Map.of("version", AttributeValue.fromN("4")))));
        assertFalse(lines.same(a, item(Map.of("version", AttributeValue.fromS("3")))), "a number is not text");
        assertTrue(lines.same(item(Map.of("s", AttributeValue.fromSs(List.of("x", "y")))),
                item(Map.of("s", AttributeValue.fromSs(List.of("y", "x"))))), "a set is a set");
    }

    @Test
    void anItemsKindIsItsTypeOrItsKeysFirstParts() {
        assertEquals("EVENT", DynamoJsonLines.kind(item(Map.of("type", AttributeValue.fromS("EVENT")))));
        assertEquals("SEQUENCE/SEQUENCE", DynamoJsonLines.kind(Map.of("PK", AttributeValue.fromS("SEQUENCE#LLR#2026"),
                "SK", AttributeValue.fromS("SEQUENCE"))));
        assertEquals("REPORT/SEND", DynamoJsonLines.kind(Map.of("PK", AttributeValue.fromS("REPORT#RPT-LLR-FY2026Q2-1"),
                "SK", AttributeValue.fromS("SEND#RUTLAND"))));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "not json at all|not JSON",
        "[1,2]|not an item (a JSON object of attributes)",
        "{}|not an item (a JSON object of attributes)",
        "{\"SK\":{\"S\":\"CASE\"}}|no PK of type S",
        "{\"PK\":{\"N\":\"1\"},\"SK\":{\"S\":\"CASE\"}}|no PK of type S",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":\"plain\"}|attribute v is not one type and its value, such as {\"S\": \"...\"}",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"S\":\"a\",\"N\":\"1\"}}|attribute v is not one type and its value, such as {\"S\": \"...\"}",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"X\":\"a\"}}|attribute v has the unknown type X",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"N\":\"seven\"}}|attribute v is not a number",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"N\":7}}|attribute v: N is not text",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"B\":\"%%%\"}}|attribute v is not base64",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"BOOL\":\"true\"}}|attribute v: BOOL is not true or false",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"NULL\":false}}|attribute v: NULL is not true",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"SS\":[]}}|attribute v: SS is not a list of at least one member",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"SS\":[\"a\",\"a\"]}}|attribute v: SS has a member twice",
        "{\"PK\":{\"S\":\"CASE#LLR-2026-000001\"},\"SK\":{\"S\":\"CASE\"},\"v\":{\"M\":{\"w\":{\"L\":[{\"Q\":1}]}}}}|attribute v.w[0] has the unknown type Q"})
    void aLineThatIsNotAnItemIsRefusedSayingWhyWithoutItsValues(String line, String why) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> lines.decode(line));
        assertEquals(why, refused.getMessage());
    }
}
