package org.advocacyhub.web;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes response bodies; maps, lists and strings cannot fail to serialise, so failure is a bug. */
public final class JsonText {

    private JsonText() {
    }

    public static String write(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
