package org.advocacyhub.reports.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.application.intake.CatalogueContractTerms;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.ReportMail;
import org.advocacyhub.application.port.ReportStore;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.application.port.WorkbookWriter;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.application.reports.PublicAddress;
import org.advocacyhub.application.reports.QuarterlyReports;
import org.advocacyhub.application.reports.RestrictedLists;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.ReturnCell;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.IdempotentRequests;
import org.advocacyhub.web.InMemoryRequestLedger;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.RouteTable;
import org.advocacyhub.web.console.Console;
import org.advocacyhub.web.console.StaffSignIn;
import org.junit.jupiter.api.Test;

/**
 * The console's reports pages over the real {@link QuarterlyReports}, with the table, archive, mail
 * and queue as in-memory fakes and a sign-in that knows two cookies: a manager's and an advocate's.
 * Requests go through a {@link RouteTable} as the function's own does.
 */
class ReportsConsoleTest {

    /** Friday 20 November 2026, 10:00 London: FY2026 Q3 runs, Q2 (July to September) has ended. */
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final String MANAGER = "manager-session";
    private static final String ADVOCATE = "advocate-session";
    private static final byte[] RUTLAND_BOOK = {'P', 'K', 3, 4, 1};
    private static final byte[] CASELOAD = {'P', 'K', 3, 4, 2};

    private final ContractCatalogue contracts = ContractCatalogue.bundled();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryReportStore store = new InMemoryReportStore();
    private final Map<String, byte[]> archive = new HashMap<>();
    private final List<ReportMail.Message> mail = new ArrayList<>();
    private final List<String> queued = new ArrayList<>();
    private final RouteTable routes;

    ReportsConsoleTest() {
        ReportArchive bucket = new ReportArchive() {
            @Override
            public void put(String key, byte[] content, String contentType) {
                archive.put(key, content);
            }

            @Override
            public Optional<byte[]> get(String key) {
                return Optional.ofNullable(archive.get(key));
            }

            @Override
            public void delete(String key) {
                archive.remove(key);
            }
        };
        ReportMail service = message -> {
            mail.add(message);
            return new org.advocacyhub.application.port.MailSender.Sent("message-" + mail.size());
        };
        RestrictedLists restricted = new RestrictedLists(store, store, bucket, service, new NoStaff(), contracts,
                new CatalogueContractTerms(contracts), clock, new PublicAddress("https://hub.example"));
        QuarterlyReports reports = new QuarterlyReports(store, (contract, quarter, through, sink) -> {
            throw new AssertionError("nothing is built in these tests");
        }, bucket, service, queued::add, (sheets, title, at) -> {
            throw new AssertionError("nothing is written in these tests");
        }, new NoStaff(), contracts, new CatalogueContractTerms(contracts), clock, restricted);
        Problems problems = new Problems(JsonMapper.createDefault());
        IdempotentRequests idempotency = new IdempotentRequests(new InMemoryRequestLedger(), clock);
        Console console = new Console(new FixedSignIn(), new IdentifyStaff(new NoStaff()), new RequestBodies(problems), idempotency);
        routes = new RouteTable(problems, RouteTable.NOTHING_CHANGED, idempotency);
        new ReportsConsole(console, reports, contracts, clock, new NoStaff(), restricted).operations().forEach(routes::add);
    }

    // ------------------------------------------------------------------ the reports page

    @Test
    void theReportsPageOffersTheRequestFormForTheQuarterJustEndedAndListsTheRecentReportsNewestFirst() {
        store.put(built("RPT-LLR-FY2026Q2-OLDER", Instant.parse("2026-10-05T09:00:00Z")));
        store.put(QuarterlyReport.queued("RPT-DERBY-FY2026Q2-NEWER", "DERBY", new FinancialQuarter(2026, 2), null, false, "morgan-manager",
                Instant.parse("2026-11-19T15:30:00Z")));

        APIGatewayProxyResponseEvent page = get(MANAGER, "/console/reports", Map.of());

        assertEquals(200, page.getStatusCode());
        assertTrue(page.getHeaders().get("Content-Type").startsWith("text/html"));
        String html = page.getBody();
        assertTrue(html.contains("<form method=\"post\" action=\"/console/reports\""), html);
        assertTrue(html.contains("name=\"csrf\" value=\"" + csrf(html) + "\""), "every form carries the session's CSRF token");
        for (String contract : List.of("LLR", "LEW", "DERBY")) {
            assertTrue(html.contains("id=\"contract-" + contract + "\" name=\"contract\" type=\"radio\""), contract);
        }
        // Issue 21: the quarter is chosen by its name and months, not typed; the quarter just ended is chosen to start with.
        assertTrue(html.contains("name=\"quarter\" type=\"radio\" value=\"2026-Q2\" checked><label for=\"quarter-2026-Q2\">2026-27 Q2: "
                + "July to September 2026</label>"), html);
        assertTrue(html.contains("value=\"2026-Q3\"><label for=\"quarter-2026-Q3\">2026-27 Q3: October to December 2026</label>"),
                "this quarter too");
        assertFalse(html.contains("type=\"text\" maxlength=\"7\""), "no quarter to type");
        assertTrue(html.contains("id=\"send-no\" name=\"send\" type=\"radio\" value=\"no\" checked"), "a preview unless asked");
        // Issue 21: each council chosen by its name, not typed as a code; the code is what the form posts.
        assertTrue(html.contains("value=\"RUTLAND\"") && html.contains("Rutland County Council (LLR)"), "councils by name");
        assertFalse(html.contains("LEICESTERSHIRE,"), "no list of codes to type");
        assertTrue(html.contains("href=\"/console/reports\" aria-current=\"page\">Reports</a>"), "the navigation marks the page");
        int newer = html.indexOf("href=\"/console/reports/RPT-DERBY-FY2026Q2-NEWER\"");
        int older = html.indexOf("href=\"/console/reports/RPT-LLR-FY2026Q2-OLDER\"");
        assertTrue(newer > 0 && older > newer, "both listed, the newest first");
        assertTrue(html.contains("<td data-label=\"Status\"><strong class=\"tag tag--grey\">Queued</strong>"));
        assertTrue(html.contains("<td data-label=\"Quarter\">2026-27 Q2</td>"));
        assertTrue(html.contains("Thu 19 Nov 2026, 15:30 by Morgan Manager"), "London time and who asked, by name");
    }

