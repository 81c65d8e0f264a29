package org.advocacyhub.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.util.Set;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.Person;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LLR 4.5 "Unique Persons": how one person's referrals are recognised (PersonKey's rule and limits). */
class PersonKeyTest {

    private static final LocalDate BORN = LocalDate.of(1941, 5, 17);
    private static final ReferralReference FIRST = new ReferralReference("LLR", 2026, 1);
    private static final ReferralReference SECOND = new ReferralReference("LLR", 2026, 2);

    private static Person person(String name, LocalDate born) {
        return new Person(name, born, null, null, Set.of(), null, null, null, "LEICESTER", null, null, false);
    }

    @ParameterizedTest(name = "''{0}'' is ''{1}''")
    @CsvSource(value = {"Zoë Smith|Zoe Smith", "MARY-JANE smith|Mary Jane Smith", "Smith, Mary Jane|mary jane smith",
        "O'Brien  Sean|Sean OBrien", "St. John Rivers|Rivers St John", "José Ñúñez|Jose Nunez"}, delimiter = '|')
    @DisplayName("the same date of birth and the same name ignoring case, accents, punctuation, spacing and order is one person")
    void samePerson(String one, String other) {
        assertEquals(PersonKey.of("LLR", person(one, BORN), FIRST), PersonKey.of("LLR", person(other, BORN), SECOND));
    }

    @Test
    @DisplayName("the same name with another date of birth, or another name, is another person; so is the same person in another contract")
    void differentPeople() {
        long key = PersonKey.of("LLR", person("Sam Smith", BORN), FIRST);
        assertNotEquals(key, PersonKey.of("LLR", person("Sam Smith", BORN.plusDays(1)), SECOND));
        assertNotEquals(key, PersonKey.of("LLR", person("Sam Smyth", BORN), SECOND));
        assertNotEquals(key, PersonKey.of("LEW", person("Sam Smith", BORN), SECOND));
    }

    @Test
    @DisplayName("without a date of birth a referral cannot be matched: each is its own person, the same referral always the same")
    void noDateOfBirth() {
        assertNotEquals(PersonKey.of("LLR", person("Sam Smith", null), FIRST), PersonKey.of("LLR", person("Sam Smith", null), SECOND));
        assertEquals(PersonKey.of("LLR", person("Sam Smith", null), FIRST), PersonKey.of("LLR", person("Sam Smith", null), FIRST));
    }

    @Test
    @DisplayName("a limit, documented: a space inside a surname makes two parts ('O Brien' is not 'OBrien')")
    void documentedLimit() {
        assertNotEquals(PersonKey.of("LLR", person("Sean O Brien", BORN), FIRST), PersonKey.of("LLR", person("Sean OBrien", BORN), SECOND));
        assertEquals("brien o sean", PersonKey.normalisedName("Sean O Brien"));
    }
}
