package org.advocacyhub.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes response bodies; maps, lists and strings cannot fail to serialise, so failure is a bug. */
public final class JsonText {

    /** Thread-safe; one for the process. */
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonText() {
    }

    public static String write(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An object of text fields (none null), in the map's order: what {@link #write} gives for the same map, written
     * field by field with Jackson's generator, without the mapper's look-ups of a serializer for the map and each value
     * (the intake's answer to every referral, issue 12 "Warm path").
     */
    public static String textFields(Map<String, String> fields) {
        // As UTF-8 bytes, as the mapper writes them: a character beyond the BMP comes out as two escaped UTF-16 units.
        ByteArrayOutputStream text = new ByteArrayOutputStream(64 * fields.size());
        try (JsonGenerator json = FACTORY.createGenerator(text, JsonEncoding.UTF8)) {
            json.writeStartObject();
            for (Map.Entry<String, String> field : fields.entrySet()) {
                json.writeStringField(field.getKey(), field.getValue());
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
