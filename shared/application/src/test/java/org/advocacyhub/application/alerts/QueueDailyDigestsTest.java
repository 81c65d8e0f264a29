package org.advocacyhub.application.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 23: the daily run puts the case studies reminders on the queue after their due time, on the contracts' own days. */
class QueueDailyDigestsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final FinancialQuarter Q3 = new FinancialQuarter(2026, 3);
    private static final Instant DUE = LocalDateTime.parse("2027-01-06T17:00").atZone(LONDON).toInstant();

    private static List<Alert.CaseStudiesDue> at(String londonDateTime) {
        Instant now = LocalDateTime.parse(londonDateTime).atZone(LONDON).toInstant();
        QueueDailyDigests run = new QueueDailyDigests(ContractCatalogue.bundled(), null, alerts -> { }, Clock.fixed(now, LONDON));
        return run.caseStudiesDue(LocalDate.ofInstant(now, LONDON));
    }

    @Test
    @DisplayName("Due at the close of Wednesday 6 January 2027 (the third working day after Q3): the 08:30 run on Thursday puts "
            + "one reminder each for LLR and LEW on the queue, none for DERBY, which asks for neither")
    void theFirstRunAfterTheDueTime() {
        assertEquals(List.of(), at("2027-01-06T08:30"), "not yet due");
        assertEquals(List.of(new Alert.CaseStudiesDue("LLR", Q3, DUE), new Alert.CaseStudiesDue("LEW", Q3, DUE)), at("2027-01-07T08:30"));
    }

    @Test
    @DisplayName("Not on a day the service is closed, and not past the two weeks after the due day (the ledger sends it once)")
    void onOpenDaysWithinTheWindow() {
        assertEquals(List.of(), at("2027-01-09T08:30"), "a Saturday: LLR and LEW are closed");
        assertEquals(2, at("2027-01-20T08:30").size(), "still put on the queue: decided once by the alert ledger");
        assertEquals(List.of(), at("2027-01-21T08:30"));
    }
}
