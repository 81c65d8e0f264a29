package org.advocacyhub.application.reports;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReportMail;
import org.advocacyhub.application.port.ReportQueue;
import org.advocacyhub.application.port.ReportStore;
import org.advocacyhub.application.port.ReturnsSource;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.WorkbookWriter;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.reports.AnnualReturnWorkbook;
import org.advocacyhub.domain.reports.AnnualReturns;
import org.advocacyhub.domain.reports.AuthorityReturn;
import org.advocacyhub.domain.reports.QuarterlyReturn;
import org.advocacyhub.domain.reports.QuarterlyReturnBuilder;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quarterly reports (issue 11; LLR 26.12-26.17, LEW 17.2-17.5, DERBY KPIs): asked for by a manager
 * ({@code POST /reports}, previewed, then sent) or by a contract's schedule; built from the
 * quarter's records by Query, streamed through the domain's counting rules; each workbook archived
 * in the reports bucket and emailed once to its authority's recipients with the duty managers
 * copied. Workbooks hold aggregates only (LLR 26.9, 27.6); a council's restricted list is never attached, its email
 * carries an expiring link instead ({@link RestrictedLists}, issue 23). Managers only; every access is audited.
 */
@Singleton
public final class QuarterlyReports {

    private static final Logger LOG = LoggerFactory.getLogger(QuarterlyReports.class);
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    /**
     * How long a claimed send may take before its sender counts as stopped: far longer than one send does (the mail
     * service's call timeout is 10 s). An email held longer is not known, never sent again.
     */
    static final Duration SEND_LEASE = Duration.ofMinutes(5);

    private final ReportStore store;
    private final ReturnsSource source;
    private final ReportArchive archive;
    private final ReportMail mail;
    private final ReportQueue queue;
    private final WorkbookWriter writer;
    private final StaffDirectory staff;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> requestFields;
    private final RestrictedLists restricted;

    public QuarterlyReports(ReportStore store, ReturnsSource source, ReportArchive archive, ReportMail mail, ReportQueue queue,
                            WorkbookWriter writer, StaffDirectory staff, ContractCatalogue contracts, ContractTerms terms, Clock clock,
                            RestrictedLists restricted) {
        this.store = store;
        this.source = source;
        this.archive = archive;
        this.mail = mail;
        this.queue = queue;
        this.writer = writer;
        this.staff = staff;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.requestFields = requestFields(contracts);
        this.restricted = restricted;
    }

    // ------------------------------------------------------------------ the fields, one definition for checks and the API description

    /** {@code POST /reports}. */
    public static List<FieldSpec> requestFields(ContractCatalogue contracts) {
        return List.of(
                new FieldSpec("contract", "Contract", "", FieldKind.CHOICE, true, 10, ContractChoice.all(contracts), "Select the contract",
                        "Contract"),
                new FieldSpec("quarter", "Quarter", "A financial quarter, such as 2026-Q3 for October to December 2026 (Q1 is April to "
                        + "June)", FieldKind.TEXT, true, 7, List.of(), "Enter the quarter, for example 2026-Q3", "Quarter"),
                new FieldSpec("authority", "Authority", "One of the contract's authorities (e.g. RUTLAND); all of them unless given",
                        FieldKind.TEXT, false, 40, List.of(), "", "Authority"),
                new FieldSpec("send", "Send", "Email it to the authorities once built (only for a quarter that has ended); false "
                        + "(the default) to preview it first", FieldKind.YES_NO, false, 5, List.of(), "", "Send"));
    }

    // ------------------------------------------------------------------ outcomes

    public sealed interface Outcome {
    }

    public record Accepted(QuarterlyReport report) implements Outcome {
    }

    public record Shown(QuarterlyReport report) implements Outcome {
    }

    public record Download(String fileName, byte[] content) implements Outcome {
    }

    /** A page of the reports list ({@link #list}): newest first, how many match, where the page starts, the pages either side. */
    public record Listed(List<QuarterlyReport> reports, int total, int offset, String next, String previous) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    public record NotAllowed(String why) implements Outcome {
    }

    public record NotFound(String why) implements Outcome {
    }

    public record Conflict(String why) implements Outcome {
    }

    /**
     * A fresh link to a council's restricted list was emailed ({@link RestrictedLists#reissue}).
     *
     * @param expiresAt when it expires; {@code null} for a request run again, whose link went the first time
     */
    public record LinkSent(QuarterlyReport report, QuarterlyReport.Workbook book, Instant expiresAt) implements Outcome {
    }

