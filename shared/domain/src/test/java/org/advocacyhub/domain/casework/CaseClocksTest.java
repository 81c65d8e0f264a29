package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.SlaClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What case events do to a case's clocks, as the contract files define them (requirements §5). */
class CaseClocksTest {

    private static final Contract LLR = ContractCatalogue.bundled().contract("LLR").orElseThrow();
    private static final ServiceConfig IMCA = LLR.service(ServiceCode.IMCA);
    private static final ServiceConfig IMHA = LLR.service(ServiceCode.IMHA);
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");

    private static SlaClock clock(List<SlaClock> clocks, String name) {
        return clocks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("LLR 9.38a-c: allocation stops the allocation clock (met) and starts first contact and first meeting")
    void allocationStopsAndStarts() {
        List<SlaClock> received = List.of(IMCA.clock("allocation").startClock(MONDAY, false));
        CaseClocks.Applied applied = CaseClocks.on(received, IMCA, ClockEvent.ALLOCATED, MONDAY.plusSeconds(3600), Map.of(), false,
                LLR.calendar());
        assertEquals(1, applied.stopped().size());
        assertTrue(applied.stopped().get(0).met());
        assertEquals(Instant.parse("2026-11-25T17:00:00Z"), applied.stopped().get(0).dueAt());
        assertEquals(List.of("first-contact", "first-meeting"), applied.started());
        assertFalse(clock(applied.clocks(), "first-contact").isStopped());
    }

    @Test
    @DisplayName("a clock already stopped is left alone: only the first contact counts")
    void onlyTheFirstStops() {
        List<SlaClock> clocks = List.of(IMCA.clock("first-contact").startClock(MONDAY, false).stop(MONDAY.plusSeconds(60)));
        CaseClocks.Applied applied = CaseClocks.on(clocks, IMCA, ClockEvent.FIRST_CONTACT, MONDAY.plusSeconds(7200), Map.of(), false,
                LLR.calendar());
        assertEquals(List.of(), applied.stopped());
        assertEquals(MONDAY.plusSeconds(60), clock(applied.clocks(), "first-contact").stoppedAt());
    }

    @Test
    @DisplayName("LLR 7.25: the IMHA meeting clock starts at first contact; if the meeting was already held it starts stopped, met")
    void startedClockWhoseWorkIsDone() {
        List<SlaClock> clocks = List.of(IMHA.clock("imha-contact").startClock(MONDAY, false));
        CaseClocks.Applied normal = CaseClocks.on(clocks, IMHA, ClockEvent.FIRST_CONTACT, MONDAY.plusSeconds(600), Map.of(), false,
                LLR.calendar());
        assertTrue(normal.started().contains("imha-meeting"));
        assertFalse(clock(normal.clocks(), "imha-meeting").isStopped());

        CaseClocks.Applied held = CaseClocks.on(clocks, IMHA, ClockEvent.FIRST_CONTACT, MONDAY.plusSeconds(600),
                Map.of(ClockEvent.FIRST_MEETING_HELD, MONDAY.plusSeconds(300)), false, LLR.calendar());
        assertTrue(clock(held.clocks(), "imha-meeting").isStopped());
        assertTrue(held.stopped().stream().anyMatch(s -> s.clock().equals("imha-meeting") && s.met()));
    }

    @Test
    @DisplayName("an event recorded as earlier than a clock's start stops it at its start, as met")
    void eventBeforeTheClock() {
        List<SlaClock> clocks = List.of(IMCA.clock("first-meeting").startClock(MONDAY.plusSeconds(3600), false));
        CaseClocks.Applied applied = CaseClocks.on(clocks, IMCA, ClockEvent.FIRST_MEETING_HELD, MONDAY, Map.of(), false, LLR.calendar());
        assertEquals(MONDAY.plusSeconds(3600), applied.stopped().get(0).stoppedAt());
        assertTrue(applied.stopped().get(0).met());
    }

    @Test
    @DisplayName("a paused clock stops at the stop time, or at its pause's start if the stop was recorded earlier")
    void pausedClocks() {
        SlaClock paused = IMCA.clock("allocation").startClock(MONDAY, false).pause(MONDAY.plusSeconds(600), "waiting");
        CaseClocks.Applied applied = CaseClocks.on(List.of(paused), IMCA, ClockEvent.ALLOCATED, MONDAY.plusSeconds(60), Map.of(), false,
                LLR.calendar());
        assertEquals(MONDAY.plusSeconds(600), applied.stopped().get(0).stoppedAt());
        assertFalse(clock(applied.clocks(), "allocation").isPaused());
    }

    @Test
    @DisplayName("LLR 5.23: closing stops every running clock but the one the report ends")
    void stopAllButTheReport() {
        List<SlaClock> clocks = List.of(IMCA.clock("first-meeting").startClock(MONDAY, false),
                IMCA.clock("report").startClock(MONDAY.plusSeconds(60), false));
        CaseClocks.Applied applied = CaseClocks.stopAll(clocks, IMCA, MONDAY.plusSeconds(3600), ClockEvent.REPORT_SENT, LLR.calendar());
        assertTrue(clock(applied.clocks(), "first-meeting").isStopped());
        assertFalse(clock(applied.clocks(), "report").isStopped());
        assertEquals(List.of("first-meeting"), applied.stopped().stream().map(CaseClocks.Stopped::clock).toList());
    }
}
