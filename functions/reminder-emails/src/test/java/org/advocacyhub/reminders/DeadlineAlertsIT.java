package org.advocacyhub.reminders;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.advocacyhub.testing.HubFixtures.MONDAY;
import static org.advocacyhub.testing.HubFixtures.clock;
import static org.advocacyhub.testing.HubFixtures.example;
import static org.advocacyhub.testing.HubFixtures.json;
import static org.advocacyhub.testing.HubFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 through the real functions on the local engines: the allocation timer raising alerts at
 * fixed instants, the reminder-emails function sending them, and what staff receive.
 */
@WithLocalAws
class DeadlineAlertsIT {

    /** Wednesday 25 November 2026: an IMCA referral received on Monday 10:00 is due at 17:00 (LLR 9.38a). */
    static final Instant WEDNESDAY_NINE = Instant.parse("2026-11-25T09:00:00Z");
    static final Instant WEDNESDAY_FIVE = Instant.parse("2026-11-25T17:00:00Z");

    private final LocalAws aws;
    private final AlertFixtures alerts;

    DeadlineAlertsIT(LocalAws aws) {
        this.aws = aws;
        this.alerts = new AlertFixtures(aws);
    }

    private void allocate(String reference, String advocateId, Instant at) {
        alerts.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", advocateId), at);
    }

    private String caseUrl(String reference) {
        return aws.environment(AlertFixtures.EMAILS).get("API_URL") + "cases/" + reference;
    }

    // ------------------------------------------------------------------ a data protection request (issue 22)

    @Test
    void ukGdpr123ASubjectAccessRequestIsRemindedToEveryDutyManagerFiveWorkingDaysBeforeItIsDueAndEscalatedAfterAndAnAnsweredOneNot() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        alerts.dutyManager("lew-manager", List.of("LEW"));
        // Received Monday 23 November 2026: due Wednesday 23 December (one month), reminded 09:00 Wednesday 16 December.
        APIGatewayProxyResponseEvent recorded = alerts.staff(MANAGER, "POST", "/subject-access-requests",
                Map.of("name", "Sam Subjectperson", "dateOfBirth", "1960-01-02"), MONDAY);
        assertEquals(201, recorded.getStatusCode(), recorded.getBody());
        String id = (String) json(recorded.getBody()).get("id");
        APIGatewayProxyResponseEvent other = alerts.staff(MANAGER, "POST", "/erasure-requests",
                Map.of("name", "Pat Otherperson", "dateOfBirth", "1961-01-02", "details", "Erase me"), MONDAY);
        String answered = (String) json(other.getBody()).get("id");
        alerts.ok(MANAGER, "POST", "/data-requests/" + answered + "/decision", Map.of("outcome", "REFUSED", "ground",
                "LEGAL_OBLIGATION", "note", "The contract's retention period applies"), MONDAY.plusSeconds(60));

        Instant reminderAt = Instant.parse("2026-12-16T09:00:00Z");
        assertEquals("read=0 raised=0", alerts.tick(reminderAt.minusMillis(1)), "nothing before");
        assertEquals("read=1 raised=1", alerts.tick(reminderAt), "the open request only: an answered one's clock stopped");
        for (String manager : List.of("morgan-manager", "lew-manager")) {
            List<SesMailbox.SentEmail> reminders = alerts.mailTo(manager, "Reminder: subject access request due by");
            assertEquals(1, reminders.size(), "every duty manager: a person's request spans contracts");
            String text = reminders.get(0).text();
            assertTrue(text.contains("Request: " + id) && text.contains("UK GDPR Art. 12(3)"), text);
            assertFalse(text.contains("Subjectperson") || text.contains("1960"), "nothing about the person: " + text);
        }
        assertEquals("read=0 raised=0", alerts.tick(reminderAt.plusSeconds(60)), "raised once");

