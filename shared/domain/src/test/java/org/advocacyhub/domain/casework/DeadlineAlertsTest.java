package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.casework.DeadlineAlerts.Kind;
import org.advocacyhub.domain.casework.DeadlineAlerts.Next;
import org.advocacyhub.domain.casework.DeadlineAlerts.Watched;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.Warning;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.testing.London;
import org.advocacyhub.domain.time.CalendarDays;
import org.advocacyhub.domain.time.ElapsedHours;
import org.advocacyhub.domain.time.ServiceHours;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.SlaRule;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.domain.time.WorkingDays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * When a deadline's alerts fall due (requirements §5, issue 9): a reminder before it, at the time its
 * contract's warning gives (by default the start of service hours on the day it falls for day rules,
 * three quarters of the way through for hour rules), and an escalation once it has passed unmet.
 */
class DeadlineAlertsTest {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final Contract LLR = CONTRACTS.contract("LLR").orElseThrow();
    private static final Contract LEW = CONTRACTS.contract("LEW").orElseThrow();
    private static final Contract DERBY = CONTRACTS.contract("DERBY").orElseThrow();
    private static final WorkingCalendar CALENDAR = LLR.calendar();
    private static final String WAITING = "Waiting for information from the referrer";

    private static ClockDefinition definition(Contract contract, ServiceCode service, String clock) {
        return contract.service(service).clock(clock);
    }

    /** The reminder of a clock of {@code contract}, given the due time the clock itself has. */
    private static Instant reminder(SlaClock clock, ClockDefinition definition, Contract contract) {
        Instant due = clock.dueAt(contract.calendar()).orElseThrow();
        return DeadlineAlerts.reminderAt(clock, definition, due, contract.serviceHours(), contract.calendar());
    }

    private static ClockDefinition constructed(SlaRule rule, Optional<Warning> warning) {
        return new ClockDefinition("constructed", "do the thing", ClockEvent.REFERRAL_RECEIVED, ClockEvent.ALLOCATED, rule,
                Optional.empty(), "LLR 9.38a", Optional.empty(), warning);
    }

    // ------------------------------------------------------------------ working-day clocks

    @Test
    @DisplayName("LLR 9.38a, 9.20: a referral Mon 23 Nov 2026 10:00 is due Wed 17:00; the reminder goes at 09:00 that Wednesday")
    void allocationReminderAtOpeningOnTheDueDay() {
        ClockDefinition allocation = definition(LLR, ServiceCode.IMCA, "allocation");
        SlaClock clock = allocation.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(Warning.OPENING_ON_DUE_DAY, allocation.warningOrDefault(), "llr.yaml sets no warning: the default for day rules");
        assertEquals(Optional.of(London.at("2026-11-25T17:00")), clock.dueAt(CALENDAR));
        assertEquals(London.at("2026-11-25T09:00"), reminder(clock, allocation, LLR));
    }

    @Test
    @DisplayName("requirements §5: a referral Thu 24 Dec 2026 20:00 is due Thu 31 Dec 17:00; the reminder goes Thu 31 Dec 09:00")
    void christmasEveReferral() {
        ClockDefinition allocation = definition(LLR, ServiceCode.IMCA, "allocation");
        SlaClock clock = allocation.startClock(London.at("2026-12-24T20:00"), false);
        assertEquals(LocalDate.of(2026, 12, 29), clock.takenAsDay(CALENDAR), "25th, weekend and Boxing Day substitute 28th are not working days");
        assertEquals(Optional.of(London.at("2026-12-31T17:00")), clock.dueAt(CALENDAR));
        assertEquals(London.at("2026-12-31T09:00"), reminder(clock, allocation, LLR));
        // the README walk-through's instants, in UTC (GMT in December)
        assertEquals(Instant.parse("2026-12-31T09:00:00Z"), reminder(clock, allocation, LLR));
    }

