package org.advocacyhub.application.reports;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.ReportMail;
import org.advocacyhub.application.port.ReportStore;
import org.advocacyhub.application.port.RestrictedLinks;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.reports.CaseloadList;
import org.advocacyhub.domain.reports.RestrictedLink;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restricted material travels safely (issue 23; LLR 26.9, 27.6; LEW 17.5): each council's restricted list of a quarterly
 * report ({@link CaseloadList}) is never attached to an email. The council's report email carries a secret link that
 * expires ({@link RestrictedLink}: why a link and not the council's sign-in, and why 14 days); the link's page, with no
 * staff sign-in (the token is the credential), names the report and the council and offers a Download button, and each
 * download is audited beside the report, naming the council, never a person. A manager can email a council a fresh link.
 *
 * <p><b>One link per email, across redeliveries.</b> A token is random and only its hash is stored, so a second sender
 * cannot recover the token of a link already made; it must never need to. The link is therefore written in the same
 * transaction as the claim on the email that carries it ({@link RestrictedLinks#claimSendWithLink}): the sender that wins
 * the claim holds the only copy of the token and sends it; a redelivery of the report's queue message finds the email
 * claimed (sending, sent, or of unknown fate: never sent again, issue 19) and makes no link at all. If the mail service
 * refuses the email for now, the claim is released and the unsent link removed in one write, and the retry makes a new
 * one: no email ever went with the first. An email whose fate is not known keeps its link, which may have gone.
 */
@Singleton
public final class RestrictedLists {

    private static final Logger LOG = LoggerFactory.getLogger(RestrictedLists.class);
    /** The audit's "who" for a download by link: the council the link was emailed to, never a person. */
    static final String BY_LINK = "restricted-link:";
    /** Staff read London times in words: "10:00 on Thursday 22 October 2026". */
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'on' EEEE d MMMM yyyy", Locale.UK)
            .withZone(WorkingCalendar.ZONE);

    /** {@code POST /reports/{id}/restricted-links}. */
    public static final List<FieldSpec> FIELDS = List.of(new FieldSpec("authority", "Council", "The council whose report "
            + "recipients get a fresh link to its restricted list (e.g. RUTLAND): one of the report's councils that has one",
            FieldKind.TEXT, true, 40, List.of(), "Choose the council to send a new link to", "Council"));

    private final RestrictedLinks links;
    private final ReportStore store;
    private final ReportArchive archive;
    private final ReportMail mail;
    private final StaffDirectory staff;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final PublicAddress address;
    /**
     * Made once per instance: {@code java.security.SecureRandom} is among the generators the Lambda guide lists as staying
     * unique across environments restored from one SnapStart snapshot.
     */
    private final SecureRandom random = new SecureRandom();

    public RestrictedLists(RestrictedLinks links, ReportStore store, ReportArchive archive, ReportMail mail, StaffDirectory staff,
                           ContractCatalogue contracts, ContractTerms terms, Clock clock, PublicAddress address) {
        this.links = links;
        this.store = store;
        this.archive = archive;
        this.mail = mail;
        this.staff = staff;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.address = address;
    }

    /** A link just issued for one email: its address (with the token, never stored) and what is stored of it. */
    public record Issued(String url, RestrictedLink link) {
        @Override
        public String toString() {
            return "Issued[" + link + "]"; // the address holds the token: never logged
        }
    }

    // ------------------------------------------------------------------ with a council's report email

    /**
     * Claims the email of {@code book}'s council under {@code sendKey} together with a new link to its restricted list
     * (one write: see the class); empty, nothing written, when that email was claimed before.
     */
    Optional<Issued> claimWithLink(QuarterlyReport report, QuarterlyReport.Workbook book, String sendKey, Instant now) {
        String token = RestrictedLink.newToken(random);
        String url = address.restrictedList(token);
        RestrictedLink link = RestrictedLink.issue(token, report.id(), book.authority(), book.restrictedKey(), now);
        return links.claimSendWithLink(report.id(), sendKey, now, link) ? Optional.of(new Issued(url, link)) : Optional.empty();
    }

    /** Lets go of a claim the mail service refused for now, removing its unsent link. */
    void release(String reportId, String sendKey, Issued issued) {
        links.releaseSendWithLink(reportId, sendKey, issued.link().tokenHash());
    }

    /** What a council's email says of its link: what it opens, for whom, until when; in words, citing no contract. */
    static String paragraph(Contract contract, Issued issued) {
        return "The restricted list that goes with this return (" + CaseloadList.contents(contract) + ") is not attached. "
                + "Download it from this link, which is for the named recipients of this email only and expires in "
                + RestrictedLink.LIFETIME.toDays() + " days, at " + WHEN.format(issued.link().expiresAt()) + " (London time):\n\n"
                + issued.url() + "\n\nIf the link has expired, ask the provider to send a new one.";
    }

    // ------------------------------------------------------------------ a manager's fresh link

    /**
     * {@code POST /reports/{id}/restricted-links}: emails one council's report recipients a fresh link to its restricted
     * list (the duty managers copied). Managers only, checked before the body; audited. Idempotent: the request sent
     * again with its key (or a console form posted twice) finds its own email claimed under its own key, and sends
     * nothing more.
     */
    public QuarterlyReports.Outcome reissue(StaffActor actor, String reportId, SubmittedFields body) {
        if (!actor.isManager()) {
            return new QuarterlyReports.NotAllowed("Only managers may send links to restricted lists.");
        }
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(FIELDS, body, now.atZone(WorkingCalendar.ZONE).toLocalDate(), "a new link");
        if (!checked.errors().isEmpty()) {
            return new QuarterlyReports.Invalid(checked.errors());
        }
        String authority = (String) checked.values().get("authority");
        Optional<QuarterlyReport> found = store.find(reportId);
        if (found.isEmpty()) {
            return new QuarterlyReports.NotFound("There is no report " + reportId + ".");
        }
        QuarterlyReport report = found.get();
        List<QuarterlyReport.Workbook> withLists = withLists(report);
        Optional<QuarterlyReport.Workbook> chosen = withLists.stream().filter(b -> b.authority().equals(authority)).findFirst();
        if (chosen.isEmpty()) {
            return new QuarterlyReports.Invalid(List.of(new FieldError("authority", withLists.isEmpty()
                    ? "Report " + reportId + " has no restricted list"
                    : "Choose one of the report's councils with a restricted list: "
                    + String.join(", ", withLists.stream().map(QuarterlyReport.Workbook::authority).toList()))));
        }
        QuarterlyReport.Workbook book = chosen.get();
        store.audit(reportId, new AuditEntry(UUID.randomUUID().toString().substring(0, 8), now, actor.id(),
                "asked for a new link to the restricted list of " + book.authority()));
        if (book.sentAt() == null) {
            return new QuarterlyReports.Conflict("The " + book.authorityName() + " workbook has not been emailed yet: its email "
                    + "carries the link. Send the report first.");
        }
        // Its own claim, keyed by the request (the same each time the request runs): one email per request.
        String sendKey = book.authority() + "#LINK#" + actor.newRecordId();
        String what = "A new link to the " + report.contract() + " restricted list " + report.quarter().key() + " for "
                + book.authorityName();
        Optional<ReportStore.SendRecord> before = store.sendRecord(reportId, sendKey);
        if (before.isPresent()) {
            return before.get().status() == Outbox.Status.SENT ? new QuarterlyReports.LinkSent(report, book, null)
                    : new QuarterlyReports.Conflict("This request's link is being sent, or its email may not have gone: "
                    + "look at the report again before asking once more.");
        }
        Optional<Issued> issued = claimWithLink(report, book, sendKey, now);
        if (issued.isEmpty()) {
            return new QuarterlyReports.Conflict("This request's link is being sent by another request.");
        }
        Contract contract = contracts.contract(report.contract()).orElseThrow();
        List<String> copyTo = staff.dutyManagers(report.contract()).stream().map(StaffRecord::email).distinct().toList();
        MailSender.Delivery delivery = mail.send(new ReportMail.Message(book.recipients(), copyTo, "New link to the restricted list: "
                + QuarterlyReports.subject(report, book), "A new link to the restricted list of the " + report.contract()
                + " quarterly return for " + book.authorityName() + ", " + QuarterlyReports.label(report.quarter())
                + ". Any link sent before still works until it expires.\n\n" + paragraph(contract, issued.get()) + "\n\nReport "
                + report.id() + "\n", null, null));
        if (delivery instanceof MailSender.Sent sent) {
            store.markSent(reportId, sendKey, sent.messageId(), now);
            LOG.info("Report {}: a new link to a restricted list sent", reportId);
            return new QuarterlyReports.LinkSent(report, book, issued.get().link().expiresAt());
        }
        if (delivery instanceof MailSender.Refused refused && refused.retryable()) {
            release(reportId, sendKey, issued.get());
            return new QuarterlyReports.Conflict("The mail service could not take the email just now; nothing was sent. Try again "
                    + "in a few minutes.");
        }
        boolean refused = delivery instanceof MailSender.Refused;
        store.settleSend(reportId, sendKey, now, refused ? Outbox.Status.NOT_SENT : Outbox.Status.NOT_KNOWN, now, report.contract(),
                what, refused ? "the mail service refused it (" + ((MailSender.Refused) delivery).reason() + ")"
                        : "the mail service did not answer (" + ((MailSender.NotKnown) delivery).reason() + ")");
        return new QuarterlyReports.Conflict(refused ? "The mail service refused the email; it was not sent."
                : "The mail service did not answer: the email may or may not have gone, and will not be sent again.");
    }

    // ------------------------------------------------------------------ the link's public page

    /** What a link opens. */
    public sealed interface Opened {
    }

    /**
     * A live link's page: which report and council, what the list holds, until when.
     *
     * @param holds what the list holds, in words ({@link CaseloadList#contents})
     */
    public record Page(String contractName, FinancialQuarter quarter, String councilName, String holds, Instant expiresAt)
            implements Opened {
    }

    /** The council's restricted workbook. */
    public record File(String fileName, byte[] content) implements Opened {
    }

    /**
     * A link that opens nothing: never made, expired, or its list no longer kept. One answer for all, so that a page says
     * nothing of whether a token ever existed.
     */
    public record Gone() implements Opened {
    }

    private static final Gone GONE = new Gone();

    /** {@code GET /restricted-lists/{token}}: the page, never the file (mail scanners fetch links). Not audited: it shows no one's data. */
    public Opened open(String token) {
        return live(token).<Opened>map(found -> new Page(found.contract().name(), found.report().quarter(), found.book().authorityName(),
                CaseloadList.contents(found.contract()), found.link().expiresAt())).orElse(GONE);
    }

    /** {@code POST /restricted-lists/{token}}: the council's restricted workbook; each download audited, naming the council. */
    public Opened download(String token) {
        Optional<Found> live = live(token);
        if (live.isEmpty()) {
            return GONE;
        }
        Found found = live.get();
        Optional<byte[]> bytes = archive.get(found.link().archiveKey());
        if (bytes.isEmpty()) {
            return GONE; // deleted under the retention policy (ExpireCaseloadLists)
        }
        Instant now = clock.instant();
        store.audit(found.report().id(), new AuditEntry(UUID.randomUUID().toString().substring(0, 8), now,
                BY_LINK + found.link().authority(), "downloaded the restricted list of " + found.link().authority()
                + " with the link issued at " + when(found.link().issuedAt())));
        LOG.info("Report {}: a restricted list downloaded by link", found.report().id());
        return new File(found.book().restrictedFileName(), bytes.get());
    }

    private record Found(RestrictedLink link, QuarterlyReport report, QuarterlyReport.Workbook book, Contract contract) {
    }

    /** The link of {@code token} if it is kept, its hash matches (in constant time) and it has not expired. */
    private Optional<Found> live(String token) {
        Optional<String> hash = RestrictedLink.hashOf(token);
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<RestrictedLink> link = links.byHash(hash.get()).filter(l -> l.matches(hash.get()) && l.liveAt(now));
        if (link.isEmpty()) {
            return Optional.empty();
        }
        Optional<QuarterlyReport> report = store.find(link.get().reportId());
        Optional<QuarterlyReport.Workbook> book = report.flatMap(r -> r.workbook(link.get().authority()));
        Optional<Contract> contract = report.flatMap(r -> contracts.contract(r.contract()));
        if (book.isEmpty() || contract.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Found(link.get(), report.get(), book.get(), contract.get()));
    }

    /** "10:00 on Thursday 22 October 2026", London time. */
    public static String when(Instant instant) {
        return WHEN.format(instant);
    }

    /** The councils of {@code report} with a restricted list, as its workbooks name them. */
    public static List<QuarterlyReport.Workbook> withLists(QuarterlyReport report) {
        return report.workbooks().stream().filter(b -> b.restrictedKey() != null).toList();
    }
}
