package org.advocacyhub.messaging.queue;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The reminder queue's message (schema version 1): {@code DeadlineAlert} names a case's clock, the
 * alert and the due time; {@code CallbackAlert} an answerphone message, the alert and the due time; {@code ReportAlert} a contract's quarterly report;
 * {@code DailyDigest} a duty manager and a day. Identifiers only, nothing
 * about the person: a message in the DLQ or a log holds no personal data.
 */
@Serdeable
public record AlertMessage(String type, int version, String reference, String clock, String kind, String dueAt,
                           String day, String staffId, String messageId, String contract, String quarter, String requestId) {

    public static final String DEADLINE = "DeadlineAlert";
    public static final String DIGEST = "DailyDigest";
    public static final String CALLBACK = "CallbackAlert";
    /** A contract's quarterly report deadline (issue 11): the contract, the quarter ({@code FY2026Q3}), the alert and the due time. */
    public static final String REPORT = "ReportAlert";
    /** A data protection request's due day (issue 22): the request's id, the alert and the due time. */
    public static final String DATA_REQUEST = "DataRequestAlert";
    /** A contract's case studies and summaries of a quarter missing at their due time (issue 23): contract, quarter, due time. */
    public static final String CASE_STUDIES = "CaseStudiesAlert";
    public static final int VERSION = 1;
}