    @Test
    @DisplayName("British Summer Time: a deadline Wed 17 Jun 2026 17:00 London is 16:00Z; its reminder, 09:00 London, is 08:00Z")
    void summerTime() {
        ClockDefinition allocation = definition(LLR, ServiceCode.IMCA, "allocation");
        SlaClock clock = allocation.startClock(Instant.parse("2026-06-15T09:00:00Z"), false); // Mon 10:00 BST
        assertEquals(Optional.of(Instant.parse("2026-06-17T16:00:00Z")), clock.dueAt(CALENDAR));
        assertEquals(Instant.parse("2026-06-17T08:00:00Z"), reminder(clock, allocation, LLR));
    }

    @ParameterizedTest(name = "{0}: {1} {2} started {3} ⇒ due {4}, reminder {5}")
    @CsvSource({
        "LLR 9.38b,  IMCA,      first-contact, 2026-11-25T16:00, 2026-11-26T17:00, 2026-11-26T09:00",
        "LLR 9.38c,  IMCA,      first-meeting, 2026-11-20T18:00, 2026-12-02T17:00, 2026-12-02T09:00",
        "LLR 7.25,   IMHA,      imha-contact,  2026-04-02T12:00, 2026-04-07T17:00, 2026-04-07T09:00",  // Easter 2026
        "LLR 7.25,   IMHA,      imha-meeting,  2026-11-23T08:00, 2026-12-02T17:00, 2026-12-02T09:00",  // before 09:00: that day
        "LLR 5.45,   DOLS_IMCA, report,        2026-12-23T11:00, 2026-12-30T17:00, 2026-12-30T09:00",  // over Christmas
        "LLR 5.23,   IMCA,      report,        2027-03-25T14:00, 2027-04-05T17:00, 2027-04-05T09:00",  // Easter and the March change 2027
        "LLR 9.38a,  CARE_ACT,  allocation,    2026-11-21T11:00, 2026-11-25T17:00, 2026-11-25T09:00"   // Saturday: taken as Monday
    })
    void everyWorkingDayClockWarnsAtNineOnItsDueDay(String clause, ServiceCode service, String name, String start, String due,
            String reminder) {
        ClockDefinition definition = definition(LLR, service, name);
        SlaClock clock = definition.startClock(London.at(start), false);
        assertEquals(Optional.of(London.at(due)), clock.dueAt(CALENDAR), clause);
        assertEquals(London.at(reminder), reminder(clock, definition, LLR), clause);
    }

    @Test
    @DisplayName("property: for a referral at any minute of Dec 2026-Jan 2027 and summer 2026, the allocation reminder is 09:00 London on the due day, after the referral and 8 hours before the deadline")
    void allocationReminderProperty() {
        ClockDefinition allocation = definition(LLR, ServiceCode.IMCA, "allocation");
        int checked = 0;
        for (Instant[] range : new Instant[][] {
                {London.at("2026-12-01T00:00"), London.at("2027-01-20T00:00")},
                {London.at("2026-06-01T00:00"), London.at("2026-06-30T00:00")}}) {
            for (Instant start = range[0]; start.isBefore(range[1]); start = start.plus(Duration.ofMinutes(47))) {
                SlaClock clock = allocation.startClock(start, false);
                Instant due = clock.dueAt(CALENDAR).orElseThrow();
                Instant reminder = DeadlineAlerts.reminderAt(clock, allocation, due, LLR.serviceHours(), CALENDAR);
                String where = "referral " + London.local(start) + ", due " + London.local(due) + ", reminder " + London.local(reminder);
                assertEquals(London.local(due).toLocalDate(), London.local(reminder).toLocalDate(), where);
                assertEquals(LocalTime.of(9, 0), London.local(reminder).toLocalTime(), where);
                assertTrue(CALENDAR.isWorkingDay(London.local(reminder).toLocalDate()), where);
                assertTrue(reminder.isAfter(start), where);
                assertEquals(Duration.ofHours(8), Duration.between(reminder, due), where);
                checked++;
            }
        }
        assertTrue(checked > 2000, "checked " + checked);
    }

    // ------------------------------------------------------------------ at once if the clock starts that day

