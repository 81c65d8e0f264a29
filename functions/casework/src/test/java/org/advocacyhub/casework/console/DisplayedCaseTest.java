package org.advocacyhub.casework.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.web.console.ConsoleWords;
import org.junit.jupiter.api.Test;

/** Issue 19: a case form carries the version it displayed and when, and a stale one says what changed since. */
class DisplayedCaseTest {

    private static final Instant OPENED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void aFormPostedBackExpectsTheVersionItShowedAndItsOwnValuesLoseTheHiddenFields() {
        DisplayedCase displayed = DisplayedCase.read(posted(DisplayedCase.fields(7, OPENED), Map.of("method", List.of("PHONE"))));

        assertTrue(displayed.expected().orElseThrow().matches(7));
        assertFalse(displayed.expected().orElseThrow().matches(8));
        assertEquals(Optional.of(OPENED), displayed.openedAt());
        assertEquals(Map.of("method", List.of("PHONE")), displayed.values(), "the use case sees only the form's own fields");
    }

    @Test
    void aVersionThatIsNotANumberIsOneTheCaseNeverHadAndAFormWithoutOneExpectsNone() {
        assertFalse(DisplayedCase.read(Map.of(DisplayedCase.VERSION, List.of("seven"))).expected().orElseThrow().matches(7));
        assertFalse(DisplayedCase.read(Map.of(DisplayedCase.VERSION, List.of("7", "8"))).expected().orElseThrow().matches(7));
        assertEquals(Optional.empty(), DisplayedCase.read(Map.of("method", List.of("PHONE"))).expected());
    }

    @Test
    void aStaleFormSaysTheCaseChangedAndListsTheTimelineSinceItWasOpenedInLondonTimeAndStaffsWords() {
        DisplayedCase displayed = DisplayedCase.read(posted(DisplayedCase.fields(7, OPENED), Map.of()));
        List<CaseEvent> timeline = List.of(
                new CaseEvent(OPENED.minusSeconds(60), CaseEvent.Type.CONTACT_RECORDED, "Contact by phone, reached them"),
                new CaseEvent(OPENED.plusSeconds(300), CaseEvent.Type.REALLOCATED, "Reallocated from ira-imca to hana-imha (LLR 9.32)"),
                new CaseEvent(OPENED.plusSeconds(360), CaseEvent.Type.SCREENED, "Screened again: ELIGIBLE unchanged"));
        ConsoleWords words = new ConsoleWords(Map.of("ira-imca", "Ira Imca", "hana-imha", "Hana Imha"), Map.of(),
                Map.of("ELIGIBLE", "Eligible"), Map.of());

        List<String> lines = displayed.whatChanged(timeline, words).stream().map(FieldError::message).toList();

        assertEquals(List.of("The case changed since you opened this form, so it was not saved. Check what changed, then send the "
                + "form again if it still applies.", "Since then, Mon 23 Nov 2026, 10:05: Reallocated from Ira Imca to Hana Imha (LLR 9.32)",
                "Since then, Mon 23 Nov 2026, 10:06: Screened again: Eligible unchanged"), lines);
    }

    @Test
    void whenTheTimelineSaysNothingSinceItSaysSomeoneSavedAChange() {
        DisplayedCase displayed = DisplayedCase.read(Map.of(DisplayedCase.VERSION, List.of("7")));
        assertEquals("Someone else saved a change to the case meanwhile.", displayed.whatChanged(List.of(), ConsoleWords.TIMES_ONLY).get(1).message());
    }

    /** The values a browser posts back: the form's hidden fields, as rendered, and what was typed. */
    private static Map<String, List<String>> posted(String hiddenFields, Map<String, List<String>> typed) {
        Map<String, List<String>> values = new java.util.LinkedHashMap<>(typed);
        Matcher input = Pattern.compile("name=\"([^\"]+)\" value=\"([^\"]+)\"").matcher(hiddenFields);
        while (input.find()) {
            values.put(input.group(1), List.of(input.group(2)));
        }
        return values;
    }
}
