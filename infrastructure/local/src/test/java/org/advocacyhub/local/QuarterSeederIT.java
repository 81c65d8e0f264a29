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

        // Issue 23: the quarter's report, sent, read back from the emails: every sheet the seeder fills.
        Map<String, Map<String, List<List<String>>>> books = emailedReturn(first, "LLR", List.of("LEICESTER", "LEICESTERSHIRE",
                "RUTLAND"));
        QuarterSeeder.Summary made = first.summary();
        for (Map<String, List<List<String>>> book : books.values()) {
            // Contract-wide sheets, the same in each council's workbook.
            List<List<String>> studies = book.get("Case studies");
            assertEquals(made.count("case studies selected"), studies.stream().filter(r -> !r.get(3).equals("Not completed this quarter"))
                    .count(), "the selected case studies, each with its text: " + studies);
            assertTrue(studies.stream().filter(r -> !r.get(3).equals("Not completed this quarter")).allMatch(r -> !r.get(3).isBlank()));
            List<List<String>> summaries = book.get("Service summaries");
            assertEquals(made.count("service summaries not completed"), summaries.stream()
                    .filter(r -> r.get(2).equals("Not completed this quarter")).count(), summaries.toString());
            assertEquals(made.count("service summaries written"), summaries.stream()
                    .filter(r -> !r.get(2).equals("Not completed this quarter")).count(), summaries.toString());
            List<List<String>> details = book.get("Complaint details");
            long formal = details.stream().filter(r -> r.get(1).equals("Formal complaint")).count();
            long informal = details.stream().filter(r -> r.get(1).equals("Informal complaint")).count();
            assertTrue(formal > 0 && informal > 0, "complaints of both kinds: " + details);
            assertEquals(made.group("complaints (stage ").values().stream().mapToLong(Long::longValue).sum(), formal + informal,
                    "every complaint of the quarter: " + details);
            assertEquals(made.count("compliments"), details.stream().filter(r -> r.get(1).equals("Compliment")).count());
            assertTrue(details.stream().anyMatch(r -> !r.get(7).isBlank()), "progress recorded on a complaint: " + details);
        }
        long outOfArea = books.values().stream().mapToLong(book -> book.get("Out of area").stream()
                .filter(r -> r.get(0).equals("Out-of-area referrals received")).mapToLong(r -> Long.parseLong(r.get(r.size() - 1))).sum())
                .sum();
        assertEquals(first.listed().byCouncil().getOrDefault("OTHER", 0L), outOfArea, "each out-of-area referral in one workbook");
        assertTrue(outOfArea > 0, "the seeded quarter has an out-of-area case");

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

        // Issue 23: LEW's emailed workbook holds what the quarter did (LEW Appendix 1), read back cell by cell.
        Map<String, List<List<String>>> book = emailedReturn(lew, "LEW", List.of("LEWISHAM")).get("LEWISHAM");
        Map<String, String> outcomes = new LinkedHashMap<>();
        book.get("Outcomes (LEW)").forEach(r -> outcomes.put(r.get(0), r.get(2)));
        assertEquals(String.valueOf(lew.summary().count("meetings attended: LAC_REVIEW")),
                outcomes.get("Number of LAC Review meetings attended with young people"), outcomes.toString());
        assertEquals(String.valueOf(lew.summary().count("meetings attended: CP_CONFERENCE")),
                outcomes.get("Number of CP Conferences attended with young people"), outcomes.toString());
        assertEquals(String.valueOf(lew.summary().count("meetings attended: OTHER")),
                outcomes.get("Number of other meetings attended with young people"), outcomes.toString());
        assertTrue(Long.parseLong(outcomes.get("Number of young people supported to contribute to Pathway Plan")) > 0, outcomes.toString());
        // The issues young people raised, by category: the advocate's yes answers on the quarter's closed cases.
        Map<String, Long> issues = new TreeMap<>();
        long referredToForum = 0;
        for (String reference : lew.listed().closed()) {
            RawHttp.Response response = RawHttp.send(lew.port(), "GET", "/cases/" + reference, List.of("Authorization: Bearer "
                    + lew.token()), new byte[0]);
            Object feedback = ((Map<?, ?>) json.readValue(response.body(), Map.class).get("casework")).get("feedback");
            if (feedback != null) {
                Map<String, ?> answers = (Map<String, ?>) ((Map<?, ?>) feedback).get("answers");
                for (var question : org.advocacyhub.domain.contract.ContractCatalogue.bundled().contract("LEW").orElseThrow().feedback()) {
                    boolean yes = "true".equals(String.valueOf(answers.get(question.id())));
                    question.issueRaised().ifPresent(category -> issues.merge(category, yes ? 1L : 0L, Long::sum));
                    if (question.id().equals("referredToParticipation") && yes) {
                        referredToForum++;
                    }
                }
            }
        }
        assertEquals(7, issues.size(), issues.toString());
        issues.forEach((category, count) -> assertEquals(String.valueOf(count),
                outcomes.get("Count of issues raised by young people: " + category), category + ": " + outcomes));
        assertEquals(String.valueOf(issues.values().stream().mapToLong(Long::longValue).sum()),
                outcomes.get("Count of issues raised by young people: all categories"));
        assertEquals(String.valueOf(referredToForum), outcomes.get("Number of young people referred to LB Lewisham participation forum or "
                + "service"));
        assertTrue(book.get("Outcomes").stream().anyMatch(r -> r.get(0).startsWith("Advocate reports")
                && Long.parseLong(r.get(4)) > 0), "the advocate's measures, answered: " + book.get("Outcomes"));
        List<List<String>> summaries = book.get("Service summaries");
        assertEquals(lew.summary().count("service summaries written"), summaries.stream()
                .filter(r -> !r.get(2).equals("Not completed this quarter")).count(), summaries.toString());
    }

    /**
     * Moves the hub's clock past the quarter's end, asks for the contract's report to be sent, waits for it, and reads each
     * council's workbook back from its email: sheet name to its table's rows of cell text (without its headings and notes).
     */
    private Map<String, Map<String, List<List<String>>>> emailedReturn(Seeded seeded, String contract, List<String> councils)
            throws Exception {
        RawHttp.Response moved = RawHttp.send(seeded.port(), "POST", LocalClockEndpoint.PATH, List.of("Content-Type: application/json"),
                ("{\"to\":\"" + Q2.end().plus(Duration.ofDays(2)) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, moved.status(), moved.text());
        List<String> headers = List.of("Authorization: Bearer " + seeded.token(), "Content-Type: application/json");
        RawHttp.Response asked = RawHttp.send(seeded.port(), "POST", "/reports", headers, ("{\"contract\":\"" + contract
                + "\",\"quarter\":\"2026-Q2\",\"send\":true}").getBytes(StandardCharsets.UTF_8));
        assertEquals(202, asked.status(), asked.text());
        String id = (String) json.readValue(asked.body(), Map.class).get("id");
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String status;
        do {
            Thread.sleep(250);
            RawHttp.Response report = RawHttp.send(seeded.port(), "GET", "/reports/" + id, headers, new byte[0]);
            status = (String) json.readValue(report.body(), Map.class).get("status");
            assertTrue(!"FAILED".equals(status) && System.nanoTime() < until, "report " + id + " is " + status);
        } while (!"SENT".equals(status));
        org.advocacyhub.testing.SesMailbox mailbox = org.advocacyhub.testing.SesMailbox.awsSesV2Local(seeded.running().engines().sesEndpoint());
        Map<String, Map<String, List<List<String>>>> books = new TreeMap<>();
        for (String council : councils) {
            String file = contract + "-" + council + "-" + Q2.key() + ".xlsx";
            var email = mailbox.await(e -> e.attachments().stream().anyMatch(a -> a.filename().equals(file)), Duration.ofSeconds(20));
            byte[] content = email.attachments().stream().filter(a -> a.filename().equals(file)).findFirst().orElseThrow().content();
            Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(content))) {
                for (org.apache.poi.ss.usermodel.Sheet sheet : workbook) {
                    List<List<String>> rows = new java.util.ArrayList<>();
                    // The sheet's title, its clause, a blank row, then the headings (ReturnWorkbook); its notes after a blank row.
                    int header = 3;
                    for (int r = header + 1; r <= sheet.getLastRowNum(); r++) {
                        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                        if (row == null) {
                            break;
                        }
                        List<String> cells = new java.util.ArrayList<>();
                        for (int c = 0; c < sheet.getRow(header).getLastCellNum(); c++) {
                            cells.add(format.formatCellValue(row.getCell(c)).trim());
                        }
                        rows.add(cells);
                    }
                    sheets.put(sheet.getSheetName(), rows);
                }
            }
            books.put(council, sheets);
        }
        return books;
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

    private record Seeded(QuarterSeeder.Summary summary, Listed listed, String output, int port, String token, LocalHub.Running running) {
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
                manager, running);
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
