package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Moving time locally (issue 9 item 5): {@code ./run-local}'s own {@code /_local/clock}, through its real gateway, in
 * front of template.yaml's real functions and schedules on the local engines. The clock only moves forward, so each
 * test measures from the time it reads first, whatever ran before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalClockIT {

    private static final String SWEEP = "ScreeningSweepFunction-EveryFiveMinutes";
    private static final List<String> JSON = List.of("Content-Type: application/json");

    private final JsonMapper json = JsonMapper.createDefault();
    private LocalHub hub;
    private LocalHub.Running running;

    @BeforeAll
    void startRunLocal() throws Exception {
        hub = new LocalHub();
        running = hub.start(Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                "SES_PORT", freePort(), "S3_PORT", freePort(), "LOCAL_CLOCK", "2026-11-23T10:00:00Z"));
        List<DemoTeam.Member> team = DemoTeam.members(java.time.LocalDate.of(2026, 11, 23));
        DemoTeam.seed(team, running.routes(), running.functions().get("CaseworkFunction"));
    }

    @AfterAll
    void stopRunLocal() {
        hub.close();
    }

    @Test
    void advancingTwentySixHoursMovesTheTimeAReferralIsReceivedAtAndGetAgrees() throws Exception {
        Instant before = now();

        Map<String, Object> moved = post("{\"advance\": \"PT26H\"}", 200);
        Instant movedTo = Instant.parse((String) moved.get("now"));
        assertFalse(movedTo.isBefore(before.plus(Duration.ofHours(26))), "moved 26 hours: " + before + " -> " + movedTo);
        Duration offset = Duration.parse((String) moved.get("offset"));

        RawHttp.Response created = RawHttp.send(running.port(), "POST", "/referrals",
                List.of("Content-Type: application/json", "Idempotency-Key: local-clock-1"),
                Files.readAllBytes(running.stack().template().path().getParent().resolve("infrastructure/events/referral-imca.json")));
        assertEquals(201, created.status(), created.text());
        Instant receivedAt = Instant.parse((String) read(created).get("receivedAt"));

        Map<String, Object> after = get();
        assertEquals(offset, Duration.parse((String) after.get("offset")), "GET shows the offset the move left");
        Instant afterNow = Instant.parse((String) after.get("now"));
        assertFalse(receivedAt.isBefore(movedTo), "received at the moved time: " + receivedAt + " before " + movedTo);
        assertFalse(receivedAt.isAfter(afterNow), receivedAt + " after the clock's " + afterNow);
    }

    @Test
    void movingToAnInstantAnswersThatInstantAndGetAndHeadShowTheClock() throws Exception {
        Instant to = now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MINUTES);

        Map<String, Object> moved = post("{\"to\": \"" + to + "\"}", 200);

        assertEquals(to.toString(), moved.get("now"));
        Duration offset = Duration.parse((String) moved.get("offset"));
        Map<String, Object> shown = get();
        assertEquals(offset, Duration.parse((String) shown.get("offset")));
        assertFalse(Instant.parse((String) shown.get("now")).isBefore(to));
        assertEquals(List.of("now", "offset"), List.copyOf(shown.keySet()));

        RawHttp.Response head = RawHttp.send(running.port(), "HEAD", LocalClockEndpoint.PATH, List.of());
        assertEquals(200, head.status());
        assertArrayEquals(new byte[0], head.body(), "HEAD has no body");
        assertEquals(List.of("application/json"), head.exactly("Content-Type"));
    }

    @Test
    void aMoveBackwardsIsA400NamingToAndTheClockStaysWhereItWas() throws Exception {
        Instant now = now();
        Duration offset = offset();

        Map<String, Object> problem = post("{\"to\": \"" + now.minus(Duration.ofHours(1)) + "\"}", 400);

        assertEquals(List.of("to"), fields(problem));
        assertTrue(detail(problem).contains("forward only"), detail(problem));
        assertEquals(offset, offset(), "the clock did not move");
    }

    @Test
    void aMalformedBodyIsA400NamingTheFieldWithoutEchoingItAndMovesNothing() throws Exception {
        Duration offset = offset();

        Map<String, Object> notJson = post("{\"advance\": ", 400);
        assertTrue(((String) notJson.get("detail")).contains("not valid JSON"), notJson.toString());
        assertEquals(List.of("advance"), fields(post("{\"advance\": 26}", 400)), "JSON types are honoured: a number is no duration");
        Map<String, Object> words = post("{\"advance\": \"Alex Testperson\"}", 400);
        assertEquals(List.of("advance"), fields(words));
        assertFalse(json.writeValueAsString(words).contains("Alex"), "the value is never echoed: " + words);
        assertEquals(List.of("advance"), fields(post("{\"advance\": \"-PT1H\"}", 400)), "forward only");
        assertEquals(List.of("advance"), fields(post("{\"advance\": \"P400D\"}", 400)), "at most a year and a day at once");
        assertEquals(List.of("to"), fields(post("{\"to\": \"31/12/2026 17:01\"}", 400)));
        assertEquals(List.of("to"), fields(post("{\"to\": true}", 400)));
        assertEquals(List.of("advance"), fields(post("{}", 400)), "one of advance or to");
        assertEquals(List.of("to"), fields(post("{\"advance\": \"PT1H\", \"to\": \"2027-01-01T00:00:00Z\"}", 400)), "not both");
        assertEquals(List.of("when"), fields(post("{\"when\": \"tomorrow\"}", 400)), "an unknown field is named");
        RawHttp.Response form = RawHttp.send(running.port(), "POST", LocalClockEndpoint.PATH,
                List.of("Content-Type: application/x-www-form-urlencoded"), "advance=PT1H".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, form.status(), form.text());
        assertEquals(405, RawHttp.send(running.port(), "PUT", LocalClockEndpoint.PATH, JSON,
                "{\"advance\": \"PT1H\"}".getBytes(StandardCharsets.UTF_8)).status());

        assertEquals(offset, offset(), "no refused request moved the clock");
    }

    @Test
    void afterAJumpOfAnHourTheFiveMinuteScreeningSweepFiresOnceNotTwelveTimes() throws Exception {
        Map<String, Object> moved = post("{\"advance\": \"PT1H\"}", 200);

        @SuppressWarnings("unchecked")
        List<String> fired = (List<String>) moved.get("fired");
        assertEquals(1, Collections.frequency(fired, SWEEP), "fired: " + fired);
        assertEquals(List.of(), moved.get("failed"));
        Instant next = running.schedules().nextFiring(SWEEP).orElseThrow();
        assertTrue(next.isAfter(Instant.parse((String) moved.get("now"))), "the next sweep is after the jump: " + next);
    }

    @Test
    void aStaffTokenIssuedBeforeAJumpOfAWeekStillWorksAfterIt() throws Exception {
        String manager = "Authorization: Bearer " + running.jwt().issue("local-manager", "manager", Duration.ofHours(12));
        assertEquals(200, RawHttp.send(running.port(), "GET", "/waiting-list?contract=LLR", List.of(manager)).status());

        post("{\"advance\": \"P7D\"}", 200);

        RawHttp.Response after = RawHttp.send(running.port(), "GET", "/waiting-list?contract=LLR", List.of(manager));
        assertEquals(200, after.status(), "a 12-hour token outlives a week's jump of the hub's clock: " + after.text());
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> post(String body, int status) throws IOException {
        RawHttp.Response response = RawHttp.send(running.port(), "POST", LocalClockEndpoint.PATH, JSON,
                body.getBytes(StandardCharsets.UTF_8));
        assertEquals(status, response.status(), body + " -> " + response.text());
        return read(response);
    }

    private Map<String, Object> get() throws IOException {
        RawHttp.Response response = RawHttp.send(running.port(), "GET", LocalClockEndpoint.PATH, List.of());
        assertEquals(200, response.status(), response.text());
        return read(response);
    }

    private Instant now() throws IOException {
        return Instant.parse((String) get().get("now"));
    }

    private Duration offset() throws IOException {
        return Duration.parse((String) get().get("offset"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(RawHttp.Response response) throws IOException {
        return json.readValue(response.body(), Map.class);
    }

    /** The fields a 400's problem details name, in order. */
    @SuppressWarnings("unchecked")
    private static List<String> fields(Map<String, Object> problem) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.getOrDefault("errors", List.of());
        return errors.stream().map(e -> (String) e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String detail(Map<String, Object> problem) {
        return ((List<Map<String, Object>>) problem.get("errors")).get(0).get("detail").toString();
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
