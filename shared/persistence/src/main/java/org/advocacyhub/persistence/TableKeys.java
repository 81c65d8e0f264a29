package org.advocacyhub.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.advocacyhub.domain.casework.ReferralReference;

/**
 * The single table's key scheme, in one place. See the README's "Table design".
 *
 * <pre>
 * item            PK                         SK                          GSI1PK / GSI1SK                      GSI2PK / GSI2SK
 * case            CASE#LLR-2026-000042       CASE                        SCREENING#PENDING / ts#ref           LLR#RUTLAND#FY2026Q3 / ts#ref
 *                                            also GSI3PK / GSI3SK: STATUS#LLR#ALLOCATED / received#ref (every case)
 *                                            and GSI4PK / GSI4SK: ADVOCATE#jo-advocate / received#ref (allocated cases),
 *                                            or CLOSED#LLR#RUTLAND#FY2026Q3 / closed#ref (closed cases, by closure quarter)
 * running clock   CASE#LLR-2026-000042       CLOCK#allocation            CLOCK#ALERT / alertAt#ref#clock (until escalated)
 *                                            also GSI3PK / GSI3SK: CLOCK#DUE / due#ref#clock (while running with a due time)
 * alert ledger    CASE#LLR-2026-000042       ALERT#clock#kind#due        (one per reminder or escalation: claimed, sent, failed, skipped)
 * answerphone     MESSAGE#AP-LLR-2026-000001 MESSAGE                     GSI3: ANSWERPHONE#LLR#OPEN / due#id, or ...#RESPONDED / left#id
 *   message       (also CLOCK#answerphone-callback, RESPONSE#ts#id, AUDIT#ts#id, ALERT#...; all but alerts: TTL expiresAt, retention)
 * message source  MESSAGE-SOURCE#LLR#sha256   SOURCE                      (names the message; TTL as the message)
 * kept callback   RETURNS#LLR#FY2026Q3       CALLBACK#left#id            (no personal data: left, due, responded; for the returns)
 *                 DIGEST#2026-12-31          STAFF#morgan-manager        (one per duty manager per day; TTL attribute expiresAt)
 * timeline event  CASE#LLR-2026-000042       EVENT#ts#id
 * task            CASE#LLR-2026-000042       TASK#ts#id
 * contact/meeting CASE#LLR-2026-000042       ACTIVITY#ts#id
 * time entry      CASE#LLR-2026-000042       TIME#id                     GSI2: HOURS#LLR#RUTLAND#FY2026Q3 / date#ref#id
 *                                                                        (by the quarter of the entry's date, for the returns)
 * report          REPORT#RPT-LLR-FY2026Q3-x  REPORT                      (a quarterly report request: status, summary, workbooks)
 *                                            also GSI3PK / GSI3SK: REPORTS#LLR / requestedAt#id (every report, for the list)
 * report send     REPORT#RPT-LLR-FY2026Q3-x  SEND#RUTLAND                (claimed, then sent once per authority; a manager's
 *                                            SEND#RUTLAND#LINK#requestId  fresh link to a restricted list: one per request)
 * restricted link RESTRICTED-LINK#sha256     RESTRICTED_LINK             (issue 23: a council's link to its restricted list,
 *                   (of the token)                                        by its token's hash only, written with its email's
 *                                                                        claim; TTL attribute expiresAt, 14 days)
 * report deadline REPORT-DUE#LLR#FY2026Q3    CLOCK#quarterly-report      GSI1 CLOCK#ALERT / GSI3 CLOCK#DUE as a case's clock
 *                                            (also ALERT#... ledger items; LLR 26.12, LEW 17.3)
 * audit entry     CASE#LLR-2026-000042       AUDIT#ts#id
 * staff member    STAFF                      STAFF#jo-advocate
 * returns record  RETURNS#LLR#FY2026Q3       COMPLAINT#2026-11-23#id     (awareness sessions, complaints, compliments by the
 *                                            AWARENESS_SESSION#date#id   quarter of their date: one Query reads a contract's
 *                                            COMPLIMENT#date#id          quarter; complaints and compliments: TTL attribute
 *                                                                        expiresAt, the contract's retention period: 3
 *                                                                        years by default, LEW 14.3)
 * case study      RETURNS#LLR#FY2026Q3       CASE_STUDY#IMCA#CS-LLR-2026-000042  (issue 23: in the quarter its case closed;
 *                                            SERVICE_SUMMARY#trends      a summary of the quarter; CASE_STUDY_SELECTION#IMCA
 *                                                                        the ids selected, held to the contract's number;
 *                                                                        all: TTL expiresAt, the contract's caseStudy period)
 * staff login     LOGIN#subject              LOGIN                       (points at the staff member)
 * console session SESSION#sha256(cookie)     SESSION                     (issue 20: ended by sign-out, deactivation or a
 *                                                                        role change; TTL attribute expiresAt)
 * sequence        SEQUENCE#LLR#2026          SEQUENCE
 * idempotency     IDEMPOTENCY#sha256(key)    IDEMPOTENCY                 (TTL attribute expiresAt)
 * staff request   REQUEST#sha256(who+key)    REQUEST                     (claimed, then its answer; TTL attribute expiresAt, 24 h)
 * request marker  CASE#LLR-2026-000042       REQUEST#sha256(who+key)     (written with the change a staff request made; TTL 24 h)
 * handover ledger HANDOVER#LLR               AUDIT#ts#id                 (who exported or imported the contract: issue 22 item 4;
 *                                            IMPORT#exportId             how far an import of an export got; never exported)
 * outbox email    CASE#LLR-2026-000042       MAIL#ACKNOWLEDGEMENT        GSI1: MAIL#WAITING / due#owner while pending or held,
 *                 (or MESSAGE#.., REPORT-DUE#.., DIGEST#..)              MAIL#TROUBLE / settled#owner if refused or not known
 *                                                                        (until staff mark it checked); the email's words only
 *                                                                        until its fate is known
 * </pre>
 *
 * Timestamps in sort keys are UTC with fixed millisecond width, so text order is time order.
 */
