package org.advocacyhub.domain.answerphone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.domain.answerphone.CallbackFigures.Kept;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.testing.London;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A contract's answerphone figures for a quarter (issue 10 item 6): received, responded to within 24
 * working hours (LLR 9.23), missed, still open at the time counted, and the median working time to
 * respond, all from what is kept after the callers' details are deleted.
 */
class CallbackFiguresTest {

    private static final Contract LLR = ContractCatalogue.bundled().contract("LLR").orElseThrow();
    private static final WorkingCalendar CALENDAR = LLR.calendar();
    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3); // October to December 2026

    private static int sequence;

    /** What is kept of a message left at {@code leftAt} (London), due by LLR's callback clock, responded at {@code respondedAt} or not. */
    private static Kept kept(String leftAt, Instant respondedAt) {
        Instant left = London.at(leftAt);
        Instant due = SlaClock.start(Contract.ANSWERPHONE_CLOCK, LLR.answerphoneClock().orElseThrow().rule(), left)
                .dueAt(CALENDAR).orElseThrow();
        return new Kept(AnswerphoneMessage.id("LLR", 2026, ++sequence), left, due, respondedAt);
    }

    private static Kept kept(String leftAt, String respondedAt) {
        return kept(leftAt, respondedAt == null ? null : London.at(respondedAt));
    }

    private static CallbackFigures figures(String now, Kept... messages) {
        return CallbackFigures.of(Q3, List.of(messages), London.at(now), CALENDAR);
    }

    // ------------------------------------------------------------------ counts

    @Test
    @DisplayName("LLR 9.23: a response exactly at the due time is in time; 1 ms after it, missed (requirements §5: met by an event exactly at it)")
    void dueTimeBoundary() {
        Kept exactly = kept("2026-11-23T10:00", "2026-11-24T10:00");
        assertEquals(London.at("2026-11-24T10:00"), exactly.dueAt(), "Mon 10:00 + 24 working hours");
        Kept late = kept("2026-11-23T10:00", London.at("2026-11-24T10:00").plusMillis(1));
        CallbackFigures figures = figures("2026-12-01T12:00", exactly, late);
        assertEquals(2, figures.received());
        assertEquals(1, figures.respondedInTime());
        assertEquals(1, figures.missed());
        assertEquals(0, figures.open());
    }

    @Test
    @DisplayName("issue 10: unanswered and past due is missed; unanswered and not yet due is open; unanswered exactly at the due time is still open")
    void unansweredMessages() {
        Kept overdue = kept("2026-11-25T10:00", (Instant) null);          // due Thu 26 Nov 10:00
        Kept notYetDue = kept("2026-12-01T09:00", (Instant) null);        // due Wed 2 Dec 09:00
        Kept dueNow = kept("2026-11-30T12:00", (Instant) null);           // due Tue 1 Dec 12:00, the time counted
        CallbackFigures figures = figures("2026-12-01T12:00", overdue, notYetDue, dueNow);
        assertEquals(3, figures.received());
        assertEquals(0, figures.respondedInTime());
        assertEquals(1, figures.missed());
        assertEquals(2, figures.open());
        assertNull(figures.medianResponseTime(), "no response: no median");

        CallbackFigures aMomentLater = CallbackFigures.of(Q3, List.of(overdue, notYetDue, dueNow),
                London.at("2026-12-01T12:00").plusMillis(1), CALENDAR);
        assertEquals(2, aMomentLater.missed(), "1 ms after its due time the unanswered message is missed");
        assertEquals(1, aMomentLater.open());
    }

    @Test
    @DisplayName("issue 10: a response counts by its own time, not by when figures are counted: an in-time response stays in time, a late one stays missed")
    void respondedCountsDoNotDependOnNow() {
        Kept inTime = kept("2026-11-27T18:00", "2026-11-30T10:00");  // due Mon 18:00
        Kept late = kept("2026-11-27T18:00", "2026-11-30T19:00");
        for (String now : List.of("2026-11-30T19:30", "2027-03-31T23:59")) {
            CallbackFigures figures = figures(now, inTime, late);
            assertEquals(1, figures.respondedInTime(), now);
            assertEquals(1, figures.missed(), now);
            assertEquals(0, figures.open(), now);
        }
    }

    @Test
    @DisplayName("issue 10 item 6: a mixed quarter adds up: received = in time + missed + open, and the quarter is kept")
    void mixedQuarter() {
        CallbackFigures figures = figures("2026-12-01T12:00",
                kept("2026-11-27T18:00", "2026-11-30T10:00"),   // in time, 16 working hours
                kept("2026-12-01T10:00", (Instant) null),       // due Wed 2 Dec 10:00: open
                kept("2026-11-23T10:00", "2026-11-24T09:00"),   // in time, 23 working hours
                kept("2026-11-24T10:00", "2026-11-26T10:00"),   // late: missed, 48 working hours
                kept("2026-11-26T10:00", (Instant) null),       // past due: missed
                kept("2026-12-01T11:00", (Instant) null));      // open
        assertEquals(Q3, figures.quarter());
        assertEquals(6, figures.received());
        assertEquals(2, figures.respondedInTime());
        assertEquals(2, figures.missed());
        assertEquals(2, figures.open());
        assertEquals(figures.received(), figures.respondedInTime() + figures.missed() + figures.open());
        assertEquals(Duration.ofHours(23), figures.medianResponseTime(), "median of 16, 23 and 48 working hours: late responses count too");
    }

    @Test
    @DisplayName("a quarter with no messages: all counts 0 and no median")
    void emptyQuarter() {
        CallbackFigures figures = CallbackFigures.of(Q3, List.of(), London.at("2026-12-01T12:00"), CALENDAR);
        assertEquals(new CallbackFigures(Q3, 0, 0, 0, 0, null), figures);
    }

    // ------------------------------------------------------------------ median

    @Test
    @DisplayName("LLR 9.23: the median response time counts working time: Fri 18:00 to Mon 10:00 is 16 hours, not the 64 elapsed")
    void medianCountsWorkingTimeAcrossTheWeekend() {
        CallbackFigures figures = figures("2026-12-01T12:00",
                kept("2026-11-23T10:00", "2026-11-23T12:00"),   // 2 h
                kept("2026-11-27T18:00", "2026-11-30T10:00"),   // 6 h Friday + 10 h Monday = 16 h (64 h elapsed)
                kept("2026-11-24T10:00", "2026-11-25T06:00"));  // 20 h
        assertEquals(Duration.ofHours(16), figures.medianResponseTime(), "elapsed time would make the median 20 h");
    }

    @Test
    @DisplayName("LLR 9.23: over Christmas the bank holidays and weekend do not count: Thu 24 Dec 20:00 to Tue 29 Dec 10:00 is 14 working hours")
    void medianCountsWorkingTimeOverChristmas() {
        CallbackFigures figures = figures("2026-12-31T12:00", kept("2026-12-24T20:00", "2026-12-29T10:00"));
        assertEquals(Duration.ofHours(14), figures.medianResponseTime());
        assertEquals(1, figures.respondedInTime(), "due Tue 29 Dec 20:00");
    }

    @Test
    @DisplayName("the median of an odd number is the middle one, not the mean: 1 h, 2 h, 10 h gives 2 h")
    void medianOfOdd() {
        CallbackFigures figures = figures("2026-12-01T12:00",
                kept("2026-11-23T10:00", "2026-11-23T20:00"),   // 10 h
                kept("2026-11-24T10:00", "2026-11-24T11:00"),   // 1 h
                kept("2026-11-25T10:00", "2026-11-25T12:00"),   // 2 h
                kept("2026-11-26T10:00", (Instant) null));      // unanswered: not in the median
        assertEquals(Duration.ofHours(2), figures.medianResponseTime());
    }

    @Test
    @DisplayName("the median of an even number is the mean of the middle two, in working time: 2, 6, 16 (weekend) and 20 h give 11 h")
    void medianOfEven() {
        CallbackFigures figures = figures("2026-12-01T12:00",
                kept("2026-11-24T10:00", "2026-11-25T06:00"),   // 20 h
                kept("2026-11-23T10:00", "2026-11-23T12:00"),   // 2 h
                kept("2026-11-27T18:00", "2026-11-30T10:00"),   // 16 h across the weekend (64 h elapsed)
                kept("2026-11-25T10:00", "2026-11-25T16:00"));  // 6 h
        assertEquals(Duration.ofHours(11), figures.medianResponseTime(), "(6 + 16) / 2; elapsed time would give (6 + 20) / 2 = 13 h");
    }

    @Test
    @DisplayName("the mean of the middle two keeps minutes: 1 h and 2 h give 1 h 30 min")
    void medianOfTwo() {
        CallbackFigures figures = figures("2026-12-01T12:00",
                kept("2026-11-23T10:00", "2026-11-23T12:00"),
                kept("2026-11-24T10:00", "2026-11-24T11:00"));
        assertEquals(Duration.ofMinutes(90), figures.medianResponseTime());
    }

    @Test
    @DisplayName("the median does not depend on the order the messages are read in")
    void medianIndependentOfOrder() {
        List<Kept> messages = new ArrayList<>(List.of(
                kept("2026-11-23T10:00", "2026-11-23T13:00"),
                kept("2026-11-24T10:00", "2026-11-24T11:00"),
                kept("2026-11-25T10:00", "2026-11-25T17:00"),
                kept("2026-11-26T10:00", "2026-11-26T12:00"),
                kept("2026-11-27T10:00", "2026-11-27T19:00")));
        Duration expected = Duration.ofHours(3); // of 1, 2, 3, 7, 9
        for (int rotation = 0; rotation < messages.size(); rotation++) {
            java.util.Collections.rotate(messages, 1);
            assertEquals(expected, CallbackFigures.of(Q3, messages, London.at("2026-12-01T12:00"), CALENDAR).medianResponseTime());
        }
        java.util.Collections.reverse(messages);
        assertEquals(expected, CallbackFigures.of(Q3, messages, London.at("2026-12-01T12:00"), CALENDAR).medianResponseTime());
    }

    // ------------------------------------------------------------------ Kept

    @Test
    @DisplayName("what is kept has no personal data and needs the id, when it was left and when due; the response may be absent")
    void keptRequiresItsFields() {
        Instant left = London.at("2026-11-23T10:00");
        Instant due = London.at("2026-11-24T10:00");
        assertThrows(NullPointerException.class, () -> new Kept(null, left, due, null));
        assertThrows(NullPointerException.class, () -> new Kept("AP-LLR-2026-000001", null, due, null));
        assertThrows(NullPointerException.class, () -> new Kept("AP-LLR-2026-000001", left, null, null));
        assertEquals(4, Kept.class.getRecordComponents().length, "id and three instants: nothing about the caller");
        assertNull(new Kept("AP-LLR-2026-000001", left, due, null).respondedAt());
    }
}
