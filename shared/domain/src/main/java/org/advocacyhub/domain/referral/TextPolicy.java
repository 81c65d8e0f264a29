package org.advocacyhub.domain.referral;

import java.util.Optional;

/**
 * Which characters a person can type into a field: the one text policy for every free-text value
 * of every request (the referral, staff requests and anything later), used by the validator to
 * refuse and by the form to re-show what was typed.
 *
 * <p>Refused: C0 control characters (U+0000 to U+001F) except tab and line feed in a multi-line
 * field; DEL and the C1 controls (U+007F to U+009F); a surrogate that is not half of a pair (only
 * a JSON {@code \ud800} escape can make one); the bidirectional embedding, override and isolate
 * controls (U+202A to U+202E, U+2066 to U+2069), which can make text display in another order than
 * it is stored; and a line break in a single-line field. Everything else is accepted: names in any
 * script, accents, apostrophes, hyphens, emoji, and the bidirectional marks U+200E, U+200F and
 * U+061C, which right-to-left writers do type.
 *
 * <p>Interpretation: a multi-line field's line breaks are stored as line feeds. Browsers send a
 * text area's line breaks as CR LF (HTML's form encoding), so CR LF and a lone CR are line breaks
 * like LF, not control characters; {@link #normaliseLineBreaks} turns them into LF.
 */
public final class TextPolicy {

    private TextPolicy() {
    }

    /** Why a text was refused, in words that finish "Full name ...". */
    public enum Violation {
        LINE_BREAK("must be on one line"),
        CONTROL_CHARACTER("must not contain control characters"),
        BIDI_CONTROL("must not contain invisible text-direction characters"),
        LONE_SURROGATE("contains a broken character (half of a surrogate pair)");

        private final String words;

        Violation(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /** The first character of {@code text} that no person types, with why, or empty when every character is fine. */
    public static Optional<Found> check(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Violation violation = violation(text, i, multiLine);
            if (violation != null) {
                return Optional.of(new Found(violation, i, Character.isSurrogate(c) ? c : text.codePointAt(i)));
            }
            if (Character.isHighSurrogate(c)) {
                i++; // a valid pair: skip its low half
            }
        }
        return Optional.empty();
    }

    /**
     * A refused character and where it is.
     *
     * @param index     its position in the text (UTF-16 units, counted from 0)
     * @param codePoint the character
     */
    public record Found(Violation violation, int index, int codePoint) {

        /** "Full name must not contain control characters (U+0007 at character 6)". */
        public String message(String noun) {
            return noun + " " + violation.words() + " (" + String.format("U+%04X", codePoint) + " at character " + (index + 1) + ")";
        }
    }

    /** {@code text} without the characters {@link #check} refuses: what the form shows again beside the error. */
    public static String displayable(String text, boolean multiLine) {
        if (text == null) {
            return "";
        }
        String normalised = multiLine ? normaliseLineBreaks(text) : text;
        StringBuilder kept = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            if (violation(normalised, i, multiLine) == null) {
                kept.append(c);
                if (Character.isHighSurrogate(c)) {
                    kept.append(normalised.charAt(++i));
                }
            } else if (!multiLine && (c == '\r' || c == '\n')) {
                kept.append(' '); // keep words apart where a line break was
            }
        }
        return kept.toString();
    }

    /** CR LF and lone CR become LF: how a multi-line value is stored. */
    public static String normaliseLineBreaks(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static Violation violation(String text, int i, boolean multiLine) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\r') {
            return multiLine ? null : Violation.LINE_BREAK;
        }
        if (c == '\t') {
            return multiLine ? null : Violation.CONTROL_CHARACTER;
        }
        if (c <= 0x1F || (c >= 0x7F && c <= 0x9F)) {
            return Violation.CONTROL_CHARACTER;
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return Violation.BIDI_CONTROL;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : Violation.LONE_SURROGATE;
        }
        if (Character.isLowSurrogate(c)) {
            return Violation.LONE_SURROGATE; // a low half not preceded by a high half (pairs are skipped whole)
        }
        return null;
    }
}
