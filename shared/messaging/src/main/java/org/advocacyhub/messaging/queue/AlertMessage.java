package org.advocacyhub.messaging.queue;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The reminder queue's message (schema version 1): {@code DeadlineAlert} names a case's clock, the
 * alert and the due time; {@code CallbackAlert} an answerphone message, the alert and the due time;
 * {@code DailyDigest} a duty manager and a day. Identifiers only, nothing
 * about the person: a message in the DLQ or a log holds no personal data.
 */
@Serdeable
public record AlertMessage(String type, int version, String reference, String clock, String kind, String dueAt,
                           String day, String staffId, String messageId) {

    public static final String DEADLINE = "DeadlineAlert";
    public static final String DIGEST = "DailyDigest";
    public static final String CALLBACK = "CallbackAlert";
    public static final int VERSION = 1;
}
