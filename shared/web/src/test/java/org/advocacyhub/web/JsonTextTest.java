package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void textFieldsAreWrittenAsTheMapperWritesTheSameMap() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reference", "LLR-2026-000042");
        fields.put("status", "RECEIVED");
        fields.put("receivedAt", "2026-11-28T01:48:27.763123018Z");
        fields.put("quoted", "she said \"no\" \\ then left");
        fields.put("lines", "one\ntwo\tthree\r\u0001");
        fields.put("unicode", "Zoë ✓ 😀 </script>");
        fields.put("", "");

        assertEquals(JsonText.write(json, fields), JsonText.textFields(fields));
        assertEquals("{}", JsonText.textFields(Map.of()));
    }
}
