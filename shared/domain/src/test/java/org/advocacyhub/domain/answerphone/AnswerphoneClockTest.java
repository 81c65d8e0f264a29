package org.advocacyhub.domain.answerphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.DeadlineAlerts.Kind;
import org.advocacyhub.domain.casework.DeadlineAlerts.Watched;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.Warning;
import org.advocacyhub.domain.testing.London;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.domain.time.WorkingHours;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answerphone callback clock of the bundled contracts (issue 10; LLR 9.23; requirements §5:
 * "24 hours excluding weekends and bank holidays" is 24 hours of elapsed time counting only time on
 * working days, whole days 00:00–24:00), and its reminder through the issue 9 engine
 * ({@link DeadlineAlerts#watched(AnswerphoneMessage, Contract)}): llr.yaml warns at the opening of
 * the service (09:00) on the day the callback falls due.
 */
class AnswerphoneClockTest {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final Contract LLR = CONTRACTS.contract("LLR").orElseThrow();
    private static final WorkingCalendar CALENDAR = LLR.calendar();

    /** A message as the application stores it: the contract's clock started at {@code leftAt}, not when keyed in. */
    static AnswerphoneMessage message(Contract contract, Instant leftAt) {
        ClockDefinition callback = contract.answerphoneClock().orElseThrow();
        SlaClock clock = SlaClock.start(Contract.ANSWERPHONE_CLOCK, callback.rule(), leftAt);
        return new AnswerphoneMessage(AnswerphoneMessage.id(contract.code(), 2026, 1), contract.code(), leftAt, "Pat Example",
                "07700 900123", null, CallbackMethod.PHONE, null, null, "Please call me back", null, "telephony",
                leftAt.plus(Duration.ofMinutes(5)), clock, 0, 0);
    }

    private static Watched watched(String leftAt) {
        return DeadlineAlerts.watched(message(LLR, London.at(leftAt)), LLR).orElseThrow();
    }

    // ------------------------------------------------------------------ the clock as configured

    @Test
    @DisplayName("LLR 9.23: llr.yaml's answerphone-callback clock is 24 working hours from MESSAGE_LEFT to CALLBACK_MADE, warned at the opening on the due day")
    void llrClockAsConfigured() {
        ClockDefinition callback = LLR.answerphoneClock().orElseThrow();
        assertEquals(Contract.ANSWERPHONE_CLOCK, callback.name());
        assertEquals(new WorkingHours(24), callback.rule());
        assertEquals(ClockEvent.MESSAGE_LEFT, callback.start());
        assertEquals(ClockEvent.CALLBACK_MADE, callback.stop());
        assertEquals("LLR 9.23", callback.clause());
        assertEquals(Optional.empty(), callback.urgentRule(), "never urgent");
        assertEquals(Optional.of(Warning.OPENING_ON_DUE_DAY), callback.warning(),
                "issue 10: 'at the start of the working day it falls due', not the hour rules' 75% default");
        assertEquals(LLR.clock(Contract.ANSWERPHONE_CLOCK), callback, "the contract-wide clock of that name");
    }

    @ParameterizedTest(name = "{0} has no answerphone clock, so it takes no answerphone messages")
    @CsvSource({"LEW", "DERBY"})
    void otherContractsHaveNoAnswerphoneClock(String code) {
        Contract contract = CONTRACTS.contract(code).orElseThrow();
        assertEquals(Optional.empty(), contract.answerphoneClock());
    }

    // ------------------------------------------------------------------ due time and reminder

    /**
     * Due times by requirements §5 (24 working hours, whole working days count) and reminders at
     * 09:00 London on the London day the deadline falls (for a deadline at midnight, the day that
     * ends), or the last opening before the deadline when that day's opening is not before it.
     */
    @ParameterizedTest(name = "LLR 9.23: a message left {0} ({1}) is due {2}; reminder {3}")
    @CsvSource(delimiter = '|', textBlock = """
            2026-11-27T18:00 | Fri 18:00: 6 h Friday, weekend skipped, 18 h Monday                        | 2026-11-30T18:00 | 2026-11-30T09:00
            2026-12-24T20:00 | Christmas Eve 20:00: 4 h Thursday; 25th, weekend, 28th skipped; 20 h Tuesday | 2026-12-29T20:00 | 2026-12-29T09:00
            2026-11-28T10:00 | Saturday: nothing counts until Monday 00:00; Monday's 24 h end as it ends     | 2026-12-01T00:00 | 2026-11-30T09:00
            2026-11-29T23:59 | Sunday 23:59: the same, as Monday ends                                        | 2026-12-01T00:00 | 2026-11-30T09:00
            2026-11-30T10:00 | Mon 10:00: Tue 10:00, reminded at Tuesday's opening                           | 2026-12-01T10:00 | 2026-12-01T09:00
            2026-11-30T08:30 | Mon 08:30: due Tue 08:30, before Tuesday opens: Monday's opening              | 2026-12-01T08:30 | 2026-11-30T09:00
            2026-11-27T03:00 | Fri 03:00: 21 h Friday, 3 h Monday; Monday 09:00 is after it: Friday's        | 2026-11-30T03:00 | 2026-11-27T09:00
            2027-05-28T23:00 | Fri before the late May bank holiday: 1 h Friday, Tue 1 Jun 23 h              | 2027-06-01T23:00 | 2027-06-01T09:00
            2026-10-23T18:00 | across the October change: 6 h Friday, 18 h Monday (GMT)                      | 2026-10-26T18:00 | 2026-10-26T09:00
            2026-06-19T18:00 | British Summer Time: 09:00 London is 08:00Z                                   | 2026-06-22T18:00 | 2026-06-22T09:00
            """)
    void dueAndReminder(String leftAt, String why, String due, String reminder) {
        Watched watched = watched(leftAt);
        assertEquals(London.at(due), watched.dueAt(), why);
        assertEquals(London.at(reminder), watched.reminderAt(), why);
        assertEquals(Duration.ofHours(24), CALENDAR.workingTimeBetween(London.at(leftAt), watched.dueAt()),
                "24 working hours from the message to its due time: " + why);
        assertTrue(watched.reminderAt().isBefore(watched.dueAt()), "the reminder comes before the deadline: " + why);
        assertFalse(watched.reminderAt().isBefore(London.at(leftAt)), "never before the message was left: " + why);
    }

    @Test
    @DisplayName("LLR 9.23 (requirements §5 example): Fri 27 Nov 2026 18:00 is due Mon 30 Nov 18:00; watched with the contract's clock, never urgent")
    void fridayEveningMessageWatched() {
        AnswerphoneMessage message = message(LLR, London.at("2026-11-27T18:00"));
        Watched watched = DeadlineAlerts.watched(message, LLR).orElseThrow();
        assertEquals(Instant.parse("2026-11-30T18:00:00Z"), watched.dueAt(), "GMT in November");
        assertEquals(Instant.parse("2026-11-30T09:00:00Z"), watched.reminderAt());
        assertEquals(message.clock(), watched.clock());
        assertEquals(LLR.answerphoneClock().orElseThrow(), watched.definition());
        assertFalse(watched.urgent());
        assertEquals(message.clock().dueAt(CALENDAR), Optional.of(watched.dueAt()), "the clock's own due time");
    }

    @Test
    @DisplayName("British Summer Time: a message Fri 19 Jun 2026 18:00 BST is reminded Mon 22 Jun 09:00 BST (08:00Z), due 17:00Z")
    void summerTimeInUtc() {
        Watched watched = DeadlineAlerts.watched(message(LLR, Instant.parse("2026-06-19T17:00:00Z")), LLR).orElseThrow();
        assertEquals(Instant.parse("2026-06-22T17:00:00Z"), watched.dueAt());
        assertEquals(Instant.parse("2026-06-22T08:00:00Z"), watched.reminderAt());
    }

    @Test
    @DisplayName("issue 10: the Friday-evening message's reminder is raised Monday 09:00 and its escalation only after Monday 18:00")
    void alertsFallDueThroughTheEngine() {
        Watched watched = watched("2026-11-27T18:00");
        assertEquals(Optional.empty(), DeadlineAlerts.dueAt(London.at("2026-11-30T08:59"), Kind.REMINDER, watched.reminderAt(), watched.dueAt()));
        assertEquals(Optional.of(Kind.REMINDER), DeadlineAlerts.dueAt(London.at("2026-11-30T09:00"), Kind.REMINDER, watched.reminderAt(), watched.dueAt()));
        assertEquals(Optional.empty(), DeadlineAlerts.dueAt(London.at("2026-11-30T18:00"), Kind.ESCALATION, watched.reminderAt(), watched.dueAt()),
                "a response exactly at the due time is in time");
        assertEquals(Optional.of(Kind.ESCALATION),
                DeadlineAlerts.dueAt(London.at("2026-11-30T18:00").plusMillis(1), Kind.ESCALATION, watched.reminderAt(), watched.dueAt()));
    }

    // ------------------------------------------------------------------ what is not watched

    @Test
    @DisplayName("LLR 9.23: a message whose clock a response stopped raises no more alerts")
    void stoppedClockNotWatched() {
        AnswerphoneMessage message = message(LLR, London.at("2026-11-27T18:00"));
        assertFalse(message.responded());
        AnswerphoneMessage answered = message.withAttempt(message.clock().stop(London.at("2026-11-30T10:00")), null);
        assertTrue(answered.responded());
        assertEquals(Optional.empty(), DeadlineAlerts.watched(answered, LLR));
        AnswerphoneMessage late = message.withAttempt(message.clock().stop(London.at("2026-12-02T10:00")), null);
        assertEquals(Optional.empty(), DeadlineAlerts.watched(late, LLR), "answered late: stopped all the same, nothing more to raise");
    }

    @Test
    @DisplayName("LLR 9.23: an attempt that did not respond (no answer) leaves the message watched with the same due time")
    void unansweredAttemptStillWatched() {
        AnswerphoneMessage message = message(LLR, London.at("2026-11-27T18:00"));
        AnswerphoneMessage tried = message.withAttempt(message.clock(), null);
        assertFalse(tried.responded());
        assertEquals(DeadlineAlerts.watched(message, LLR), DeadlineAlerts.watched(tried, LLR));
    }

    @ParameterizedTest(name = "a message held against {0}, which has no answerphone clock, is not watched")
    @CsvSource({"LEW", "DERBY"})
    void contractWithoutTheClockWatchesNothing(String code) {
        Contract other = CONTRACTS.contract(code).orElseThrow();
        AnswerphoneMessage message = message(LLR, London.at("2026-11-27T18:00"));
        assertEquals(Optional.empty(), DeadlineAlerts.watched(message, other));
    }
}
