package org.advocacyhub.reports;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.advocacyhub.testing.HubFixtures.example;
import static org.advocacyhub.testing.HubFixtures.json;
import static org.advocacyhub.testing.HubFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.SqsEventSourceMapping;
import org.advocacyhub.testing.WithLocalAws;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 through the real functions on the local engines: a small LLR quarter (FY2026 Q2, July to
 * September 2026) seeded through intake, screening and the staff API; the report asked for by a
 * manager and built and sent on the report queue; every KPI cell of each emailed workbook, read back
 * with Apache POI, against the figures this test works out from the cases it seeded; and no personal
 * data in any email or workbook (LLR 26.9, 27.6).
 */
@WithLocalAws
class QuarterlyReportIT {

    static final String FUNCTION = "QuarterlyReportFunction";
    /** Eight days into October: the quarter has ended; a manager asks for its report. */
    static final Instant ASKED = Instant.parse("2026-10-08T09:00:00Z");

    private final LocalAws aws;
    private final HubFixtures hub;

    QuarterlyReportIT(LocalAws aws) {
        this.aws = aws;
        this.hub = new HubFixtures(aws);
    }

    /**
     * One seeded IMCA case and what the test expects of each KPI clock: true met, false missed, null
     * not resolved in the quarter (carried forward). Due times are worked out by hand from LLR 9.38a-c
     * (requirements §5): allocation by 17:00 on the 2nd working day after receipt, first contact by 17:00
     * on the working day after allocation, first meeting by 17:00 on the 7th working day after allocation.
     */
    record Seeded(String name, String dob, String authority, String postcode, Instant received, Instant allocated, Instant contacted,
                  Instant met, Instant closed, Boolean kpi1, Boolean kpi2, Boolean kpi3) {
    }

    static Instant at(String text) {
        return Instant.parse(text);
    }

    /** BST (UTC+1) all quarter: 10:00 London is 09:00Z. */
    static final List<Seeded> SEEDED = List.of(
            // received Mon 6 Jul: allocation due Wed 8 Jul 17:00 (met Tue); contact due Wed 8 17:00 (met); meeting due Thu 16 Jul (met Thu 9)
            new Seeded("Ada Quarterly", "1940-02-03", "LEICESTERSHIRE", "LE65 1AA", at("2026-07-06T09:00:00Z"), at("2026-07-07T09:00:00Z"),
                    at("2026-07-08T09:00:00Z"), at("2026-07-09T09:00:00Z"), at("2026-07-20T09:00:00Z"), true, true, true),
            // received Mon 6 Jul, allocated Mon 13 Jul: allocation missed; contact due Tue 14 (met); meeting due Wed 22 Jul: none, missed
            new Seeded("Bea Rutlander", "1938-11-30", "RUTLAND", "LE15 6AB", at("2026-07-06T10:00:00Z"), at("2026-07-13T09:00:00Z"),
                    at("2026-07-14T09:00:00Z"), null, null, false, true, false),
            // the same person referred again (same name and date of birth) in August: allocation met, contact met, meeting met
            new Seeded("Bea Rutlander", "1938-11-30", "RUTLAND", "LE15 6AB", at("2026-08-03T09:00:00Z"), at("2026-08-04T09:00:00Z"),
                    at("2026-08-05T09:00:00Z"), at("2026-08-10T09:00:00Z"), null, true, true, true),
            // received Tue 29 Sep, not allocated by quarter end: allocation due Thu 1 Oct, carried forward; on the waiting list
            new Seeded("Cy Citydweller", "1950-06-15", "LEICESTER", "LE1 5WW", at("2026-09-29T09:00:00Z"), null, null, null, null,
                    null, null, null));

