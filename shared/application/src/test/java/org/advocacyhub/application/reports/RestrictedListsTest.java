package org.advocacyhub.application.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.CatalogueContractTerms;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.ReportMail;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.reports.RestrictedLink;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 (LLR 26.9, 27.6; LEW 17.5): a council's restricted list travels as an expiring link in its report email, never
 * as an attachment; over the real {@link QuarterlyReports} and {@link RestrictedLists}, with the table, archive and mail
 * service in memory.
 */
class RestrictedListsTest {

    /** Thursday 8 October 2026, 10:00 London: LEW's FY2026 Q2 has ended. */
    private static final Instant SENT = Instant.parse("2026-10-08T09:00:00Z");
    private static final String ID = "RPT-LEW-FY2026Q2-0000000001";
    private static final String BOOK_KEY = "reports/LEW/FY2026Q2/" + ID + "/LEW-LEWISHAM-FY2026Q2.xlsx";
    private static final String LIST_KEY = "restricted/reports/LEW/FY2026Q2/" + ID + "/LEW-LEWISHAM-FY2026Q2-restricted.xlsx";
    private static final byte[] BOOK = {'P', 'K', 1};
    private static final byte[] LIST = {'P', 'K', 2};
    private static final Pattern LINK = Pattern.compile("https://hub\\.example/restricted-lists/([A-Za-z0-9_-]{43})");
    private static final StaffActor MANAGER = new StaffActor("morgan-manager", Set.of(StaffMember.Role.MANAGER), Optional.empty());
    private static final StaffActor ADVOCATE = new StaffActor("ira-imca", Set.of(StaffMember.Role.ADVOCATE), Optional.empty());

    private final MovableClock clock = new MovableClock(SENT);
    private final InMemoryReports table = new InMemoryReports();
    private final Map<String, byte[]> archive = new HashMap<>();
    private final List<ReportMail.Message> mail = new ArrayList<>();
    /** What the mail service answers next; sent, when nothing is queued. */
    private final Deque<Supplier<MailSender.Delivery>> answers = new ArrayDeque<>();
    private final ContractCatalogue contracts = ContractCatalogue.bundled();
    private final RestrictedLists lists;
    private final QuarterlyReports reports;