    @ParameterizedTest(name = "issue 9: a clock of {0} started {1} is due {2}; its reminder is {3}")
    @CsvSource({
        // "within 0 working days" (the same working day): the day's 09:00 is past, so at once
        "working-days,  0, 2026-11-23T10:00, 2026-11-23T17:00, 2026-11-23T10:00",
        // ... but not when the clock starts before the service opens that day
        "working-days,  0, 2026-11-23T07:30, 2026-11-23T17:00, 2026-11-23T09:00",
        // ... and after 17:00 the day taken is the next working day
        "working-days,  0, 2026-11-23T17:30, 2026-11-24T17:00, 2026-11-24T09:00",
        // "within 0 days": due as the day ends
        "calendar-days, 0, 2026-11-23T10:00, 2026-11-24T00:00, 2026-11-23T10:00",
        "calendar-days, 0, 2026-11-23T06:00, 2026-11-24T00:00, 2026-11-23T09:00"
    })
    void reminderBeforeTheClockStartedIsAtOnce(String kind, int amount, String start, String due, String reminder) {
        ClockDefinition definition = constructed(SlaRule.of(kind, amount), Optional.empty());
        SlaClock clock = definition.startClock(London.at(start), false);
        assertEquals(Optional.of(London.at(due)), clock.dueAt(CALENDAR));
        assertEquals(London.at(reminder), reminder(clock, definition, LLR));
    }

    @Test
    @DisplayName("issue 9: an opening-on-due-day warning on a 4-hour clock started at 10:00 is raised at once (the opening was before the start)")
    void openingWarningOnAShortHourClock() {
        ClockDefinition definition = constructed(new ElapsedHours(4), Optional.of(Warning.OPENING_ON_DUE_DAY));
        SlaClock started = definition.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(started.startedAt(), reminder(started, definition, LLR));
        SlaClock early = definition.startClock(London.at("2026-11-23T06:00"), false);
        assertEquals(London.at("2026-11-23T09:00"), reminder(early, definition, LLR));
    }

    @Test
    @DisplayName("an opening-on-due-day warning for a deadline before the service opens that day goes at the previous opening, never after the deadline")
    void deadlineBeforeTheDaysOpening() {
        ClockDefinition definition = constructed(new ElapsedHours(24), Optional.of(Warning.OPENING_ON_DUE_DAY));
        SlaClock clock = definition.startClock(London.at("2026-11-23T07:00"), false);
        assertEquals(Optional.of(London.at("2026-11-24T07:00")), clock.dueAt(CALENDAR));
        assertEquals(London.at("2026-11-23T09:00"), reminder(clock, definition, LLR), "Tuesday's 09:00 is after the 07:00 deadline");
        // a deadline exactly at the opening: the opening before it
        SlaClock atNine = definition.startClock(London.at("2026-11-23T09:00"), false);
        assertEquals(London.at("2026-11-23T09:00"), reminder(atNine, definition, LLR));
        assertEquals(new Next(Kind.REMINDER, London.at("2026-11-23T09:00")),
                DeadlineAlerts.next(Kind.REMINDER, reminder(atNine, definition, LLR), London.at("2026-11-24T09:00")));
    }

    // ------------------------------------------------------------------ calendar-day clocks and closed days

    @Test
    @DisplayName("LLR 7.48: IMHA eligibility within 3 days from Mon 10:00 is due as Thursday ends; the reminder goes Thu 09:00")
    void calendarDayClock() {
        ClockDefinition eligibility = definition(LLR, ServiceCode.IMHA, "eligibility-confirmed");
        SlaClock clock = eligibility.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(Optional.of(London.at("2026-11-27T00:00")), clock.dueAt(CALENDAR));
        assertEquals(London.at("2026-11-26T09:00"), reminder(clock, eligibility, LLR), "the day that ends at the deadline, not Friday");
    }

