package org.advocacyhub.reminders;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.SqsEventSourceMapping;

/**
 * Deadline alerts through the real functions: the allocation timer run as if at a chosen instant,
 * the reminder queue drained by the reminder-emails function as if at another, and the staff mail.
 */
final class AlertFixtures extends HubFixtures {

    static final String TIMER = "AllocationTimerFunction";
    static final String EMAILS = "ReminderEmailsFunction";

    private final LocalAws aws;

    AlertFixtures(LocalAws aws) {
        super(aws);
        this.aws = aws;
    }

    /** One minute's run of the timer at {@code at}: its answer, {@code read=N raised=M}. */
    String timer(Instant at) {
        try (FunctionInvoker timer = aws.newFunction(TIMER, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            return (String) timer.invoke(Map.of());
        }
    }

    /** The 08:30 run: the schedule's input is {@code {"digest": true}}. */
    String digestRun(Instant at) {
        try (FunctionInvoker timer = aws.newFunction(TIMER, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            return (String) timer.invoke(Map.of("digest", true));
        }
    }

    /**
     * Hands every message on the reminder queue to the reminder-emails function at {@code at}, and then the emails the
     * alerts wrote (the mail queue, issue 19); how many alert messages it was given.
     */
    int deliver(Instant at) {
        int alerts;
        try (FunctionInvoker emails = aws.newFunction(EMAILS, Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            alerts = mapping(emails).drainOnce();
        }
        sendMail(at);
        return alerts;
    }

    SqsEventSourceMapping mapping(FunctionInvoker emails) {
        return SqsEventSourceMapping.of(aws.template().function(EMAILS).sqsEvents().get(0), emails, aws.sqs(), aws.resources(),
                aws.endpoints().region());
    }

    /** The timer at {@code at}, then delivery a second later. */
    String tick(Instant at) {
        String run = timer(at);
        deliver(at.plusSeconds(1));
        return run;
    }

    /** A duty manager of {@code contracts} (the digests and escalations go to them). */
    Map<String, Object> dutyManager(String staffId, List<String> contracts) {
        return member(staffId, "MANAGER", List.of(), Map.of(), Map.of("dutyManagerFor", contracts));
    }

    /** Emails to {@code staffId} (addressed {@code staffId@hub.example}) whose subject names {@code text}. */
    List<SesMailbox.SentEmail> mailTo(String staffId, String text) {
        return aws.mailbox().emailsTo(staffId + "@hub.example").stream().filter(e -> e.subject().contains(text)).toList();
    }

    /** Every email sent to staff (not the letters to referrers). */
    List<SesMailbox.SentEmail> staffMail() {
        return aws.mailbox().emails().stream().filter(e -> e.to().stream().anyMatch(to -> to.endsWith("@hub.example"))).toList();
    }
}
