package org.advocacyhub.messaging;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.advocacyhub.application.port.ReportMail;
import org.advocacyhub.messaging.email.SesReportMail;

/**
 * Wires {@link ReportMail} (issue 11: the quarterly report emails) in a function that has a sender
 * ({@code SENDER_ADDRESS}) and Jakarta Mail on its classpath: Angus Mail is an optional dependency of this module,
 * declared by the function that sends reports only, so no other function's jar carries it. The check is made on the
 * class name before this factory is loaded.
 */
@Factory
@Requires(classes = jakarta.mail.Session.class)
@Requires(property = "sender.address")
public class ReportMailFactory {

    @Singleton
    ReportMail reportMail(org.advocacyhub.messaging.email.SesMailSender ses, @Value("${sender.address}") String sender) {
        return new SesReportMail(ses, sender);
    }
}
