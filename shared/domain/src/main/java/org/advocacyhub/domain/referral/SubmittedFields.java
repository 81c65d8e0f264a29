package org.advocacyhub.domain.referral;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw values of a request as submitted, by dotted field name: from a form's
 * {@code application/x-www-form-urlencoded} body, or from a JSON object flattened on its nesting
 * ({@code {"person":{"name":"..."}}} gives {@code person.name}). Both routes then share one
 * validator. A name may carry several values (checkboxes, JSON arrays).
 *
 * <p>A JSON value keeps its JSON type ({@link Shape}), so that the validator can refuse a number
 * or a boolean where text is asked for instead of reading {@code 12345} as a name: JSON types are
 * honoured, never coerced. A form sends only text.
 */
public final class SubmittedFields {

    /** Where the values came from: the words of some messages differ (form boxes or JSON text). */
    public enum Origin { FORM, JSON }

    /** How a value was written in JSON. */
    public enum Shape {
        TEXT, NUMBER, BOOLEAN, OBJECT,
        /** An array whose items are all strings (or null). */
        TEXT_LIST,
        /** An array whose items are all objects: item {@code i}'s fields are named {@code name.i.field}. */
        OBJECT_LIST,
        /** An array holding a number, a boolean, an object or another array. */
        OTHER_LIST;

        /** What a value of this shape is, for messages: "a number". */
        public String described() {
            return switch (this) {
                case TEXT -> "text";
                case NUMBER -> "a number";
                case BOOLEAN -> "true or false";
                case OBJECT -> "an object";
                case TEXT_LIST, OBJECT_LIST, OTHER_LIST -> "a list";
            };
        }
    }

    private final Origin origin;
    private final Map<String, List<String>> values;
    private final Map<String, Shape> shapes;

    private SubmittedFields(Origin origin, Map<String, List<String>> values, Map<String, Shape> shapes) {
        this.origin = origin;
        this.values = values;
        this.shapes = shapes;
    }

    /** Text values, as a form sends them. */
    public static SubmittedFields of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            copy.put(k, List.copyOf(v));
            shapes.put(k, Shape.TEXT);
        });
        return new SubmittedFields(Origin.FORM, Collections.unmodifiableMap(copy), Collections.unmodifiableMap(shapes));
    }

    /**
     * Flattens a parsed JSON object: maps, lists, strings, numbers ({@link Number}), booleans and
     * nulls. {@code null} counts as not given. Every nested object's own name is kept with
     * {@link Shape#OBJECT}, so that an object where text belongs is reported on that field.
     */
    public static SubmittedFields fromJsonObject(Map<String, ?> json) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, Shape> shapes = new LinkedHashMap<>();
        flatten("", json, out, shapes);
        return new SubmittedFields(Origin.JSON, Collections.unmodifiableMap(out), Collections.unmodifiableMap(shapes));
    }

    private static void flatten(String prefix, Map<String, ?> object, Map<String, List<String>> out, Map<String, Shape> shapes) {
        object.forEach((key, value) -> {
            String name = prefix + key;
            if (value == null) {
                return;
            }
            if (value instanceof Map<?, ?> nested) {
                shapes.put(name, Shape.OBJECT);
                @SuppressWarnings("unchecked")
                Map<String, ?> child = (Map<String, ?>) nested;
                flatten(name + ".", child, out, shapes);
            } else if (value instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(item -> item instanceof Map<?, ?>)) {
                shapes.put(name, Shape.OBJECT_LIST);
                for (int i = 0; i < list.size(); i++) {
                    shapes.put(name + "." + i, Shape.OBJECT);
                    @SuppressWarnings("unchecked")
                    Map<String, ?> item = (Map<String, ?>) list.get(i);
                    flatten(name + "." + i + ".", item, out, shapes);
                }
            } else if (value instanceof List<?> list) {
                List<String> items = new ArrayList<>();
                boolean allText = true;
                for (Object item : list) {
                    if (item != null) {
                        allText &= item instanceof String;
                        items.add(text(item));
                    }
                }
                out.put(name, List.copyOf(items));
                shapes.put(name, allText ? Shape.TEXT_LIST : Shape.OTHER_LIST);
            } else {
                out.put(name, List.of(text(value)));
                shapes.put(name, value instanceof String ? Shape.TEXT : value instanceof Boolean ? Shape.BOOLEAN
                        : value instanceof Number ? Shape.NUMBER : Shape.OBJECT);
            }
        });
    }

    /** A scalar as text; numbers in plain notation, so that 1e999 is kept exactly (it is refused as text anyway). */
    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toString();
        }
        return value instanceof Map<?, ?> || value instanceof List<?> ? "" : String.valueOf(value);
    }

    public Origin origin() {
        return origin;
    }

    /** The values of every name that holds a value (objects' own names are not here). */
    public Map<String, List<String>> asMap() {
        return values;
    }

    /** How {@code name}'s value was written: {@link Shape#TEXT} for form values, {@code null} when not given. */
    public Shape shape(String name) {
        return shapes.get(name);
    }

    /** The names of the nested objects and lists of objects of a JSON body ({@code person}, {@code goals.0}), none for a form. */
    public List<String> objectNames() {
        return shapes.entrySet().stream()
                .filter(e -> (e.getValue() == Shape.OBJECT || e.getValue() == Shape.OBJECT_LIST) && !values.containsKey(e.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** How many objects the list of objects {@code name} holds (0 when it is not one). */
    public int itemCount(String name) {
        if (shapes.get(name) != Shape.OBJECT_LIST) {
            return 0;
        }
        int count = 0;
        while (shapes.containsKey(name + "." + count)) {
            count++;
        }
        return count;
    }

    /** Every value of a field, trimmed, blanks dropped. */
    public List<String> all(String name) {
        List<String> raw = values.getOrDefault(name, List.of());
        List<String> kept = new ArrayList<>(raw.size());
        for (String value : raw) {
            String trimmed = value.strip();
            if (!trimmed.isEmpty()) {
                kept.add(trimmed);
            }
        }
        return kept;
    }

    /** The single value of a field, trimmed, or {@code null} when not given. */
    public String first(String name) {
        List<String> all = all(name);
        return all.isEmpty() ? null : all.get(0);
    }

    /**
     * A stable text of the whole submission, for telling a genuine retry (same content) from a
     * different request reusing an idempotency key.
     */
    public String canonicalForm() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((k, v) -> text.append(k).append('=').append(String.join("\u001f", v)).append('\u001e'));
        return text.toString();
    }
}
