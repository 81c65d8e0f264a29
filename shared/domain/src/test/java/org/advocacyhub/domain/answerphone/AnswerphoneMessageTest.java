package org.advocacyhub.domain.answerphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.testing.London;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingHours;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An answerphone message as stored (issue 10): its id, the caller's initials for staff emails (never
 * more of their personal data), and how recording an attempt and saving change it.
 */
class AnswerphoneMessageTest {

    private static final Instant LEFT = London.at("2026-11-27T18:00");
    private static final Instant KEYED = London.at("2026-11-27T18:05");
    private static final SlaClock CLOCK = SlaClock.start("answerphone-callback", new WorkingHours(24), LEFT);
    private static final ReferralReference CASE = new ReferralReference("LLR", 2026, 42);

    private static AnswerphoneMessage message(String callerName, ReferralReference reference) {
        return new AnswerphoneMessage("AP-LLR-2026-000001", "LLR", LEFT, callerName, "07700 900123", "pat@example.org",
                CallbackMethod.SMS, ServiceCode.CARE_ACT, reference, "About my mum's care assessment", "Prefers text",
                "staff-7", KEYED, CLOCK, 0, 3);
    }

    // ------------------------------------------------------------------ id

    @Test
    @DisplayName("issue 10: the id is AP-<contract>-<year>-<six-digit sequence>: LLR's first of 2026 is AP-LLR-2026-000001")
    void idFormat() {
        assertEquals("AP-LLR-2026-000001", AnswerphoneMessage.id("LLR", 2026, 1));
        assertEquals("AP-DERBY-2027-999999", AnswerphoneMessage.id("DERBY", 2027, 999_999));
        assertEquals("AP-LEW-2026-012345", AnswerphoneMessage.id("LEW", 2026, 12_345));
        assertTrue(AnswerphoneMessage.id("LLR", 2026, 1).startsWith(AnswerphoneMessage.PREFIX));
    }

    @ParameterizedTest(name = "ID_PATTERN matches {0}")
    @ValueSource(strings = {"AP-LLR-2026-000001", "AP-DERBY-2027-999999", "AP-LEW-2026-012345", "AP-L2-2026-000001", "AP-ABCDEFGHIJ-2026-000001"})
    void idPatternMatches(String id) {
        assertTrue(id.matches(AnswerphoneMessage.ID_PATTERN), id);
    }

    @ParameterizedTest(name = "ID_PATTERN rejects ''{0}''")
    @ValueSource(strings = {
        "LLR-2026-000001",             // a case reference, not a message
        "AP-LLR-2026-00001",           // five digits
        "AP-LLR-2026-0000001",         // seven digits
        "AP-llr-2026-000001",          // lower case contract
        "AP-L-2026-000001",            // one-letter contract
        "AP-ABCDEFGHIJK-2026-000001",  // eleven-letter contract
        "AP-2LR-2026-000001",          // contract starting with a digit
        "AP-LLR-26-000001",            // two-digit year
        "ap-LLR-2026-000001",          // lower case prefix
        " AP-LLR-2026-000001",         // leading space
        "AP-LLR-2026-000001\n",        // trailing newline
        "AP-LLR-2026-000001#x",        // anything after it
        "AP-LLR-2026-00000A",          // a letter in the sequence
        ""
    })
    void idPatternRejects(String id) {
        assertFalse(id.matches(AnswerphoneMessage.ID_PATTERN), id);
    }

    @Test
    @DisplayName("every id the format makes is one its pattern accepts (the routes look messages up only by ids that match)")
    void everyIdMadeMatches() {
        for (long sequence : new long[] {1, 9, 10, 99_999, 100_000, 999_998, 999_999}) {
            for (String contract : new String[] {"LLR", "LEW", "DERBY"}) {
                String id = AnswerphoneMessage.id(contract, 2026, sequence);
                assertTrue(id.matches(AnswerphoneMessage.ID_PATTERN), id);
            }
        }
    }