        Instant dueAt = Instant.parse("2026-12-23T17:00:00Z");
        alerts.tick(dueAt.plusSeconds(60));
        assertEquals(1, alerts.mailTo("morgan-manager", "Missed: subject access request").size(), "escalated once it passes");
        assertEquals(1, alerts.mailTo("lew-manager", "Missed: subject access request").size());
    }

    // ------------------------------------------------------------------ reminders

    @Test
    void llr938aBeforeAllocationTheReminderGoesToTheDutyManagersAtNineOnTheDayTheDeadlineFallsAndNotBefore() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        alerts.dutyManager("lew-manager", List.of("LEW"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);

        assertEquals("read=0 raised=0", alerts.tick(WEDNESDAY_NINE.minusMillis(1)), "nothing before 09:00");
        assertEquals(List.of(), alerts.staffMail());

        assertEquals("read=1 raised=1", alerts.tick(WEDNESDAY_NINE));
        List<SesMailbox.SentEmail> reminders = alerts.mailTo("morgan-manager", "Reminder: case " + reference);
        assertEquals(1, reminders.size());
        SesMailbox.SentEmail reminder = reminders.get(0);
        assertTrue(reminder.subject().contains("allocation due 5pm on Wednesday 25 November 2026"), reminder.subject());
        String text = reminder.text();
        assertTrue(text.contains("Independent Mental Capacity Advocacy (IMCA), A.T."), text);
        assertTrue(text.contains("Allocate an advocate (LLR 9.38a)"), text);
        assertTrue(text.contains("Due: 5pm on Wednesday 25 November 2026"), text);
        assertTrue(text.contains("Counts against: KPI 1 (target 95% met), LLR Appendix One KPI 1"), text);
        assertTrue(text.contains("Allocate a named advocate to the case."), text);
        assertTrue(text.contains(caseUrl(reference)), "the link to the case: " + text);
        assertTrue(reminder.html().contains("href=\"" + caseUrl(reference) + "\""), reminder.html());
        assertFalse(text.contains("Testperson") || text.contains("Alex"), "initials only");
        assertEquals(List.of(), alerts.mailTo("lew-manager", reference), "only the contract's duty managers");

        assertEquals("read=0 raised=0", alerts.tick(WEDNESDAY_NINE.plusSeconds(60)), "raised once");
        assertEquals(1, alerts.staffMail().size());
        List<String> timeline = list(alerts.ok(MANAGER, "GET", "/cases/" + reference, null, WEDNESDAY_NINE.plusSeconds(120)), "timeline")
                .stream().map(e -> String.valueOf(e.get("description"))).toList();
        assertEquals(1, timeline.stream().filter(d -> d.startsWith("The reminder that 'allocation' is due") && d.contains("was emailed to Staff morgan-manager")).count(),
                timeline.toString());
    }

    @Test
    void llr938bOnceAllocatedTheRemindersGoToTheAdvocateAloneAndAClockStoppedInTimeRaisesNothing() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        Map<String, Object> ira = alerts.imcaAdvocate("ira-imca");
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        allocate(reference, "ira-imca", MONDAY.plus(Duration.ofHours(24))); // Tuesday: allocation met; contact due Wednesday 17:00

        assertEquals("read=1 raised=1", alerts.tick(WEDNESDAY_NINE), "the first-contact reminder only: allocation stopped in time");
        List<SesMailbox.SentEmail> mail = alerts.staffMail().stream().filter(e -> e.subject().startsWith("Reminder")).toList();
        assertEquals(1, mail.size(), mail.toString());
        assertTrue(mail.get(0).isAddressedTo("ira-imca@hub.example"));
        assertTrue(mail.get(0).subject().contains("first contact due 5pm on Wednesday 25 November 2026"), mail.get(0).subject());
        assertTrue(mail.get(0).text().contains("Contact the person (LLR 9.38b)"), mail.get(0).text());
        assertTrue(mail.get(0).text().contains("Make first contact with the person and record it on the case."), mail.get(0).text());

        alerts.ok(ira, "POST", "/cases/" + reference + "/contacts", Map.of("at", "2026-11-25T15:00:00Z",
                "method", "PHONE", "withPerson", true, "successful", true), Instant.parse("2026-11-25T15:05:00Z"));
        assertEquals("read=0 raised=0", alerts.tick(WEDNESDAY_FIVE.plusSeconds(60)), "contact made in time: no escalation");
        assertEquals(List.of(), alerts.staffMail().stream().filter(e -> e.subject().startsWith("Missed")).toList());
    }

    // ------------------------------------------------------------------ escalations

    @Test
    void llr938bAMissedDeadlineIsEscalatedToTheDutyManagersAndTheAdvocateJustAfterItAndCountedOnce() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        alerts.dutyManager("dana-manager", List.of("LLR", "LEW"));
        alerts.imcaAdvocate("ira-imca");
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        allocate(reference, "ira-imca", MONDAY.plus(Duration.ofHours(24)));
        alerts.tick(WEDNESDAY_NINE);

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        try {
            assertEquals("read=0 raised=0", alerts.tick(WEDNESDAY_FIVE), "met by an event exactly at the due time: not missed yet");
            assertEquals("read=1 raised=1", alerts.timer(WEDNESDAY_FIVE.plusMillis(1)));
            assertEquals(1, alerts.deliver(WEDNESDAY_FIVE.plus(Duration.ofMinutes(125))));
            assertEquals("read=0 raised=0", alerts.tick(WEDNESDAY_FIVE.plus(Duration.ofHours(3))), "escalated once");
        } finally {
            System.setOut(original);
        }

        for (String staff : List.of("morgan-manager", "dana-manager", "ira-imca")) {
            List<SesMailbox.SentEmail> missed = alerts.mailTo(staff, "Missed: case " + reference);
            assertEquals(1, missed.size(), staff);
            String text = missed.get(0).text();
            assertTrue(missed.get(0).subject().contains("first contact was due 5pm on Wednesday 25 November 2026"), missed.get(0).subject());
            assertTrue(text.contains("Missed by: 2 hours 5 minutes"), text);
            assertTrue(text.contains("Counts against: KPI 2 (target 95% met), LLR Appendix One KPI 2"), text);
            assertTrue(text.contains("Advocate: Staff ira-imca"), text);
            assertTrue(text.contains(caseUrl(reference)), text);
            assertFalse(text.contains("Testperson"), "initials only");
        }
        List<String> metrics = stdout.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("\"DeadlineMissed\"")).toList();
        assertEquals(1, metrics.size(), "one metric line per missed deadline: " + metrics);
        Map<String, Object> emf = json(metrics.get(0));
        assertEquals("LLR", emf.get("Contract"));
        assertEquals("IMCA", emf.get("Service"));
        assertEquals("first-contact", emf.get("Clock"));
        assertEquals(1, emf.get("DeadlineMissed"));
        Map<?, ?> directive = (Map<?, ?>) ((List<?>) ((Map<?, ?>) emf.get("_aws")).get("CloudWatchMetrics")).get(0);
        assertEquals("AdvocacyHub", directive.get("Namespace"));
        assertEquals(List.of(List.of("Contract", "Service", "Clock"), List.of()), directive.get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "DeadlineMissed", "Unit", "Count")), directive.get("Metrics"));
        assertFalse(metrics.get(0).contains(reference), "codes only in the metric line");
    }

    // ------------------------------------------------------------------ paused clocks

    @Test
    void llr560APausedClockRaisesNothingAndWhenResumedItsAlertTimesMoveWithIt() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        Map<String, Object> referral = example("imca");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = new java.util.LinkedHashMap<>((Map<String, Object>) referral.get("details"));
        details.put("capacityAssessed", false);
        referral.put("details", details);
        String reference = alerts.referAndScreen(referral, MONDAY);
        assertEquals(true, clock(alerts.ok(MANAGER, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(60)), "allocation").get("paused"));

        assertEquals("read=0 raised=0", alerts.tick(MONDAY.plus(Duration.ofHours(5))), "paused: waiting for information");

        Instant tuesdayFour = Instant.parse("2026-11-24T16:00:00Z");
        Map<String, Object> resumed = alerts.ok(MANAGER, "POST", "/cases/" + reference + "/screening",
                Map.of("details", Map.of("capacityAssessed", true), "note", "Assessment confirmed"), tuesdayFour);
        assertEquals("2026-11-26T17:00:00Z", clock(resumed, "allocation").get("dueAt"), "one working-day end inside the pause");

        assertEquals("read=0 raised=0", alerts.tick(WEDNESDAY_NINE), "the reminder moved with the deadline");
        assertEquals("read=0 raised=0", alerts.tick(WEDNESDAY_FIVE.plusMillis(1)), "not missed: the deadline moved");
        assertEquals("read=1 raised=1", alerts.tick(Instant.parse("2026-11-26T09:00:00Z")));
        List<SesMailbox.SentEmail> reminders = alerts.mailTo("morgan-manager", "Reminder: case " + reference);
        assertEquals(1, reminders.size());
        assertTrue(reminders.get(0).subject().contains("due 5pm on Thursday 26 November 2026"), reminders.get(0).subject());
        assertEquals(1, alerts.staffMail().size());
    }

    // ------------------------------------------------------------------ DERBY

    @Test
    void derby331AnUrgentAccommodationReferralIsRemindedAt45MinutesAndEscalatedJustAfterTheHour() {
        alerts.dutyManager("derby-manager", List.of("DERBY"));
        Instant saturday = Instant.parse("2026-11-28T14:00:00Z"); // DERBY works every day (DERBY 3.3.6)
        String reference = alerts.referAndScreen(example("accommodation"), saturday);

        assertEquals("read=0 raised=0", alerts.tick(saturday.plus(Duration.ofMinutes(45)).minusMillis(1)));
        assertEquals("read=1 raised=1", alerts.tick(saturday.plus(Duration.ofMinutes(45))));
        List<SesMailbox.SentEmail> reminder = alerts.mailTo("derby-manager", "Reminder: case " + reference);
        assertEquals(1, reminder.size());
        assertTrue(reminder.get(0).subject().contains("response due 3pm on Saturday 28 November 2026"), reminder.get(0).subject());
        assertTrue(reminder.get(0).text().contains("Send the council an offer or a decline"), reminder.get(0).text());

        assertEquals("read=0 raised=0", alerts.tick(saturday.plus(Duration.ofHours(1))));
        assertEquals("read=1 raised=1", alerts.tick(saturday.plus(Duration.ofHours(1)).plusMillis(1)));
        List<SesMailbox.SentEmail> missed = alerts.mailTo("derby-manager", "Missed: case " + reference);
        assertEquals(1, missed.size());
        assertTrue(missed.get(0).text().contains("Counts against: Access (target 100% met), DERBY 3.7.1"), missed.get(0).text());
        assertEquals(2, alerts.staffMail().size());
    }

    // ------------------------------------------------------------------ exactly once

    @Test
    void anAlertDeliveredThreeTimesIsSentOnce() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        assertEquals("read=1 raised=1", alerts.timer(WEDNESDAY_NINE));
        String queue = aws.queueUrl("ReminderQueue");
        var received = aws.sqs().receiveMessage(b -> b.queueUrl(queue).maxNumberOfMessages(10)).messages();
        assertEquals(1, received.size());
        String body = received.get(0).body();
        assertFalse(body.contains("Testperson"), "identifiers only on the queue: " + body);
        // The same message again (SQS delivers at least once) and once more, visible at once.
        aws.sqs().changeMessageVisibility(b -> b.queueUrl(queue).receiptHandle(received.get(0).receiptHandle()).visibilityTimeout(0));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));
        aws.sqs().sendMessage(b -> b.queueUrl(queue).messageBody(body));

        assertEquals(3, alerts.deliver(WEDNESDAY_NINE.plusSeconds(5)));
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size());
        assertEquals(0, aws.sqs().receiveMessage(b -> b.queueUrl(queue)).messages().size(), "all three done, none left to retry");
    }

    @Test
    void twoTimerRunsAtOnceSendOneEmail() throws Exception {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<String>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return alerts.timer(WEDNESDAY_NINE);
            }));
        }
        start.countDown();
        List<String> answers = new ArrayList<>();
        for (CompletableFuture<String> run : runs) {
            answers.add(run.get());
        }
        assertTrue(answers.contains("read=1 raised=1"), "at least one run raised it: " + answers);
        alerts.deliver(WEDNESDAY_NINE.plusSeconds(5));
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size(), answers.toString());
    }

    // ------------------------------------------------------------------ the daily digest

    @Test
    void llr547TheDailyDigestListsOverdueThenDueTodayPerContractWithDolsAndUrgentFirst() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        alerts.dutyManager("lew-manager", List.of("LEW"));
        alerts.dutyManager("derby-manager", List.of("DERBY"));
        String overdue = alerts.referAndScreen(example("imca"), Instant.parse("2026-11-20T10:00:00Z")); // due Tuesday 24th 17:00
        String standard = alerts.referAndScreen(example("imca"), MONDAY);                                 // due today 17:00
        String dols = alerts.referAndScreen(example("dols-imca"), MONDAY.plusSeconds(3600));              // due today 17:00
        Map<String, Object> urgentReferral = example("imca");
        urgentReferral.put("urgency", "URGENT");
        String urgent = alerts.referAndScreen(urgentReferral, MONDAY.plusSeconds(7200));                  // due today 17:00
        String tomorrow = alerts.referAndScreen(example("imca"), MONDAY.plus(Duration.ofHours(24)));     // due Thursday

        Instant eightThirty = Instant.parse("2026-11-25T08:30:00Z");
        assertEquals("digests=3", alerts.digestRun(eightThirty), "LLR, LEW and DERBY are all open on a Wednesday");
        assertEquals(3, alerts.deliver(eightThirty.plusSeconds(2)));

        List<SesMailbox.SentEmail> digests = alerts.mailTo("morgan-manager", "Deadlines Wednesday 25 November 2026");
        assertEquals(1, digests.size());
        assertEquals("Deadlines Wednesday 25 November 2026: 1 overdue, 3 due today", digests.get(0).subject());
        String text = digests.get(0).text();
        int overdueAt = text.indexOf(overdue);
        int dolsAt = text.indexOf(dols + " (DoLS");
        int urgentAt = text.indexOf(urgent + " (urgent");
        int standardAt = text.indexOf(standard + " (Independent");
        assertTrue(overdueAt > 0 && text.indexOf("Overdue:") < overdueAt && overdueAt < text.indexOf("Due today:"), text);
        assertTrue(text.indexOf("Due today:") < dolsAt && dolsAt < urgentAt && urgentAt < standardAt, "DoLS, urgent, then the rest: " + text);
        assertFalse(text.contains(tomorrow), "due tomorrow: not in today's digest");
        assertFalse(text.contains("report"), "the DoLS report is due tomorrow: " + text);
        assertTrue(text.contains("Leicester, Leicestershire and Rutland Integrated Advocacy Hub (LLR)"), text);
        assertFalse(text.contains("(LEW)") || text.contains("(DERBY)"), "only the contracts they are duty manager of");
        assertFalse(text.contains("A.T.") || text.contains("Testperson"), "references only: " + text);
        assertTrue(text.contains(aws.environment(AlertFixtures.EMAILS).get("API_URL") + "waiting-list?contract=LLR"), text);
        assertEquals(1, alerts.mailTo("lew-manager", "Deadlines Wednesday 25 November 2026: 0 overdue, 0 due today").size());

        assertEquals("digests=3", alerts.digestRun(eightThirty.plusSeconds(60)), "a second run queues again...");
        alerts.deliver(eightThirty.plusSeconds(62));
        assertEquals(1, alerts.mailTo("morgan-manager", "Deadlines Wednesday").size(), "...and sends nothing twice");

        Instant saturday = Instant.parse("2026-11-28T08:30:00Z");
        assertEquals("digests=1", alerts.digestRun(saturday), "at weekends only DERBY's service is open (DERBY 3.3.6)");
        alerts.deliver(saturday.plusSeconds(2));
        assertEquals(1, alerts.mailTo("derby-manager", "Deadlines Saturday 28 November 2026").size());
        assertEquals(List.of(), alerts.mailTo("morgan-manager", "Saturday"));
    }
}