    RestrictedListsTest() {
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
            return answers.isEmpty() ? new MailSender.Sent("message-" + mail.size()) : answers.poll().get();
        };
        StaffDirectory staff = new NoDutyManagers();
        lists = new RestrictedLists(table, table, bucket, service, staff, contracts, new CatalogueContractTerms(contracts), clock,
                new PublicAddress("https://hub.example/"));
        reports = new QuarterlyReports(table, (contract, quarter, through, sink) -> {
            throw new AssertionError("the report is built already");
        }, bucket, service, id -> { }, (sheets, title, at) -> {
            throw new AssertionError("the report is built already");
        }, staff, contracts, new CatalogueContractTerms(contracts), clock, lists);
        archive.put(BOOK_KEY, BOOK);
        archive.put(LIST_KEY, LIST);
        table.put(new QuarterlyReport(ID, "LEW", new FinancialQuarter(2026, 2), null, true, QuarterlyReport.SCHEDULE, SENT.minusSeconds(600),
                QuarterlyReport.Status.BUILT, SENT.minusSeconds(300), List.of(new QuarterlyReport.Workbook("LEWISHAM", "Lewisham Council",
                "LEW-LEWISHAM-FY2026Q2.xlsx", BOOK_KEY, LIST_KEY, List.of("returns@lewisham.example"), new ReturnTable("Summary", "Summary",
                "LEW 17.3", List.of("Figure"), List.of(), List.of()), null, null)), null, null, 0));
    }

    private static String token(ReportMail.Message message) {
        Matcher link = LINK.matcher(message.text());
        assertTrue(link.find(), message.text());
        return link.group(1);
    }

    @Test
    @DisplayName("The council's email carries its workbook and a link to its restricted list, never the list; only the token's hash is kept")
    void theEmailCarriesALink() {
        reports.process(ID, false);

        assertEquals(1, mail.size());
        ReportMail.Message email = mail.get(0);
        assertArrayEquals(BOOK, email.attachment(), "the aggregates only are attached");
        String words = email.text().replaceAll("\\s+", " ");
        assertTrue(words.contains("is not attached. Download it from this link, which is for the named recipients of this email only "
                + "and expires in 14 days, at 10:00 on Thursday 22 October 2026 (London time)"), words);
        assertTrue(words.contains("the caseload list, with the details of each person supported in the quarter"), words);
        assertFalse(words.matches(".*\\b(LEW|LLR) \\d.*"), "an email cites no clause: " + words);
        String token = token(email);
        assertEquals(Set.of(Digests.sha256Hex(token)), table.links.keySet(), "kept by its hash");
        RestrictedLink kept = table.links.values().iterator().next();
        assertFalse(kept.toString().contains(token), "the token is kept nowhere");
        assertEquals(LIST_KEY, kept.archiveKey());
        assertEquals(SENT.plus(Duration.ofDays(14)), kept.expiresAt());

        RestrictedLists.Page page = assertInstanceOf(RestrictedLists.Page.class, lists.open(token));
        assertEquals("Lewisham Council", page.councilName());
        assertEquals(List.of(), table.audits.stream().filter(a -> a.staffId().startsWith("restricted-link")).toList(),
                "looking at the page downloads nothing");
        RestrictedLists.File file = assertInstanceOf(RestrictedLists.File.class, lists.download(token));
        assertArrayEquals(LIST, file.content());
        assertEquals("LEW-LEWISHAM-FY2026Q2-restricted.xlsx", file.fileName());
        assertEquals(List.of("restricted-link:LEWISHAM downloaded the restricted list of LEWISHAM with the link issued at 10:00 on "
                + "Thursday 8 October 2026"), table.audits.stream().filter(a -> a.staffId().startsWith("restricted-link"))
                .map(a -> a.staffId() + " " + a.action()).toList(), "each download audited, naming the council");
    }

    @Test
    @DisplayName("A queue redelivery after the sender stopped mid-send issues no second link and sends nothing twice")
    void redelivery() {
        answers.add(() -> {
            throw new IllegalStateException("the function stopped while the mail service had the email");
        });
        assertThrows(IllegalStateException.class, () -> reports.process(ID, false));
        assertEquals(1, table.links.size());
        String first = token(mail.get(0));

        assertThrows(IllegalStateException.class, () -> reports.process(ID, false), "held by its sender's lease: not sent again");
        clock.move(Duration.ofMinutes(6));
        reports.process(ID, false);

        assertEquals(1, mail.size(), "one email, whatever its fate");
        assertEquals(1, table.links.size(), "and one link: the one that may have gone");
        assertInstanceOf(RestrictedLists.Page.class, lists.open(first), "it still opens the list");
    }

    @Test
    @DisplayName("An email the mail service refused for now takes its unsent link with it; the retry sends a new one")
    void refusedForNow() {
        answers.add(() -> new MailSender.Refused("throttled", true));
        assertThrows(IllegalStateException.class, () -> reports.process(ID, false));
        String unsent = token(mail.get(0));
        assertEquals(Map.of(), table.links, "removed with the claim: nobody holds its token");

        reports.process(ID, false);

        assertEquals(2, mail.size());
        String sent = token(mail.get(1));
        assertEquals(Set.of(Digests.sha256Hex(sent)), table.links.keySet());
        assertInstanceOf(RestrictedLists.Gone.class, lists.open(unsent));
        assertInstanceOf(RestrictedLists.Page.class, lists.open(sent));
        assertEquals(QuarterlyReport.Status.SENT, table.find(ID).orElseThrow().status());
    }

    @Test
    @DisplayName("The link opens its list for 14 days, then nothing: expired, unknown and malformed links get one answer")
    void expiry() {
        reports.process(ID, false);
        String token = token(mail.get(0));

        clock.move(Duration.ofDays(14).minusMillis(1));
        assertInstanceOf(RestrictedLists.File.class, lists.download(token));
        clock.move(Duration.ofMillis(1));
        assertInstanceOf(RestrictedLists.Gone.class, lists.open(token));
        assertInstanceOf(RestrictedLists.Gone.class, lists.download(token));
        assertInstanceOf(RestrictedLists.Gone.class, lists.open(RestrictedLink.newToken(new java.security.SecureRandom())), "unknown");
        assertInstanceOf(RestrictedLists.Gone.class, lists.open("not-a-token"), "malformed");
    }

    @Test
    @DisplayName("A manager emails a council a fresh link: managers only before the body, once per request, no attachment")
    void reissue() {
        SubmittedFields lewisham = SubmittedFields.fromJsonObject(Map.of("authority", "LEWISHAM"));
        assertInstanceOf(QuarterlyReports.NotAllowed.class, lists.reissue(ADVOCATE, ID, SubmittedFields.fromJsonObject(Map.of())),
                "refused before the body is read");
        QuarterlyReports.Invalid missing = assertInstanceOf(QuarterlyReports.Invalid.class,
                lists.reissue(MANAGER, ID, SubmittedFields.fromJsonObject(Map.of())));
        assertEquals("authority", missing.errors().get(0).field());
        QuarterlyReports.Invalid other = assertInstanceOf(QuarterlyReports.Invalid.class,
                lists.reissue(MANAGER, ID, SubmittedFields.fromJsonObject(Map.of("authority", "RUTLAND"))));
        assertTrue(other.errors().get(0).message().contains("LEWISHAM"), other.errors().toString());
        assertInstanceOf(QuarterlyReports.Conflict.class, lists.reissue(MANAGER, ID, lewisham), "not emailed yet");

        reports.process(ID, false);
        clock.move(Duration.ofDays(20));
        StaffActor asking = MANAGER.asking(Optional.of("request-1"), Optional.empty());
        QuarterlyReports.LinkSent sent = assertInstanceOf(QuarterlyReports.LinkSent.class, lists.reissue(asking, ID, lewisham));

        assertEquals(2, mail.size());
        ReportMail.Message fresh = mail.get(1);
        assertFalse(fresh.attached(), "a link, nothing attached");
        assertEquals(List.of("returns@lewisham.example"), fresh.to());
        assertEquals(clock.instant().plus(Duration.ofDays(14)), sent.expiresAt());
        assertInstanceOf(RestrictedLists.File.class, lists.download(token(fresh)));
        assertInstanceOf(RestrictedLists.Gone.class, lists.download(token(mail.get(0))), "the first has expired");

        QuarterlyReports.LinkSent again = assertInstanceOf(QuarterlyReports.LinkSent.class, lists.reissue(asking, ID, lewisham));
        assertNull(again.expiresAt());
        assertEquals(2, mail.size(), "the same request sends nothing more");
        assertEquals(2, table.links.size());
        assertTrue(table.audits.stream().anyMatch(a -> a.staffId().equals("morgan-manager")
                && a.action().equals("asked for a new link to the restricted list of LEWISHAM")), "audited");
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class NoDutyManagers implements StaffDirectory {
        @Override
        public Optional<StaffRecord> find(String staffId) {
            return Optional.empty();
        }

        @Override
        public Optional<StaffRecord> findByLogin(String subject) {
            return Optional.empty();
        }

        @Override
        public List<StaffRecord> all() {
            return List.of();
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
}
