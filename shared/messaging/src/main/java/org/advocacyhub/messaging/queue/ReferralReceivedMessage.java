package org.advocacyhub.messaging.queue;

import io.micronaut.serde.annotation.Serdeable;

/**
 * The screening queue's message (schema version 1). It names the referral and nothing about the
 * person: screening reads the case from the table, so a message in a DLQ or a log holds no
 * personal data.
 */
@Serdeable
public record ReferralReceivedMessage(String type, int version, String reference, String contract, String service,
                                      String receivedAt) {

    public static final String TYPE = "ReferralReceived";
    public static final int VERSION = 1;
}
