package org.advocacyhub.web.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    private static final FieldSpec AT = new FieldSpec("at", "When", "", FieldKind.DATE_TIME, true, 40, List.of(), "Enter when", "When");
    private static final FieldSpec DATE = new FieldSpec("date", "Date", "", FieldKind.PAST_DATE, true, 10, List.of(), "Enter the date", "Date");
    private static final FieldSpec HELD = new FieldSpec("held", "Held", "", FieldKind.YES_NO, true, 5, List.of(), "Say", "Held");

    private static final FieldSpec LANGUAGES = new FieldSpec("languages", "Languages", "", FieldKind.TEXT_LIST, false, 60, List.of(), "",
            "Languages");

    @Test
    void issue21AListOfTextIsOneBoxOfItemsSeparatedByCommasShownAndReadBackTheSame() {
        StringBuilder html = new StringBuilder();
        new FormFields(List.of()).field(html, LANGUAGES, Map.of("languages", List.of("Gujarati", "Polish")), null);
        assertTrue(html.toString().contains("value=\"Gujarati, Polish\""), html.toString());
        assertTrue(html.toString().contains("Separate each with a comma."), "the hint says how");

        assertEquals(List.of("Gujarati", "Polish"), FormFields.posted(Map.of("languages", List.of(" Gujarati ,Polish, ,")),
                List.of(LANGUAGES)).get("languages"));
        assertEquals(List.of(), FormFields.posted(Map.of("languages", List.of("")), List.of(LANGUAGES)).get("languages"),
                "an empty box is no languages");
    }

    @Test
    void requirements2ADateAndTimeTypedIsLondonTimeWithItsOffsetInWinterAndSummer() {
        assertEquals(List.of("2026-11-27T14:30Z"), FormFields.posted(Map.of("at", List.of("2026-11-27T14:30")), List.of(AT)).get("at"));
        assertEquals(List.of("2026-07-01T09:15:20+01:00"),
                FormFields.posted(Map.of("at", List.of("2026-07-01T09:15:20")), List.of(AT)).get("at"));
    }

    @Test
    void theHourTheAutumnChangeRepeatsIsTakenAsBritishSummerTimeAndTheSkippedHourMovesOn() {
        // 25 October 2026: 01:00-02:00 happens twice; 29 March 2026: 01:00-02:00 never happens.
        assertEquals(List.of("2026-10-25T01:30+01:00"), FormFields.posted(Map.of("at", List.of("2026-10-25T01:30")), List.of(AT)).get("at"));
        assertEquals(List.of("2026-03-29T02:30+01:00"), FormFields.posted(Map.of("at", List.of("2026-03-29T01:30")), List.of(AT)).get("at"));
    }

    @Test
    void whatIsNotADateAndTimeIsPassedAsTypedForTheFieldRulesToNameAndAnEmptyBoxIsNotGiven() {
        assertEquals(List.of("yesterday"), FormFields.posted(Map.of("at", List.of("yesterday")), List.of(AT)).get("at"));
        assertFalse(FormFields.posted(Map.of("at", List.of("")), List.of(AT)).containsKey("at"));
    }

    @Test
    void aDatesThreeBoxesBecomeOneIsoDateAndImpossibleOnesStayAsTyped() {
        Map<String, List<String>> real = FormFields.posted(Map.of("date.day", List.of("7"), "date.month", List.of("3"),
                "date.year", List.of("2026")), List.of(DATE));
        assertEquals(Map.of("date", List.of("2026-03-07")), real);
        assertEquals(List.of("2026-2-30"), FormFields.posted(Map.of("date.day", List.of("30"), "date.month", List.of("2"),
                "date.year", List.of("2026")), List.of(DATE)).get("date"));
    }

    @Test
    void theBoxShowsAnInstantAsLondonWallTimeToTheSecond() {
        assertEquals("2026-07-01T10:00:05", FormFields.localDateTime(Instant.parse("2026-07-01T09:00:05.731Z")));
        assertEquals("2026-12-01T09:00:00", FormFields.localDateTime(Instant.parse("2026-12-01T09:00:00Z")));
    }

    @Test
    void wcag131AnIdPrefixKeepsTwoFormsOnOnePageApartWithLabelsHintsAndErrorsStillJoinedUp() {
        StringBuilder html = new StringBuilder();
        FormFields.plain().withIdPrefix("meetings-").field(html, HELD, Map.of(), "Say whether it was held");
        String out = html.toString();
        assertTrue(out.contains("id=\"meetings-held-yes\" name=\"held\""), out);
        assertTrue(out.contains("<label for=\"meetings-held-yes\">"), out);
        assertTrue(out.contains("<p id=\"meetings-held-error\""), out);
        assertTrue(out.contains("aria-describedby=\"meetings-held-error\""), out);
    }

    @Test
    void theErrorSummaryLinksEachProblemToItsFieldAndListsOneAboutNoFieldWithoutALink() {
        StringBuilder html = new StringBuilder();
        FormFields.errorSummary(html, List.of(new FieldError("held", "Say whether it was held"), new FieldError("x", "Changed meanwhile")),
                name -> FormFields.anchor(List.of(HELD), name));
        assertTrue(html.toString().contains("<li><a href=\"#held-yes\">Say whether it was held</a></li>"), html.toString());
        assertTrue(html.toString().contains("<li>Changed meanwhile</li>"), html.toString());
    }

    @Test
    void textIsEscapedWhereverItIsShown() {
        StringBuilder html = new StringBuilder();
        FormFields.plain().field(html, new FieldSpec("name", "Name", "", FieldKind.TEXT, true, 10, List.of(), "", "Name"),
                Map.of("name", List.of("\"><script>")), null);
        assertFalse(html.toString().contains("<script>"), html.toString());
        assertTrue(html.toString().contains("&quot;&gt;&lt;script&gt;"), html.toString());
    }
}