    private Map<String, Object> referral(Seeded s) {
        Map<String, Object> referral = example("imca");
        @SuppressWarnings("unchecked")
        Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) referral.get("person"));
        person.put("name", s.name());
        person.put("dateOfBirth", s.dob());
        person.put("authority", s.authority());
        person.put("postcode", s.postcode());
        referral.put("person", person);
        return referral;
    }

    private void seed(Map<String, Object> ira) {
        for (Seeded s : SEEDED) {
            String reference = hub.referAndScreen(referral(s), s.received());
            if (s.allocated() != null) {
                hub.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), s.allocated());
            }
            if (s.contacted() != null) {
                hub.ok(ira, "POST", "/cases/" + reference + "/contacts", Map.of("at", s.contacted().toString(), "method", "PHONE",
                        "withPerson", true, "successful", true), s.contacted().plusSeconds(60));
                hub.ok(ira, "POST", "/cases/" + reference + "/time", Map.of("date", s.contacted().toString().substring(0, 10),
                        "minutes", 45, "kind", "DIRECT", "activity", "PHONE_OR_VIDEO"), s.contacted().plusSeconds(120));
            }
            if (s.met() != null) {
                hub.ok(ira, "POST", "/cases/" + reference + "/meetings", Map.of("at", s.met().toString(), "held", true,
                        "kind", "WITH_PERSON"), s.met().plusSeconds(60));
                hub.ok(ira, "POST", "/cases/" + reference + "/time", Map.of("date", s.met().toString().substring(0, 10),
                        "minutes", 90, "kind", "INDIRECT", "activity", "TRAVEL"), s.met().plusSeconds(120));
            }
            if (s.closed() != null) {
                hub.ok(ira, "POST", "/cases/" + reference + "/closure", Map.of("reason", "OUTCOME_REACHED",
                        "summary", "Views put at the best interests meeting."), s.closed());
            }
        }
        // An inappropriate referral: a friend to consult (LLR 5.8), so not an IMCA case.
        Map<String, Object> notImca = referral(new Seeded("Dee Declined", "1944-01-01", "LEICESTERSHIRE", "LE67 1AA",
                at("2026-07-07T09:00:00Z"), null, null, null, null, null, null, null));
        @SuppressWarnings("unchecked")
        Map<String, Object> details = new LinkedHashMap<>((Map<String, Object>) notImca.get("details"));
        details.put("familyOrFriendToConsult", "YES");
        notImca.put("details", details);
        hub.referAndScreen(notImca, at("2026-07-07T09:00:00Z"));
    }

    private APIGatewayProxyResponseEvent call(Map<String, Object> claims, String method, String path, Object body, Instant at) {
        return hub.staff(FUNCTION, claims, method, path, body, at);
    }

    /** Runs the report queue once, as the function's event source would. */
    private void drainReportQueue(Instant at) {
        try (FunctionInvoker reports = aws.newFunction(FUNCTION, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            SqsEventSourceMapping.of(aws.template().function(FUNCTION).sqsEvents().get(0), reports, aws.sqs(), aws.resources(),
                    aws.endpoints().region()).drainOnce();
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void llr2612AManagersReportIsBuiltOnTheQueueAndEachAuthorityIsEmailedItsWorkbookWithEveryKpiCountedOnce() throws IOException {
        Map<String, Object> ira = hub.imcaAdvocate("ira-imca");
        hub.member("morgan-manager", "MANAGER", List.of(), Map.of(), Map.of("dutyManagerFor", List.of("LLR")));
        seed(ira);
        aws.mailbox().clear();

        APIGatewayProxyResponseEvent asked = call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-Q2",
                "send", true), ASKED);
        assertEquals(202, asked.getStatusCode(), asked.getBody());
        String id = (String) json(asked.getBody()).get("id");
        assertEquals("/reports/" + id, asked.getHeaders().get("Location"));
        assertEquals("QUEUED", json(asked.getBody()).get("status"));

        drainReportQueue(ASKED.plusSeconds(30));

        Map<String, Object> report = json(call(MANAGER, "GET", "/reports/" + id, null, ASKED.plusSeconds(60)).getBody());
        assertEquals("SENT", report.get("status"), report.toString());
        List<Map<String, Object>> books = list(report, "workbooks");
        assertEquals(List.of("LEICESTERSHIRE", "LEICESTER", "RUTLAND"), books.stream().map(b -> b.get("authority")).toList(),
                "LLR 7.38, 15.1: one workbook per authority");

        Map<String, String> recipients = Map.of("LEICESTERSHIRE", "advocacy-contract@leicestershire.example",
                "LEICESTER", "advocacy-contract@leicester.example", "RUTLAND", "advocacy-contract@rutland.example");
        List<SesMailbox.SentEmail> sent = aws.mailbox().emails();
        assertEquals(3, sent.size(), "one email per authority: " + sent);
        for (Map.Entry<String, String> authority : recipients.entrySet()) {
            List<SesMailbox.SentEmail> theirs = aws.mailbox().emailsTo(authority.getValue());
            assertEquals(1, theirs.size(), authority.getKey());
            SesMailbox.SentEmail email = theirs.get(0);
            assertEquals(List.of(authority.getValue()), email.to());
            assertEquals(List.of("morgan-manager@hub.example"), email.cc(), "the duty managers are copied");
            assertEquals(1, email.attachments().size());
            assertTrue(email.attachments().get(0).filename().equals("LLR-" + authority.getKey() + "-FY2026Q2.xlsx"),
                    email.attachments().get(0).filename());
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(email.attachments().get(0).content()))) {
                assertEquals("Summary", workbook.getSheetName(0));
                assertEquals("Definitions", workbook.getSheetName(workbook.getNumberOfSheets() - 1));
                for (int kpi = 1; kpi <= 3; kpi++) {
                    long[] expected = expected(authority.getKey(), kpi);
                    String[] shown = kpiCells(workbook.getSheet("Summary"), "KPI " + kpi, ServiceCode.IMCA.displayName());
                    String where = authority.getKey() + " KPI " + kpi;
                    assertEquals(Long.toString(expected[0]), shown[0], where + ": met");
                    assertEquals(Long.toString(expected[1]), shown[1], where + ": resolved in the quarter");
                    // LLR Appendix One: 95% target.
                    String result = expected[1] == 0 ? "Nothing to measure" : expected[0] * 100 >= 95 * expected[1] ? "Met" : "Not met";
                    assertEquals(result, shown[2], where + ": against 95%");
                    // LLR Appendix One: KPIs 1-3 apply to all service elements; every seeded case is IMCA, so the
                    // council's all-services figure is its IMCA figure.
                    String[] all = kpiCells(workbook.getSheet("Summary"), "KPI " + kpi, "All services");
                    assertEquals(List.of(shown[0], shown[1], shown[2]), List.of(all[0], all[1], all[2]), where + ": all services");
                }
                assertNoPersonalData(authority.getKey(), email, workbook);
                assertOnlyOwnClauses(authority.getKey(), workbook);
            }
        }

        // Sent once: asking the queue again (a redelivery) sends nothing more.
        aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("ReportQueue")).messageBody(ReportQueueMessages.body(id)));
        drainReportQueue(ASKED.plusSeconds(120));
        assertEquals(3, aws.mailbox().emails().size(), "each workbook is emailed once");
    }

    /** {met, resolved} for one authority's KPI, worked out from the seeded cases. */
    private static long[] expected(String authority, int kpi) {
        long met = 0;
        long resolved = 0;
        for (Seeded s : SEEDED) {
            Boolean outcome = kpi == 1 ? s.kpi1() : kpi == 2 ? s.kpi2() : s.kpi3();
            if (s.authority().equals(authority) && outcome != null) {
                resolved++;
                met += outcome ? 1 : 0;
            }
        }
        return new long[] {met, resolved};
    }

    /**
     * The value, the "out of" and the result the Summary sheet shows for a KPI of a service: the row
     * whose cells name both, read by the headings of its table.
     */
    private static String[] kpiCells(Sheet summary, String kpi, String service) {
        Row headings = null;
        for (Row row : summary) {
            List<String> texts = texts(row);
            if (texts.contains("Figure") && texts.contains("Out of")) {
                headings = row;
            } else if (headings != null && texts.size() > 1 && texts.get(0).equals(kpi) && texts.get(1).equals(service)) {
                return new String[] {Long.toString((long) row.getCell(column(headings, "Value")).getNumericCellValue()),
                        Long.toString((long) row.getCell(column(headings, "Out of")).getNumericCellValue()),
                        row.getCell(column(headings, "Result")).getStringCellValue()};
            }
        }
        throw new AssertionError("no " + kpi + " " + service + " row on the Summary sheet");
    }

    private static int column(Row headings, String... starts) {
        for (Cell cell : headings) {
            if (cell.getCellType() == CellType.STRING) {
                for (String start : starts) {
                    if (cell.getStringCellValue().startsWith(start)) {
                        return cell.getColumnIndex();
                    }
                }
            }
        }
        throw new AssertionError("no heading " + String.join(" or ", starts) + " in " + texts(headings));
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (Cell cell : row) {
            if (cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }
        return texts;
    }

    /** No name, date of birth, full postcode or referrer detail anywhere in the email or its workbook (LLR 26.9, 27.6). */
    private static void assertNoPersonalData(String authority, SesMailbox.SentEmail email, XSSFWorkbook workbook) {
        List<String> personal = new ArrayList<>(List.of("Dee Declined", "1944-01-01", "LE67 1AA", "Sam Example", "sam.example@council.example",
                "0116 496 0000", "Leicester Royal Infirmary", "Hard of hearing"));
        for (Seeded s : SEEDED) {
            personal.addAll(List.of(s.name(), s.dob(), s.postcode()));
        }
        StringBuilder everything = new StringBuilder(email.subject()).append('\n').append(email.text()).append('\n')
                .append(email.html() == null ? "" : email.html());
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    everything.append('\n').append(cell.toString());
                }
            }
        }
        for (String value : personal) {
            assertFalse(everything.toString().contains(value), authority + ": the email or workbook holds '" + value + "'");
        }
        assertNotNull(email.subject());
    }

    /** Every cell of an LLR workbook cites LLR only: no other contract's clause (issue 23). */
    private static void assertOnlyOwnClauses(String authority, XSSFWorkbook workbook) {
        java.util.regex.Pattern foreign = java.util.regex.Pattern.compile("\\b(LEW|DERBY|SCIE|LANCS)\\b");
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertFalse(foreign.matcher(cell.toString()).find(), authority + ", sheet " + sheet.getSheetName() + ", cell "
                            + cell.getAddress() + " cites another contract: " + cell);
                }
            }
        }
    }

    @Test
    void onlyManagersAskForReportsAndBadRequestsNameTheirField() {
        Map<String, Object> ira = hub.imcaAdvocate("ira-imca");
        APIGatewayProxyResponseEvent advocate = call(ira, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-Q2"), ASKED);
        assertEquals(403, advocate.getStatusCode(), advocate.getBody());

        APIGatewayProxyResponseEvent bad = call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-3",
                "authority", "NOWHERE", "send", "yes"), ASKED);
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        List<String> fields = list(json(bad.getBody()), "errors").stream().map(e -> (String) e.get("field")).toList();
        assertTrue(fields.containsAll(List.of("quarter", "authority", "send")), fields.toString());

        APIGatewayProxyResponseEvent unfinished = call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-Q3",
                "send", true), ASKED);
        assertEquals(400, unfinished.getStatusCode(), "a quarter not yet ended can be previewed, not sent");
        assertEquals(List.of("send"), list(json(unfinished.getBody()), "errors").stream().map(e -> e.get("field")).toList());

        APIGatewayProxyResponseEvent nobody = call(ira, "GET", "/reports/RPT-LLR-FY2026Q2-0000000000", null, ASKED);
        assertEquals(403, nobody.getStatusCode());
    }

    @Test
    void issue20AQuarterIsReportedOnlyBetweenTheContractsStartAndNow() {
        // Before 1900 was a 500; 1999-Q1 built an empty report. LLR began on 1 April 2024 (LLR 3.3): 2024-Q1 is its first.
        for (String quarter : List.of("1899-Q1", "0000-Q1", "1999-Q1", "2023-Q4")) {
            APIGatewayProxyResponseEvent refused = call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", quarter), ASKED);
            assertEquals(400, refused.getStatusCode(), quarter + ": " + refused.getBody());
            List<Map<String, Object>> errors = list(json(refused.getBody()), "errors");
            assertEquals(List.of("quarter"), errors.stream().map(e -> e.get("field")).toList(), refused.getBody());
            assertEquals("Quarter " + quarter + " is before the LLR service began (1 April 2024, LLR 3.3): the first quarter to "
                    + "report is 2024-Q1", errors.get(0).get("detail"));
        }
        APIGatewayProxyResponseEvent future = call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-Q4"), ASKED);
        assertEquals(400, future.getStatusCode(), future.getBody());
        assertTrue(future.getBody().contains("Quarter 2026-Q4 has not started yet"), future.getBody());
        assertEquals(202, call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2024-Q1"), ASKED).getStatusCode(),
                "the contract's first quarter");
        assertEquals(202, call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-Q3"), ASKED).getStatusCode(),
                "the current quarter, previewed");
    }

    @Test
    void issue19AReportAskedForTwiceWithOneKeyIsAskedForOnceAndTheKeysStayInsideThePolicy() {
        Map<String, String> key = Map.of("Idempotency-Key", "report-1");
        Map<String, Object> body = Map.of("contract", "LLR", "quarter", "2026-Q2", "authority", "RUTLAND");
        List<APIGatewayProxyResponseEvent> answers = new ArrayList<>();
        List<org.advocacyhub.testing.DynamoPolicy.Call> calls = new ArrayList<>(org.advocacyhub.testing.DynamoCallRecorder.during(() -> {
            // Refused (the quarter is not one): nothing changed, so the key is given up and free for the corrected request.
            answers.add(hub.staff(FUNCTION, MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-3"), ASKED, key,
                    Map.of()));
            answers.add(hub.staff(FUNCTION, MANAGER, "POST", "/reports", body, ASKED, key, Map.of()));
            answers.add(hub.staff(FUNCTION, MANAGER, "POST", "/reports", body, ASKED.plusSeconds(40), key, Map.of()));
        }));

        assertEquals(List.of(400, 202, 202), answers.stream().map(APIGatewayProxyResponseEvent::getStatusCode).toList());
        assertEquals(answers.get(1).getBody(), answers.get(2).getBody(), "the first answer again");
        assertEquals("true", answers.get(2).getHeaders().get("Idempotent-Replayed"));
        String id = (String) json(answers.get(1).getBody()).get("id");
        var queued = aws.sqs().receiveMessage(r -> r.queueUrl(aws.queueUrl("ReportQueue")).maxNumberOfMessages(10)).messages().stream()
                .filter(m -> m.body().equals(ReportQueueMessages.body(id))).toList();
        queued.forEach(m -> aws.sqs().deleteMessage(d -> d.queueUrl(aws.queueUrl("ReportQueue")).receiptHandle(m.receiptHandle())));
        assertEquals(1, queued.size(), "one report queued");
        assertTrue(calls.stream().anyMatch(c -> c.action().equals("DeleteItem") && c.partitionKey().startsWith("REQUEST#")), calls.toString());
        org.advocacyhub.testing.DynamoPolicy policy = org.advocacyhub.testing.DynamoPolicy.of(aws.template(), FUNCTION, "HubTable");
        assertEquals(List.of(), calls.stream().filter(c -> !policy.allows(c)).toList(), "calls the policy in template.yaml would refuse");
    }

    @Test
    void aPreviewIsArchivedAndDownloadedThenSentOnceWhenAManagerSendsIt() throws IOException {
        hub.member("morgan-manager", "MANAGER", List.of(), Map.of(), Map.of("dutyManagerFor", List.of("LLR")));
        hub.referAndScreen(referral(SEEDED.get(0)), SEEDED.get(0).received());
        aws.mailbox().clear();
        String id = (String) json(call(MANAGER, "POST", "/reports", Map.of("contract", "LLR", "quarter", "2026-Q2", "authority",
                "LEICESTERSHIRE"), ASKED).getBody()).get("id");
        drainReportQueue(ASKED.plusSeconds(30));
        Map<String, Object> built = json(call(MANAGER, "GET", "/reports/" + id, null, ASKED.plusSeconds(60)).getBody());
        assertEquals("BUILT", built.get("status"));
        assertEquals(List.of("LEICESTERSHIRE"), list(built, "workbooks").stream().map(b -> b.get("authority")).toList());
        assertEquals(0, aws.mailbox().emails().size(), "a preview is not emailed");

        APIGatewayProxyResponseEvent download = call(MANAGER, "GET", "/reports/" + id + "/workbook?authority=LEICESTERSHIRE", null,
                ASKED.plusSeconds(90));
        assertEquals(200, download.getStatusCode(), download.getBody());
        assertTrue(download.getIsBase64Encoded());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", download.getHeaders().get("Content-Type"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(download.getBody())))) {
            assertEquals("Summary", workbook.getSheetName(0));
        }

        Map<String, Object> sent = json(call(MANAGER, "POST", "/reports/" + id + "/send", null, ASKED.plus(Duration.ofHours(1))).getBody());
        assertEquals("SENT", sent.get("status"), sent.toString());
        Map<String, Object> again = json(call(MANAGER, "POST", "/reports/" + id + "/send", null, ASKED.plus(Duration.ofHours(2))).getBody());
        assertEquals("SENT", again.get("status"));
        assertEquals(1, aws.mailbox().emailsTo("advocacy-contract@leicestershire.example").size(), "sent once");

        // LLR 26.17's reasons for requests over 20 hours are free text: in the restricted workbook, for managers only.
        APIGatewayProxyResponseEvent caseload = call(MANAGER, "GET", "/reports/" + id + "/caseload", null, ASKED.plus(Duration.ofHours(3)));
        assertEquals(200, caseload.getStatusCode(), caseload.getBody());
        try (XSSFWorkbook restricted = new XSSFWorkbook(new ByteArrayInputStream(Base64.getDecoder().decode(caseload.getBody())))) {
            assertNotNull(restricted.getSheet("Requests of 20 or more hours"));
        }
        Map<String, Object> advocate = hub.imcaAdvocate("ira-imca");
        assertEquals(403, call(advocate, "GET", "/reports/" + id + "/caseload", null, ASKED.plus(Duration.ofHours(3))).getStatusCode());
    }

    @Test
    void theScheduleAsksOnceOnTheFifthWorkingDayAfterQuarterEnd() {
        Instant fourthWorkingDay = Instant.parse("2026-10-06T06:00:00Z"); // Tue 6 Oct 07:00 London
        Instant fifthWorkingDay = Instant.parse("2026-10-07T06:00:00Z"); // Wed 7 Oct 07:00 London
        try (FunctionInvoker early = aws.newFunction(FUNCTION, Map.of("HUB_CLOCK_FIXED", fourthWorkingDay.toString()))) {
            assertEquals(Map.of("asked", ""), early.invoke(Map.of("scheduledReport", "LLR"), Map.class));
        }
        try (FunctionInvoker due = aws.newFunction(FUNCTION, Map.of("HUB_CLOCK_FIXED", fifthWorkingDay.toString()))) {
            assertEquals(Map.of("asked", "RPT-LLR-FY2026Q2-SCHEDULED"), due.invoke(Map.of("scheduledReport", "LLR"), Map.class));
            assertEquals(Map.of("asked", ""), due.invoke(Map.of("scheduledReport", "LLR"), Map.class), "asked once");
        }
    }

    // ------------------------------------------------------------------ the report's own deadline (LLR 26.12)

    private void schedule(Instant at, String contract) {
        try (FunctionInvoker reports = aws.newFunction(FUNCTION, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            reports.invoke(Map.of("scheduledReport", contract), Map.class);
        }
    }

    private void timerThenEmails(Instant at) {
        hub.runTimer(at);
        hub.deliverAlerts(at.plusSeconds(5));
    }

    private List<String> subjectsTo(String address) {
        return aws.mailbox().emailsTo(address).stream().map(SesMailbox.SentEmail::subject).toList();
    }

    /** FY2026 Q2's report is due by the end of Wednesday 21 October 2026 (21 days, LLR 26.12): 23:00Z in summer time. */
    static final Instant Q2_REPORT_DUE = Instant.parse("2026-10-21T23:00:00Z");
    /** Three working days before: Friday 16 October, 09:00 London. */
    static final Instant Q2_REPORT_REMINDER = Instant.parse("2026-10-16T08:00:00Z");

    @Test
    void llr2612AReportNotSentIsRemindedThenEscalatedOnceToTheDutyManagers() {
        hub.member("morgan-manager", "MANAGER", List.of(), Map.of(), Map.of("dutyManagerFor", List.of("LLR")));
        schedule(Instant.parse("2026-10-01T06:00:00Z"), "LLR"); // the first firing after the quarter: starts the deadline
        aws.mailbox().clear();

        timerThenEmails(Q2_REPORT_REMINDER.minusSeconds(60));
        assertEquals(List.of(), subjectsTo("morgan-manager@hub.example"), "nothing before the reminder is due");
        timerThenEmails(Q2_REPORT_REMINDER.plusSeconds(60));
        List<String> reminded = subjectsTo("morgan-manager@hub.example");
        assertEquals(1, reminded.size(), reminded.toString());
        assertEquals("Reminder: quarterly report LLR FY2026 Q2 due by the end of Wednesday 21 October 2026", reminded.get(0));

        timerThenEmails(Q2_REPORT_DUE.plusSeconds(60));
        timerThenEmails(Q2_REPORT_DUE.plusSeconds(3600));
        List<String> all = subjectsTo("morgan-manager@hub.example");
        assertEquals(2, all.size(), "one reminder, one escalation: " + all);
        assertEquals("Missed: quarterly report LLR FY2026 Q2 due by the end of Wednesday 21 October 2026", all.get(1));
        String text = aws.mailbox().emailsTo("morgan-manager@hub.example").get(1).text();
        assertTrue(text.contains("LLR 26.12"), text);
    }

    @Test
    void llr2612TheDeadlineStopsOnceEveryAuthoritysWorkbookHasGone() {
        hub.member("morgan-manager", "MANAGER", List.of(), Map.of(), Map.of("dutyManagerFor", List.of("LLR")));
        schedule(Instant.parse("2026-10-01T06:00:00Z"), "LLR");
        Instant runDay = Instant.parse("2026-10-07T06:00:00Z");
        schedule(runDay, "LLR"); // the 5th working day: asks for the report, to be sent
        drainReportQueue(runDay.plusSeconds(30));
        assertEquals("SENT", json(call(MANAGER, "GET", "/reports/" + "RPT-LLR-FY2026Q2-SCHEDULED", null, runDay.plusSeconds(60))
                .getBody()).get("status"));
        schedule(Instant.parse("2026-10-08T06:00:00Z"), "LLR"); // a later firing does not start it again
        aws.mailbox().clear();

        timerThenEmails(Q2_REPORT_REMINDER.plusSeconds(60));
        timerThenEmails(Q2_REPORT_DUE.plusSeconds(60));
        assertEquals(List.of(), subjectsTo("morgan-manager@hub.example"), "sent in time: no reminder, no escalation");
    }
}