    // ------------------------------------------------------------------ manager routes

    /**
     * Whether a report can be made for the quarter {@code year}-Q{@code number}: one that lies between the quarter the
     * contract's service began in (its report schedule's start, with its clause) and the current quarter (issue 20: a
     * year before 1900 was a 500, and 1999-Q1 built an empty report). Years are checked before a quarter is made of them.
     */
    private static List<FieldError> reportable(String text, int year, int number, Contract contract, Instant now) {
        FinancialQuarter current = FinancialQuarter.containing(now);
        Optional<org.advocacyhub.domain.contract.ReportSchedule.Start> start = contract == null ? Optional.empty()
                : contract.reportSchedule().start();
        if (start.isPresent()) {
            FinancialQuarter first = FinancialQuarter.containing(start.get().date());
            if (year < first.financialYear() || year == first.financialYear() && number < first.quarter()) {
                return List.of(new FieldError("quarter", "Quarter " + text + " is before the " + contract.code() + " service began ("
                        + start.get().date().format(DAY) + ", " + start.get().clause() + "): the first quarter to report is "
                        + first.financialYear() + "-Q" + first.quarter()));
            }
        } else if (year < 1900) {
            return List.of(new FieldError("quarter", "Quarter " + text + " is before any contract began"));
        }
        if (year > current.financialYear() || year == current.financialYear() && number > current.quarter()) {
            return List.of(new FieldError("quarter", "Quarter " + text + " has not started yet"));
        }
        return List.of();
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
            java.util.Locale.UK);

