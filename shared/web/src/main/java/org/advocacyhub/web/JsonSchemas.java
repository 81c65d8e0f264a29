package org.advocacyhub.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldSpec;

/**
 * Request fields ({@link FieldSpec}) as JSON Schema (draft 2020-12), written once: the referral
 * schema ({@code GET /referrals/schema}) and every body and query parameter of the OpenAPI
 * document ({@code GET /openapi.json}) are made here from the same definitions the field rules
 * validate against. A schema describes shape (names, JSON types, codes, lengths, ranges); the
 * field rules also check what a schema cannot (a date not in the future, the text policy).
 */
public final class JsonSchemas {

    public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private JsonSchemas() {
    }

    /** A closed object: only the properties it lists, {@code required} filled in as fields are put. */
    public static Map<String, Object> object(String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", description);
        schema.put("additionalProperties", false);
        schema.put("properties", new LinkedHashMap<String, Object>());
        schema.put("required", new ArrayList<String>());
        return schema;
    }

    /** The object a request body of exactly {@code fields} is: {@code person.name} nests as JSON does. */
    public static Map<String, Object> body(String description, List<FieldSpec> fields, List<AuthorityDirectory.Area> areas) {
        Map<String, Object> root = object(description);
        for (FieldSpec field : fields) {
            put(root, field.name(), property(field, areas), field.required());
        }
        return root;
    }

    /**
     * Puts {@code person.name} at properties.person.properties.name, making the objects on the way.
     * A list of objects is declared by its first item's fields ({@code goals.0.text}, see
     * {@code ObjectListSpec#declared}): {@code goals} becomes an array whose items have those fields.
     */
    @SuppressWarnings("unchecked")
    public static void put(Map<String, Object> root, String dottedName, Map<String, Object> property, boolean required) {
        String[] parts = dottedName.split("\\.");
        Map<String, Object> parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (i + 1 < parts.length - 1 && parts[i + 1].equals("0")) {
                Map<String, Object> list = (Map<String, Object>) properties(parent).computeIfAbsent(parts[i], JsonSchemas::listOfObjects);
                parent = (Map<String, Object>) list.get("items");
                i++;
            } else {
                parent = (Map<String, Object>) properties(parent).computeIfAbsent(parts[i], k -> object("The " + k));
            }
        }
        properties(parent).put(parts[parts.length - 1], property);
        if (required) {
            ((List<String>) parent.get("required")).add(parts[parts.length - 1]);
        }
    }

    private static Map<String, Object> listOfObjects(String name) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("type", "array");
        list.put("description", "A list of " + name);
        list.put("items", object("One of the " + name));
        return list;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }

    /**
     * One field's value, as the field rules read it from JSON ({@code FieldRules}): text is a
     * string, yes/no a boolean, numbers JSON numbers in their range, several choices or texts an
     * array of strings, dates ISO 8601.
     */
    public static Map<String, Object> property(FieldSpec field, List<AuthorityDirectory.Area> areas) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", field.label());
        if (!field.hint().isEmpty()) {
            p.put("description", field.hint());
        }
        switch (field.kind()) {
            case CHOICE -> {
                p.put("type", "string");
                p.put("enum", codes(field));
            }
            case MULTI_CHOICE -> {
                p.put("type", "array");
                p.put("uniqueItems", true);
                p.put("items", ordered("type", "string", "enum", codes(field)));
            }
            case YES_NO -> p.put("type", "boolean");
            case DATE, PAST_DATE -> {
                p.put("type", "string");
                p.put("format", "date");
            }
            case EMAIL -> {
                p.put("type", "string");
                p.put("format", "email");
                p.put("maxLength", field.maxLength());
            }
            case AUTHORITY -> {
                List<String> codes = new ArrayList<>(areas.stream().map(AuthorityDirectory.Area::code).toList());
                codes.add(AuthorityDirectory.OUTSIDE_AREA);
                p.put("type", "string");
                p.put("enum", codes);
            }
            case TEXT_LIST -> {
                p.put("type", "array");
                p.put("items", ordered("type", "string", "maxLength", field.maxLength()));
            }
            case DATE_TIME -> {
                p.put("type", "string");
                p.put("format", "date-time");
            }
            case INTEGER -> {
                p.put("type", "integer");
                p.put("minimum", field.range().min());
                p.put("maximum", field.range().max());
            }
            case DECIMAL -> {
                p.put("type", "number");
                p.put("minimum", field.range().min());
                p.put("maximum", field.range().max());
                p.put("multipleOf", new java.math.BigDecimal("0.01"));
            }
            default -> {
                p.put("type", "string");
                p.put("maxLength", field.maxLength());
            }
        }
        return p;
    }

    /** Two properties in this order (Map.of's order changes from one JVM to the next: the document should not). */
    private static Map<String, Object> ordered(String name, Object value, String otherName, Object otherValue) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(name, value);
        map.put(otherName, otherValue);
        return map;
    }

    private static List<String> codes(FieldSpec field) {
        return field.choices().stream().map(Choice::name).toList();
    }
}