    @Test
    @DisplayName("a calendar-day deadline at the end of a Sunday: LLR is closed, so the last opening before it (Fri 09:00); DERBY opens Sundays at 08:00")
    void deadlineOnAClosedDay() {
        ClockDefinition eligibility = definition(LLR, ServiceCode.IMHA, "eligibility-confirmed");
        SlaClock clock = eligibility.startClock(London.at("2026-11-19T10:00"), false); // Thursday
        Instant due = clock.dueAt(CALENDAR).orElseThrow();
        assertEquals(London.at("2026-11-23T00:00"), due);
        assertEquals(London.at("2026-11-20T09:00"), DeadlineAlerts.reminderAt(clock, eligibility, due, LLR.serviceHours(), CALENDAR));
        assertEquals(London.at("2026-11-22T08:00"), DeadlineAlerts.reminderAt(clock, eligibility, due, DERBY.serviceHours(), CALENDAR));
        // Christmas: due as Sat 26 Dec 2026 ends; 25th is a bank holiday, so Thu 24th 09:00
        SlaClock christmas = eligibility.startClock(London.at("2026-12-23T10:00"), false);
        Instant christmasDue = christmas.dueAt(CALENDAR).orElseThrow();
        assertEquals(London.at("2026-12-27T00:00"), christmasDue);
        assertEquals(London.at("2026-12-24T09:00"),
                DeadlineAlerts.reminderAt(christmas, eligibility, christmasDue, LLR.serviceHours(), CALENDAR));
    }

    // ------------------------------------------------------------------ hour clocks

    @Test
    @DisplayName("DERBY 3.3.1: the 24-hour response is warned when 18 hours have gone (derby.yaml: elapsed-fraction 0.75)")
    void derbyStandardResponse() {
        ClockDefinition response = definition(DERBY, ServiceCode.ACCOMMODATION, "response");
        assertEquals(Optional.of(new Warning(Warning.Kind.FRACTION_ELAPSED, new BigDecimal("0.75"))), response.warning());
        SlaClock clock = response.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(Optional.of(London.at("2026-11-24T10:00")), clock.dueAt(DERBY.calendar()));
        Instant reminder = reminder(clock, response, DERBY);
        assertEquals(London.at("2026-11-24T04:00"), reminder, "hours clocks warn at any hour: DERBY is not open at 04:00, yet 18 hours have gone");
        assertEquals(Duration.ofHours(18), Duration.between(clock.startedAt(), reminder));
    }

    @Test
    @DisplayName("DERBY 3.3.1: the urgent 1-hour response is warned at 45 minutes")
    void derbyUrgentResponse() {
        ClockDefinition response = definition(DERBY, ServiceCode.ACCOMMODATION, "response");
        SlaClock clock = response.startClock(London.at("2026-11-23T10:00"), true);
        assertEquals(new ElapsedHours(1), clock.rule());
        assertEquals(Optional.of(London.at("2026-11-23T11:00")), clock.dueAt(DERBY.calendar()));
        assertEquals(London.at("2026-11-23T10:45"), reminder(clock, response, DERBY));
    }

    @Test
    @DisplayName("DERBY 3.3.1 across the October change: 18 real hours after Sat 24 Oct 2026 12:00 BST is Sun 05:00 GMT")
    void derbyAcrossTheClockChange() {
        ClockDefinition response = definition(DERBY, ServiceCode.ACCOMMODATION, "response");
        SlaClock clock = response.startClock(Instant.parse("2026-10-24T11:00:00Z"), false);
        assertEquals(Instant.parse("2026-10-25T05:00:00Z"), reminder(clock, response, DERBY));
        assertEquals(London.at("2026-10-25T05:00"), reminder(clock, response, DERBY));
    }

    @Test
    @DisplayName("issue 9: an hour rule without 'warn:' is warned at 75% too: an elapsed 24 hours at 18, LEW 8.4's 72 hours at 54")
    void hourRuleDefaultIsThreeQuarters() {
        ClockDefinition plain = constructed(new ElapsedHours(24), Optional.empty());
        assertEquals(Warning.THREE_QUARTERS_GONE, plain.warningOrDefault());
        SlaClock clock = plain.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(London.at("2026-11-24T04:00"), reminder(clock, plain, LLR));

        ClockDefinition cypContact = definition(LEW, ServiceCode.CYP, "contact");
        assertEquals(Optional.empty(), cypContact.warning(), "lew.yaml sets no warning");
        SlaClock cyp = cypContact.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(Optional.of(London.at("2026-11-26T10:00")), cyp.dueAt(LEW.calendar()));
        assertEquals(London.at("2026-11-25T16:00"), reminder(cyp, cypContact, LEW));
    }

