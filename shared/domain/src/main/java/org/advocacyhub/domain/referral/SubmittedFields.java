package org.advocacyhub.domain.referral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The raw values of a referral as submitted, by dotted field name: from the form's
 * {@code application/x-www-form-urlencoded} body, or from a JSON object flattened on its nesting
 * ({@code {"person":{"name":"..."}}} gives {@code person.name}). Both routes then share one
 * validator. A name may carry several values (checkboxes, JSON arrays).
 */
public final class SubmittedFields {

    private final Map<String, List<String>> values;
    private final List<FieldError> shapeErrors;

    private SubmittedFields(Map<String, List<String>> values, List<FieldError> shapeErrors) {
        this.values = values;
        this.shapeErrors = shapeErrors;
    }

    public static SubmittedFields of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return new SubmittedFields(Collections.unmodifiableMap(copy), List.of());
    }

    /**
     * Flattens a parsed JSON object (maps, lists, strings, numbers, booleans, nulls as any JSON
     * parser gives them). Arrays are allowed only of scalars; a nested array or an object in an
     * array is a shape error on that field. {@code null} counts as not given.
     */
    public static SubmittedFields fromJsonObject(Map<String, ?> json) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        flatten("", json, out, errors);
        return new SubmittedFields(Collections.unmodifiableMap(out), List.copyOf(errors));
    }

    private static void flatten(String prefix, Map<String, ?> object, Map<String, List<String>> out,
                                List<FieldError> errors) {
        object.forEach((key, value) -> {
            String name = prefix + key;
            if (value == null) {
                return;
            }
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> child = (Map<String, ?>) nested;
                flatten(name + ".", child, out, errors);
            } else if (value instanceof List<?> list) {
                List<String> scalars = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof Map<?, ?> || item instanceof List<?>) {
                        errors.add(new FieldError(name, "must be a list of values, not of objects or lists"));
                        return;
                    }
                    if (item != null) {
                        scalars.add(String.valueOf(item));
                    }
                }
                out.put(name, List.copyOf(scalars));
            } else {
                out.put(name, List.of(String.valueOf(value)));
            }
        });
    }

    public Map<String, List<String>> asMap() {
        return values;
    }

    /** Problems found while reading the structure (before any field rules ran). */
    public List<FieldError> shapeErrors() {
        return shapeErrors;
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
