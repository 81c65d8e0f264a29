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

        /**
         * Each value that could not be read as a problem on its field, once per field, and one on {@code formField}
         * when a name itself could not be read (its value is lost too), written once for every form.
         *
         * @param fieldOf the field a form name belongs to (a date's day box belongs to the date)
         * @param nounOf  what the field is called in a message ({@link org.advocacyhub.domain.referral.FieldSpec#noun})
         * @param advice  what to do when part of the form was lost ("Enter it again")
         */
        public List<org.advocacyhub.domain.referral.FieldError> problems(java.util.function.UnaryOperator<String> fieldOf,
                                                                         java.util.function.UnaryOperator<String> nounOf,
                                                                         String formField, String advice) {
            Map<String, org.advocacyhub.domain.referral.FieldError> errors = new LinkedHashMap<>();
            for (String name : unreadable) {
                String field = fieldOf.apply(name);
                errors.putIfAbsent(field, new org.advocacyhub.domain.referral.FieldError(field, nounOf.apply(field)
                        + " could not be read: the text was garbled in sending (a broken %-escape or not UTF-8). Enter it again"));
            }
            if (brokenName) {
                errors.putIfAbsent(formField, new org.advocacyhub.domain.referral.FieldError(formField,
                        "Part of the form could not be read: it was garbled in sending. " + advice));
            }
            return List.copyOf(errors.values());
        }

        /** A field's name as a message may quote it, when the form has no words for it. */
        public static String quoted(String name) {
            return "'" + org.advocacyhub.domain.referral.FieldRules.shown(name) + "'";
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