    @Test
    @DisplayName("the configured fraction is used: elapsed-fraction 0.5 of 24 hours warns at 12 hours")
    void configuredFraction() {
        ClockDefinition half = constructed(new ElapsedHours(24), Optional.of(new Warning(Warning.Kind.FRACTION_ELAPSED, new BigDecimal("0.5"))));
        SlaClock clock = half.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(London.at("2026-11-23T22:00"), reminder(clock, half, LLR));
    }

    /**
     * LLR's answerphone callback clock as llr.yaml has it but without its {@code warn:} (issue 10 set
     * opening-on-due-day there): the hour rules' 75% default, counted back in working hours.
     */
    private static ClockDefinition callbackWithoutWarn() {
        ClockDefinition callback = LLR.clock("answerphone-callback");
        return new ClockDefinition(callback.name(), callback.description(), callback.start(), callback.stop(), callback.rule(),
                callback.urgentRule(), callback.clause(), callback.kpi(), Optional.empty());
    }

    @ParameterizedTest(name = "LLR 9.23 without warn: a message {0} ({1}) is due {2}; the 75% reminder, with 6 working hours left, {3}")
    @CsvSource({
        "2026-11-20T18:00, Fri 18:00,                    2026-11-23T18:00, 2026-11-23T12:00",
        "2026-12-24T20:00, Christmas Eve 20:00,          2026-12-29T20:00, 2026-12-29T14:00",
        "2026-11-20T03:00, Fri 03:00: back into Friday,  2026-11-23T03:00, 2026-11-20T21:00",
        "2026-11-21T10:00, Saturday: counts from Monday, 2026-11-24T00:00, 2026-11-23T18:00",
        "2026-10-23T18:00, across the October change,    2026-10-26T18:00, 2026-10-26T12:00"
    })
    void answerphoneCallbackCountsBackWorkingHours(String left, String description, String due, String reminder) {
        ClockDefinition callback = callbackWithoutWarn();
        assertEquals(Warning.THREE_QUARTERS_GONE, callback.warningOrDefault(), "working-hours is an hour rule");
        SlaClock clock = callback.startClock(London.at(left), false);
        assertEquals(Optional.of(London.at(due)), clock.dueAt(CALENDAR), description);
        Instant at = reminder(clock, callback, LLR);
        assertEquals(London.at(reminder), at, description);
        assertEquals(Duration.ofHours(18), CALENDAR.workingTimeBetween(clock.startedAt(), at), "18 of the 24 working hours gone: " + description);
    }

    // ------------------------------------------------------------------ pauses

    @ParameterizedTest(name = "issue 9: {0} paused {3} to {4}: due {5}, reminder {6} — both move")
    @CsvSource({
        // elapsed hours: the 3 hours paused move both by 3 hours
        "DERBY 3.3.1 response,    DERBY, 2026-11-23T10:00, 2026-11-23T12:00, 2026-11-23T15:00, 2026-11-24T13:00, 2026-11-24T07:00",
        // working days: Monday's 17:00 passed while paused, so one working day later
        "LLR 9.38a allocation,    LLR,   2026-11-23T10:00, 2026-11-23T11:00, 2026-11-24T10:00, 2026-11-26T17:00, 2026-11-26T09:00",
        // working hours (LLR's callback without its warn:, so the 75% default): the 3 working hours paused move both by 3 hours
        "LLR 9.23 callback,       LLR,   2026-11-20T18:00, 2026-11-23T09:00, 2026-11-23T12:00, 2026-11-23T21:00, 2026-11-23T15:00",
        // working hours: a pause over the weekend moves nothing
        "LLR 9.23 callback,       LLR,   2026-11-20T18:00, 2026-11-21T09:00, 2026-11-22T12:00, 2026-11-23T18:00, 2026-11-23T12:00"
    })
    void pauseMovesDueAndReminderTogether(String clause, String contractCode, String start, String pausedAt, String resumedAt,
            String due, String reminder) {
        Contract contract = CONTRACTS.contract(contractCode).orElseThrow();
        ClockDefinition definition = clause.contains("response") ? definition(contract, ServiceCode.ACCOMMODATION, "response")
                : clause.contains("allocation") ? definition(contract, ServiceCode.IMCA, "allocation")
                : callbackWithoutWarn();
        SlaClock running = definition.startClock(London.at(start), false);
        SlaClock paused = running.pause(London.at(pausedAt), WAITING);
        assertEquals(Optional.empty(), paused.dueAt(contract.calendar()), "while paused the due time is not known");
        SlaClock resumed = paused.resume(London.at(resumedAt));
        assertEquals(Optional.of(London.at(due)), resumed.dueAt(contract.calendar()), clause);
        assertEquals(London.at(reminder), reminder(resumed, definition, contract), clause);
    }

