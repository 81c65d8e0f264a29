package org.advocacyhub.domain.answerphone;

import java.time.Instant;
import java.util.Objects;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.SlaClock;

/**
 * A message left on the hub's answerphone (LLR 9.23), as staff or the telephony system keyed it
 * in, with its callback clock. The caller's details are personal data: staff only, never logged,
 * deleted after the contract's retention period (issue 10).
 *
 * @param id              {@code AP-LLR-2026-000001}
 * @param contract        the contract whose line took it
 * @param leftAt          when the caller left it: the callback clock starts here, not when it was keyed in
 * @param callerName      as given, or {@code null}
 * @param callbackNumber  as given, or {@code null}
 * @param callbackEmail   as given, or {@code null}
 * @param preferredMethod how the caller asked to be answered, or {@code null}
 * @param service         the service the caller asked about, if known
 * @param reference       the case it concerns, if any
 * @param summary         what the caller said, or {@code null}
 * @param accessNeeds     how the caller needs to be contacted (LLR 9.24), or {@code null}
 * @param keyedBy         the member of staff who keyed it in, or {@code telephony} for the queue
 * @param keyedAt         when it was stored
 * @param clock           the contract's answerphone callback clock, started at {@code leftAt}
 * @param attempts        how many attempts to respond were recorded
 * @param version         for conditional saves (two staff recording at once lose nothing)
 */
public record AnswerphoneMessage(String id, String contract, Instant leftAt, String callerName, String callbackNumber,
                                 String callbackEmail, CallbackMethod preferredMethod, ServiceCode service, ReferralReference reference,
                                 String summary, String accessNeeds, String keyedBy, Instant keyedAt, SlaClock clock, int attempts,
                                 long version) {

    /** The id prefix: {@code AP-<contract>-<year>-<sequence>}. */
    public static final String PREFIX = "AP-";
    public static final String ID_PATTERN = "^AP-[A-Z][A-Z0-9]{1,9}-[0-9]{4}-[0-9]{6}$";

    public AnswerphoneMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(leftAt, "leftAt");
        Objects.requireNonNull(keyedBy, "keyedBy");
        Objects.requireNonNull(keyedAt, "keyedAt");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The id of a contract's {@code sequence}th message of {@code year}.
     *
     * @throws IllegalArgumentException for a sequence outside 1 to 999,999 (as case references), or anything else
     *                                  that would make an id {@link #ID_PATTERN} rejects: such a message could never be found
     */
    public static String id(String contract, int year, long sequence) {
        String id = String.format("%s%s-%04d-%06d", PREFIX, contract, year, sequence);
        if (sequence < 1 || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("no answerphone message id for contract " + contract + ", year " + year + ", sequence "
                    + sequence + ": the sequence runs 1 to 999999 per contract and year");
        }
        return id;
    }

    /** Whether a response has been made (the callback clock stopped). */
    public boolean responded() {
        return clock.isStopped();
    }

    /** The caller's initials ("AT"), for staff emails (never more). Empty when no name was given. */
    public String initials() {
        return callerName == null ? "" : org.advocacyhub.domain.referral.Person.initialsOf(callerName);
    }

    /** This message with an attempt recorded, and the clock as it now stands. */
    public AnswerphoneMessage withAttempt(SlaClock after, ReferralReference linked) {
        return new AnswerphoneMessage(id, contract, leftAt, callerName, callbackNumber, callbackEmail, preferredMethod, service,
                linked != null ? linked : reference, summary, accessNeeds, keyedBy, keyedAt, after, attempts + 1, version);
    }

    /** The same message as the next save stores it. */
    public AnswerphoneMessage nextVersion() {
        return new AnswerphoneMessage(id, contract, leftAt, callerName, callbackNumber, callbackEmail, preferredMethod, service,
                reference, summary, accessNeeds, keyedBy, keyedAt, clock, attempts, version + 1);
    }
}
