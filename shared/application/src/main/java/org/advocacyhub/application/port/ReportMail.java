package org.advocacyhub.application.port;

import java.util.List;
import java.util.Objects;

/**
 * Sends a quarterly report to a council (issue 11 item 4): one email with the workbook attached.
 * What is attached holds aggregates only (LLR 26.9, 27.6): a council's restricted list is never attached, its email
 * carries a link to it instead (issue 23), and a fresh link goes in an email with no attachment.
 */
public interface ReportMail {

    /**
     * One report email.
     *
     * @param to             the authority's report recipients (contract configuration)
     * @param copyTo         the duty managers, copied
     * @param subject        e.g. "Quarterly return FY2026 Q3: Rutland County Council (LLR)"
     * @param text           the plain-text body
     * @param attachmentName the workbook's file name, e.g. {@code LLR-RUTLAND-FY2026Q3.xlsx}; {@code null} for an email
     *                       with no attachment (a fresh link to a restricted list)
     * @param attachment     the workbook, or {@code null} with {@code attachmentName}
     */
    record Message(List<String> to, List<String> copyTo, String subject, String text, String attachmentName, byte[] attachment) {
        public Message {
            to = List.copyOf(to);
            copyTo = List.copyOf(copyTo);
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(text, "text");
            if ((attachmentName == null) != (attachment == null)) {
                throw new IllegalArgumentException("an attachment has a name and a content, or there is none");
            }
            if (to.isEmpty()) {
                throw new IllegalArgumentException("a report email needs at least one recipient");
            }
        }

        /** Whether a workbook is attached. */
        public boolean attached() {
            return attachment != null;
        }
    }

    /** Sends it once, never retrying an attempt whose outcome is not known ({@link MailSender}). */
    MailSender.Delivery send(Message message);
}
