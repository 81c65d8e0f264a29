package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 7, class 3: a form body is decoded strictly; nothing garbled is kept, everything else is. */
class FormBodyTest {

    private static FormBody.Parsed parse(String body) {
        return FormBody.parse(body.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    @DisplayName("names, values, + as space, %-escapes as UTF-8 bytes and repeated names are read")
    void reads() {
        FormBody.Parsed parsed = parse("person.name=Zo%C3%AB+O%27Neill&d=DEMENTIA&d=SENSORY&empty=&flag&emoji=%F0%9F%98%80");
        assertTrue(parsed.complete());
        assertEquals(Map.of("person.name", List.of("Zoë O'Neill"), "d", List.of("DEMENTIA", "SENSORY"), "empty", List.of(""),
                "flag", List.of(""), "emoji", List.of("\uD83D\uDE00")), parsed.values());
    }

    @ParameterizedTest(name = "a broken value is left out and its field named: {0}")
    @ValueSource(strings = {"%", "%4", "%zz", "abc%", "x%G1", "%C3", "%FF", "%ED%A0%80", "%C0%AF", "ok%C3%28"})
    void brokenValues(String value) {
        FormBody.Parsed parsed = parse("person.name=" + value + "&reason=Fine");
        assertEquals(Set.of("person.name"), parsed.unreadable());
        assertFalse(parsed.values().containsKey("person.name"), "never kept as typed nor with replacement characters");
        assertEquals(List.of("Fine"), parsed.values().get("reason"), "what could be read is kept");
        assertFalse(parsed.complete());
    }

    @Test
    @DisplayName("raw bytes that are not UTF-8 are refused like a broken escape")
    void rawBytes() {
        FormBody.Parsed parsed = FormBody.parse(new byte[] {'a', '=', (byte) 0xE9, '&', 'b', '=', 'c'});
        assertEquals(Set.of("a"), parsed.unreadable());
        assertEquals(Map.of("b", List.of("c")), parsed.values());
    }

    @Test
    @DisplayName("a name that cannot be read is reported once, without guessing which field it was")
    void brokenName() {
        FormBody.Parsed parsed = parse("per%zzson=Alex&reason=Fine");
        assertTrue(parsed.brokenName());
        assertEquals(Map.of("reason", List.of("Fine")), parsed.values());
    }
}