    @ParameterizedTest(name = "no id for contract {0}, year {1}, sequence {2}: its pattern would reject it, so the message could never be found")
    @CsvSource({
        "LLR, 2026, 1000000",   // seven digits
        "LLR, 2026, 0",         // sequences start at 1, as case references' do
        "LLR, 2026, -1",
        "llr, 2026, 1",
        "LLR, 12026, 1"
    })
    void idRefusesWhatItsPatternRejects(String contract, int year, long sequence) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> AnswerphoneMessage.id(contract, year, sequence));
        assertTrue(error.getMessage().contains(String.valueOf(sequence)), error.getMessage());
    }

    // ------------------------------------------------------------------ initials

    @ParameterizedTest(name = "the caller ''{0}'' is ''{1}'' in staff emails")
    @CsvSource(delimiter = '|', textBlock = """
            Pat Example        | PE
            Anne-Marie O'Neil  | AMO
            '  pat   example ' | PE
            Zoë Ødegaard       | ZØ
            """)
    void initials(String name, String expected) {
        assertEquals(expected, message(name, null).initials());
        assertEquals(Person.initialsOf(name), message(name, null).initials(), "the same rule as a referral's person");
    }

    @Test
    @DisplayName("issue 10: no name given: no initials, and no error")
    void noNameNoInitials() {
        assertEquals("", message(null, null).initials());
        assertEquals("", message("   ", null).initials(), "a blank name has no initials either");
    }

    @Test
    @DisplayName("Person.initialsOf is the rule Person.initials() uses: 'Alex Test-Person' is ATP")
    void personInitialsUseTheSharedRule() {
        assertEquals("ATP", Person.initialsOf("Alex Test-Person"));
        Person person = new Person("Anne-Marie O'Neil", LocalDate.of(1950, 1, 2), Gender.FEMALE, Ethnicity.WHITE_BRITISH, Set.of(),
                Residence.OWN_HOME, null, null, "LEICESTER", null, null, false);
        assertEquals("AMO", person.initials());
        assertEquals(Person.initialsOf(person.name()), person.initials());
        assertEquals("AM", Person.initialsOf("anne   marie"), "upper case, however many spaces");
        assertEquals("JS", Person.initialsOf("J. Smith"), "the first letter of each part");
        assertEquals("S", Person.initialsOf("(J) Smith"), "a part not starting with a letter gives none");
    }

    // ------------------------------------------------------------------ attempts and versions

    @Test
    @DisplayName("LLR 9.23: recording an attempt counts it and takes the clock as it now stands; all else is kept")
    void withAttemptCountsAndKeeps() {
        AnswerphoneMessage message = message("Pat Example", CASE);
        SlaClock stopped = CLOCK.stop(London.at("2026-11-30T10:00"));
        AnswerphoneMessage after = message.withAttempt(stopped, null);
        assertEquals(1, after.attempts());
        assertEquals(stopped, after.clock());
        assertTrue(after.responded());
        assertFalse(message.responded(), "the message it came from is unchanged");
        assertEquals(CASE, after.reference(), "no case linked: the message's reference is kept");
        assertEquals(message.version(), after.version(), "the version moves on save (nextVersion), not here");
        assertEquals(new AnswerphoneMessage(message.id(), message.contract(), message.leftAt(), message.callerName(), message.callbackNumber(),
                message.callbackEmail(), message.preferredMethod(), message.service(), CASE, message.summary(), message.accessNeeds(),
                message.keyedBy(), message.keyedAt(), stopped, 1, 3), after);
        assertEquals(2, after.withAttempt(stopped, null).attempts());
    }

    @Test
    @DisplayName("issue 10 item 4: an attempt that links a case sets the reference, replacing one the message had")
    void withAttemptLinksACase() {
        ReferralReference linked = new ReferralReference("LLR", 2026, 99);
        assertEquals(linked, message("Pat Example", null).withAttempt(CLOCK, linked).reference());
        assertEquals(linked, message("Pat Example", CASE).withAttempt(CLOCK, linked).reference());
        assertNull(message("Pat Example", null).withAttempt(CLOCK, null).reference());
    }

    @Test
    @DisplayName("LLR 9.23: an attempt that did not respond leaves the clock running")
    void unansweredAttemptKeepsTheClockRunning() {
        AnswerphoneMessage after = message("Pat Example", null).withAttempt(CLOCK, null);
        assertEquals(1, after.attempts());
        assertFalse(after.responded());
    }

    @Test
    @DisplayName("nextVersion is the same message with the version one up (conditional saves: two staff recording at once lose nothing)")
    void nextVersion() {
        AnswerphoneMessage message = message("Pat Example", CASE).withAttempt(CLOCK, null);
        AnswerphoneMessage next = message.nextVersion();
        assertEquals(4, next.version());
        assertEquals(5, next.nextVersion().version());
        assertEquals(new AnswerphoneMessage(message.id(), message.contract(), message.leftAt(), message.callerName(), message.callbackNumber(),
                message.callbackEmail(), message.preferredMethod(), message.service(), message.reference(), message.summary(),
                message.accessNeeds(), message.keyedBy(), message.keyedAt(), message.clock(), message.attempts(), 4), next);
    }

    // ------------------------------------------------------------------ required fields

    @Test
    @DisplayName("a message needs its id, contract, when it was left, who keyed it, when, and its clock; the caller's details are optional")
    void requiredFields() {
        assertThrows(NullPointerException.class, () -> new AnswerphoneMessage(null, "LLR", LEFT, null, null, null, null, null, null, null, null,
                "staff-7", KEYED, CLOCK, 0, 0));
        assertThrows(NullPointerException.class, () -> new AnswerphoneMessage("AP-LLR-2026-000001", null, LEFT, null, null, null, null, null,
                null, null, null, "staff-7", KEYED, CLOCK, 0, 0));
        assertThrows(NullPointerException.class, () -> new AnswerphoneMessage("AP-LLR-2026-000001", "LLR", null, null, null, null, null, null,
                null, null, null, "staff-7", KEYED, CLOCK, 0, 0));
        assertThrows(NullPointerException.class, () -> new AnswerphoneMessage("AP-LLR-2026-000001", "LLR", LEFT, null, null, null, null, null,
                null, null, null, null, KEYED, CLOCK, 0, 0));
        assertThrows(NullPointerException.class, () -> new AnswerphoneMessage("AP-LLR-2026-000001", "LLR", LEFT, null, null, null, null, null,
                null, null, null, "staff-7", null, CLOCK, 0, 0));
        assertThrows(NullPointerException.class, () -> new AnswerphoneMessage("AP-LLR-2026-000001", "LLR", LEFT, null, null, null, null, null,
                null, null, null, "staff-7", KEYED, null, 0, 0));
        AnswerphoneMessage anonymous = new AnswerphoneMessage("AP-LLR-2026-000001", "LLR", LEFT, null, null, null, null, null, null, null,
                null, "telephony", KEYED, CLOCK, 0, 0);
        assertEquals("", anonymous.initials());
    }

    @Test
    @DisplayName("an attempt needs its id, time, method, outcome, who recorded it and when; the note and the case are optional")
    void attemptRequiredFields() {
        Instant at = London.at("2026-11-30T10:00");
        CallbackAttempt attempt = new CallbackAttempt("a1", at, CallbackMethod.PHONE, CallbackOutcome.NO_ANSWER, null, false, null, "staff-7", at);
        assertFalse(attempt.outcome().responds());
        assertThrows(NullPointerException.class,
                () -> new CallbackAttempt(null, at, CallbackMethod.PHONE, CallbackOutcome.SPOKE, null, false, null, "staff-7", at));
        assertThrows(NullPointerException.class,
                () -> new CallbackAttempt("a1", null, CallbackMethod.PHONE, CallbackOutcome.SPOKE, null, false, null, "staff-7", at));
        assertThrows(NullPointerException.class,
                () -> new CallbackAttempt("a1", at, null, CallbackOutcome.SPOKE, null, false, null, "staff-7", at));
        assertThrows(NullPointerException.class,
                () -> new CallbackAttempt("a1", at, CallbackMethod.PHONE, null, null, false, null, "staff-7", at));
        assertThrows(NullPointerException.class,
                () -> new CallbackAttempt("a1", at, CallbackMethod.PHONE, CallbackOutcome.SPOKE, null, false, null, null, at));
        assertThrows(NullPointerException.class,
                () -> new CallbackAttempt("a1", at, CallbackMethod.PHONE, CallbackOutcome.SPOKE, null, false, null, "staff-7", null));
    }
}