    @Test
    void issue21TheReportsListCountsFiltersByContractQuarterAndStatusAndPagesFifteenAtATime() {
        for (int i = 0; i < 20; i++) {
            String contract = i % 2 == 0 ? "LLR" : "LEW";
            store.put(QuarterlyReport.queued("RPT-" + contract + "-FY2026Q" + (i % 3 == 0 ? 1 : 2) + "-" + i, contract,
                    new FinancialQuarter(2026, i % 3 == 0 ? 1 : 2), null, false, "morgan-manager", NOW.minusSeconds(3600L * (i + 1))));
        }

        String first = get(MANAGER, "/console/reports", Map.of()).getBody();
        assertTrue(first.contains("<strong>20 reports</strong>: 1 to 15 shown, the newest first."), first);
        assertEquals(15, rows(first));
        assertTrue(first.indexOf("RPT-LLR-FY2026Q1-0<") < first.indexOf("RPT-LEW-FY2026Q2-1<"), "the newest first");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"/console/reports\\?pageToken=([^\"#]+)#reports\" rel=\"next\"")
                .matcher(first);
        assertTrue(next.find(), "a link to the next page");
        String second = get(MANAGER, "/console/reports", Map.of(), Map.of("pageToken", next.group(1))).getBody();
        assertTrue(second.contains("16 to 20 shown"), second);
        assertEquals(5, rows(second));
        assertTrue(second.contains("rel=\"prev\""), "and back");

        // LEW's, of 2026-27 Q1, still queued: i = 3, 9, 15 (odd, a multiple of 3).
        String lew = get(MANAGER, "/console/reports", Map.of(), Map.of("contract", "LEW", "quarter", "FY2026Q1", "status", "QUEUED"))
                .getBody();
        assertTrue(lew.contains("<strong>3 reports that match</strong>, the newest first."), lew);
        assertTrue(lew.contains("<option value=\"LEW\" selected>LEW</option>") && lew.contains("value=\"FY2026Q1\" selected"),
                "the filters as chosen");
        assertEquals(0, get(MANAGER, "/console/reports", Map.of(), Map.of("status", "SENT")).getBody().split("data-label=\"Report\"").length - 1);