public final class TableKeys {

    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1 = "GSI1";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String GSI2 = "GSI2";
    public static final String GSI2PK = "GSI2PK";
    public static final String GSI2SK = "GSI2SK";
    public static final String GSI3 = "GSI3";
    public static final String GSI3PK = "GSI3PK";
    public static final String GSI3SK = "GSI3SK";
    public static final String GSI4 = "GSI4";
    public static final String GSI4PK = "GSI4PK";
    public static final String GSI4SK = "GSI4SK";
    /** Epoch seconds after which DynamoDB's TTL may delete the item (template.yaml TimeToLiveSpecification). */
    public static final String EXPIRES_AT = "expiresAt";

    public static final String CASE_SK = "CASE";
    public static final String SEQUENCE_SK = "SEQUENCE";
    public static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    /** Work index partition of referrals waiting to be screened. */
    public static final String SCREENING_PENDING = "SCREENING#PENDING";
    /**
     * Work index partition of running clocks, by due time. One partition: a hub has thousands of
     * open clocks at most, far below what one partition serves, and one Query then finds every
     * clock due before a time in order (issue 8: shard only if measured need says so).
     */
    public static final String CLOCKS_DUE = "CLOCK#DUE";
    /**
     * Work index partition (GSI1) of running clocks by the time their next alert is due: the
     * reminder, then the escalation just after the due time; a clock leaves it once escalated. The
     * allocation timer's one Query reads only the clocks whose alert is due (issue 9).
     */
    public static final String CLOCK_ALERTS = "CLOCK#ALERT";
    /**
     * Work index partition (GSI1) of outbox emails waiting (issue 19): pending by the time they were queued or are due
     * a retry, or held by a sender by the end of its lease. The sweep's one Query finds those waiting too long.
     */
    public static final String MAIL_WAITING = "MAIL#WAITING";
    /** Work index partition (GSI1) of emails refused for good or not known, newest first, until staff mark them checked. */
    public static final String MAIL_TROUBLE = "MAIL#TROUBLE";
    /** The sort keys of an owner's outbox emails begin with this. */
    public static final String MAIL_PREFIX = "MAIL#";
    public static final String STAFF_PK = "STAFF";
    public static final String LOGIN_SK = "LOGIN";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TableKeys() {
    }

    /** A data protection request's partition (issue 22): the request, its clock, its alerts' emails, its audit. */
    public static String dataRequestPk(String id) {
        return "DATA-REQUEST#" + id;
    }

    public static String casePk(ReferralReference reference) {
        return "CASE#" + reference.value();
    }

    /** The sort keys of a case's timeline events and its tasks begin with these. */
    public static final String EVENT_PREFIX = "EVENT#";
    public static final String TASK_PREFIX = "TASK#";

    public static String eventSk(Instant at, String id) {
        return EVENT_PREFIX + sortable(at) + "#" + id;
    }

    public static String taskSk(Instant at, String id) {
        return TASK_PREFIX + sortable(at) + "#" + id;
    }

    /** A record beside the case in time order: {@code ACTIVITY#<at>#<id>}, {@code AUDIT#<at>#<id>}. */
    public static String recordSk(String prefix, Instant at, String id) {
        return prefix + sortable(at) + "#" + id;
    }

    /** An outbox email beside its owner (a case, a message, a report deadline, a day's digests): {@code MAIL#<key>}. */
    public static String mailSk(String key) {
        return MAIL_PREFIX + key;
    }

    public static String clockSk(String clock) {
        return "CLOCK#" + clock;
    }

