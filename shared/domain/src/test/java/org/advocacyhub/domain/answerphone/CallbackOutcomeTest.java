package org.advocacyhub.domain.answerphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an attempt to respond to an answerphone message came to (issue 10; LLR 9.23, 9.24), and the
 * interpretation written in {@link CallbackOutcome}: an attempt that reached the caller or left them
 * a message stops the callback clock; one that did not is recorded and leaves it running.
 */
class CallbackOutcomeTest {

    @ParameterizedTest(name = "LLR 9.23: {0} responds: {1}")
    @CsvSource({
        "SPOKE,             true",   // a conversation reached the caller
        "LEFT_VOICEMAIL,    true",   // a message they can act on
        "MESSAGE_SENT,      true",   // an SMS or email sent
        "NO_ANSWER,         false",  // rang out, nothing left: the clock keeps running
        "COULD_NOT_CONNECT, false"   // number not working, email bounced: the clock keeps running
    })
    void whichOutcomesRespond(CallbackOutcome outcome, boolean responds) {
        assertEquals(responds, outcome.responds(), outcome.name());
    }

    @Test
    @DisplayName("LLR 9.23: exactly spoke, left voicemail and message sent stop the clock; every other outcome is recorded only")
    void theRespondingOutcomesAreExactlyThree() {
        Set<CallbackOutcome> responding = Arrays.stream(CallbackOutcome.values()).filter(CallbackOutcome::responds)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CallbackOutcome.class)));
        assertEquals(EnumSet.of(CallbackOutcome.SPOKE, CallbackOutcome.LEFT_VOICEMAIL, CallbackOutcome.MESSAGE_SENT), responding,
                "a new outcome must be placed on one side of the interpretation deliberately");
    }

    @Test
    @DisplayName("LLR 9.24: SMS and email are the written methods; phone, text relay and video relay are calls")
    void writtenMethods() {
        assertTrue(CallbackMethod.SMS.isWritten());
        assertTrue(CallbackMethod.EMAIL.isWritten());
        assertFalse(CallbackMethod.PHONE.isWritten());
        assertFalse(CallbackMethod.TEXT_RELAY.isWritten());
        assertFalse(CallbackMethod.VIDEO_RELAY.isWritten());
        assertEquals(5, CallbackMethod.values().length, "every method is in the table below");
    }

    /**
     * Every pair of method and outcome: a written message is sent or bounces; a call (voice, text
     * relay or video relay) is answered, goes to voicemail, rings out or fails.
     */
    @ParameterizedTest(name = "issue 10: {1} with {0} is possible: {2}")
    @CsvSource({
        "PHONE,       SPOKE,             true",
        "PHONE,       LEFT_VOICEMAIL,    true",
        "PHONE,       MESSAGE_SENT,      false",
        "PHONE,       NO_ANSWER,         true",
        "PHONE,       COULD_NOT_CONNECT, true",
        "TEXT_RELAY,  SPOKE,             true",
        "TEXT_RELAY,  LEFT_VOICEMAIL,    true",
        "TEXT_RELAY,  MESSAGE_SENT,      false",
        "TEXT_RELAY,  NO_ANSWER,         true",
        "TEXT_RELAY,  COULD_NOT_CONNECT, true",
        "VIDEO_RELAY, SPOKE,             true",
        "VIDEO_RELAY, LEFT_VOICEMAIL,    true",
        "VIDEO_RELAY, MESSAGE_SENT,      false",
        "VIDEO_RELAY, NO_ANSWER,         true",
        "VIDEO_RELAY, COULD_NOT_CONNECT, true",
        "SMS,         SPOKE,             false",
        "SMS,         LEFT_VOICEMAIL,    false",
        "SMS,         MESSAGE_SENT,      true",
        "SMS,         NO_ANSWER,         false",
        "SMS,         COULD_NOT_CONNECT, true",
        "EMAIL,       SPOKE,             false",
        "EMAIL,       LEFT_VOICEMAIL,    false",
        "EMAIL,       MESSAGE_SENT,      true",
        "EMAIL,       NO_ANSWER,         false",
        "EMAIL,       COULD_NOT_CONNECT, true"
    })
    void methodOutcomeTable(CallbackMethod method, CallbackOutcome outcome, boolean possible) {
        assertEquals(possible, outcome.possibleWith(method), method + " / " + outcome);
    }

    @Test
    @DisplayName("the table above covers every method and outcome: 5 × 5 pairs, 9 of them impossible")
    void tableCoversEveryPair() {
        int pairs = 0;
        int impossible = 0;
        for (CallbackMethod method : CallbackMethod.values()) {
            for (CallbackOutcome outcome : CallbackOutcome.values()) {
                pairs++;
                if (!outcome.possibleWith(method)) {
                    impossible++;
                }
            }
        }
        assertEquals(25, pairs);
        assertEquals(9, impossible, "MESSAGE_SENT with the 3 calls (3), SPOKE/LEFT_VOICEMAIL/NO_ANSWER with the 2 written methods (6)");
    }

    @Test
    @DisplayName("LLR 9.23: whatever the method, some possible outcome responds and some does not (every method can both stop the clock and fail to)")
    void everyMethodCanRespondAndFail() {
        for (CallbackMethod method : CallbackMethod.values()) {
            assertTrue(Arrays.stream(CallbackOutcome.values()).anyMatch(o -> o.possibleWith(method) && o.responds()), method.name());
            assertTrue(Arrays.stream(CallbackOutcome.values()).anyMatch(o -> o.possibleWith(method) && !o.responds()), method.name());
        }
    }

    @Test
    @DisplayName("every outcome and method has a display name for the staff form")
    void displayNames() {
        for (CallbackOutcome outcome : CallbackOutcome.values()) {
            assertFalse(outcome.displayName().isBlank(), outcome.name());
        }
        for (CallbackMethod method : CallbackMethod.values()) {
            assertFalse(method.displayName().isBlank(), method.name());
        }
        assertEquals("Left a voicemail", CallbackOutcome.LEFT_VOICEMAIL.displayName());
        assertEquals("Video relay (BSL interpreter)", CallbackMethod.VIDEO_RELAY.displayName());
    }
}
