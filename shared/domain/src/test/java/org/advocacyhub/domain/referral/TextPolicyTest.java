package org.advocacyhub.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 7, class 1: text that no person types is refused; what people type in any script is kept. */
class TextPolicyTest {

    /** Every character the policy refuses in a single-line field, whole ranges, not examples. */
    static List<Integer> refusedEverywhere() {
        return IntStream.concat(IntStream.concat(IntStream.rangeClosed(0x00, 0x1F), IntStream.rangeClosed(0x7F, 0x9F)),
                IntStream.concat(IntStream.rangeClosed(0x202A, 0x202E), IntStream.rangeClosed(0x2066, 0x2069))).boxed().toList();
    }

    @Test
    @DisplayName("every control, C1 and bidirectional override or isolate character is refused in a one-line field")
    void everyRefusedCharacterIsRefusedOnOneLine() {
        for (int c : refusedEverywhere()) {
            String text = "Alex" + (char) c + "Smith";
            var found = TextPolicy.check(text, false);
            assertTrue(found.isPresent(), String.format("U+%04X", c));
            assertEquals(4, found.get().index());
            assertEquals(c, found.get().codePoint());
        }
    }

    @Test
    @DisplayName("a multi-line field allows tab and line breaks (LF, CR LF, CR) and nothing else of the refused set")
    void multiLineAllowsOnlyTabAndLineBreaks() {
        for (int c : refusedEverywhere()) {
            boolean allowed = c == '\t' || c == '\n' || c == '\r';
            assertEquals(allowed, TextPolicy.check("line one" + (char) c + "line two", true).isEmpty(), String.format("U+%04X", c));
        }
        assertEquals("a\nb\nc\nd", TextPolicy.normaliseLineBreaks("a\r\nb\rc\nd"));
    }

    @Test
    @DisplayName("a line break in a one-line field is refused as such")
    void lineBreakInOneLine() {
        assertEquals(TextPolicy.Violation.LINE_BREAK, TextPolicy.check("Alex\nSmith", false).orElseThrow().violation());
        assertEquals(TextPolicy.Violation.LINE_BREAK, TextPolicy.check("Alex\rSmith", false).orElseThrow().violation());
        assertEquals("Full name must be on one line (U+000A at character 5)",
                TextPolicy.check("Alex\nSmith", false).orElseThrow().message("Full name"));
    }

    @Test
    @DisplayName("a surrogate without its other half is refused; a whole pair (emoji) is kept")
    void loneSurrogates() {
        assertEquals(TextPolicy.Violation.LONE_SURROGATE, TextPolicy.check("Alex\uD83D", false).orElseThrow().violation());
        assertEquals(TextPolicy.Violation.LONE_SURROGATE, TextPolicy.check("\uDE00Alex", false).orElseThrow().violation());
        assertEquals(TextPolicy.Violation.LONE_SURROGATE, TextPolicy.check("a\uD83D\uD83D\uDE00", false).orElseThrow().violation());
        assertTrue(TextPolicy.check("Alex \uD83D\uDE00", false).isEmpty());
    }

    @Test
    @DisplayName("names in any script, accents, apostrophes, hyphens, emoji and typed direction marks are accepted")
    void whatPeopleType() {
        for (String name : List.of("Siobhán O'Neill-Ó Briain", "Zoë Ngọc Ánh", "محمد عبد الله", "דוד בן־גוריון", "王秀英",
                "Łukasz Żółć", "Ὀδυσσεύς", "Nguyễn Thị Minh Khai", "Jo \uD83C\uDF08", "\u200Fعلي\u200E", "श्री राम", "Æsa Øvrebø")) {
            assertTrue(TextPolicy.check(name, false).isEmpty(), name);
            assertEquals(name, TextPolicy.displayable(name, false));
        }
    }

    @Property
    @Label("any typed text stays accepted, and a refused character inserted anywhere in it is found there")
    void refusedCharacterFoundWherever(@ForAll("typedText") String text, @ForAll("refused") int c,
                                       @ForAll @IntRange(min = 0, max = 200) int at) {
        assertTrue(TextPolicy.check(text, false).isEmpty());
        int index = Math.min(at, text.length());
        if (index > 0 && Character.isHighSurrogate(text.charAt(index - 1))) {
            index--; // never split a pair: the insertion must be the only problem
        }
        String spoiled = text.substring(0, index) + (char) c + text.substring(index);
        var found = TextPolicy.check(spoiled, false).orElseThrow();
        assertEquals(index, found.index());
        String shown = TextPolicy.displayable(spoiled, false);
        String expected = c == '\n' || c == '\r' ? text.substring(0, index) + " " + text.substring(index) : text;
        assertEquals(expected, shown, "the form shows the text again without it");
        assertFalse(TextPolicy.check(shown, false).isPresent());
    }

    @Provide
    Arbitrary<String> typedText() {
        Arbitrary<Character> letters = Arbitraries.oneOf(
                Arbitraries.chars().range('a', 'z'), Arbitraries.chars().range('À', 'ɏ'), Arbitraries.chars().range('Ͱ', 'Ͽ'),
                Arbitraries.chars().range('\u0600', '\u06FF'), Arbitraries.chars().range('\u4E00', '\u9FFF'),
                Arbitraries.of(' ', '\'', '-', '.', ',', '’'));
        Arbitrary<String> plain = letters.list().ofMaxSize(60).map(chars -> {
            StringBuilder s = new StringBuilder();
            chars.forEach(s::append);
            return s.toString();
        });
        return Arbitraries.oneOf(plain, plain.map(s -> s + "\uD83D\uDE00"));
    }

    @Provide
    Arbitrary<Integer> refused() {
        return Arbitraries.of(refusedEverywhere());
    }
}
