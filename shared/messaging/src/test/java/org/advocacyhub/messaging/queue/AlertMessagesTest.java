package org.advocacyhub.messaging.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.json.JsonMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.Test;

/** The reminder queue's messages: every kind of alert is written and read back as itself, identifiers only. */
class AlertMessagesTest {

    private final AlertMessages messages = new AlertMessages(JsonMapper.createDefault());
    private static final Instant DUE = Instant.parse("2026-10-21T23:00:00Z");

    @Test
    void everyKindOfAlertIsReadBackAsItWasWritten() {
        List<Alert> alerts = List.of(
                new Alert.Deadline(ReferralReference.parse("LLR-2026-000042").orElseThrow(), "allocation", DeadlineAlerts.Kind.REMINDER, DUE),
                new Alert.Callback("AP-LLR-2026-000001", DeadlineAlerts.Kind.ESCALATION, DUE),
                new Alert.ReportDue("LLR", new FinancialQuarter(2026, 2), DeadlineAlerts.Kind.ESCALATION, DUE),
                new Alert.CaseStudiesDue("LLR", new FinancialQuarter(2026, 2), DUE),
                new Alert.Digest(LocalDate.of(2026, 10, 22), "morgan-manager"));
        for (Alert alert : alerts) {
            assertEquals(alert, messages.read(messages.write(alert)));
        }
    }

    @Test
    void aReportAlertNamesTheContractAndQuarterOnly() {
        String body = messages.write(new Alert.ReportDue("LEW", new FinancialQuarter(2026, 3), DeadlineAlerts.Kind.REMINDER, DUE));
        assertEquals(true, body.contains("\"type\":\"ReportAlert\"") && body.contains("\"contract\":\"LEW\"")
                && body.contains("\"quarter\":\"FY2026Q3\""), body);
        assertFalse(body.contains("reference\":\"L"), body);
    }

    @Test
    void aMalformedReportAlertIsRefusedAsUnreadable() {
        for (String body : List.of(
                "{\"type\":\"ReportAlert\",\"version\":1,\"kind\":\"REMINDER\",\"dueAt\":\"2026-10-21T23:00:00Z\",\"contract\":\"LLR\",\"quarter\":\"2026-Q2\"}",
                "{\"type\":\"ReportAlert\",\"version\":1,\"kind\":\"REMINDER\",\"dueAt\":\"2026-10-21T23:00:00Z\",\"contract\":\"llr; drop\",\"quarter\":\"FY2026Q2\"}",
                "{\"type\":\"ReportAlert\",\"version\":1,\"kind\":\"SOON\",\"dueAt\":\"2026-10-21T23:00:00Z\",\"contract\":\"LLR\",\"quarter\":\"FY2026Q2\"}")) {
            assertThrows(ScreeningMessages.UnreadableMessage.class, () -> messages.read(body), body);
        }
    }
}
