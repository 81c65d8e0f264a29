package org.advocacyhub.messaging.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.advocacyhub.application.port.ReportMail;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The raw MIME of a report email (issue 11 item 4), parsed back as a mail client would. */
class SesReportMailTest {

    private static final byte[] WORKBOOK = workbook();

    private final SesV2Client unused = SesV2Client.builder().region(Region.EU_WEST_2)
            .credentialsProvider(AnonymousCredentialsProvider.create()).build();
    private final SesReportMail mail = new SesReportMail(new SesMailSender(unused, "hub@advocacy.test"), "hub@advocacy.test");

    private static byte[] workbook() {
        byte[] bytes = new byte[5_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static ReportMail.Message message(List<String> to, List<String> cc, String subject, String name) {
        return new ReportMail.Message(to, cc, subject, "The quarterly return is attached.\nLLR 26.13", name, WORKBOOK);
    }

    @Test
    void a_report_email_is_multipart_mixed_with_the_text_then_the_workbook_as_a_base64_xlsx_attachment() throws Exception {
        MimeMessage parsed = parse(mail.mime(message(List.of("returns@rutland.example", "contracts@rutland.example"),
                List.of("duty.manager@advocacy.test"), "Quarterly return FY2026 Q3: Rutland County Council (LLR)",
                "LLR-RUTLAND-FY2026Q3.xlsx")));

        assertEquals("hub@advocacy.test", Arrays.toString(parsed.getFrom()).replaceAll("[\\[\\]]", ""));
        assertEquals(List.of("returns@rutland.example", "contracts@rutland.example"), strings(parsed.getRecipients(RecipientType.TO)));
        assertEquals(List.of("duty.manager@advocacy.test"), strings(parsed.getRecipients(RecipientType.CC)));
        assertEquals("Quarterly return FY2026 Q3: Rutland County Council (LLR)", parsed.getSubject());
        assertTrue(parsed.isMimeType("multipart/mixed"), parsed.getContentType());

        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertEquals(2, parts.getCount());
        BodyPart text = parts.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"), text.getContentType());
        assertEquals("The quarterly return is attached.\nLLR 26.13", ((String) text.getContent()).replace("\r\n", "\n"));

        BodyPart attachment = parts.getBodyPart(1);
        assertTrue(attachment.isMimeType(SesReportMail.XLSX), attachment.getContentType());
        assertEquals(Part.ATTACHMENT, attachment.getDisposition());
        assertEquals("LLR-RUTLAND-FY2026Q3.xlsx", attachment.getFileName());
        assertEquals("base64", attachment.getHeader("Content-Transfer-Encoding")[0]);
        try (InputStream in = attachment.getInputStream()) {
            assertArrayEquals(WORKBOOK, in.readAllBytes());
        }
    }

    @Test
    void a_fresh_link_to_a_restricted_list_goes_with_the_text_only_and_no_attachment() throws Exception {
        MimeMessage parsed = parse(mail.mime(new ReportMail.Message(List.of("returns@rutland.example"), List.of(), "A new link",
                "Download it from this link: https://hub.example/restricted-lists/abc", null, null)));
        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertEquals(1, parts.getCount(), "nothing attached (issue 23)");
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertThrows(IllegalArgumentException.class, () -> new ReportMail.Message(List.of("a@council.example"), List.of(), "s", "t",
                "a.xlsx", null), "a name without a content");
    }

    @Test
    void without_duty_managers_there_is_no_cc_header() throws Exception {
        MimeMessage parsed = parse(mail.mime(message(List.of("returns@rutland.example"), List.of(), "s", "a.xlsx")));
        assertEquals(null, parsed.getHeader("Cc"));
    }

    @Test
    void a_subject_outside_ascii_is_encoded_and_reads_back_the_same() throws Exception {
        String subject = "Quarterly return FY2026 Q3 – Leicester (LLR) £";
        byte[] raw = mail.mime(message(List.of("returns@leicester.example"), List.of(), subject, "a.xlsx"));
        assertEquals(subject, parse(raw).getSubject());
        String headers = new String(raw, StandardCharsets.US_ASCII).split("\r\n\r\n")[0];
        assertFalse(headers.contains("£"), "headers are 7-bit: the subject is encoded");
    }

    @Test
    void a_line_break_in_the_subject_or_file_name_cannot_add_a_header() {
        assertThrows(IllegalArgumentException.class, () -> mail.mime(message(List.of("a@council.example"), List.of(),
                "Return\r\nBcc: someone@elsewhere.example", "a.xlsx")));
        assertThrows(IllegalArgumentException.class, () -> mail.mime(message(List.of("a@council.example"), List.of(),
                "Return", "a.xlsx\nX-Injected: yes")));
    }

    @Test
    void an_address_that_is_not_one_is_refused_without_repeating_it() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> mail.mime(message(List.of("not an address"), List.of(), "s", "a.xlsx")));
        assertFalse(refused.getMessage().contains("not an address"), refused.getMessage());
    }

    private static List<String> strings(Address[] addresses) {
        return Arrays.stream(addresses).map(Address::toString).toList();
    }
}