    /** {@code POST /reports}: queues a report; 202 with its id. */
    public Outcome request(StaffActor actor, SubmittedFields body) {
        // Authorization before validation (issue 20): someone who may not ask learns nothing from the field rules.
        if (!actor.isManager()) {
            return new NotAllowed("Only managers may ask for quarterly reports.");
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(requestFields, body, today(now), "a report request");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        Contract contract = v.get("contract") instanceof Choice chosen ? contracts.contract(chosen.name()).orElse(null) : null;
        FinancialQuarter quarter = null;
        String quarterText = (String) v.get("quarter");
        if (quarterText != null) {
            Matcher matcher = QUARTER.matcher(quarterText);
            if (!matcher.matches()) {
                errors.add(new FieldError("quarter", "Quarter must look like 2026-Q3 (a financial quarter: Q1 is April to June)"));
            } else {
                int year = Integer.parseInt(matcher.group(1));
                int number = Integer.parseInt(matcher.group(2));
                List<FieldError> unreportable = reportable(quarterText, year, number, contract, now);
                errors.addAll(unreportable);
                quarter = unreportable.isEmpty() ? new FinancialQuarter(year, number) : null;
            }
        }
        String authority = (String) v.get("authority");
        if (authority != null && contract != null && contract.authority(authority).isEmpty()) {
            errors.add(new FieldError("authority", contract.code() + " has no authority " + authority + "; it has "
                    + String.join(", ", contract.authorities().stream().map(Authority::code).toList())));
        }
        if (authority != null && contract != null && !contract.reportSchedule().perAuthority()) {
            errors.add(new FieldError("authority", contract.code() + " reports for the whole contract, not per authority"));
        }
        boolean send = Boolean.TRUE.equals(v.get("send"));
        if (send && quarter != null && quarter.end().isAfter(now)) {
            errors.add(new FieldError("send", "Quarter " + quarterText + " has not ended: preview it (send false) until it has"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        // The same id each time a keyed request runs (issue 19): run again, it finds the report it asked for.
        String id = "RPT-" + contract.code() + "-" + quarter.key() + "-" + HexFormat.of().toHexDigits(UUID.fromString(actor.newRecordId())
                .getLeastSignificantBits()).substring(0, 10).toUpperCase(java.util.Locale.ROOT);
        QuarterlyReport report = QuarterlyReport.queued(id, contract.code(), quarter, authority, send, actor.id(), now);
        if (!store.create(report)) {
            QuarterlyReport asked = store.find(id).orElseThrow();
            if (asked.status() == QuarterlyReport.Status.QUEUED) {
                // Its function may have stopped before queueing it: queued again, it is still built once (process() builds
                // a queued report only, and saves the build only over the report it read).
                queue.enqueue(id);
            }
            return new Accepted(asked);
        }
        store.audit(id, audit(now, actor, "asked for the report"));
        queue.enqueue(id);
        LOG.info("Report {} queued for {} {}", id, contract.code(), quarter.key());
        return new Accepted(report);
    }

    /** {@code GET /reports/{id}}. */
    public Outcome view(StaffActor actor, String reportId) {
        return managerRead(actor, reportId, "viewed the report").map(report -> (Outcome) new Shown(report))
                .orElseGet(() -> refusal(actor, reportId));
    }

    /**
     * The reports most recently asked for, of every contract, newest first, at most {@code limit}
     * (one Query per contract). Managers only: anyone else gets none. Not audited, unlike
     * {@link #view}: a list shows what was asked for and where it got to, never the figures.
     */
    public List<QuarterlyReport> recent(StaffActor actor, int limit) {
        if (!actor.isManager()) {
            return List.of();
        }
        List<QuarterlyReport> all = new ArrayList<>();
        for (Contract contract : contracts.contracts()) {
            all.addAll(store.recent(contract.code(), limit));
        }
        all.sort(java.util.Comparator.comparing(QuarterlyReport::requestedAt).thenComparing(QuarterlyReport::id).reversed());
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }

    /** How many of each contract's reports the list reads at most, newest first: years of quarters, with every retry. */
    static final int LIST_READ = 400;

    /**
     * The reports list (issue 21: lists that scale): every contract's reports, or one contract's, of one quarter and one
     * status when given, newest first, {@code limit} a page. Managers only: anyone else gets an empty list. A page token
     * of another list (other filters) is refused, naming it. Not audited, as {@link #recent}.
     */
    public Outcome list(StaffActor actor, String contract, FinancialQuarter quarter, QuarterlyReport.Status status, String pageToken,
                        int limit) {
        if (!actor.isManager()) {
            return new Listed(List.of(), 0, 0, null, null);
        }
        List<QuarterlyReport> all = new ArrayList<>();
        for (Contract c : contracts.contracts()) {
            if (contract == null || c.code().equals(contract)) {
                store.recent(c.code(), LIST_READ).stream()
                        .filter(r -> (quarter == null || r.quarter().equals(quarter)) && (status == null || r.status() == status))
                        .forEach(all::add);
            }
        }
        all.sort(java.util.Comparator.comparing(QuarterlyReport::requestedAt).thenComparing(QuarterlyReport::id).reversed());
        String filters = "reports|" + contract + "|" + quarter + "|" + status;
        return org.advocacyhub.application.support.OffsetPageToken.page(all, pageToken, filters, limit)
                .<Outcome>map(page -> new Listed(page.rows(), page.total(), page.offset(), page.next(), page.previous()))
                .orElseGet(() -> new Invalid(List.of(org.advocacyhub.application.support.OffsetPageToken.NOT_THIS_LISTS)));
    }

    /** {@code GET /reports/{id}/workbook?authority=}: the workbook as archived (aggregates only). */
    public Outcome workbook(StaffActor actor, String reportId, Optional<String> authority) {
        Optional<QuarterlyReport> found = managerRead(actor, reportId, "downloaded a workbook");
        if (found.isEmpty()) {
            return refusal(actor, reportId);
        }
        QuarterlyReport report = found.get();
        if (report.workbooks().isEmpty()) {
            return new Conflict("Report " + reportId + " is " + report.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ": it has no workbook yet.");
        }
        Optional<QuarterlyReport.Workbook> book = authority.isPresent() ? report.workbook(authority.get())
                : report.workbooks().size() == 1 ? Optional.of(report.workbooks().get(0)) : Optional.empty();
        if (book.isEmpty()) {
            return new Invalid(List.of(new FieldError("authority", "Name one of the report's workbooks: "
                    + String.join(", ", report.workbooks().stream().map(QuarterlyReport.Workbook::authority).toList()))));
        }
        return archive.get(book.get().archiveKey()).map(bytes -> (Outcome) new Download(book.get().fileName(), bytes))
                .orElseGet(() -> new NotFound("The workbook of report " + reportId + " is no longer kept."));
    }

    /**
     * {@code GET /reports/{id}/caseload?authority=}: one council's restricted workbook (its people's rows of LEW 17.5's
     * caseload list and LLR 26.17's reasons), managers only, audited, never attached to an email. A report built before
     * issue 23 has one contract-wide list instead, which is given.
     */
    public Outcome caseload(StaffActor actor, String reportId, Optional<String> authority) {
        Optional<QuarterlyReport> found = managerRead(actor, reportId, "downloaded the restricted list"
                + authority.map(a -> " of " + a).orElse(""));
        if (found.isEmpty()) {
            return refusal(actor, reportId);
        }
        QuarterlyReport report = found.get();
        if (report.caseloadKey() != null) {
            return archive.get(report.caseloadKey())
                    .map(bytes -> (Outcome) new Download(report.contract() + "-" + report.quarter().key() + "-caseload.xlsx", bytes))
                    .orElseGet(() -> gone(reportId));
        }
        List<QuarterlyReport.Workbook> lists = RestrictedLists.withLists(report);
        if (lists.isEmpty()) {
            return new NotFound("Report " + reportId + " has no restricted list: it is not built yet, or no council has one this "
                    + "quarter.");
        }
        Optional<QuarterlyReport.Workbook> book = authority.isPresent()
                ? lists.stream().filter(b -> b.authority().equals(authority.get())).findFirst()
                : lists.size() == 1 ? Optional.of(lists.get(0)) : Optional.empty();
        if (book.isEmpty()) {
            return new Invalid(List.of(new FieldError("authority", "Name one of the report's councils with a restricted list: "
                    + String.join(", ", lists.stream().map(QuarterlyReport.Workbook::authority).toList()))));
        }
        return archive.get(book.get().restrictedKey()).map(bytes -> (Outcome) new Download(book.get().restrictedFileName(), bytes))
                .orElseGet(() -> gone(reportId));
    }

    private static Outcome gone(String reportId) {
        return new NotFound("The restricted list of report " + reportId + " is no longer kept: restricted lists are deleted under "
                + "the retention policy before any case on them is anonymised.");
    }

    /** {@code POST /reports/{id}/send}: emails a previewed report (a quarter that has ended). */
    public Outcome send(StaffActor actor, String reportId) {
        Instant now = clock.instant();
        if (!actor.isManager()) {
            return new NotAllowed("Only managers may send quarterly reports.");
        }
        Optional<QuarterlyReport> found = store.find(reportId);
        if (found.isEmpty()) {
            return new NotFound("There is no report " + reportId + ".");
        }
        QuarterlyReport report = found.get();
        store.audit(reportId, audit(now, actor, "sent the report"));
        if (report.status() == QuarterlyReport.Status.SENT) {
            return new Shown(report);
        }
        if (report.quarter().end().isAfter(now)) {
            return new Conflict("Quarter " + report.quarter().key() + " has not ended: its report cannot be sent yet.");
        }
        if (report.status() != QuarterlyReport.Status.BUILT) {
            return new Conflict("Report " + reportId + " is " + report.status().name().toLowerCase(java.util.Locale.ROOT)
                    + ": only a built report can be sent.");
        }
        QuarterlyReport sending = report.toSend();
        if (!store.save(sending)) {
            return new Conflict("Report " + reportId + " changed meanwhile: look at it again.");
        }
        return new Shown(sendAll(sending.nextVersion(), Map.of()));
    }

    // ------------------------------------------------------------------ the schedule and the queue

    /**
     * A contract's schedule fired (template.yaml, one schedule per contract, 07:00 London on the first
     * days of each quarter's following month): on or after the contract's run day for the quarter
     * just ended, asks once for its report, to be sent. The id is the contract's and quarter's, so a
     * schedule that fires again (the next day, or twice) asks nothing more.
     *
     * @return the report asked for now, if one was
     */
    public Optional<QuarterlyReport> scheduled(String contractCode) {
        Instant now = clock.instant();
        Contract contract = contracts.contract(contractCode)
                .orElseThrow(() -> new IllegalArgumentException("no contract " + contractCode));
        FinancialQuarter ended = FinancialQuarter.containing(now).previous();
        // LLR 26.12, LEW 17.3: the report's deadline runs from the quarter's end, watched by the allocation timer like
        // any clock; the schedule's first firing after the quarter starts it (once: a stopped one stays stopped).
        org.advocacyhub.domain.reports.ReportDeadline.of(contract, ended).ifPresent(store::startDeadline);
        LocalDate runDay = org.advocacyhub.domain.reports.ReportRun.runDay(contract, ended);
        if (today(now).isBefore(runDay)) {
            LOG.info("Report schedule for {}: {} runs on {}", contractCode, ended.key(), runDay);
            return Optional.empty();
        }
        QuarterlyReport report = QuarterlyReport.queued(scheduledId(contract.code(), ended), contract.code(), ended, null, true,
                QuarterlyReport.SCHEDULE, now);
        if (!store.create(report)) {
            return Optional.empty();
        }
        queue.enqueue(report.id());
        LOG.info("Report {} queued by the schedule", report.id());
        return Optional.of(report);
    }

    /** The id of a contract's scheduled report for a quarter: one per contract and quarter. */
    public static String scheduledId(String contract, FinancialQuarter quarter) {
        return "RPT-" + contract + "-" + quarter.key() + "-SCHEDULED";
    }

    /**
     * A report queue message: builds the report if not built, then sends it if asked to. Safe to
     * repeat: a built report is not built again, and each workbook is emailed once (claimed first).
     *
     * @param lastAttempt whether the queue will not deliver it again (its receives reached the redrive limit): a
     *                    failure then marks the report failed and tells the duty managers
     */
    public void process(String reportId, boolean lastAttempt) {
        QuarterlyReport report = store.find(reportId).orElseThrow(() -> new IllegalArgumentException("no report " + reportId));
        // The workbooks just built, by archive key: sent from here rather than read back from the archive.
        Map<String, byte[]> built = new java.util.HashMap<>();
        try {
            if (report.status() == QuarterlyReport.Status.QUEUED || report.status() == QuarterlyReport.Status.FAILED) {
                report = build(report, built);
            }
            if (report.send() && report.status() == QuarterlyReport.Status.BUILT) {
                sendAll(report, built);
            }
        } catch (RuntimeException e) {
            if (lastAttempt) {
                failed(reportId, e);
            }
            throw e;
        }
    }

    private QuarterlyReport build(QuarterlyReport report, Map<String, byte[]> written) {
        Instant now = clock.instant();
        Contract contract = contracts.contract(report.contract()).orElseThrow();
        WorkingCalendar calendar = contract.calendar();
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(contract, report.quarter(), calendar);
        CaseloadSink caseload = CaseloadSink.of(contract, report.quarter());
        ReturnsSource.Read read = source.read(contract, report.quarter(), FinancialQuarter.containing(now),
                caseload.feeding(builder));
        if (builder.staffingDue()) {
            // LLR 26.17's annual staffing update: the directory as it is when the return is built.
            staff.all().forEach(builder::addStaff);
        }
        QuarterlyReturn figures = builder.build(now, SoftwareVersion.VALUE);
        String folder = "reports/" + contract.code() + "/" + report.quarter().key() + "/" + report.id() + "/";
        List<QuarterlyReport.Workbook> books = new ArrayList<>();
        for (AuthorityReturn book : figures.workbooks()) {
            if (report.authority() != null && !report.authority().equals(book.authorityCode())) {
                continue;
            }
            String fileName = fileName(contract, book.authorityCode(), report.quarter());
            byte[] bytes = writer.write(book.sheets(), "Quarterly return " + report.quarter().key() + ": " + book.authorityName(), now);
            archive.put(folder + fileName, bytes, WorkbookWriter.CONTENT_TYPE);
            written.put(folder + fileName, bytes);
            List<String> recipients = contract.authority(book.authorityCode()).map(Authority::reportRecipients)
                    .orElseGet(() -> contract.leadAuthority().reportRecipients());
            // LEW 17.5 (and LLR 26.17's reasons) with personal data, per council, its own people's rows only: archived
            // (encrypted), never attached to an email (LLR 26.9, 27.6); the council's email carries a link (RestrictedLists).
            QuarterlyReport.Workbook made = new QuarterlyReport.Workbook(book.authorityCode(), book.authorityName(), fileName,
                    folder + fileName, null, recipients, book.sheets().get(0), null, null);
            Optional<byte[]> list = caseload.workbook(book.authorityCode(), writer, "Restricted list " + report.quarter().key() + ": "
                    + book.authorityName(), now);
            if (list.isPresent()) {
                String restrictedKey = "restricted/" + folder + made.restrictedFileName();
                archive.put(restrictedKey, list.get(), WorkbookWriter.CONTENT_TYPE);
                made = new QuarterlyReport.Workbook(made.authority(), made.authorityName(), fileName, made.archiveKey(), restrictedKey,
                        recipients, made.summary(), null, null);
            }
            books.add(made);
        }
        // LLR 27.4: the annual return, built with the fourth quarter's report, for the authority it goes to (Leicestershire).
        builder.buildAnnualReturn(now, SoftwareVersion.VALUE)
                .filter(annual -> report.authority() == null || report.authority().equals(annual.authorityCode()))
                .ifPresent(annual -> {
                    String fileName = annualFileName(contract, annual);
                    byte[] bytes = writer.write(annual.sheets(), "Annual return " + AnnualReturns.key(annual.financialYear()) + ": "
                            + annual.authorityName(), now);
                    archive.put(folder + fileName, bytes, WorkbookWriter.CONTENT_TYPE);
                    written.put(folder + fileName, bytes);
                    books.add(new QuarterlyReport.Workbook(annual.code(), annual.authorityName() + ": annual return", fileName,
                            folder + fileName, null, contract.authority(annual.authorityCode()).orElseThrow().reportRecipients(),
                            annual.sheets().get(0), null, null));
                });
        QuarterlyReport built = report.built(now, books, null);
        if (!store.save(built)) {
            throw new IllegalStateException("report " + report.id() + " changed while it was built");
        }
        LOG.info("Report {} built: {} cases, {} time entries, {} records, {} callbacks in {} pages; {} workbooks", report.id(), read.cases(),
                read.timeRows(), read.records(), read.callbacks(), read.pages(), books.size());
        return built.nextVersion();
    }

    /**
     * A workbook's file name names the contract, the council it is for and the quarter, e.g.
     * {@code LLR-RUTLAND-FY2026Q3.xlsx}. A contract reporting in one workbook (LEW, DERBY) sends it to its lead
     * authority, which it names ({@code DERBY-DERBY-FY2026Q2.xlsx}, {@code LEW-LEWISHAM-FY2026Q2.xlsx}): a council's
     * inbox sorts every contract's returns the same way (issue 23).
     */
    static String fileName(Contract contract, String workbookCode, FinancialQuarter quarter) {
        String council = contract.authority(workbookCode).map(Authority::code).orElseGet(() -> contract.leadAuthority().code());
        return contract.code() + "-" + council + "-" + quarter.key() + ".xlsx";
    }

    /**
     * The annual return's file name, by the same rule as {@link #fileName}: the contract, the council it goes to and the
     * financial year, e.g. {@code LLR-LEICESTERSHIRE-FY2026-annual-return.xlsx} (LLR 27.4).
     */
    static String annualFileName(Contract contract, AnnualReturnWorkbook annual) {
        return contract.code() + "-" + annual.authorityCode() + "-" + AnnualReturns.key(annual.financialYear()) + "-annual-return.xlsx";
    }

    /**
     * Emails each workbook not yet sent, once each, then records the report as sent. A workbook's email is claimed
     * before it goes and the claim is never taken over (issue 19): an email the mail service refused for now is
     * released and the queue's retry sends it; one refused for good, or whose fate is not known (no answer came, or
     * its sender stopped while sending), is never sent again, and the duty managers' console lists it.
     */
    private QuarterlyReport sendAll(QuarterlyReport report, Map<String, byte[]> inHand) {
        Instant now = clock.instant();
        Contract contract = contracts.contract(report.contract()).orElseThrow();
        List<String> copyTo = staff.dutyManagers(report.contract()).stream().map(StaffRecord::email).distinct().toList();
        List<QuarterlyReport.Workbook> books = new ArrayList<>();
        for (QuarterlyReport.Workbook book : report.workbooks()) {
            if (book.sentAt() != null) {
                books.add(book);
                continue;
            }
            String what = "The " + report.contract() + " quarterly return " + report.quarter().key() + " for " + book.authorityName();
            Optional<ReportStore.SendRecord> before = store.sendRecord(report.id(), book.authority());
            if (before.isPresent() && before.get().status() == Outbox.Status.SENT) {
                books.add(book.sent(now, before.get().messageId()));
                continue;
            }
            if (before.isPresent() && (before.get().status() == Outbox.Status.NOT_SENT || before.get().status() == Outbox.Status.NOT_KNOWN)) {
                books.add(book);
                continue;
            }
            if (before.isPresent() && before.get().status() == Outbox.Status.SENDING) {
                if (before.get().claimedAt().plus(SEND_LEASE).isAfter(now)) {
                    throw new IllegalStateException("the workbook " + book.fileName() + " is being sent by another delivery");
                }
                store.settleSend(report.id(), book.authority(), before.get().claimedAt(), Outbox.Status.NOT_KNOWN, now, report.contract(),
                        what, "its sender stopped while sending it");
                books.add(book);
                continue;
            }
            // A council with a restricted list: its email's link is made in the same write as the claim (RestrictedLists), so a
            // redelivery that finds the email claimed issues no second link.
            Optional<RestrictedLists.Issued> link = book.restrictedKey() == null ? Optional.empty()
                    : restricted.claimWithLink(report, book, book.authority(), now);
            boolean claimed = book.restrictedKey() == null ? store.claimSend(report.id(), book.authority(), now) : link.isPresent();
            if (!claimed) {
                throw new IllegalStateException("the workbook " + book.fileName() + " is being sent by another delivery");
            }
            Runnable release = link.isPresent() ? () -> restricted.release(report.id(), book.authority(), link.get())
                    : () -> store.releaseSend(report.id(), book.authority());
            byte[] bytes;
            try {
                bytes = inHand.containsKey(book.archiveKey()) ? inHand.get(book.archiveKey())
                        : archive.get(book.archiveKey()).orElseThrow(() -> new IllegalStateException("workbook not archived"));
            } catch (RuntimeException e) {
                release.run();
                throw e;
            }
            MailSender.Delivery delivery = mail.send(new ReportMail.Message(book.recipients(), copyTo, subject(report, book),
                    body(report, book, link.map(issued -> RestrictedLists.paragraph(contract, issued))), book.fileName(), bytes));
            if (delivery instanceof MailSender.Sent sent) {
                store.markSent(report.id(), book.authority(), sent.messageId(), now);
                books.add(book.sent(now, sent.messageId()));
            } else if (delivery instanceof MailSender.Refused refused && refused.retryable()) {
                // Nothing went: the queue delivers the report again and this workbook is tried again (with a new link).
                release.run();
                throw new IllegalStateException("the mail service refused the workbook " + book.fileName() + " for now: " + refused.reason());
            } else {
                boolean refused = delivery instanceof MailSender.Refused;
                store.settleSend(report.id(), book.authority(), now, refused ? Outbox.Status.NOT_SENT : Outbox.Status.NOT_KNOWN, now,
                        report.contract(), what, refused ? "the mail service refused it (" + ((MailSender.Refused) delivery).reason() + ")"
                                : "the mail service did not answer (" + ((MailSender.NotKnown) delivery).reason() + ")");
                books.add(book);
            }
        }
        java.util.Set<String> all = contract.reportSchedule().perAuthority()
                ? contract.authorities().stream().map(Authority::code).collect(java.util.stream.Collectors.toSet())
                : java.util.Set.of(contract.code());
        for (QuarterlyReport.Workbook book : books) {
            // The deadline stops once every authority's workbook of the quarter has gone, by this report or others.
            store.deadlineSent(report.contract(), report.quarter(), book.authority(), all, now);
        }
        QuarterlyReport sent = report.withWorkbooks(books);
        if (!store.save(sent)) {
            throw new IllegalStateException("report " + report.id() + " changed while it was sent");
        }
        LOG.info("Report {} sent: {} workbooks", report.id(), books.size());
        return sent.nextVersion();
    }

    private void failed(String reportId, RuntimeException e) {
        Optional<QuarterlyReport> found = store.find(reportId);
        if (found.isEmpty()) {
            return;
        }
        QuarterlyReport report = found.get();
        store.save(report.failed(e.getClass().getSimpleName()));
        List<StaffRecord> managers = staff.dutyManagers(report.contract());
        List<String> to = managers.stream().map(StaffRecord::email).distinct().toList();
        if (!to.isEmpty()) {
            try {
                MailSender.Delivery told = mail.send(new ReportMail.Message(to, List.of(), "Report failed: " + report.contract() + " " + label(report.quarter()),
                        "The quarterly report " + report.id() + " (" + report.contract() + ", " + label(report.quarter())
                                + ") could not be built or sent after the report queue's retries. Nothing was emailed to the councils "
                                + "for the workbooks not yet sent. Look at it with GET /reports/" + report.id()
                                + ", then ask for it again with POST /reports.\n", report.id() + ".txt",
                        ("Report " + report.id() + " failed: " + e.getClass().getSimpleName() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                if (!(told instanceof MailSender.Sent)) {
                    LOG.error("Could not tell the duty managers that report {} failed: {}", reportId, told.getClass().getSimpleName());
                }
            } catch (RuntimeException mailFailure) {
                LOG.error("Could not tell the duty managers that report {} failed: {}", reportId, mailFailure.getClass().getName());
            }
        }
        LOG.error("Report {} failed after the queue's retries: {}", reportId, e.getClass().getName());
    }

    // ------------------------------------------------------------------ helpers

    private Optional<QuarterlyReport> managerRead(StaffActor actor, String reportId, String action) {
        if (!actor.isManager()) {
            return Optional.empty();
        }
        Optional<QuarterlyReport> found = store.find(reportId);
        found.ifPresent(report -> store.audit(reportId, audit(clock.instant(), actor, action)));
        return found;
    }

    private Outcome refusal(StaffActor actor, String reportId) {
        return actor.isManager() ? new NotFound("There is no report " + reportId + ".")
                : new NotAllowed("Only managers may see quarterly reports.");
    }

    static String subject(QuarterlyReport report, QuarterlyReport.Workbook book) {
        if (AnnualReturns.isAnnualWorkbook(book.authority())) {
            return "Annual return " + AnnualReturns.yearName(report.quarter().financialYear()) + ": " + book.authorityName()
                    .replace(": annual return", "") + " (" + report.contract() + ")";
        }
        return "Quarterly return " + label(report.quarter()) + ": " + book.authorityName() + " (" + report.contract() + ")";
    }

    /** The email's words; {@code link}, the paragraph of a council's link to its restricted list, when it has one. */
    static String text(QuarterlyReport report, QuarterlyReport.Workbook book, Optional<String> link) {
        return "Please find attached the quarterly return of the " + report.contract() + " advocacy contract for " + book.authorityName()
                + ", " + label(report.quarter()) + " (" + report.quarter().firstDay() + " to " + report.quarter().lastDay() + ").\n\n"
                + "It holds aggregate figures only, with no personal data. How each figure is counted, with its clause in the "
                + "contract, is on the workbook's Definitions sheet.\n\n" + link.map(words -> words + "\n\n").orElse("")
                + "Report " + report.id() + "\n";
    }

    /** The text of a workbook's email: the quarterly return's ({@link #text}), or the annual return's (LLR 27.4). */
    private String body(QuarterlyReport report, QuarterlyReport.Workbook book, Optional<String> link) {
        if (!AnnualReturns.isAnnualWorkbook(book.authority())) {
            return text(report, book, link);
        }
        int year = report.quarter().financialYear();
        return annualText(report, contracts.contract(report.contract()).flatMap(AnnualReturns::of)
                .map(annual -> AnnualReturns.dueDate(annual, year)).orElseThrow());
    }

    /** The annual return's own email (LLR 27.4), beside the fourth quarter's return; its due day in words. */
    static String annualText(QuarterlyReport report, LocalDate due) {
        return "Please find attached the annual return of the " + report.contract() + " advocacy contract for the financial year "
                + AnnualReturns.yearName(report.quarter().financialYear()) + ", due by " + due.format(DAY) + ".\n\nIt holds the "
                + "provider's summaries for the year, the year's figures and the staff's qualifications, with no personal data. "
                + "The annual budget is not held by the hub: it comes from the provider's finance records.\n\nReport "
                + report.id() + "\n";
    }

    /** "FY2026 Q3 (October to December 2026)". */
    static String label(FinancialQuarter quarter) {
        java.time.format.DateTimeFormatter month = java.time.format.DateTimeFormatter.ofPattern("MMMM", java.util.Locale.UK);
        return "FY" + quarter.financialYear() + " Q" + quarter.quarter() + " (" + quarter.firstDay().format(month) + " to "
                + quarter.lastDay().format(month) + " " + quarter.lastDay().getYear() + ")";
    }

    private static AuditEntry audit(Instant at, StaffActor actor, String action) {
        return new AuditEntry(UUID.randomUUID().toString().substring(0, 8), at, actor.id(), action);
    }

    private static LocalDate today(Instant now) {
        return now.atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    public List<FieldSpec> requestFields() {
        return requestFields;
    }
}
