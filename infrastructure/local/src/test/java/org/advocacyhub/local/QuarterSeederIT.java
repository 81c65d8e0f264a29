package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.local.seed.QuarterSeeder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The seeding command against the real {@code ./run-local} stack, in process: a small LLR quarter (July to September
 * 2026) seeded twice with one seed into two fresh hubs. What the seeder says it made is what the hub lists for the
 * quarter, every service and council (and out of area) is there, screening decided as planned, and the same seed gives
 * the same quarter. A small LEW quarter attends every kind of meeting LEW Appendix 1 counts, and its feedback at closure
 * has the advocate's answers beside the young person's.
 */
class QuarterSeederIT {

    private static final FinancialQuarter Q2 = new FinancialQuarter(2026, 2);
    private final JsonMapper json = JsonMapper.createDefault();
    private LocalHub hub;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void requirements7aSeededQuarterIsListedByTheHubWithEveryServiceAndCouncilAndTheSameSeedGivesTheSameQuarter() throws Exception {
        Seeded first = seed(30, 11);
        assertEquals(0, first.summary().count("screened otherwise than planned"), first.output());
        assertEquals(30, first.summary().count("referrals"), first.output());
        assertEquals(first.summary().group("referrals by service "), first.listed().byService(), "referrals by service");
        assertEquals(first.summary().group("referrals by council "), first.listed().byCouncil(), "referrals by council");
        assertEquals(List.of("CARE_ACT", "DOLS_IMCA", "ICAS", "IMCA", "IMHA"), List.copyOf(first.listed().byService().keySet()));
        assertEquals(List.of("LEICESTER", "LEICESTERSHIRE", "OTHER", "RUTLAND"), List.copyOf(first.listed().byCouncil().keySet()));
        long closed = first.summary().count("closed") - first.summary().count("reopened") + first.summary().count("closed again after reopening");
        assertEquals(closed, first.listed().byStatus().getOrDefault("CLOSED", 0L), "closed cases");
        assertEquals(first.summary().count("allocated"), first.listed().byStatus().getOrDefault("ALLOCATED", 0L)
                + first.listed().byStatus().getOrDefault("CLOSED", 0L), "every allocated case is allocated or closed");
        assertTrue(first.summary().count("closed") > 0 && first.summary().count("time entries") > 0
                && first.summary().count("answerphone messages") > 0 && first.summary().count("compliments") > 0, first.output());

        hub.close();
        hub = null;
        Seeded second = seed(30, 11);
        assertEquals(first.summary().counts(), second.summary().counts(), "the same seed, the same quarter");
        assertEquals(first.listed(), second.listed());
    }

    @Test
    @SuppressWarnings("unchecked")
    void lewAppendix1ASeededLewQuarterAttendsEveryKindOfMeetingAndItsFeedbackAsksTheAdvocateToo() throws Exception {
        Seeded lew = seed("LEW", 16, 7);
        assertEquals(0, lew.summary().count("screened otherwise than planned"), lew.output());
        for (String meeting : List.of("LAC_REVIEW", "CP_CONFERENCE", "PATHWAY_PLAN", "OTHER")) {
            assertTrue(lew.summary().count("meetings attended: " + meeting) > 0, meeting + " attended: " + lew.output());
        }
        assertTrue(lew.summary().count("feedback recorded") > 0, lew.output());
        // A closed case's feedback, as the hub keeps it: the young person's answers and the advocate's (LEW Appendix 1).
        java.util.Set<String> answered = new java.util.TreeSet<>();
        for (String reference : lew.listed().closed()) {
            RawHttp.Response response = RawHttp.send(lew.port(), "GET", "/cases/" + reference, List.of("Authorization: Bearer "
                    + lew.token()), new byte[0]);
            assertEquals(200, response.status(), response.text());
            Object feedback = ((Map<?, ?>) json.readValue(response.body(), Map.class).get("casework")).get("feedback");
            if (feedback != null) {
                answered.addAll(((Map<String, ?>) ((Map<?, ?>) feedback).get("answers")).keySet());
            }
        }
        assertTrue(answered.contains("positiveOutcome") && answered.contains("listenedTo"), answered.toString());
    }