        APIGatewayProxyResponseEvent typed = get(MANAGER, "/console/reports", Map.of(), Map.of("status", "DONE", "contract", "NOPE"));
        assertEquals(400, typed.getStatusCode());
        assertTrue(typed.getBody().contains("<a href=\"#filter-status\">Choose a status from the list</a>"), typed.getBody());
        assertTrue(typed.getBody().contains("<a href=\"#filter-contract\">Choose a contract from the list</a>"));
        assertEquals(15, rows(typed.getBody()), "the whole list, without the filters it could not read");
    }

    private static int rows(String html) {
        return html.split("<td data-label=\"Report\">").length - 1;
    }

    @Test
    void askingForAReportQueuesItAndAnswers303ToItsPageWhichSaysToReload() {
        String page = get(MANAGER, "/console/reports", Map.of()).getBody();

        APIGatewayProxyResponseEvent posted = post(MANAGER, "/console/reports", Map.of(),
                signed(page, "contract", "LLR", "quarter", "2026-Q2", "authority", "RUTLAND", "send", "no"));

        assertEquals(303, posted.getStatusCode(), posted.getBody());
        String location = posted.getHeaders().get("Location");
        assertTrue(location.matches("/console/reports/RPT-LLR-FY2026Q2-[0-9A-F]{10}"), location);
        String id = location.substring("/console/reports/".length());
        assertEquals(List.of(id), queued);
        QuarterlyReport report = store.find(id).orElseThrow();
        assertEquals(QuarterlyReport.Status.QUEUED, report.status());
        assertEquals("RUTLAND", report.authority());
        assertFalse(report.send());

        String html = get(MANAGER, "/console/reports/{id}", Map.of("id", id)).getBody();
        assertTrue(html.contains("<strong class=\"tag tag--grey\">Queued</strong> Waiting to be built"), html);
        assertTrue(html.contains("<a href=\"/console/reports/" + id + "\">Reload this page</a>"), "no script polls: the page says to reload");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("Send to the councils</button>"), "nothing to send yet");
    }

    @Test
    void issue19TheRequestFormSentTwiceAsksForOneReportAndAnswersTheFirst303Again() {
        String page = get(MANAGER, "/console/reports", Map.of()).getBody();
        String body = signed(page, "contract", "LLR", "quarter", "2026-Q2", "authority", "RUTLAND", "send", "no");

        APIGatewayProxyResponseEvent first = post(MANAGER, "/console/reports", Map.of(), body);
        APIGatewayProxyResponseEvent again = post(MANAGER, "/console/reports", Map.of(), body);

        assertEquals(303, again.getStatusCode(), again.getBody());
        assertEquals(first.getHeaders().get("Location"), again.getHeaders().get("Location"), "the saved result, as the first post saw it");
        assertEquals("true", again.getHeaders().get("Idempotent-Replayed"));
        assertEquals(1, store.size(), "one report asked for");
        assertEquals(1, queued.size(), "queued once");
    }

    @Test
    void onApiGatewaysOwnAddressTheLinksAndTheRedirectKeepTheStage() {
        APIGatewayProxyRequestEvent page = event("GET", "/console/reports", Map.of(), MANAGER);
        page.setHeaders(Map.of("Cookie", "hub_session=" + MANAGER, "Host", "abc123.execute-api.eu-west-2.amazonaws.com"));
        page.setRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage("Prod"));
        page.setPath("/Prod/console/reports");
        String html = routes.handle(page).getBody();
        assertTrue(html.contains("<form method=\"post\" action=\"/Prod/console/reports\""), html);

        APIGatewayProxyRequestEvent ask = event("POST", "/console/reports", Map.of(), MANAGER);
        ask.setHeaders(Map.of("Cookie", "hub_session=" + MANAGER, "Host", "abc123.execute-api.eu-west-2.amazonaws.com",
                "Content-Type", "application/x-www-form-urlencoded"));
        ask.setRequestContext(new APIGatewayProxyRequestEvent.ProxyRequestContext().withStage("Prod"));
        ask.setBody(signed(html, "contract", "LEW", "quarter", "2026-Q2", "send", "no"));
        APIGatewayProxyResponseEvent answer = routes.handle(ask);
        assertEquals(303, answer.getStatusCode(), answer.getBody());
        assertTrue(answer.getHeaders().get("Location").startsWith("/Prod/console/reports/RPT-LEW-FY2026Q2-"));
    }

    @Test
    void anInvalidRequestIsThePageAgainWith400TheErrorSummaryNamingTheFieldAndTheValuesKept() {
        String page = get(MANAGER, "/console/reports", Map.of()).getBody();

        APIGatewayProxyResponseEvent answer = post(MANAGER, "/console/reports", Map.of(),
                signed(page, "contract", "LLR", "quarter", "2026-Q9", "authority", "", "send", "no"));

        assertEquals(400, answer.getStatusCode());
        String html = answer.getBody();
        assertTrue(html.contains("<title>Error: Reports - Advocacy Hub</title>"), "the title says the page has errors");
        assertTrue(html.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"));
        assertTrue(html.contains("<a href=\"#quarter\">Quarter must look like 2026-Q3"), html);
        assertTrue(html.contains("id=\"quarter-error\" class=\"error-message\""), "the error also stands by its field");
        assertTrue(html.contains("value=\"2026-Q2\"><label for=\"quarter-2026-Q2\">2026-27 Q2"), "the quarters are offered again");
        assertTrue(html.contains("id=\"contract-LLR\" name=\"contract\" type=\"radio\" value=\"LLR\" checked"), "the choice is kept");
        assertEquals(0, store.size());
        assertEquals(List.of(), queued);
    }

    @Test
    void aMissingContractIsNamedAndLinksToItsFirstRadio() {
        String page = get(MANAGER, "/console/reports", Map.of()).getBody();

        String html = post(MANAGER, "/console/reports", Map.of(), signed(page, "quarter", "2026-Q2")).getBody();

        assertTrue(html.contains("<a href=\"#contract-LLR\">Select the contract</a>"), html);
        assertEquals(0, store.size());
    }

    @Test
    void aPostWithAWrongOrMissingCsrfTokenIs403AndChangesNothing() {
        store.put(built("RPT-LLR-FY2026Q2-BUILT", Instant.parse("2026-10-05T09:00:00Z")));

        APIGatewayProxyResponseEvent ask = post(MANAGER, "/console/reports", Map.of(),
                form("contract", "LLR", "quarter", "2026-Q2", "send", "no", "csrf", "not-the-token"));
        APIGatewayProxyResponseEvent none = post(MANAGER, "/console/reports", Map.of(), form("contract", "LLR", "quarter", "2026-Q2"));
        // The advocate's token is a real token, of another session.
        String othersToken = csrf(get(ADVOCATE, "/console/reports", Map.of()).getBody());
        APIGatewayProxyResponseEvent send = post(MANAGER, "/console/reports/{id}/send", Map.of("id", "RPT-LLR-FY2026Q2-BUILT"),
                form("csrf", othersToken));

        for (APIGatewayProxyResponseEvent answer : List.of(ask, none, send)) {
            assertEquals(403, answer.getStatusCode());
            assertTrue(answer.getBody().contains("Nothing was changed"));
        }
        assertEquals(1, store.size());
        assertEquals(List.of(), queued);
        assertEquals(List.of(), mail);
        assertEquals(QuarterlyReport.Status.BUILT, store.find("RPT-LLR-FY2026Q2-BUILT").orElseThrow().status());
    }

    @Test
    void anAdvocateGetsTheConsoles403OnEveryReportsPageAndChangesNothing() {
        store.put(built("RPT-LLR-FY2026Q2-BUILT", Instant.parse("2026-10-05T09:00:00Z")));
        String page = get(ADVOCATE, "/console/reports", Map.of()).getBody();
        Map<String, String> id = Map.of("id", "RPT-LLR-FY2026Q2-BUILT");

        List<APIGatewayProxyResponseEvent> answers = List.of(
                get(ADVOCATE, "/console/reports", Map.of()),
                get(ADVOCATE, "/console/reports/{id}", id),
                get(ADVOCATE, "/console/reports/{id}/workbook", id, Map.of("authority", "RUTLAND")),
                get(ADVOCATE, "/console/reports/{id}/caseload", id),
                post(ADVOCATE, "/console/reports", Map.of(), byHand(page, "contract", "LLR", "quarter", "2026-Q2")),
                post(ADVOCATE, "/console/reports/{id}/send", id, byHand(page)));

        for (APIGatewayProxyResponseEvent answer : answers) {
            assertEquals(403, answer.getStatusCode());
            assertTrue(answer.getHeaders().get("Content-Type").startsWith("text/html"), "a console page, not a download");
            assertTrue(answer.getBody().contains("Only managers may see quarterly reports."));
            assertFalse(answer.getBody().contains("Rutland"), "nothing of the report is shown");
        }
        assertFalse(page.contains(">Reports</a>"), "the navigation offers advocates no reports");
        assertEquals(1, store.size());
        assertEquals(List.of(), queued);
        assertEquals(List.of(), mail);
        assertEquals(List.of(), store.audits, "nothing was read");
    }

    @Test
    void withoutASessionEveryPageGoesToSignInAndComesBack() {
        APIGatewayProxyResponseEvent answer = get(null, "/console/reports/{id}", Map.of("id", "RPT-X"));

        assertEquals(303, answer.getStatusCode());
        assertEquals("/console/sign-in?returnTo=" + URLEncoder.encode("/console/reports/RPT-X", StandardCharsets.UTF_8),
                answer.getHeaders().get("Location"));
    }

    // ------------------------------------------------------------------ one report

    @Test
    void aBuiltReportShowsItsStatusEachWorkbooksSummaryAsACaptionedTableTheDownloadsAndTheSendForm() {
        store.put(built("RPT-LLR-FY2026Q2-BUILT", Instant.parse("2026-10-05T09:00:00Z")));

        APIGatewayProxyResponseEvent page = get(MANAGER, "/console/reports/{id}", Map.of("id", "RPT-LLR-FY2026Q2-BUILT"));

        assertEquals(200, page.getStatusCode());
        String html = page.getBody();
        assertTrue(html.contains("<h1>LLR quarterly report, 2026-27 Q2</h1>"), html);
        assertTrue(html.contains("<dd>Wed 1 Jul 2026 to Wed 30 Sept 2026</dd>"), "the period");
        assertTrue(html.contains("<strong class=\"tag tag--soon\">Built</strong> Built and archived: a preview."));
        assertTrue(html.contains("<h2>Rutland County Council</h2>"));
        assertTrue(html.contains("<caption>Leicester, Leicestershire and Rutland: quarterly return 2026-27 Q2, Rutland County Council "
                + "<span class=\"hint\">(LLR 26.12, 26.13, 26.17)</span></caption>"), "the summary table has a caption");
        assertTrue(html.contains("<th scope=\"col\">Share</th>"));
        assertTrue(html.contains("<th scope=\"row\">IMCA allocated within 2 working days</th>"));
        assertTrue(!html.contains("0.1.0-SNAPSHOT") && !html.contains("2026-10-02 07:00"),
                "the rows saying when and by which version the workbook was made are the page's list's, in words");
        assertTrue(html.contains("<td data-label=\"Share\">12 of 20 (60.0%)</td>"), "a share with its numerator and denominator");
        assertTrue(html.contains("<td data-label=\"Share\">None to count</td>"), "no denominator, no share");
        assertTrue(html.contains("<td data-label=\"Value\">&lt;5 &amp; rising</td>"), "text from the table is escaped");
        assertTrue(html.contains("<a href=\"/console/reports/RPT-LLR-FY2026Q2-BUILT/workbook?authority=RUTLAND\">Download the Rutland "
                + "County Council workbook (Excel)</a>"), "the file's name is the download's, not the page's to show");
        assertTrue(html.contains("Not emailed yet. It goes to returns@rutland.example."));
        assertTrue(html.contains("<a href=\"/console/reports/RPT-LLR-FY2026Q2-BUILT/caseload\">Download the restricted list (Excel)"),
                "a report built before issue 23: its one list");
        assertTrue(html.contains("<form method=\"post\" action=\"/console/reports/RPT-LLR-FY2026Q2-BUILT/send\" novalidate>"
                + "<input type=\"hidden\" name=\"csrf\" value=\"" + csrf(html) + "\"><input type=\"hidden\" name=\"formId\" value=\""),
                "the send form carries the session's CSRF token and a one-time form id");
        assertTrue(html.matches("(?s).*name=\"formId\" value=\"[0-9a-f-]{36}\">.*I have checked the figures above</label>.*"
                + "<button type=\"submit\">Send to the councils</button>.*"), "check, then send");
        assertTrue(html.indexOf("Send to the councils</button>") > html.indexOf("<caption>"), "the button comes after the figures");
        assertTrue(html.contains("<li>Rutland County Council: returns@rutland.example</li>"), "who gets what, before the button");
        assertTrue(store.audits.contains("RPT-LLR-FY2026Q2-BUILT morgan-manager viewed the report"), "every access is audited");
    }

    @Test
    void theDownloadsAnswerTheWorkbookAsTheApiDoesAnXlsxToSave() {
        store.put(built("RPT-LLR-FY2026Q2-BUILT", Instant.parse("2026-10-05T09:00:00Z")));
        Map<String, String> id = Map.of("id", "RPT-LLR-FY2026Q2-BUILT");

        APIGatewayProxyResponseEvent book = get(MANAGER, "/console/reports/{id}/workbook", id, Map.of("authority", "RUTLAND"));
        APIGatewayProxyResponseEvent caseload = get(MANAGER, "/console/reports/{id}/caseload", id);

        assertEquals(200, book.getStatusCode());
        assertEquals(WorkbookWriter.CONTENT_TYPE, book.getHeaders().get("Content-Type"));
        assertEquals("attachment; filename=\"LLR-RUTLAND-FY2026Q2.xlsx\"", book.getHeaders().get("Content-Disposition"));
        assertTrue(book.getIsBase64Encoded());
        assertArrayEquals(RUTLAND_BOOK, Base64.getDecoder().decode(book.getBody()));
        assertEquals(200, caseload.getStatusCode());
        assertEquals(WorkbookWriter.CONTENT_TYPE, caseload.getHeaders().get("Content-Type"));
        assertEquals("attachment; filename=\"LLR-FY2026Q2-caseload.xlsx\"", caseload.getHeaders().get("Content-Disposition"));
        assertArrayEquals(CASELOAD, Base64.getDecoder().decode(caseload.getBody()));
        assertTrue(store.audits.contains("RPT-LLR-FY2026Q2-BUILT morgan-manager downloaded the restricted list"));
    }

    @Test
    void aWorkbookThatIsNotThereIsAPageSayingWhy() {
        store.put(QuarterlyReport.queued("RPT-LLR-FY2026Q2-QUEUED", "LLR", new FinancialQuarter(2026, 2), null, false, "morgan-manager",
                NOW.minusSeconds(60)));
        store.put(built("RPT-LLR-FY2026Q2-BUILT", Instant.parse("2026-10-05T09:00:00Z")));

        APIGatewayProxyResponseEvent notBuilt = get(MANAGER, "/console/reports/{id}/workbook", Map.of("id", "RPT-LLR-FY2026Q2-QUEUED"),
                Map.of("authority", "RUTLAND"));
        APIGatewayProxyResponseEvent noSuchBook = get(MANAGER, "/console/reports/{id}/workbook", Map.of("id", "RPT-LLR-FY2026Q2-BUILT"),
                Map.of("authority", "NOWHERE"));
        APIGatewayProxyResponseEvent noReport = get(MANAGER, "/console/reports/{id}", Map.of("id", "RPT-NONE"));

        assertEquals(409, notBuilt.getStatusCode());
        assertTrue(notBuilt.getBody().contains("it has no workbook yet"), notBuilt.getBody());
        assertEquals(400, noSuchBook.getStatusCode());
        assertTrue(noSuchBook.getBody().contains("Name one of the report&#39;s workbooks: RUTLAND")
                || noSuchBook.getBody().contains("Name one of the report's workbooks: RUTLAND"), noSuchBook.getBody());
        assertEquals(404, noReport.getStatusCode());
        assertTrue(noReport.getBody().contains("There is no report RPT-NONE."));
    }

    @Test
    void sendingABuiltReportEmailsEachWorkbookOnceAnd303sBackToTheReportWithTheSentNotice() {
        store.put(built("RPT-LLR-FY2026Q2-BUILT", Instant.parse("2026-10-05T09:00:00Z")));
        Map<String, String> id = Map.of("id", "RPT-LLR-FY2026Q2-BUILT");
        String page = get(MANAGER, "/console/reports/{id}", id).getBody();

        // Issue 21: not ticked as checked, nothing is sent.
        APIGatewayProxyResponseEvent unchecked = post(MANAGER, "/console/reports/{id}/send", id, signed(page));
        assertEquals(400, unchecked.getStatusCode());
        assertTrue(unchecked.getBody().contains("Tick that you have checked the figures, then send them"), unchecked.getBody());
        assertEquals(0, mail.size(), "nothing sent");

        APIGatewayProxyResponseEvent answer = post(MANAGER, "/console/reports/{id}/send", id, signed(page, "checked", "yes"));

        assertEquals(303, answer.getStatusCode(), answer.getBody());
        assertEquals("/console/reports/RPT-LLR-FY2026Q2-BUILT?sent=1", answer.getHeaders().get("Location"));
        assertEquals(1, mail.size());
        assertEquals(List.of("returns@rutland.example"), mail.get(0).to());
        assertEquals(QuarterlyReport.Status.SENT, store.find("RPT-LLR-FY2026Q2-BUILT").orElseThrow().status());

        String html = get(MANAGER, "/console/reports/{id}", id, Map.of("sent", "1")).getBody();
        assertTrue(html.contains("<div class=\"notice\" role=\"status\"><h2>Sent to the councils</h2>"), html);
        assertTrue(html.contains("<strong class=\"tag\">Sent</strong>"));
        assertTrue(html.contains("Emailed Fri 20 Nov 2026, 10:00 to returns@rutland.example."));
        assertFalse(html.contains("Send to the councils</button>"), "nothing left to send");

        // Sent twice (a second tab, whose form has its own id): shown as it is, no second email.
        assertEquals(303, post(MANAGER, "/console/reports/{id}/send", id, signed(page.replaceAll(
                "name=\"formId\" value=\"[^\"]+\"", "name=\"formId\" value=\"" + java.util.UUID.randomUUID() + "\""), "checked", "yes"))
                .getStatusCode());
        assertEquals(1, mail.size());
    }

    @Test
    void aPreviewOfAQuarterInProgressOffersNoSendingAndASendPostIsThePageWithWhy() {
        QuarterlyReport preview = new QuarterlyReport("RPT-LLR-FY2026Q3-PREVIEW", "LLR", new FinancialQuarter(2026, 3), "RUTLAND", false,
                "morgan-manager", NOW.minusSeconds(600), QuarterlyReport.Status.BUILT, NOW.minusSeconds(500),
                List.of(rutland("RPT-LLR-FY2026Q3-PREVIEW")), null, null, 0);
        store.put(preview);
        Map<String, String> id = Map.of("id", preview.id());
        String html = get(MANAGER, "/console/reports/{id}", id).getBody();

        assertTrue(html.contains("This quarter has not ended: the report can be sent from Fri 1 Jan 2027."), html);
        assertFalse(html.contains("/send\">"), "no send form");

        APIGatewayProxyResponseEvent answer = post(MANAGER, "/console/reports/{id}/send", id, byHand(html, "checked", "yes"));
        assertEquals(409, answer.getStatusCode());
        assertTrue(answer.getBody().contains("<li>Quarter FY2026Q3 has not ended: its report cannot be sent yet.</li>"), answer.getBody());
        assertEquals(List.of(), mail);
    }

    @Test
    void aPreviewBuiltBeforeItsQuarterEndedOffersNoSendingOnceItHas() {
        store.put(new QuarterlyReport("RPT-LLR-FY2026Q2-EARLY", "LLR", new FinancialQuarter(2026, 2), "RUTLAND", false, "morgan-manager",
                Instant.parse("2026-09-20T09:00:00Z"), QuarterlyReport.Status.BUILT, Instant.parse("2026-09-20T09:01:00Z"),
                List.of(rutland("RPT-LLR-FY2026Q2-EARLY")), null, null, 0));

        String html = get(MANAGER, "/console/reports/{id}", Map.of("id", "RPT-LLR-FY2026Q2-EARLY")).getBody();

        assertTrue(html.contains("This preview was built before the quarter ended"), html);
        assertFalse(html.contains("/send\">"), "no send form");
    }

    @Test
    void issue23EachCouncilsRestrictedListIsDownloadedOnItsOwnAndAManagerEmailsItANewLinkFromTheForm() {
        String id = "RPT-LLR-FY2026Q2-SPLIT";
        String key = "restricted/reports/LLR/FY2026Q2/" + id + "/LLR-RUTLAND-FY2026Q2-restricted.xlsx";
        archive.put("reports/LLR/FY2026Q2/" + id + "/LLR-RUTLAND-FY2026Q2.xlsx", RUTLAND_BOOK);
        archive.put(key, CASELOAD);
        store.put(new QuarterlyReport(id, "LLR", new FinancialQuarter(2026, 2), "RUTLAND", false, "morgan-manager",
                Instant.parse("2026-10-05T09:00:00Z"), QuarterlyReport.Status.BUILT, Instant.parse("2026-10-05T09:01:00Z"),
                List.of(rutland(id, key)), null, null, 0));
        Map<String, String> path = Map.of("id", id);

        String built = get(MANAGER, "/console/reports/{id}", path).getBody();
        assertTrue(built.contains("<a href=\"/console/reports/" + id + "/caseload?authority=RUTLAND\">Download the Rutland County "
                + "Council restricted list (Excel)</a>"), built);
        assertTrue(built.contains("Its link goes with the workbook&#39;s email: not emailed yet.")
                || built.contains("Its link goes with the workbook's email: not emailed yet."), built);
        assertFalse(built.contains("/restricted-links"), "no new link before the first has gone");
        APIGatewayProxyResponseEvent list = get(MANAGER, "/console/reports/{id}/caseload", path, Map.of("authority", "RUTLAND"));
        assertEquals("attachment; filename=\"LLR-RUTLAND-FY2026Q2-restricted.xlsx\"", list.getHeaders().get("Content-Disposition"));
        assertArrayEquals(CASELOAD, Base64.getDecoder().decode(list.getBody()));
        assertTrue(store.audits.contains(id + " morgan-manager downloaded the restricted list of RUTLAND"), store.audits.toString());

        String page = get(MANAGER, "/console/reports/{id}", path).getBody();
        assertEquals(303, post(MANAGER, "/console/reports/{id}/send", path, signed(page, "checked", "yes")).getStatusCode());
        assertEquals(1, mail.size());
        assertEquals("LLR-RUTLAND-FY2026Q2.xlsx", mail.get(0).attachmentName(), "the aggregates attached, the list linked");
        assertTrue(mail.get(0).text().contains("https://hub.example/restricted-lists/"), mail.get(0).text());
        String sent = get(MANAGER, "/console/reports/{id}", path).getBody();
        assertTrue(sent.contains("The link emailed with the workbook on Fri 20 Nov 2026, 10:00 expires Fri 4 Dec 2026, 10:00."), sent);

        APIGatewayProxyResponseEvent none = post(MANAGER, "/console/reports/{id}/restricted-links", path, signed(sent));
        assertEquals(400, none.getStatusCode());
        assertTrue(none.getBody().contains("Choose the council to send a new link to"), none.getBody());
        assertEquals(403, post(ADVOCATE, "/console/reports/{id}/restricted-links", path, byHand(get(ADVOCATE, "/console/reports",
                Map.of()).getBody(), "authority", "RUTLAND")).getStatusCode());

        APIGatewayProxyResponseEvent fresh = post(MANAGER, "/console/reports/{id}/restricted-links", path, signed(sent, "authority",
                "RUTLAND"));
        assertEquals(303, fresh.getStatusCode(), fresh.getBody());
        assertEquals("/console/reports/" + id + "?link=RUTLAND#restricted", fresh.getHeaders().get("Location"));
        assertEquals(2, mail.size());
        assertEquals(null, mail.get(1).attachment(), "a new link goes alone");
        assertEquals(List.of("returns@rutland.example"), mail.get(1).to());
        assertEquals(2, store.links.size());
        String notice = get(MANAGER, "/console/reports/{id}", path, Map.of("link", "RUTLAND")).getBody();
        assertTrue(notice.contains("<h2>New link sent</h2><p>A new link to the Rutland County Council restricted list was emailed"), notice);
    }

    @Test
    void aHeadRequestIsAnsweredAsItsGetWithoutTheBody() {
        store.put(built("RPT-LLR-FY2026Q2-BUILT", Instant.parse("2026-10-05T09:00:00Z")));
        APIGatewayProxyRequestEvent head = event("HEAD", "/console/reports/{id}/workbook", Map.of("id", "RPT-LLR-FY2026Q2-BUILT"), MANAGER);
        head.setQueryStringParameters(Map.of("authority", "RUTLAND"));

        APIGatewayProxyResponseEvent answer = routes.handle(head);

        assertEquals(200, answer.getStatusCode());
        assertEquals(WorkbookWriter.CONTENT_TYPE, answer.getHeaders().get("Content-Type"));
        assertNull(answer.getBody());
    }

    // ------------------------------------------------------------------ requests

    private APIGatewayProxyResponseEvent get(String session, String resource, Map<String, String> path) {
        return get(session, resource, path, Map.of());
    }

    private APIGatewayProxyResponseEvent get(String session, String resource, Map<String, String> path, Map<String, String> query) {
        APIGatewayProxyRequestEvent event = event("GET", resource, path, session);
        if (!query.isEmpty()) {
            event.setQueryStringParameters(query);
        }
        return routes.handle(event);
    }

    private APIGatewayProxyResponseEvent post(String session, String resource, Map<String, String> path, String body) {
        APIGatewayProxyRequestEvent event = event("POST", resource, path, session);
        Map<String, String> headers = new LinkedHashMap<>(event.getHeaders());
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        event.setHeaders(headers);
        event.setBody(body);
        return routes.handle(event);
    }

    private static APIGatewayProxyRequestEvent event(String method, String resource, Map<String, String> path, String session) {
        String actual = resource;
        for (Map.Entry<String, String> p : path.entrySet()) {
            actual = actual.replace("{" + p.getKey() + "}", p.getValue());
        }
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withHttpMethod(method).withResource(resource)
                .withPath(actual).withPathParameters(path.isEmpty() ? null : path);
        event.setHeaders(session == null ? Map.of() : Map.of("Cookie", "theme=dark; hub_session=" + session));
        return event;
    }

    private static String form(String... namesAndValues) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    /**
     * A form of the page as a browser sends it: {@code namesAndValues}, then the hidden CSRF token and one-time form id
     * of the page's first form that has them.
     */
    private static String signed(String html, String... namesAndValues) {
        Matcher id = Pattern.compile("name=\"formId\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(id.find(), "the page has a form with a one-time id");
        String hidden = form("csrf", csrf(html), "formId", id.group(1));
        return namesAndValues.length == 0 ? hidden : form(namesAndValues) + "&" + hidden;
    }

    /** A form made by hand from a page that offers none (the sign-out button's CSRF token, a new form id). */
    private static String byHand(String html, String... namesAndValues) {
        String hidden = form("csrf", csrf(html), "formId", java.util.UUID.randomUUID().toString());
        return namesAndValues.length == 0 ? hidden : form(namesAndValues) + "&" + hidden;
    }

    /** The CSRF token of a page's forms, as a browser would send it back. */
    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the page has a form with a CSRF token");
        return m.group(1);
    }

    // ------------------------------------------------------------------ reports

    private QuarterlyReport built(String id, Instant requestedAt) {
        archive.put("reports/LLR/FY2026Q2/" + id + "/LLR-RUTLAND-FY2026Q2.xlsx", RUTLAND_BOOK);
        archive.put("restricted/reports/LLR/FY2026Q2/" + id + "/LLR-FY2026Q2-caseload.xlsx", CASELOAD);
        return new QuarterlyReport(id, "LLR", new FinancialQuarter(2026, 2), "RUTLAND", false, "morgan-manager", requestedAt,
                QuarterlyReport.Status.BUILT, requestedAt.plusSeconds(60), List.of(rutland(id)),
                "restricted/reports/LLR/FY2026Q2/" + id + "/LLR-FY2026Q2-caseload.xlsx", null, 0);
    }

    private static QuarterlyReport.Workbook rutland(String id) {
        return rutland(id, null);
    }

    private static QuarterlyReport.Workbook rutland(String id, String restrictedKey) {
        ReturnTable summary = new ReturnTable("Summary", "Leicester, Leicestershire and Rutland: quarterly return 2026-27 Q2, Rutland "
                + "County Council", "LLR 26.12, 26.13, 26.17", List.of("Figure", "Service", "Value", "Share"), List.of(
                List.of(ReturnCell.text(ReturnTable.GENERATED), ReturnCell.text("2026-10-02 07:00"), ReturnCell.blank(),
                        ReturnCell.blank()),
                List.of(ReturnCell.text(ReturnTable.SOFTWARE_VERSION), ReturnCell.text("0.1.0-SNAPSHOT"), ReturnCell.blank(),
                        ReturnCell.blank()),
                List.of(ReturnCell.text("IMCA allocated within 2 working days"), ReturnCell.text("IMCA"), ReturnCell.count(12),
                        ReturnCell.share(12, 20)),
                List.of(ReturnCell.text("Appropriate referrals"), ReturnCell.text("All services"), ReturnCell.text("<5 & rising"),
                        ReturnCell.share(0, 0))), List.of("How each figure is counted is on the Definitions sheet."));
        return new QuarterlyReport.Workbook("RUTLAND", "Rutland County Council", "LLR-RUTLAND-FY2026Q2.xlsx",
                "reports/LLR/FY2026Q2/" + id + "/LLR-RUTLAND-FY2026Q2.xlsx", restrictedKey, List.of("returns@rutland.example"), summary,
                null, null);
    }

    // ------------------------------------------------------------------ fakes

    /** Two sessions: a manager's and an advocate's, by the {@code hub_session} cookie. */
    private static final class FixedSignIn implements StaffSignIn {
        @Override
        public Optional<Session> session(HttpRequest request) {
            String cookies = request.header("Cookie").orElse("");
            for (String cookie : cookies.split(";")) {
                String[] pair = cookie.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equals("hub_session")) {
                    return switch (pair[1]) {
                        case MANAGER -> Optional.of(new Session(new StaffMember("morgan-manager", Set.of(StaffMember.Role.MANAGER)), MANAGER));
                        case ADVOCATE -> Optional.of(new Session(new StaffMember("ira-imca", Set.of(StaffMember.Role.ADVOCATE)), ADVOCATE));
                        default -> Optional.empty();
                    };
                }
            }
            return Optional.empty();
        }

        @Override
        public APIGatewayProxyResponseEvent startSignIn(HttpRequest request, String returnTo) {
            throw new UnsupportedOperationException();
        }

        @Override
        public APIGatewayProxyResponseEvent callback(HttpRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public APIGatewayProxyResponseEvent signOut(HttpRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    /** The two sign-ins' staff records, active (the directory decides every request: issue 20); no duty managers. */
    private static final class NoStaff implements StaffDirectory {
        private static StaffRecord record(String id, org.advocacyhub.domain.staff.StaffRole role) {
            String name = id.equals("morgan-manager") ? "Morgan Manager" : "Ira Imca";
            return new StaffRecord(id, name, id + "@hub.example", role, true, Set.of("LLR", "LEW"), Set.of(), List.of(), Set.of(), Map.of(),
                    null, null, null, Set.of(id), StaffRecord.Experience.NONE);
        }

        @Override
        public Optional<StaffRecord> find(String staffId) {
            return findByLogin(staffId);
        }

        @Override
        public Optional<StaffRecord> findByLogin(String subject) {
            return switch (subject) {
                case "morgan-manager" -> Optional.of(record(subject, org.advocacyhub.domain.staff.StaffRole.MANAGER));
                case "ira-imca" -> Optional.of(record(subject, org.advocacyhub.domain.staff.StaffRole.ADVOCATE));
                default -> Optional.empty();
            };
        }

        @Override
        public List<StaffRecord> all() {
            return List.of(record("morgan-manager", org.advocacyhub.domain.staff.StaffRole.MANAGER),
                    record("ira-imca", org.advocacyhub.domain.staff.StaffRole.ADVOCATE));
        }

        @Override
        public List<StaffRecord> dutyManagers(String contract) {
            return List.of();
        }

        @Override
        public StaffRecord save(StaffRecord record) {
            throw new UnsupportedOperationException();
        }
    }

    /** The report items of the table, with the conditional save and the once-only send claims. */
    private static final class InMemoryReportStore implements ReportStore, org.advocacyhub.application.port.RestrictedLinks {
        private final Map<String, QuarterlyReport> reports = new LinkedHashMap<>();
        private final Map<String, String> sent = new HashMap<>();
        private final Set<String> claimed = new java.util.HashSet<>();
        final List<String> audits = new ArrayList<>();

        void put(QuarterlyReport report) {
            reports.put(report.id(), report);
        }

        int size() {
            return reports.size();
        }

        @Override
        public boolean create(QuarterlyReport report) {
            return reports.putIfAbsent(report.id(), report) == null;
        }

        @Override
        public Optional<QuarterlyReport> find(String reportId) {
            return Optional.ofNullable(reports.get(reportId));
        }

        @Override
        public List<QuarterlyReport> recent(String contract, int limit) {
            return reports.values().stream().filter(r -> r.contract().equals(contract))
                    .sorted(java.util.Comparator.comparing(QuarterlyReport::requestedAt).reversed()).limit(limit).toList();
        }

        @Override
        public boolean save(QuarterlyReport report) {
            QuarterlyReport stored = reports.get(report.id());
            if (stored == null || stored.version() != report.version()) {
                return false;
            }
            reports.put(report.id(), report.nextVersion());
            return true;
        }

        @Override
        public boolean claimSend(String reportId, String authority, Instant now) {
            return claimed.add(reportId + "#" + authority);
        }

        @Override
        public void markSent(String reportId, String authority, String messageId, Instant at) {
            sent.put(reportId + "#" + authority, messageId);
        }

        @Override
        public void releaseSend(String reportId, String authority) {
            claimed.remove(reportId + "#" + authority);
        }

        final Map<String, org.advocacyhub.domain.reports.RestrictedLink> links = new LinkedHashMap<>();

        @Override
        public boolean claimSendWithLink(String reportId, String sendKey, Instant now, org.advocacyhub.domain.reports.RestrictedLink link) {
            if (!claimSend(reportId, sendKey, now)) {
                return false;
            }
            links.put(link.tokenHash(), link);
            return true;
        }

        @Override
        public void releaseSendWithLink(String reportId, String sendKey, String tokenHash) {
            releaseSend(reportId, sendKey);
            links.remove(tokenHash);
        }

        @Override
        public Optional<org.advocacyhub.domain.reports.RestrictedLink> byHash(String tokenHash) {
            return Optional.ofNullable(links.get(tokenHash));
        }

        @Override
        public Optional<SendRecord> sendRecord(String reportId, String authority) {
            String key = reportId + "#" + authority;
            return sent.containsKey(key) ? Optional.of(new SendRecord(org.advocacyhub.application.port.Outbox.Status.SENT, null, sent.get(key)))
                    : claimed.contains(key) ? Optional.of(new SendRecord(org.advocacyhub.application.port.Outbox.Status.SENDING, Instant.EPOCH, null))
                    : Optional.empty();
        }

        @Override
        public boolean settleSend(String reportId, String authority, Instant claimedAt, org.advocacyhub.application.port.Outbox.Status status,
                                  Instant at, String contract, String what, String note) {
            throw new AssertionError("every email goes in these tests");
        }

        @Override
        public boolean startDeadline(org.advocacyhub.domain.reports.ReportDeadline deadline) {
            return false;
        }

        @Override
        public void deadlineSent(String contract, FinancialQuarter quarter, String authority, Set<String> all, Instant at) {
        }

        @Override
        public Optional<Instant> deadlineDue(String contract, FinancialQuarter quarter) {
            return Optional.empty();
        }

        @Override
        public void audit(String reportId, AuditEntry entry) {
            audits.add(reportId + " " + entry.staffId() + " " + entry.action());
        }
    }
}
