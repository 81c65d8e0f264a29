package org.advocacyhub.messaging;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.AlertQueue;
import org.advocacyhub.application.port.DeadlineMetrics;
import org.advocacyhub.application.port.ReferralMetrics;
import org.advocacyhub.application.port.MailQueue;
import org.advocacyhub.application.port.ReferrerLetters;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.application.support.AwsHttp;
import org.advocacyhub.messaging.email.ReferrerLetterTemplates;
import org.advocacyhub.messaging.email.SesMailSender;
import org.advocacyhub.messaging.email.StaffEmailTemplates;
import org.advocacyhub.application.port.ScreeningQueue;
import org.advocacyhub.messaging.metrics.EmfDeadlineMetrics;
import org.advocacyhub.messaging.metrics.EmfReferralMetrics;
import org.advocacyhub.messaging.queue.AlertMessages;
import org.advocacyhub.messaging.queue.SqsAlertQueue;
import org.advocacyhub.messaging.queue.SqsMailQueue;
import org.advocacyhub.messaging.queue.SqsScreeningQueue;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wires the SQS and SES adapters. Queue URLs and the sender come from template.yaml's environment
 * ({@code SCREENING_QUEUE_URL}, {@code REMINDER_QUEUE_URL}, {@code MAIL_QUEUE_URL}, {@code SENDER_ADDRESS}, {@code SES_CONFIGURATION_SET}, {@code API_URL});
 * each adapter exists only in functions that
 * are given its variable. {@code aws.endpoints.sqs} / {@code aws.endpoints.sesv2} point the
 * clients at local engines with dummy credentials. The report mail is wired by {@link ReportMailFactory}.
 */
@Factory
public class MessagingFactory {

    @Singleton
    SqsClient sqsClient(SdkHttpClient http, @Value("${aws.endpoints.sqs:}") String endpoint, @Value("${aws.region:}") String region) {
        return AwsHttp.configure(SqsClient.builder(), http, endpoint, region).build();
    }

    /** One attempt per call, bounded in time (issue 19): see {@link SesMailSender}. */
    @Singleton
    SesV2Client sesClient(SdkHttpClient http, @Value("${aws.endpoints.sesv2:}") String endpoint, @Value("${aws.region:}") String region) {
        return AwsHttp.configure(SesV2Client.builder(), http, endpoint, region).overrideConfiguration(SesMailSender.CLIENT).build();
    }

    @Singleton
    @Requires(property = "screening.queue.url")
    ScreeningQueue screeningQueue(SqsClient sqs, @Value("${screening.queue.url}") String queueUrl) {
        return new SqsScreeningQueue(sqs, queueUrl);
    }

    @Singleton
    @Requires(property = "sender.address")
    SesMailSender sesMailSender(SesV2Client ses, @Value("${sender.address}") String sender,
                                @Value("${ses.configuration.set:}") String configurationSet) {
        return new SesMailSender(ses, sender, configurationSet);
    }

    @Singleton
    ReferrerLetters referrerLetters(ContractTerms contracts) {
        return new ReferrerLetterTemplates(contracts);
    }

    @Singleton
    StaffEmails staffEmails(@Value("${api.url:}") String apiUrl) {
        return new StaffEmailTemplates(apiUrl);
    }

    @Singleton
    @Requires(property = "mail.queue.url")
    MailQueue mailQueue(SqsClient sqs, @Value("${mail.queue.url}") String queueUrl) {
        return new SqsMailQueue(sqs, queueUrl);
    }

    @Singleton
    @Requires(property = "reminder.queue.url")
    AlertQueue alertQueue(SqsClient sqs, @Value("${reminder.queue.url}") String queueUrl, AlertMessages messages) {
        return new SqsAlertQueue(sqs, queueUrl, messages);
    }

    @Singleton
    DeadlineMetrics deadlineMetrics(JsonMapper json, java.time.Clock clock) {
        return new EmfDeadlineMetrics(json, System.out, clock);
    }

    @Singleton
    ReferralMetrics referralMetrics(JsonMapper json, java.time.Clock clock) {
        return new EmfReferralMetrics(json, System.out, clock);
    }
}