    /** {@code closed}: the references of the closed cases (left out of {@link #equals}: the same seed gives others' numbers). */
    private record Listed(Map<String, Long> byService, Map<String, Long> byCouncil, Map<String, Long> byStatus, List<String> closed) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Listed l && byService.equals(l.byService) && byCouncil.equals(l.byCouncil) && byStatus.equals(l.byStatus);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(byService, byCouncil, byStatus);
        }
    }

    private record Seeded(QuarterSeeder.Summary summary, Listed listed, String output, int port, String token) {
    }

    private Seeded seed(int cases, long seed) throws Exception {
        return seed("LLR", cases, seed);
    }

    private Seeded seed(String contract, int cases, long seed) throws Exception {
        LocalHub.Running running = null;
        // A port found free can be taken by another test's engine before ours binds it (the tests run in parallel forks):
        // then start again on other ports.
        for (int attempt = 1; running == null; attempt++) {
            hub = new LocalHub();
            try {
                running = hub.start(Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                        "SES_PORT", freePort(), "S3_PORT", freePort(), "LOCAL_CLOCK", "2026-07-01T07:00:00Z"));
            } catch (Exception e) {
                hub.close();
                hub = null;
                if (attempt == 3 || !portTaken(e)) {
                    throw e;
                }
            }
        }
        List<DemoTeam.Member> team = DemoTeam.members(LocalDate.of(2026, 7, 1));
        DemoTeam.seed(team, running.routes(), running.functions().get("CaseworkFunction"));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoTeam.Member member : team) {
            tokens.put(member.staffId(), running.jwt().issue(member.subject(), member.group(), Duration.ofHours(1)));
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        URI base = URI.create("http://localhost:" + running.port() + "/");
        QuarterSeeder.Summary summary = new QuarterSeeder(base, tokens, new PrintStream(output, true, StandardCharsets.UTF_8), 4)
                .seed(List.of(contract), Q2, cases, seed);
        String manager = tokens.get("morgan-manager");
        return new Seeded(summary, list(contract, running.port(), manager), output.toString(StandardCharsets.UTF_8), running.port(),
                manager);
    }

    /**
     * Every case of {@code contract} received in the quarter, as GET /cases lists it, by service, council and status: from its
     * first day to the hub's today (a small quarter's clock can stop before the last day; the seeder refers nobody after it).
     */
    @SuppressWarnings("unchecked")
    private Listed list(String contract, int port, String token) throws IOException {
        Map<String, Long> service = new TreeMap<>();
        Map<String, Long> council = new TreeMap<>();
        Map<String, Long> status = new TreeMap<>();
        List<String> closed = new java.util.ArrayList<>();
        String next = null;
        do {
            String path = "/cases?contract=" + contract + "&receivedFrom=" + Q2.firstDay() + "&limit=100"
                    + (next == null ? "" : "&pageToken=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8));
            RawHttp.Response response = RawHttp.send(port, "GET", path, List.of("Authorization: Bearer " + token), new byte[0]);
            assertEquals(200, response.status(), response.text());
            Map<String, Object> page = json.readValue(response.body(), Map.class);
            for (Map<String, Object> c : (List<Map<String, Object>>) page.get("cases")) {
                service.merge((String) c.get("service"), 1L, Long::sum);
                council.merge((String) c.get("authority"), 1L, Long::sum);
                status.merge((String) c.get("status"), 1L, Long::sum);
                if ("CLOSED".equals(c.get("status"))) {
                    closed.add((String) c.get("reference"));
                }
            }
            next = (String) page.get("next");
        } while (next != null);
        return new Listed(service, council, status, closed);
    }

    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) {
                return true;
            }
        }
        return false;
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
