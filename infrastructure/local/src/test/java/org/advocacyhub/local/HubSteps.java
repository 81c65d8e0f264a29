package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** What the tests on the whole {@code ./run-local} stack do first, written once: start it, refer, wait for screening, move time. */
final class HubSteps {

    private HubSteps() {
    }

    /** The stack on free ports with its clock at {@code localClock} and the demo team in the directory. */
    static LocalHub.Running start(LocalHub hub, String localClock) throws Exception {
        LocalHub.Running running = hub.start(Map.of("PORT", BrowserPages.freePort(), "DYNAMODB_PORT", BrowserPages.freePort(),
                "SQS_PORT", BrowserPages.freePort(), "SES_PORT", BrowserPages.freePort(), "S3_PORT", BrowserPages.freePort(),
                "LOCAL_CLOCK", localClock));
        DemoTeam.seed(DemoTeam.members(Instant.parse(localClock).atZone(ZoneId.of("Europe/London")).toLocalDate()), running.routes(),
                running.functions().get("CaseworkFunction"));
        return running;
    }

    /** Refers an example through the JSON intake and waits until screening has accepted it. */
    static String refer(LocalHub.Running running, String example) throws Exception {
        RawHttp.Response created = RawHttp.send(running.port(), "POST", "/referrals", List.of("Content-Type: application/json"),
                Files.readAllBytes(running.stack().template().path().getParent().resolve("infrastructure/events/" + example)));
        assertEquals(201, created.status(), created.text());
        @SuppressWarnings("unchecked")
        String reference = (String) JsonMapper.createDefault().readValue(created.body(), Map.class).get("reference");
        awaitScreened(running, reference);
        return reference;
    }

    /** Waits (up to 30 s) until the screening function, fed by the stack's queue poller, has accepted the referral. */
    static void awaitScreened(LocalHub.Running running, String reference) throws Exception {
        String token = running.jwt().issue("local-manager", "manager", Duration.ofHours(1));
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            RawHttp.Response view = RawHttp.send(running.port(), "GET", "/cases/" + reference, List.of("Authorization: Bearer " + token),
                    new byte[0]);
            if (view.text().contains("\"status\":\"AWAITING_ALLOCATION\"")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(reference + " was not accepted by screening within 30 s");
    }

    /** Moves the hub's clock on (the local clock's control, as the README's walk-throughs do). */
    static void later(LocalHub.Running running, Duration by) throws Exception {
        RawHttp.Response moved = RawHttp.send(running.port(), "POST", LocalClockEndpoint.PATH, List.of("Content-Type: application/json"),
                ("{\"advance\":\"" + by + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, moved.status(), moved.text());
    }

    /** Moves the hub's clock on to {@code at} (at most a year ahead), firing each schedule that fell due on the way once. */
    static String to(LocalHub.Running running, java.time.Instant at) throws Exception {
        RawHttp.Response moved = RawHttp.send(running.port(), "POST", LocalClockEndpoint.PATH, List.of("Content-Type: application/json"),
                ("{\"to\":\"" + at + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, moved.status(), moved.text());
        return moved.text();
    }
}
