package org.advocacyhub.persistence;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One table item as one line of DynamoDB JSON and back, losslessly (issue 22 item 4: a contract's export is imported as the
 * very items it was read from): {@code {"PK":{"S":"CASE#LLR-2026-000042"},"version":{"N":"7"},...}}, every value tagged
 * with its type ({@code S}, {@code N}, {@code B} base64, {@code BOOL}, {@code NULL}, {@code M}, {@code L}, {@code SS},
 * {@code NS}, {@code BS}), as DynamoDB's own API writes items. Attribute names are written in alphabetical order and the
 * members of a set sorted, so one item always makes the same line.
 */
public final class DynamoJsonLines {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final Base64.Decoder BASE64_IN = Base64.getDecoder();

    private final JsonMapper json;

    public DynamoJsonLines(JsonMapper json) {
        this.json = json;
    }

    /** The item on one line (a line break inside a value is escaped). */
    public String encode(Map<String, AttributeValue> item) {
        try {
            return new String(json.writeValueAsBytes(object(item)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("a tree of strings and booleans is always written", e);
        }
    }

    /**
     * The item a line holds.
     *
     * @throws IllegalArgumentException naming the attribute that is not DynamoDB JSON (never its value)
     */
    public Map<String, AttributeValue> decode(String line) {
        JsonNode root;
        try {
            root = json.readValue(line, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (root == null || !root.isObject() || root.size() == 0) {
            throw new IllegalArgumentException("not an item (a JSON object of attributes)");
        }
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> attribute : root.entries()) {
            item.put(attribute.getKey(), value(attribute.getValue(), attribute.getKey()));
        }
        for (String key : List.of(TableKeys.PK, TableKeys.SK)) {
            AttributeValue value = item.get(key);
            if (value == null || value.s() == null || value.s().isEmpty()) {
                throw new IllegalArgumentException("no " + key + " of type S");
            }
        }
        return item;
    }

    /**
     * What an item is: its {@code type}, or where it has none its keys' first parts ({@code SEQUENCE/SEQUENCE},
     * {@code MESSAGE-SOURCE/SOURCE}, {@code REPORT/SEND}), as the README's personal data map names kinds.
     */
    public static String kind(Map<String, AttributeValue> item) {
        AttributeValue type = item.get("type");
        if (type != null && type.s() != null) {
            return type.s();
        }
        return item.get(TableKeys.PK).s().split("#")[0] + "/" + item.get(TableKeys.SK).s().split("#")[0];
    }

    /** Whether two items are the same: the same line (sets compare as sets, since their members are sorted). */
    public boolean same(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return encode(a).equals(encode(b));
    }

    // ------------------------------------------------------------------ writing

    private static JsonNode object(Map<String, AttributeValue> attributes) {
        Map<String, JsonNode> sorted = new TreeMap<>();
        attributes.forEach((name, value) -> sorted.put(name, tagged(value, name)));
        return JsonNode.createObjectNode(new LinkedHashMap<>(sorted));
    }

    private static JsonNode tagged(AttributeValue value, String name) {
        JsonNode node;
        String tag;
        switch (value.type()) {
            case S -> {
                tag = "S";
                node = JsonNode.createStringNode(value.s());
            }
            case N -> {
                tag = "N";
                node = JsonNode.createStringNode(value.n());
            }
            case B -> {
                tag = "B";
                node = JsonNode.createStringNode(BASE64.encodeToString(value.b().asByteArray()));
            }
            case BOOL -> {
                tag = "BOOL";
                node = JsonNode.createBooleanNode(value.bool());
            }
            case NUL -> {
                tag = "NULL";
                node = JsonNode.createBooleanNode(true);
            }
            case M -> {
                tag = "M";
                node = object(value.m());
            }
            case L -> {
                tag = "L";
                List<JsonNode> list = new ArrayList<>();
                value.l().forEach(v -> list.add(tagged(v, name)));
                node = JsonNode.createArrayNode(list);
            }
            case SS -> {
                tag = "SS";
                node = strings(value.ss());
            }
            case NS -> {
                tag = "NS";
                node = strings(value.ns());
            }
            case BS -> {
                tag = "BS";
                node = strings(value.bs().stream().map(b -> BASE64.encodeToString(b.asByteArray())).toList());
            }
            default -> throw new IllegalArgumentException("attribute " + name + " is of a type this SDK does not know");
        }
        return JsonNode.createObjectNode(Map.of(tag, node));
    }

    private static JsonNode strings(List<String> members) {
        List<JsonNode> sorted = new ArrayList<>();
        members.stream().sorted().forEach(member -> sorted.add(JsonNode.createStringNode(member)));
        return JsonNode.createArrayNode(sorted);
    }

    // ------------------------------------------------------------------ reading

    private static AttributeValue value(JsonNode node, String name) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw new IllegalArgumentException("attribute " + name + " is not one type and its value, such as {\"S\": \"...\"}");
        }
        Map.Entry<String, JsonNode> only = node.entries().iterator().next();
        JsonNode v = only.getValue();
        switch (only.getKey()) {
            case "S":
                return AttributeValue.fromS(text(v, name, "S"));
            case "N":
                return AttributeValue.fromN(number(text(v, name, "N"), name));
            case "B":
                return AttributeValue.fromB(SdkBytes.fromByteArray(bytes(text(v, name, "B"), name)));
            case "BOOL":
                if (!v.isBoolean()) {
                    throw new IllegalArgumentException("attribute " + name + ": BOOL is not true or false");
                }
                return AttributeValue.fromBool(v.getBooleanValue());
            case "NULL":
                if (!v.isBoolean() || !v.getBooleanValue()) {
                    throw new IllegalArgumentException("attribute " + name + ": NULL is not true");
                }
                return AttributeValue.fromNul(true);
            case "M": {
                if (!v.isObject()) {
                    throw new IllegalArgumentException("attribute " + name + ": M is not an object");
                }
                Map<String, AttributeValue> map = new LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> entry : v.entries()) {
                    map.put(entry.getKey(), value(entry.getValue(), name + "." + entry.getKey()));
                }
                return AttributeValue.fromM(map);
            }
            case "L": {
                if (!v.isArray()) {
                    throw new IllegalArgumentException("attribute " + name + ": L is not a list");
                }
                List<AttributeValue> list = new ArrayList<>();
                int i = 0;
                for (JsonNode element : v.values()) {
                    list.add(value(element, name + "[" + i++ + "]"));
                }
                return AttributeValue.fromL(list);
            }
            case "SS":
                return AttributeValue.fromSs(set(v, name, "SS"));
            case "NS":
                return AttributeValue.fromNs(set(v, name, "NS").stream().map(n -> number(n, name)).toList());
            case "BS":
                return AttributeValue.fromBs(set(v, name, "BS").stream().map(b -> SdkBytes.fromByteArray(bytes(b, name))).toList());
            default:
                throw new IllegalArgumentException("attribute " + name + " has the unknown type " + only.getKey());
        }
    }

    private static String text(JsonNode v, String name, String tag) {
        if (!v.isString()) {
            throw new IllegalArgumentException("attribute " + name + ": " + tag + " is not text");
        }
        return v.getStringValue();
    }

    private static String number(String text, String name) {
        try {
            new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("attribute " + name + " is not a number");
        }
        return text;
    }

    private static byte[] bytes(String base64, String name) {
        try {
            return BASE64_IN.decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("attribute " + name + " is not base64");
        }
    }

    /** A set's members: text, at least one, none twice (DynamoDB's rules for sets). */
    private static List<String> set(JsonNode v, String name, String tag) {
        if (!v.isArray() || v.size() == 0) {
            throw new IllegalArgumentException("attribute " + name + ": " + tag + " is not a list of at least one member");
        }
        List<String> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode member : v.values()) {
            String text = text(member, name, tag);
            if (!seen.add(text)) {
                throw new IllegalArgumentException("attribute " + name + ": " + tag + " has a member twice");
            }
            members.add(text);
        }
        return members;
    }
}
