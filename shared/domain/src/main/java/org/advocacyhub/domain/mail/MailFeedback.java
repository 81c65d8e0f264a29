package org.advocacyhub.domain.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What the mail service said became of an email after it took it (issue 24): it bounced, or its recipient marked it as
 * spam. In staff's words, never the mail service's codes: "The decision letter to the referrer bounced: mailbox does not
 * exist".
 *
 * @param type          a bounce or a complaint
 * @param bounceType    SES's bounce type (Permanent, Transient, Undetermined), or null for a complaint
 * @param bounceSubType SES's bounce sub-type (General, NoEmail, MailboxFull...), or null
 */
public record MailFeedback(Type type, String bounceType, String bounceSubType) {

    public enum Type {
        BOUNCE,
        COMPLAINT
    }

    public MailFeedback {
        Objects.requireNonNull(type, "type");
    }

    public static MailFeedback bounce(String bounceType, String bounceSubType) {
        return new MailFeedback(Type.BOUNCE, bounceType, bounceSubType);
    }

    public static MailFeedback complaint() {
        return new MailFeedback(Type.COMPLAINT, null, null);
    }

    /** Why, in a few words staff read: "mailbox does not exist", "the mailbox is full", "marked it as spam". */
    public String reason() {
        if (type == Type.COMPLAINT) {
            return "marked it as spam";
        }
        String sub = bounceSubType == null ? "" : bounceSubType;
        boolean permanent = "Permanent".equalsIgnoreCase(bounceType);
        return switch (sub) {
            case "NoEmail" -> "mailbox does not exist";
            case "Suppressed", "OnAccountSuppressionList" -> "the address bounced before, so the mail service no longer sends to it";
            case "UnsubscribedRecipient" -> "the recipient has unsubscribed";
            case "MailboxFull" -> "the mailbox is full";
            case "MessageTooLarge" -> "the email was too large for the mailbox";
            case "ContentRejected", "AttachmentRejected" -> "the recipient's mail server refused what was in it";
            default -> permanent ? "mailbox does not exist"
                    : "Transient".equalsIgnoreCase(bounceType) ? "the recipient's mail server would not take it, and the mail service gave up"
                    : "the recipient's mail server refused it";
        };
    }

    /**
     * What happened, as the case's timeline says it.
     *
     * @param what      the email, as staff read it: "The decision letter"
     * @param recipient who it was to, as staff read it: "the referrer"
     */
    public String happened(String what, String recipient) {
        if (type == Type.COMPLAINT) {
            return what + " to " + recipient + " was reported as spam: " + recipient + " " + reason()
                    + ". No more email goes to that address";
        }
        return what + " to " + recipient + " bounced: " + reason();
    }

    /** What the duty manager is asked to do when a letter to the referrer did not reach them. */
    public static final String REACH_REFERRER = "Reach the referrer another way: the phone number on the referral";

    /**
     * The key an address is kept by when no more email may go to it: the SHA-256 of the address, trimmed and in lower
     * case, in hex. The address itself is never stored or logged for this.
     */
    public static String addressKey(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(address.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
