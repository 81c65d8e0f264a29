package org.advocacyhub.domain.contract;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A value in a parsed contract file together with its path ({@code services[2].clocks[0].rule}),
 * so that every problem can name the file, the field and what is wrong. Reading a value never
 * throws: a problem is recorded and {@code null} (or empty) is returned, so that one load reports
 * every problem in the file at once.
 */
final class ConfigNode {

    private final String file;
    private final String path;
    private final Object value;
    private final List<String> problems;

    private ConfigNode(String file, String path, Object value, List<String> problems) {
        this.file = file;
        this.path = path;
        this.value = value;
        this.problems = problems;
    }

    static ConfigNode root(String file, Object value, List<String> problems) {
        return new ConfigNode(file, "", value, problems);
    }

    String path() {
        return path;
    }

    boolean isPresent() {
        return value != null;
    }

    boolean isText() {
        return value instanceof String;
    }

    /** Records a problem with this field. */
    void problem(String message) {
        problems.add(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** How many problems the whole file has so far (to tell whether a part read cleanly). */
    int problemCount() {
        return problems.size();
    }

    /**
     * Checks this is a mapping with only {@code allowed} fields; unknown fields are problems (they
     * are usually typos, which would otherwise be silently ignored).
     */
    boolean requireMapping(String... allowed) {
        if (value == null) {
            problem("is required");
            return false;
        }
        if (!(value instanceof Map<?, ?> map)) {
            problem("expected a mapping of fields but was " + describe(value));
            return false;
        }
        Set<String> known = Set.of(allowed);
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                child(String.valueOf(key), null).problem("unknown field; expected one of " + String.join(", ", allowed));
            }
        }
        return true;
    }

    /** A field of this mapping (absent when this is not a mapping or has no such field). */
    ConfigNode field(String name) {
        Object fieldValue = value instanceof Map<?, ?> map ? map.get(name) : null;
        return child(name, fieldValue);
    }

    private ConfigNode child(String name, Object childValue) {
        return new ConfigNode(file, path.isEmpty() ? name : path + "." + name, childValue, problems);
    }

    /** The elements of a required list (a problem when absent, not a list, or empty). */
    List<ConfigNode> list() {
        if (value == null) {
            problem("is required");
            return List.of();
        }
        List<ConfigNode> elements = optionalList();
        if (value instanceof List<?> list && list.isEmpty()) {
            problem("must not be empty");
        }
        return elements;
    }

    /** The elements of an optional list (empty when absent). */
    List<ConfigNode> optionalList() {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problem("expected a list but was " + describe(value));
            return List.of();
        }
        List<ConfigNode> elements = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            elements.add(new ConfigNode(file, path + "[" + i + "]", list.get(i), problems));
        }
        return elements;
    }

    /** Required non-blank text. */
    String text() {
        if (value == null) {
            problem("is required");
            return null;
        }
        return optionalText().orElse(null);
    }

    /** Optional non-blank text. */
    Optional<String> optionalText() {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            problem("expected text but was " + describe(value));
            return Optional.empty();
        }
        if (text.isBlank()) {
            problem("must not be blank");
            return Optional.empty();
        }
        return Optional.of(text.strip());
    }

    /** Required whole number in {@code [min, max]}. */
    Integer integer(int min, int max) {
        if (value == null) {
            problem("is required");
            return null;
        }
        OptionalInt number = optionalInteger(min, max);
        return number.isPresent() ? number.getAsInt() : null;
    }

    /** Optional whole number in {@code [min, max]}. */
    OptionalInt optionalInteger(int min, int max) {
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!(value instanceof Integer number)) {
            problem("expected a whole number but was " + describe(value));
            return OptionalInt.empty();
        }
        if (number < min || number > max) {
            problem("must be between " + min + " and " + max + " but was " + number);
            return OptionalInt.empty();
        }
        return OptionalInt.of(number);
    }

    /** Optional number (decimals allowed) in {@code [min, max]}. */
    Optional<BigDecimal> optionalDecimal(BigDecimal min, BigDecimal max) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer || value instanceof Long || value instanceof Double)) {
            problem("expected a number but was " + describe(value));
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(value.toString());
        if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            problem("must be between " + min.toPlainString() + " and " + max.toPlainString() + " but was " + number.toPlainString());
            return Optional.empty();
        }
        return Optional.of(number);
    }

    /** Required number (decimals allowed) in {@code [min, max]}. */
    BigDecimal decimal(BigDecimal min, BigDecimal max) {
        if (value == null) {
            problem("is required");
            return null;
        }
        return optionalDecimal(min, max).orElse(null);
    }

    /** Required true or false. */
    Boolean bool() {
        if (value == null) {
            problem("is required");
            return null;
        }
        if (!(value instanceof Boolean flag)) {
            problem("expected true or false but was " + describe(value));
            return null;
        }
        return flag;
    }

    /** A required time of day written "HH:mm" (quoted: YAML 1.1 reads 17:00 unquoted as a number). */
    LocalTime time() {
        if (value instanceof Integer) {
            problem("expected a time like \"17:00\" in quotes (YAML reads an unquoted 17:00 as a number)");
            return null;
        }
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            problem("expected a time like \"17:00\" but was '" + text + "'");
            return null;
        }
    }

    /** A required enum constant, written as its name. */
    <E extends Enum<E>> E enumValue(Class<E> type) {
        String text = text();
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problem("unknown value '" + text + "'; expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        String kind = value instanceof String ? "text" : value.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return kind + " '" + value + "'";
    }
}
