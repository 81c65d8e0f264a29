package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.SesMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's deadline-alerts walk-through, step by step, on the real {@code ./run-local} stack
 * (its gateway, schedules, queue pollers and engines): a referral at 8pm on Christmas Eve, the
 * reminder at 9am on 31 December, the escalation at 17:01, and nothing more a day later.
 */
class ChristmasWalkThroughIT {

    private static final List<String> JSON = List.of("Content-Type: application/json");
    private static final String MORGAN = "morgan.manager@advocacy-hub.localhost";

    private final JsonMapper json = JsonMapper.createDefault();
    private LocalHub hub;
    private LocalHub.Running running;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void llr938aTheReadmeWalkThroughGivesOneReminderThenOneEscalationToTheDutyManager() throws Exception {
        hub = new LocalHub();
        running = hub.start(Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                "SES_PORT", freePort(), "S3_PORT", freePort(), "LOCAL_CLOCK", "2026-12-24T20:00:00Z"));
        DemoTeam.seed(DemoTeam.members(java.time.LocalDate.of(2026, 12, 24)), running.routes(), running.functions().get("CaseworkFunction"));
        int port = running.port();
        SesMailbox mailbox = SesMailbox.awsSesV2Local(running.engines().sesEndpoint());

        RawHttp.Response referred = RawHttp.send(port, "POST", "/referrals", List.of("Content-Type: application/json",
                "Idempotency-Key: xmas-1"), Files.readAllBytes(running.stack().template().path().getParent()
                .resolve("infrastructure/events/referral-imca.json")));
        assertEquals(201, referred.status(), referred.text());
        String reference = (String) read(referred).get("reference");
        mailbox.await(e -> e.subject().equals("Referral " + reference + " accepted"), Duration.ofSeconds(20));

        Map<String, Object> nine = move("{\"to\":\"2026-12-31T09:00:00Z\"}");
        assertEquals("2026-12-31T09:00:00Z", nine.get("now"));
        assertTrue(((List<?>) nine.get("fired")).containsAll(List.of("AllocationTimerFunction-EveryMinute",
                "AllocationTimerFunction-DailyDigest")), nine.toString());
        SesMailbox.SentEmail reminder = mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().startsWith("Reminder"), Duration.ofSeconds(20));
        assertEquals("Reminder: case " + reference + " allocation due 5pm on Thursday 31 December 2026", reminder.subject());
        assertTrue(reminder.text().contains("http://localhost:" + port + "/cases/" + reference), "a link to this gateway: " + reminder.text());
        mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().equals("Deadlines Thursday 31 December 2026: 0 overdue, 1 due today"),
                Duration.ofSeconds(20));

        move("{\"to\":\"2026-12-31T17:01:00Z\"}");
        SesMailbox.SentEmail missed = mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().startsWith("Missed"), Duration.ofSeconds(20));
        assertEquals("Missed: case " + reference + " allocation was due 5pm on Thursday 31 December 2026", missed.subject());

        move("{\"advance\":\"PT26H\"}");
        // New Year's Day: the timer and the digest run again; wait for the digest (DERBY's service is open) so their mail is in.
        mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().startsWith("Deadlines Friday 1 January 2027"), Duration.ofSeconds(20));
        List<String> alerts = mailbox.emailsTo(MORGAN).stream().map(SesMailbox.SentEmail::subject)
                .filter(s -> s.startsWith("Reminder") || s.startsWith("Missed")).toList();
        assertEquals(List.of(reminder.subject(), missed.subject()), alerts, "no second email");
    }

    private Map<String, Object> move(String body) throws IOException {
        RawHttp.Response response = RawHttp.send(running.port(), "POST", LocalClockEndpoint.PATH, JSON, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.text());
        Map<String, Object> moved = read(response);
        assertEquals(List.of(), moved.get("failed"), moved.toString());
        return moved;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(RawHttp.Response response) throws IOException {
        return json.readValue(response.body(), Map.class);
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
