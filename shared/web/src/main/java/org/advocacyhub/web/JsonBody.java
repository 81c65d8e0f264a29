package org.advocacyhub.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON request body strictly (RFC 8259), keeping every value's JSON type: objects as
 * maps in order, arrays as lists, strings, numbers as {@link BigDecimal}, booleans and nulls. What
 * a lenient reader would guess at is refused with a message that says what is wrong and where:
 * bytes that are not UTF-8, a NUL byte, a key given twice in one object (named by its path), and
 * anything after the JSON value. Types are never coerced here; the field rules decide what each
 * field accepts.
 */
public final class JsonBody {

    /** One factory for the process: it is thread-safe and costly to build. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonBody() {
    }

    /** What reading a body gave. */
    public sealed interface Parsed {
    }

    /** A JSON object, in the order its keys were written. */
    public record JsonObject(Map<String, Object> value) implements Parsed {
    }

    /** Not a JSON object; {@code detail} says why in a sentence for the client. */
    public record Unreadable(String detail) implements Parsed {
    }

    /** A key written twice in one object; {@code field} is its dotted path, e.g. {@code person.name}. */
    public record DuplicateKey(String field) implements Parsed {
    }

    public static Parsed parse(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return new Unreadable("The body contains a NUL byte (byte " + (i + 1) + "), which JSON does not allow.");
            }
        }
        String text;
        try {
            text = utf8(body);
        } catch (CharacterCodingException e) {
            return new Unreadable("The body is not valid UTF-8: send JSON encoded as UTF-8.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // RFC 8259 section 8.1: a parser may ignore a byte order mark
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Unreadable("The body is empty: send a JSON object.");
            }
            if (first != JsonToken.START_OBJECT) {
                return new Unreadable("The body must be a JSON object ({...}).");
            }
            Object root;
            try {
                root = read(parser, first, "");
            } catch (Duplicate duplicate) {
                return new DuplicateKey(duplicate.field);
            }
            JsonLocation end = parser.currentLocation();
            try {
                if (parser.nextToken() != null) {
                    return new Unreadable("The body has more after the JSON object" + at(end) + ": send one JSON object only.");
                }
            } catch (JsonProcessingException trailing) {
                return new Unreadable("The body has more after the JSON object" + at(end) + ": send one JSON object only.");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) root;
            return new JsonObject(object);
        } catch (StreamConstraintsException e) {
            return new Unreadable("The body is not valid JSON: it is nested too deeply or has a value too long to read.");
        } catch (JsonProcessingException e) {
            return new Unreadable("The body is not valid JSON" + at(e.getLocation()) + ".");
        } catch (NumberFormatException e) {
            return new Unreadable("The body has a number too large to read.");
        } catch (IOException e) {
            // Reading from a string cannot fail for I/O reasons: anything here is a malformed body.
            return new Unreadable("The body is not valid JSON.");
        }
    }

    private static String utf8(byte[] body) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(body));
        return chars.toString();
    }

    private static Object read(JsonParser parser, JsonToken token, String path) throws IOException {
        return switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String key = parser.currentName();
                    String child = path.isEmpty() ? key : path + "." + key;
                    if (object.containsKey(key)) {
                        throw new Duplicate(child);
                    }
                    object.put(key, read(parser, parser.nextToken(), child));
                }
                yield object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(read(parser, next, path));
                }
                yield array;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(parser.getText());
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("Unexpected JSON token " + token);
        };
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** A key seen twice: unwinds the reading to report it. */
    private static final class Duplicate extends IOException {
        private static final long serialVersionUID = 1L;
        private final String field;

        Duplicate(String field) {
            super(null, null);
            this.field = field;
        }
    }
}
