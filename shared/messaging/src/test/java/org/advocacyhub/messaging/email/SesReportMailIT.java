package org.advocacyhub.messaging.email;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.port.ReportMail;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox.SentEmail;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/** A report email (issue 11 item 4) through SES v2 raw content, read from aws-ses-v2-local's mailbox. */
@WithLocalAws
class SesReportMailIT {

    private static final String SENDER = "hub@advocacy.test";

    private static byte[] workbook(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        return bytes;
    }

    @Test
    void the_council_receives_the_workbook_byte_for_byte_with_the_duty_managers_copied(LocalAws aws) {
        byte[] workbook = workbook(120_000);
        ReportMail mail = new SesReportMail(new SesMailSender(aws.sesV2(), SENDER), SENDER);

        String id = ((org.advocacyhub.application.port.MailSender.Sent) mail.send(new ReportMail.Message(List.of("returns@rutland.example", "contracts@rutland.example"),
                List.of("duty.manager@advocacy.test"), "Quarterly return FY2026 Q3: Rutland County Council (LLR)",
                "The quarterly return for July to September 2026 is attached.", "LLR-RUTLAND-FY2026Q3.xlsx", workbook))).messageId();

        SentEmail email = aws.mailbox().await(e -> e.isAddressedTo("returns@rutland.example"), Duration.ofSeconds(5));
        assertEquals(id, email.messageId(), "send returns SES's message id");
        assertEquals("Quarterly return FY2026 Q3: Rutland County Council (LLR)", email.subject());
        assertTrue(email.from().contains(SENDER), "from the configured sender");
        assertEquals(List.of("returns@rutland.example", "contracts@rutland.example"), email.to());
        assertEquals(List.of("duty.manager@advocacy.test"), email.cc());
        assertTrue(email.text().contains("July to September 2026"), "the text body");
        assertEquals(1, email.attachments().size());
        SentEmail.Attachment attachment = email.attachments().get(0);
        assertEquals("LLR-RUTLAND-FY2026Q3.xlsx", attachment.filename());
        assertEquals(SesReportMail.XLSX, attachment.contentType());
        assertArrayEquals(workbook, attachment.content(), "the attachment arrives unchanged");
    }

    @Test
    void a_function_with_a_sender_gets_the_report_mail_on_the_local_endpoint(LocalAws aws) {
        Map<String, Object> properties = new LinkedHashMap<>(FunctionInvoker.endpointProperties(aws.endpoints()));
        properties.put(FunctionInvoker.propertyName("SENDER_ADDRESS"), SENDER);
        byte[] workbook = workbook(2_000);
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            context.getBean(ReportMail.class).send(new ReportMail.Message(List.of("returns@derby.example"), List.of(),
                    "Quarterly return FY2026 Q3: Derby City Council (DERBY)", "Attached.", "DERBY-FY2026Q3.xlsx", workbook));
        }
        SentEmail email = aws.mailbox().await(e -> e.isAddressedTo("returns@derby.example"), Duration.ofSeconds(5));
        assertArrayEquals(workbook, email.attachments().get(0).content());
        assertEquals(List.of(), email.cc());
    }

    @Test
    void a_function_without_a_sender_has_no_report_mail(LocalAws aws) {
        try (ApplicationContext context = ApplicationContext.run(FunctionInvoker.endpointProperties(aws.endpoints()))) {
            assertTrue(context.findBean(ReportMail.class).isEmpty());
        }
    }
}
