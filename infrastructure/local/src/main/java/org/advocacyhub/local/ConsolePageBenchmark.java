package org.advocacyhub.local;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The staff console's page times against the local engines (issue 13's closing note): each page
 * fetched through the local gateway with a signed-in session, as a browser would, after a
 * warm-up, against the JSON API route on the same use case in the same run (the baseline: same
 * reads, JSON instead of HTML). Its own engines on free ports; {@code ./run-local} not needed.
 * Usage: {@code infrastructure/local/console-bench.sh [requests-per-page] [waiting-cases]}.
 */
public final class ConsolePageBenchmark {

    private ConsolePageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int waiting = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        try (LocalHub hub = new LocalHub()) {
            LocalHub.Running running = hub.start(Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                    "SES_PORT", freePort(), "S3_PORT", freePort(), "LOCAL_CLOCK", "2026-11-23T10:00:00Z"));
            DemoTeam.seed(DemoTeam.members(java.time.LocalDate.of(2026, 11, 23)), running.routes(), running.functions().get("CaseworkFunction"));
            String base = "http://localhost:" + running.port();
            HttpClient http = HttpClient.newHttpClient();
            String bearer = "Bearer " + running.jwt().issue("local-manager", "manager", Duration.ofHours(2));
            String manager = "hub_session=" + running.jwt().issue("local-manager", "manager", "morgan.manager@advocacy-hub.localhost",
                    Duration.ofHours(2));
            String advocate = "hub_session=" + running.jwt().issue("local-advocate", "advocate", "ira.imca@advocacy-hub.localhost",
                    Duration.ofHours(2));
            byte[] referral = Files.readAllBytes(running.stack().template().path().getParent().resolve("infrastructure/events/referral-imca.json"));
            List<String> references = new ArrayList<>();
            for (int i = 0; i < waiting + 1; i++) {
                HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/referrals"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(referral)).build(),
                        HttpResponse.BodyHandlers.ofString());
                String body = created.body();
                references.add(body.substring(body.indexOf("\"reference\":\"") + 13, body.indexOf('"', body.indexOf("\"reference\":\"") + 13)));
            }
            for (String reference : references) {
                long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!get(http, base + "/cases/" + reference, "Authorization", bearer).body().contains("AWAITING_ALLOCATION")) {
                    if (System.nanoTime() > until) {
                        throw new IllegalStateException(reference + " not screened");
                    }
                    Thread.sleep(50);
                }
            }
            String own = references.get(0);
            HttpResponse<String> allocated = http.send(HttpRequest.newBuilder(URI.create(base + "/cases/" + own + "/allocation"))
                    .header("Authorization", bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"advocateId\":\"ira-imca\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (allocated.statusCode() != 200) {
                throw new IllegalStateException("allocation: " + allocated.statusCode());
            }

            // Each page with, where the JSON API reads the same, its baseline: measured in alternation, request by request,
            // so both see the same table (every case view adds to the case's audit trail).
            List<String[]> pages = List.of(
                    new String[] {"GET /console (manager's home)", "/console", "Cookie", manager},
                    new String[] {"GET /console/waiting-list (" + waiting + " cases)", "/console/waiting-list?contract=LLR", "Cookie", manager,
                            "JSON GET /waiting-list", "/waiting-list?contract=LLR", "Authorization", bearer},
                    new String[] {"GET /console/cases/{ref} (advocate)", "/console/cases/" + own, "Cookie", advocate,
                            "JSON GET /cases/{ref}", "/cases/" + own, "Authorization", bearer},
                    new String[] {"GET /console (advocate's home)", "/console", "Cookie", advocate},
                    new String[] {"GET /console/answerphone", "/console/answerphone?contract=LLR", "Cookie", manager},
                    new String[] {"GET /console/staff", "/console/staff", "Cookie", manager},
                    new String[] {"GET /console/reports", "/console/reports", "Cookie", manager});
            System.out.printf("Console pages through the local gateway, %d requests each after %d warm-up (%s, %d cores)%n",
                    requests, requests / 4, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            for (String[] p : pages) {
                boolean paired = p.length > 4;
                long[] nanos = new long[requests];
                long[] baseline = new long[requests];
                for (int i = -requests / 4; i < requests; i++) {
                    long start = System.nanoTime();
                    check(get(http, base + p[1], p[2], p[3]), p[0]);
                    long page = System.nanoTime() - start;
                    long json = 0;
                    if (paired) {
                        start = System.nanoTime();
                        check(get(http, base + p[5], p[6], p[7]), p[4]);
                        json = System.nanoTime() - start;
                    }
                    if (i >= 0) {
                        nanos[i] = page;
                        baseline[i] = json;
                    }
                }
                Arrays.sort(nanos);
                System.out.printf("%-44s median %6.2f ms   p99 %6.2f ms%n", p[0], nanos[requests / 2] / 1e6,
                        nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6);
                if (paired) {
                    Arrays.sort(baseline);
                    System.out.printf("  %-42s median %6.2f ms   p99 %6.2f ms   page/JSON %.2f%n", p[4] + " (same use case)",
                            baseline[requests / 2] / 1e6, baseline[(int) Math.ceil(requests * 0.99) - 1] / 1e6,
                            (double) nanos[requests / 2] / baseline[requests / 2]);
                }
            }
        }
        System.exit(0);
    }

    private static HttpResponse<String> get(HttpClient http, String url, String header, String value) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header(header, value).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode());
        }
    }

    private static String freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
