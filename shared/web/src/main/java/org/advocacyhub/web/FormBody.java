package org.advocacyhub.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses {@code application/x-www-form-urlencoded} bodies strictly, keeping repeated names
 * (checkboxes). A value whose percent-escapes are broken or whose bytes are not UTF-8 is never
 * kept as typed nor with replacement characters: it is left out and its name is reported, so the
 * form can ask for it again. Everything that could be read is kept.
 */
public final class FormBody {

    private FormBody() {
    }

    /**
     * @param values     every value that could be read, by name, in the order sent
     * @param unreadable the names whose value could not be read (a broken %-escape or not UTF-8)
     * @param brokenName whether some name itself could not be read (its value is lost too)
     */
    public record Parsed(Map<String, List<String>> values, Set<String> unreadable, boolean brokenName) {

        public boolean complete() {
            return unreadable.isEmpty() && !brokenName;
        }
    }

    public static Parsed parse(byte[] body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        Set<String> unreadable = new LinkedHashSet<>();
        boolean brokenName = false;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                int eq = indexOf(body, (byte) '=', start);
                boolean hasValue = eq >= 0 && eq < end;
                Optional<String> name = decode(body, start, hasValue ? eq : end);
                Optional<String> value = hasValue ? decode(body, eq + 1, end) : Optional.of("");
                if (name.isEmpty()) {
                    brokenName = true;
                } else if (value.isEmpty()) {
                    unreadable.add(name.get());
                } else {
                    values.computeIfAbsent(name.get(), k -> new ArrayList<>()).add(value.get());
                }
            }
            start = end + 1;
        }
        return new Parsed(values, unreadable, brokenName);
    }

    private static int indexOf(byte[] body, byte wanted, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == wanted) {
                return i;
            }
        }
        return body.length;
    }

    /** {@code +} is a space and {@code %XX} a byte; the bytes must then be UTF-8. */
    private static Optional<String> decode(byte[] body, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to) { // a % needs two hex digits after it
                    return Optional.empty();
                }
                int high = Character.digit(body[i + 1], 16);
                int low = Character.digit(body[i + 2], 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }
}
