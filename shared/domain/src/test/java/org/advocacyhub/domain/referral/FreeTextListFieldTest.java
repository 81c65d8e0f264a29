package org.advocacyhub.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 20: a list of free text (a staff record's languages and sign-ins: no choices) given as something else was a 500
 * (the message reached for an example choice the field does not have). Each is a 400 naming the field.
 */
class FreeTextListFieldTest {

    private static final FieldSpec LANGUAGES = new FieldSpec("languages", "Languages besides English", "", FieldKind.TEXT_LIST,
            false, 60, List.of(), "", "Languages");
    private final FieldRules rules = new FieldRules(new AuthorityDirectory() {
        @Override
        public List<Area> areas() {
            return List.of();
        }

        @Override
        public boolean covers(ServiceCode service, String authority) {
            return false;
        }
    });

    static List<Object> notListsOfText() {
        return List.of("Welsh", Map.of(), List.of(12345), 7, true, List.of(List.of("Welsh")));
    }

    @ParameterizedTest
    @MethodSource("notListsOfText")
    void aValueThatIsNotAListOfTextIsRefusedNamingTheField(Object value) {
        FieldRules.Checked checked = rules.check(List.of(LANGUAGES), SubmittedFields.fromJsonObject(Map.of("languages", value)),
                LocalDate.of(2026, 12, 7), "a staff record");
        assertEquals(1, checked.errors().size(), checked.errors().toString());
        assertEquals("languages", checked.errors().get(0).field());
        assertEquals("Languages must be a list of text, for example [\"first\", \"second\"]", checked.errors().get(0).message());
    }

    @Test
    void aListOfTextIsRead() {
        FieldRules.Checked checked = rules.check(List.of(LANGUAGES), SubmittedFields.fromJsonObject(Map.of("languages",
                List.of("Welsh", "Polish"))), LocalDate.of(2026, 12, 7), "a staff record");
        assertEquals(List.of(), checked.errors());
        assertEquals(List.of("Welsh", "Polish"), checked.values().get("languages"));
    }
}