    // ------------------------------------------------------------------ next and dueAt

    private static final Instant REMINDER_AT = London.at("2026-11-25T09:00");
    private static final Instant DUE = London.at("2026-11-25T17:00");

    @Test
    @DisplayName("next: waiting for the reminder, it is next at its time; once raised, the escalation is next 1 ms after the due time")
    void nextAlert() {
        assertEquals(new Next(Kind.REMINDER, REMINDER_AT), DeadlineAlerts.next(Kind.REMINDER, REMINDER_AT, DUE));
        assertEquals(new Next(Kind.ESCALATION, DUE.plusMillis(1)), DeadlineAlerts.next(Kind.ESCALATION, REMINDER_AT, DUE));
        assertEquals(new Next(Kind.REMINDER, DUE.minusMillis(1)), DeadlineAlerts.next(Kind.REMINDER, DUE.minusMillis(1), DUE));
    }

    @Test
    @DisplayName("next: a reminder that would come at or after the deadline is skipped for the escalation, 1 ms after the due time")
    void reminderAtOrAfterTheDeadlineIsSkipped() {
        assertEquals(new Next(Kind.ESCALATION, DUE.plusMillis(1)), DeadlineAlerts.next(Kind.REMINDER, DUE, DUE));
        assertEquals(new Next(Kind.ESCALATION, DUE.plusMillis(1)), DeadlineAlerts.next(Kind.REMINDER, DUE.plusSeconds(3600), DUE));
    }

    @ParameterizedTest(name = "dueAt: at {0} a clock waiting for the {1} raises {2}")
    @CsvSource({
        "2026-11-25T08:59:59.999, REMINDER,   -",           // nothing before the reminder
        "2026-11-25T09:00,        REMINDER,   REMINDER",    // the reminder at its time exactly
        "2026-11-25T12:00,        REMINDER,   REMINDER",    // a timer run that comes later
        "2026-11-25T17:00,        REMINDER,   REMINDER",    // at the due time the deadline can still be met: no escalation
        "2026-11-25T17:00,        ESCALATION, -",           // requirements §5: met by an event exactly at it
        "2026-11-25T17:00:00.001, ESCALATION, ESCALATION",  // missed only after
        "2026-11-25T17:00:00.001, REMINDER,   ESCALATION",  // the timer only got there after the due time: escalate, not remind
        "2026-11-30T10:00,        REMINDER,   ESCALATION",
        "2026-11-25T12:00,        ESCALATION, -",           // reminder raised already: nothing until the deadline passes
        "2026-11-30T10:00,        ESCALATION, ESCALATION"
    })
    void alertDueAt(String now, Kind waiting, String expected) {
        Optional<Kind> kind = DeadlineAlerts.dueAt(London.at(now), waiting, REMINDER_AT, DUE);
        assertEquals("-".equals(expected) ? Optional.empty() : Optional.of(Kind.valueOf(expected)), kind);
    }

    @Test
    @DisplayName("next and dueAt agree: the alert next indexes a clock at is not due a millisecond before that time, and is due at it")
    void nextAndDueAtAgree() {
        for (Instant reminderAt : List.of(REMINDER_AT, DUE.minusMillis(1), DUE, DUE.plusSeconds(60))) {
            for (Kind stage : Kind.values()) {
                Next next = DeadlineAlerts.next(stage, reminderAt, DUE);
                String where = stage + " stage, reminder " + reminderAt;
                assertEquals(Optional.of(next.kind()), DeadlineAlerts.dueAt(next.at(), next.kind(), reminderAt, DUE), where);
                assertEquals(Optional.empty(), DeadlineAlerts.dueAt(next.at().minusMillis(1), next.kind(), reminderAt, DUE), where);
            }
        }
    }

