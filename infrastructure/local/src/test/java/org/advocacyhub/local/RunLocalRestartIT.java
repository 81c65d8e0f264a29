package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./run-local} stopped and started again on its kept data: the demo team is not put back over a record a user
 * changed, the clock resumes where it was moved to unless {@code LOCAL_CLOCK} says otherwise, and {@code --fresh}
 * deletes the data saying what it was.
 */
class RunLocalRestartIT {

    @TempDir
    Path localDir;

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void aRestartKeepsWhatUsersChangedAndTheClocksPositionAndFreshStartsEmpty() throws Exception {
        String manager;
        Duration moved;
        try (LocalHub hub = new LocalHub()) {
            LocalHub.Running running = hub.start(settings(Map.of("LOCAL_CLOCK", "2026-11-23T10:00:00Z")));
            List<DemoTeam.Member> team = DemoTeam.members(java.time.LocalDate.of(2026, 11, 23));
            assertEquals(team.size(), DemoTeam.seed(team, running.routes(), running.functions().get("CaseworkFunction")).size());
            manager = "Authorization: Bearer " + running.jwt().issue("local-manager", "manager", Duration.ofHours(1));
            String changed = team.get(1).body().replace("\"Ira Imca\"", "\"Ira Imca-Changed\"");
            RawHttp.Response put = RawHttp.send(running.port(), "PUT", "/staff/" + team.get(1).staffId(),
                    List.of(manager, "Content-Type: application/json"), changed.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, put.status(), put.text());
            RawHttp.Response move = RawHttp.send(running.port(), "POST", LocalClockEndpoint.PATH,
                    List.of("Content-Type: application/json"), "{\"advance\":\"PT26H\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, move.status(), move.text());
            moved = Duration.parse((String) json.readValue(move.body(), Map.class).get("offset"));
        }

        try (LocalHub hub = new LocalHub()) {
            LocalHub.Running running = hub.start(settings(Map.of()));
            assertEquals(moved, running.offset(), "the clock resumes where /_local/clock left it");
            List<DemoTeam.Member> team = DemoTeam.members(java.time.LocalDate.of(2026, 11, 24));
            assertEquals(List.of(), DemoTeam.seed(team, running.routes(), running.functions().get("CaseworkFunction")),
                    "every member is there already");
            String manager2 = "Authorization: Bearer " + running.jwt().issue("local-manager", "manager", Duration.ofHours(1));
            RawHttp.Response staff = RawHttp.send(running.port(), "GET", "/staff", List.of(manager2));
            assertEquals(200, staff.status());
            assertTrue(staff.text().contains("Ira Imca-Changed"), "the change a user made is kept");
        }

        try (LocalHub hub = new LocalHub()) {
            LocalHub.Running running = hub.start(settings(Map.of("LOCAL_CLOCK", "2026-12-24T20:00:00Z")));
            assertFalse(running.offset().equals(moved), "LOCAL_CLOCK given explicitly wins over the kept position");
        }

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FreshStart.delete(localDir.resolve("data"), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String said = printed.toString(StandardCharsets.UTF_8);
        assertFalse(Files.exists(localDir.resolve("data")), "the data is gone");
        for (String part : List.of("dynamodb", "sqs", "s3", "ses", ClockPosition.FILE_NAME)) {
            assertTrue(said.contains(part), "it says it deleted " + part + ": " + said);
        }
        try (LocalHub hub = new LocalHub()) {
            LocalHub.Running running = hub.start(settings(Map.of()));
            assertEquals(Duration.ZERO, running.offset(), "a fresh start starts the clock at the real time");
            List<DemoTeam.Member> team = DemoTeam.members(java.time.LocalDate.now());
            assertEquals(team.size(), DemoTeam.seed(team, running.routes(), running.functions().get("CaseworkFunction")).size(),
                    "an empty directory, so the whole team is added again");
        }
    }

    private Map<String, String> settings(Map<String, String> more) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : List.of("PORT", "DYNAMODB_PORT", "SQS_PORT", "SES_PORT", "S3_PORT")) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                env.put(name, String.valueOf(socket.getLocalPort()));
            }
        }
        env.put(LocalHub.LOCAL_DIR, localDir.toString());
        env.putAll(more);
        return env;
    }
}