    /** A clock's alert in the ledger: which clock, which alert, for which due time (a moved deadline is a new alert). */
    public static String alertSk(String clock, String kind, Instant dueAt) {
        return "ALERT#" + clock + "#" + kind + "#" + sortable(dueAt);
    }

    /** The daily digests of one London day. */
    public static String digestPk(java.time.LocalDate day) {
        return "DIGEST#" + day;
    }

    /** Clock index sort key (due time or alert time), then the owner (case reference or message id), then clock (unique). */
    public static String clockDueSk(Instant dueAt, String ownerId, String clock) {
        return sortable(dueAt) + "#" + ownerId + "#" + clock;
    }

    /** An answerphone message's partition (issue 10): the message, its attempts, audit, clock and alerts. */
    public static String messagePk(String messageId) {
        return "MESSAGE#" + messageId;
    }

    public static final String MESSAGE_SK = "MESSAGE";

    /** List index (GSI3) partition of one contract's open or responded answerphone messages. */
    public static String messageListPk(String contract, String listing) {
        return "ANSWERPHONE#" + contract + "#" + listing;
    }

    /** A telephony system's (or client's) own key for a message, hashed: one message per key. */
    public static String messageSourcePk(String contract, String keyDigest) {
        return "MESSAGE-SOURCE#" + contract + "#" + keyDigest;
    }

    public static final String MESSAGE_SOURCE_SK = "SOURCE";

    /** What the returns keep of an answerphone message, in its contract's returns partition. */
    public static String keptCallbackSk(Instant leftAt, String messageId) {
        return "CALLBACK#" + sortable(leftAt) + "#" + messageId;
    }

    /** Status index partition: one contract's cases in one status. */
    public static String statusPk(String contract, String status) {
        return "STATUS#" + contract + "#" + status;
    }

    /** Advocate index partition: the cases allocated to one advocate now. */
    public static String advocatePk(String advocateId) {
        return "ADVOCATE#" + advocateId;
    }

    /** Returns partition: what one contract's quarterly return counts beside cases (by the financial quarter of its date). */
    public static String returnsPk(String contract, String quarterKey) {
        return "RETURNS#" + contract + "#" + quarterKey;
    }

    /** Returns sort key: the kind, then the day (ISO, so text order is date order), then the id. */
    public static String returnSk(String kind, java.time.LocalDate date, String id) {
        return kind + "#" + date + "#" + id;
    }

    /** The sort keys of a quarter's case studies in its returns partition begin with this (issue 23). */
    public static final String CASE_STUDY_PREFIX = "CASE_STUDY#";
    /** The sort keys of a quarter's service summaries in its returns partition begin with this (issue 23). */
    public static final String SERVICE_SUMMARY_PREFIX = "SERVICE_SUMMARY#";
    /** The sort keys of a quarter's selections of case studies, one per service, begin with this (issue 23). */
    public static final String CASE_STUDY_SELECTION_PREFIX = "CASE_STUDY_SELECTION#";

    /** A case study in the returns partition of the quarter its case closed in: by service, then id (LLR Appendix One). */
    public static String caseStudySk(String service, String id) {
        return CASE_STUDY_PREFIX + service + "#" + id;
    }

    /** A service summary of the quarter (LLR Appendix One i-vii; LEW 17.2): by the summary's id. */
    public static String serviceSummarySk(String summary) {
        return SERVICE_SUMMARY_PREFIX + summary;
    }

    /** The case studies of one service selected for the quarter's return: the set the limit of four is held on. */
    public static String caseStudySelectionSk(String service) {
        return CASE_STUDY_SELECTION_PREFIX + service;
    }

    public static String staffSk(String staffId) {
        return "STAFF#" + staffId;
    }

    public static String loginPk(String subject) {
        return "LOGIN#" + subject;
    }

    /** A console session, under the digest of its cookie's value (issue 20). */
    public static String sessionPk(String digest) {
        return "SESSION#" + digest;
    }

    public static final String SESSION_SK = "SESSION";

    public static String sequencePk(String contract, int year) {
        return "SEQUENCE#" + contract + "#" + year;
    }

    public static String idempotencyPk(String keyDigest) {
        return "IDEMPOTENCY#" + keyDigest;
    }

    /** A staff request made with an idempotency key (issue 19): its claim, then its answer. */
    public static String requestPk(String requestId) {
        return REQUEST_PREFIX + requestId;
    }

    public static final String REQUEST_SK = "REQUEST";

    /**
     * The mark a staff request leaves on the case it changed, in the same write as the change (issue 19): the request
     * run again finds it and applies nothing twice.
     */
    public static String requestMarkSk(String requestId) {
        return REQUEST_PREFIX + requestId;
    }

    private static final String REQUEST_PREFIX = "REQUEST#";