    // ------------------------------------------------------------------ watched

    private static int sequence;

    private static ReferralCase referral(String contract, ServiceCode service, Urgency urgency, Instant received, List<SlaClock> clocks) {
        Person person = new Person("Alex Testperson", LocalDate.of(2008, 5, 17), Gender.FEMALE, Ethnicity.WHITE_BRITISH, Set.of(),
                Residence.CARE_HOME, null, null, "LEICESTER", null, null, false);
        Referrer referrer = new Referrer(ReferrerRelationship.PROFESSIONAL, "Sam", "Social worker", "Council", "sam@council.example", null);
        ReferralDetails details = new ReferralDetails(service, ReferralRoute.EMAIL, ReferralSource.CHILDRENS_SOCIAL_CARE, person, referrer,
                urgency, null, null, Awareness.AWARE_AND_AGREES, "Reason", Map.of());
        return ReferralCase.received(new ReferralReference(contract, 2026, ++sequence), details, received, null, clocks);
    }

    @Test
    @DisplayName("watched: only running clocks with a known due time; stopped clocks and clocks paused before their deadline raise nothing")
    void watchedClocks() {
        Instant monday = London.at("2026-11-23T10:00");
        Instant allocated = London.at("2026-11-24T11:00");
        SlaClock allocation = definition(LLR, ServiceCode.IMCA, "allocation").startClock(monday, false).stop(allocated);
        SlaClock firstContact = definition(LLR, ServiceCode.IMCA, "first-contact").startClock(allocated, false);
        SlaClock firstMeeting = definition(LLR, ServiceCode.IMCA, "first-meeting").startClock(allocated, false)
                .pause(London.at("2026-11-24T12:00"), WAITING);
        ReferralCase referral = referral("LLR", ServiceCode.IMCA, Urgency.STANDARD, monday, List.of(allocation, firstContact, firstMeeting));

        List<Watched> watched = DeadlineAlerts.watched(referral, LLR);
        assertEquals(List.of("first-contact"), watched.stream().map(w -> w.clock().name()).toList());
        Watched contact = watched.get(0);
        assertEquals(definition(LLR, ServiceCode.IMCA, "first-contact"), contact.definition());
        assertEquals(London.at("2026-11-25T17:00"), contact.dueAt());
        assertEquals(London.at("2026-11-25T09:00"), contact.reminderAt());
        assertFalse(contact.urgent());

        // resumed on Thursday: Tuesday's and Wednesday's 17:00 passed while paused, so two working days later
        SlaClock resumed = firstMeeting.resume(London.at("2026-11-26T10:00"));
        ReferralCase after = referral("LLR", ServiceCode.IMCA, Urgency.STANDARD, monday, List.of(allocation, firstContact.stop(allocated), resumed));
        Watched meeting = DeadlineAlerts.watched(after, LLR).get(0);
        assertEquals("first-meeting", meeting.clock().name());
        assertEquals(London.at("2026-12-07T17:00"), meeting.dueAt());
        assertEquals(London.at("2026-12-07T09:00"), meeting.reminderAt());

        ReferralCase allStopped = referral("LLR", ServiceCode.IMCA, Urgency.STANDARD, monday,
                List.of(allocation, firstContact.stop(allocated), resumed.stop(London.at("2026-11-27T10:00"))));
        assertEquals(List.of(), DeadlineAlerts.watched(allStopped, LLR));
    }

    @Test
    @DisplayName("watched: a clock paused only after its deadline passed keeps its due time (SlaRule): it is watched, and escalated")
    void pausedAfterTheDeadline() {
        Instant monday = London.at("2026-11-23T10:00");
        SlaClock allocation = definition(LLR, ServiceCode.IMCA, "allocation").startClock(monday, false)
                .pause(London.at("2026-11-26T10:00"), WAITING);
        ReferralCase referral = referral("LLR", ServiceCode.IMCA, Urgency.STANDARD, monday, List.of(allocation));
        Watched watched = DeadlineAlerts.watched(referral, LLR).get(0);
        assertEquals(London.at("2026-11-25T17:00"), watched.dueAt());
        assertEquals(Optional.of(Kind.ESCALATION),
                DeadlineAlerts.dueAt(London.at("2026-11-26T10:01"), Kind.REMINDER, watched.reminderAt(), watched.dueAt()));
    }

