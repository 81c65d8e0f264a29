package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 7, class 2: a JSON body is read strictly and keeps its types. */
class JsonBodyTest {

    private static JsonBody.Parsed parse(String text) {
        return JsonBody.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String unreadable(byte[] body) {
        return assertInstanceOf(JsonBody.Unreadable.class, JsonBody.parse(body)).detail();
    }

    @Test
    @DisplayName("every JSON type is kept as its own Java type, in the order written")
    void typesAreKept() {
        Map<String, Object> object = assertInstanceOf(JsonBody.JsonObject.class, parse(
                "{\"name\":\"12345\",\"number\":12345,\"big\":1e999,\"yes\":true,\"no\":false,\"nothing\":null,"
                        + "\"list\":[\"a\",1],\"nested\":{\"x\":\"y\"}}")).value();
        assertEquals(List.of("name", "number", "big", "yes", "no", "nothing", "list", "nested"), List.copyOf(object.keySet()));
        assertEquals("12345", object.get("name"));
        assertEquals(new BigDecimal("12345"), object.get("number"));
        assertEquals(new BigDecimal("1e999"), object.get("big"), "a number too big for a double is kept exactly, as a number");
        assertEquals(Boolean.TRUE, object.get("yes"));
        assertEquals(null, object.get("nothing"));
        assertEquals(List.of("a", new BigDecimal("1")), object.get("list"));
        assertEquals(Map.of("x", "y"), object.get("nested"));
    }

    @ParameterizedTest(name = "content after the object is refused: {0}")
    @ValueSource(strings = {"{\"a\":\"b\"} xyz", "{\"a\":\"b\"}{\"c\":\"d\"}", "{\"a\":\"b\"} 1", "{\"a\":\"b\"}]", "{} \"x\""})
    void contentAfterTheValueIsRefused(String body) {
        String detail = assertInstanceOf(JsonBody.Unreadable.class, parse(body)).detail();
        assertTrue(detail.startsWith("The body has more after the JSON object"), detail);
    }

    @Test
    @DisplayName("whitespace after the object is fine")
    void trailingWhitespace() {
        assertInstanceOf(JsonBody.JsonObject.class, parse("{\"a\":\"b\"}\r\n\t "));
    }

    @ParameterizedTest(name = "a key given twice is named by its path: {0}")
    @ValueSource(strings = {"{\"a\":1,\"a\":2}|a", "{\"person\":{\"name\":\"x\",\"name\":\"y\"}}|person.name",
            "{\"d\":{\"e\":{\"f\":1,\"g\":2,\"f\":null}}}|d.e.f", "{\"l\":[{\"k\":1,\"k\":1}]}|l.k"})
    void duplicateKeysAreNamed(String both) {
        String[] parts = both.split("\\|");
        assertEquals(parts[1], assertInstanceOf(JsonBody.DuplicateKey.class, parse(parts[0])).field());
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are refused as such, wherever they are")
    void invalidUtf8() {
        byte[][] bodies = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},            // a lead byte without its continuation
            {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},            // never valid in UTF-8
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // an encoded surrogate
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // an overlong encoding of '/'
            {'{', '"', 'a', '"', ':', '"', 'x', '"', '}', (byte) 0x80},        // after the object
        };
        for (byte[] body : bodies) {
            assertEquals("The body is not valid UTF-8: send JSON encoded as UTF-8.", unreadable(body));
        }
    }

    @Test
    @DisplayName("a NUL byte is refused as such, not as 'not JSON'")
    void nulByte() {
        String detail = unreadable(new byte[] {'{', '"', 'a', '"', ':', '"', 0, '"', '}'});
        assertTrue(detail.startsWith("The body contains a NUL byte"), detail);
    }

    @ParameterizedTest(name = "not a JSON object: {0}")
    @ValueSource(strings = {"", "   ", "[]", "\"text\"", "42", "null", "{", "{\"a\":}", "{'a':'b'}", "{\"a\":\"b\",}", "{\"a\":\"line\nbreak\"}"})
    void notAnObject(String body) {
        String detail = assertInstanceOf(JsonBody.Unreadable.class, parse(body)).detail();
        assertTrue(detail.startsWith("The body"), detail);
    }

    @Test
    @DisplayName("an escaped lone surrogate or control character is read as written, for the field rules to refuse by name")
    void escapesAreReadAsWritten() {
        Map<String, Object> object = assertInstanceOf(JsonBody.JsonObject.class, parse("{\"a\":\"x\\ud800\",\"b\":\"\\u0000\"}")).value();
        assertEquals("x\uD800", object.get("a"));
        assertEquals("\u0000", object.get("b"));
    }

    @Test
    @DisplayName("a byte order mark before the object is ignored (RFC 8259 8.1)")
    void byteOrderMark() {
        assertInstanceOf(JsonBody.JsonObject.class, parse("\uFEFF{\"a\":\"b\"}"));
    }

    @Test
    @DisplayName("nesting too deep for any request is refused, not a stack overflow")
    void deepNesting() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertTrue(assertInstanceOf(JsonBody.Unreadable.class, parse(deep)).detail().startsWith("The body is not valid JSON"));
    }
}