    /**
     * The partitions of one contract's records (issue 22 item 4, a contract's handover): every item whose partition key
     * begins with one of these belongs to {@code contract}, and no other item does. A case's partition and everything in
     * it; its answerphone messages' and their source keys'; its returns' records; its reports (their ids begin
     * {@code RPT-<contract>-}, as {@code QuarterlyReports} makes them) and report deadlines; its reference and message
     * sequences. Contract codes are letters only, so {@code CASE#LLR-} is never the start of another contract's case.
     * Not the staff directory, sign-ins, sessions, idempotency and request records, digests, the retention key, the
     * handover ledger, the mail service's records (which email an SES message id was, the bounces recorded, the addresses
     * no longer written to) or the restricted lists' links, which belong to the deployment.
     */
    public static List<String> contractPartitionPrefixes(String contract) {
        String messages = org.advocacyhub.domain.answerphone.AnswerphoneMessage.PREFIX + contract;
        return List.of("CASE#" + contract + "-", messagePk(messages + "-"), "MESSAGE-SOURCE#" + contract + "#",
                "RETURNS#" + contract + "#", reportRequestPk("RPT-" + contract + "-"), "REPORT-DUE#" + contract + "#",
                "SEQUENCE#" + contract + "#", "SEQUENCE#" + messages + "#");
    }

    /** A contract's handover ledger (issue 22 item 4): who exported or imported it, and each import's progress. */
    public static String handoverPk(String contract) {
        return "HANDOVER#" + contract;
    }

    /** The progress of the import of one export into this table. */
    public static String importSk(String exportId) {
        return "IMPORT#" + exportId;
    }

    /** Sort key of an item in a time-ordered index: when, then which referral (unique). */
    public static String timeThenReference(Instant at, ReferralReference reference) {
        return sortable(at) + "#" + reference.value();
    }

    /** Everything in a time-ordered index strictly before this bound was due at or before {@code at}. */
    public static String upperBoundAtOrBefore(Instant at) {
        return sortable(at.plusMillis(1));
    }

    /** Closed-case partition (GSI4, which only open allocated cases otherwise use): one authority's cases closed in one quarter. */
    public static String closedPk(String contract, String authority, String quarterKey) {
        return "CLOSED#" + contract + "#" + authority + "#" + quarterKey;
    }

    /** Time partition (GSI2): one authority's time entries dated in one quarter (LLR 26.17 hours for the returns). */
    public static String hoursPk(String contract, String authority, String quarterKey) {
        return "HOURS#" + contract + "#" + authority + "#" + quarterKey;
    }

    /** A quarterly report request (issue 11). */
    public static String reportRequestPk(String reportId) {
        return "REPORT#" + reportId;
    }

    public static final String REPORT_SK = "REPORT";

    /** List index (GSI3) partition of one contract's report requests, by the time each was asked for. */
    public static String reportListPk(String contract) {
        return "REPORTS#" + contract;
    }

    /** A contract's quarterly report deadline (a clock the allocation timer watches, issue 11). */
    public static String reportDeadlinePk(String contract, String quarterKey) {
        return "REPORT-DUE#" + contract + "#" + quarterKey;
    }

    /** The once-only send of one authority's workbook of a report. */
    public static String reportSendSk(String authority) {
        return "SEND#" + authority;
    }

    /** A link to a council's restricted list (issue 23), by its token's SHA-256: the token itself is never stored. */
    public static String restrictedLinkPk(String tokenHash) {
        return "RESTRICTED-LINK#" + tokenHash;
    }

    public static final String RESTRICTED_LINK_SK = "RESTRICTED_LINK";

    /** Reports partition: one contract's referrals from one authority in one financial quarter. */
    public static String reportPk(String contract, String authority, String quarterKey) {
        return contract + "#" + authority + "#" + quarterKey;
    }

    /**
     * {@code 2026-12-02T09:00:00.000Z}: UTC to the millisecond (truncated), always 24 characters from year 0 to 9999,
     * as {@link #SORTABLE} writes it. Written out by hand: every item a request writes has one or more, and the
     * formatter takes its fraction through BigDecimal. Years outside that range (never a real time) go to the formatter.
     */
    public static String sortable(Instant at) {
        java.time.LocalDateTime utc = java.time.LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return SORTABLE.format(at);
        }
        char[] text = new char[24];
        digits(text, 0, utc.getYear(), 4);
        text[4] = '-';
        digits(text, 5, utc.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, utc.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, utc.getHour(), 2);
        text[13] = ':';
        digits(text, 14, utc.getMinute(), 2);
        text[16] = ':';
        digits(text, 17, utc.getSecond(), 2);
        text[19] = '.';
        digits(text, 20, utc.getNano() / 1_000_000, 3);
        text[23] = 'Z';
        return new String(text);
    }

    /** {@code value} in {@code width} decimal digits, zero-padded, at {@code from}. */
    private static void digits(char[] text, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