    @Test
    @DisplayName("watched: a clock the referral's service does not define raises nothing")
    void clockTheServiceDoesNotDefine() {
        Instant monday = London.at("2026-11-23T10:00");
        SlaClock stray = SlaClock.start("not-in-imca", new WorkingDays(2), monday);
        ReferralCase referral = referral("LLR", ServiceCode.IMCA, Urgency.STANDARD, monday, List.of(stray));
        assertEquals(List.of(), DeadlineAlerts.watched(referral, LLR));
    }

    @Test
    @DisplayName("DERBY 3.3.1: the urgent flag comes from the referral's urgency, and an urgent response is reminded at 45 minutes")
    void urgentFromTheReferral() {
        ClockDefinition response = definition(DERBY, ServiceCode.ACCOMMODATION, "response");
        Instant received = London.at("2026-11-23T10:00");
        ReferralCase urgent = referral("DERBY", ServiceCode.ACCOMMODATION, Urgency.URGENT, received,
                List.of(response.startClock(received, true)));
        Watched urgentWatch = DeadlineAlerts.watched(urgent, DERBY).get(0);
        assertTrue(urgentWatch.urgent());
        assertEquals(London.at("2026-11-23T11:00"), urgentWatch.dueAt());
        assertEquals(London.at("2026-11-23T10:45"), urgentWatch.reminderAt());

        ReferralCase standard = referral("DERBY", ServiceCode.ACCOMMODATION, Urgency.STANDARD, received,
                List.of(response.startClock(received, false)));
        Watched standardWatch = DeadlineAlerts.watched(standard, DERBY).get(0);
        assertFalse(standardWatch.urgent());
        assertEquals(London.at("2026-11-24T10:00"), standardWatch.dueAt());
        assertEquals(London.at("2026-11-24T04:00"), standardWatch.reminderAt());
    }

    // ------------------------------------------------------------------ mixed rules

    @Test
    @DisplayName("an urgent rule that counts days is warned by the day rules' default (opening on the due day), though the standard rule counts hours")
    void urgentDayRuleUnderAnHourRuleGetsTheDayDefault() {
        ClockDefinition mixed = new ClockDefinition("mixed", "respond", ClockEvent.REFERRAL_RECEIVED, ClockEvent.ALLOCATED,
                new ElapsedHours(72), Optional.of(new WorkingDays(1)), "LLR 9.38a", Optional.empty());
        SlaClock urgent = mixed.startClock(London.at("2026-11-23T10:00"), true);
        assertEquals(Optional.of(London.at("2026-11-24T17:00")), urgent.dueAt(CALENDAR));
        assertEquals(London.at("2026-11-24T09:00"), reminder(urgent, mixed, LLR),
                "not 25% of '1' hour before 17:00: the amount of a day rule is not hours");
        SlaClock standard = mixed.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(London.at("2026-11-25T16:00"), reminder(standard, mixed, LLR), "the 72-hour rule at 54 hours");
    }

    @Test
    @DisplayName("the day rules' default is used with calendar days too: CalendarDays(7) warns at the opening on its last day")
    void calendarDaysDefault() {
        ClockDefinition week = constructed(new CalendarDays(7), Optional.empty());
        assertEquals(Warning.OPENING_ON_DUE_DAY, week.warningOrDefault());
        SlaClock clock = week.startClock(London.at("2026-11-23T10:00"), false);
        assertEquals(Optional.of(London.at("2026-12-01T00:00")), clock.dueAt(CALENDAR));
        assertEquals(London.at("2026-11-30T09:00"), reminder(clock, week, LLR));
        assertEquals(London.at("2026-11-30T08:00"),
                DeadlineAlerts.reminderAt(clock, week, clock.dueAt(CALENDAR).orElseThrow(), DERBY.serviceHours(), CALENDAR));
        assertEquals(ServiceHours.Days.EVERY_DAY, DERBY.serviceHours().days());
    }
}
