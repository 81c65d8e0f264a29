package org.advocacyhub.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.advocacyhub.domain.casework.ReferralReference;

/**
 * The single table's key scheme, in one place. See the README's "Table design".
 *
 * <pre>
 * item            PK                         SK                          GSI1PK / GSI1SK                      GSI2PK / GSI2SK
 * case            CASE#LLR-2026-000042       CASE                        SCREENING#PENDING / ts#ref or        LLR#RUTLAND#FY2026Q3 / ts#ref
 *                                                                        LETTER#PENDING / ts#ref (sparse)
 * timeline event  CASE#LLR-2026-000042       EVENT#ts#id
 * task            CASE#LLR-2026-000042       TASK#ts#id
 * sequence        SEQUENCE#LLR#2026          SEQUENCE
 * idempotency     IDEMPOTENCY#sha256(key)    IDEMPOTENCY                 (TTL attribute expiresAt)
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
    /** Epoch seconds after which DynamoDB's TTL may delete the item (template.yaml TimeToLiveSpecification). */
    public static final String EXPIRES_AT = "expiresAt";

    public static final String CASE_SK = "CASE";
    public static final String SEQUENCE_SK = "SEQUENCE";
    public static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    /** Work index partition of referrals waiting to be screened. */
    public static final String SCREENING_PENDING = "SCREENING#PENDING";
    /** Work index partition of screened cases whose decision letter is not yet sent. */
    public static final String LETTER_PENDING = "LETTER#PENDING";

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TableKeys() {
    }

    public static String casePk(ReferralReference reference) {
        return "CASE#" + reference.value();
    }

    public static String eventSk(Instant at, String id) {
        return "EVENT#" + sortable(at) + "#" + id;
    }

    public static String taskSk(Instant at, String id) {
        return "TASK#" + sortable(at) + "#" + id;
    }

    public static String sequencePk(String contract, int year) {
        return "SEQUENCE#" + contract + "#" + year;
    }

    public static String idempotencyPk(String keyDigest) {
        return "IDEMPOTENCY#" + keyDigest;
    }

    /** Sort key of an item in a time-ordered index: when, then which referral (unique). */
    public static String timeThenReference(Instant at, ReferralReference reference) {
        return sortable(at) + "#" + reference.value();
    }

    /** Everything in a time-ordered index strictly before this bound was due at or before {@code at}. */
    public static String upperBoundAtOrBefore(Instant at) {
        return sortable(at.plusMillis(1));
    }

    /** Reports partition: one contract's referrals from one authority in one financial quarter. */
    public static String reportPk(String contract, String authority, String quarterKey) {
        return contract + "#" + authority + "#" + quarterKey;
    }

    public static String sortable(Instant at) {
        return SORTABLE.format(at);
    }
}
