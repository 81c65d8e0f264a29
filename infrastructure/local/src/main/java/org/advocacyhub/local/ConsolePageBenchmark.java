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
import java.util.LinkedHashMap;
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

            Map<String, String[]> pages = new LinkedHashMap<>();
            pages.put("GET /console (manager's home)", new String[] {"/console", "Cookie", manager});
            pages.put("GET /console/waiting-list (" + waiting + " cases)", new String[] {"/console/waiting-list?contract=LLR", "Cookie", manager});
            pages.put("  JSON GET /waiting-list (same use case)", new String[] {"/waiting-list?contract=LLR", "Authorization", bearer});
            pages.put("GET /console/cases/{ref} (advocate)", new String[] {"/console/cases/" + own, "Cookie", advocate});
            pages.put("  JSON GET /cases/{ref} (same use case)", new String[] {"/cases/" + own, "Authorization", bearer});
            pages.put("GET /console (advocate's home)", new String[] {"/console", "Cookie", advocate});
            pages.put("GET /console/answerphone", new String[] {"/console/answerphone?contract=LLR", "Cookie", manager});
            pages.put("GET /console/staff", new String[] {"/console/staff", "Cookie", manager});
            pages.put("GET /console/reports", new String[] {"/console/reports", "Cookie", manager});
            System.out.printf("Console pages through the local gateway, %d requests each after %d warm-up, medians (%s, %d cores)%n",
                    requests, requests / 4, System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            Map<String, Long> medians = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> page : pages.entrySet()) {
                String[] p = page.getValue();
                for (int i = 0; i < requests / 4; i++) {
                    check(get(http, base + p[0], p[1], p[2]), page.getKey());
                }
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    check(get(http, base + p[0], p[1], p[2]), page.getKey());
                    nanos[i] = System.nanoTime() - start;
                }
                Arrays.sort(nanos);
                medians.put(page.getKey(), nanos[requests / 2]);
                System.out.printf("%-48s median %6.2f ms   p99 %6.2f ms%n", page.getKey(), nanos[requests / 2] / 1e6,
                        nanos[(int) Math.ceil(requests * 0.99) - 1] / 1e6);
            }
            System.out.printf("ratio waiting-list page / JSON: %.2f; case page / JSON: %.2f%n",
                    (double) medians.get("GET /console/waiting-list (" + waiting + " cases)") / medians.get("  JSON GET /waiting-list (same use case)"),
                    (double) medians.get("GET /console/cases/{ref} (advocate)") / medians.get("  JSON GET /cases/{ref} (same use case)"));
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
