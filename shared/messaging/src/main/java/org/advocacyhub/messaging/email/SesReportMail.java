package org.advocacyhub.messaging.email;

import org.advocacyhub.application.port.Mail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.ReportMail;

/**
 * Sends a quarterly report (issue 11 item 4) through Amazon SES (API v2), by {@link SesMailSender} (once, never
 * retried when its outcome is not known), as one raw MIME message from the configured sender: {@code multipart/mixed} with the plain-text body and the workbook attached (base64, its file name, the xlsx
 * content type; a fresh link to a council's restricted list goes with no attachment, issue 23). The message is built with Jakarta Mail (Angus), which only a function that sends reports carries.
 */
public final class SesReportMail implements ReportMail {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final SesMailSender ses;
    private final String sender;
    private final Session session;

    public SesReportMail(SesMailSender ses, String sender) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.sender = Objects.requireNonNull(sender, "sender");
        Properties properties = new Properties();
        // The Message-ID's domain comes from the sender, not from a look-up of this host's name.
        properties.setProperty("mail.from", sender);
        this.session = Session.getInstance(properties);
    }

    @Override
    public MailSender.Delivery send(Message message) {
        return ses.sendRaw(message.to(), message.copyTo(), mime(message));
    }

    /** The raw message SES is given: headers (From, To, Cc, Subject, MIME-Version) and the two parts. */
    byte[] mime(Message message) {
        try {
            MimeMessage mime = new MimeMessage(session);
            mime.setFrom(address(sender));
            mime.setRecipients(RecipientType.TO, addresses(message.to()));
            if (!message.copyTo().isEmpty()) {
                mime.setRecipients(RecipientType.CC, addresses(message.copyTo()));
            }
            mime.setSubject(oneLine(message.subject(), "subject"), "UTF-8");

            MimeBodyPart text = new MimeBodyPart();
            text.setText(message.text(), "UTF-8", "plain");

            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(text);
            if (message.attached()) {
                MimeBodyPart workbook = new MimeBodyPart();
                workbook.setDataHandler(new DataHandler(new ByteArrayDataSource(message.attachment(), XLSX)));
                workbook.setFileName(oneLine(message.attachmentName(), "attachment name"));
                workbook.setDisposition(Part.ATTACHMENT);
                workbook.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(workbook);
            }
            mime.setContent(mixed);
            mime.saveChanges();

            ByteArrayOutputStream out = new ByteArrayOutputStream((message.attached() ? message.attachment().length * 4 / 3 : 0) + 4096);
            mime.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Could not build the report email: " + e.getClass().getSimpleName(), e);
        }
    }

    private static InternetAddress[] addresses(List<String> values) {
        InternetAddress[] addresses = new InternetAddress[values.size()];
        for (int i = 0; i < values.size(); i++) {
            addresses[i] = address(values.get(i));
        }
        return addresses;
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(oneLine(value, "address"), true);
        } catch (AddressException e) {
            // The address is contract configuration; the message names the position, never the address.
            throw new IllegalArgumentException("not an email address (at " + e.getPos() + ")", e);
        }
    }

    /** A header value with a line break would end the header: refused, so that nothing can be added to the message. */
    private static String oneLine(String value, String what) {
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("the " + what + " of a report email must be one line");
        }
        return value;
    }
}
