package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.SesMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's deadline-alerts walk-through, step by step, on the real {@code ./run-local} stack
 * (its gateway, schedules, queue pollers and engines): a referral at 8pm on Christmas Eve, the
 * reminder at 9am on 31 December, the escalation at 17:01, and nothing more a day later.
 */
class ChristmasWalkThroughIT {

    private static final List<String> JSON = List.of("Content-Type: application/json");
    private static final String MORGAN = "morgan.manager@advocacy-hub.localhost";

    private final JsonMapper json = JsonMapper.createDefault();
    private LocalHub hub;
    private LocalHub.Running running;

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    @Test
    void llr938aTheReadmeWalkThroughGivesOneReminderThenOneEscalationToTheDutyManager() throws Exception {
        hub = new LocalHub();
        running = hub.start(Map.of("PORT", freePort(), "DYNAMODB_PORT", freePort(), "SQS_PORT", freePort(),
                "SES_PORT", freePort(), "S3_PORT", freePort(), "LOCAL_CLOCK", "2026-12-24T20:00:00Z"));
        DemoTeam.seed(DemoTeam.members(java.time.LocalDate.of(2026, 12, 24)), running.routes(), running.functions().get("CaseworkFunction"));
        int port = running.port();
        SesMailbox mailbox = SesMailbox.awsSesV2Local(running.engines().sesEndpoint());

        RawHttp.Response referred = RawHttp.send(port, "POST", "/referrals", List.of("Content-Type: application/json",
                "Idempotency-Key: xmas-1"), Files.readAllBytes(running.stack().template().path().getParent()
                .resolve("infrastructure/events/referral-imca.json")));
        assertEquals(201, referred.status(), referred.text());
        String reference = (String) read(referred).get("reference");
        mailbox.await(e -> e.subject().equals("Referral " + reference + " accepted"), Duration.ofSeconds(20));

        Map<String, Object> nine = move("{\"to\":\"2026-12-31T09:00:00Z\"}");
        assertEquals("2026-12-31T09:00:00Z", nine.get("now"));
        assertTrue(((List<?>) nine.get("fired")).containsAll(List.of("AllocationTimerFunction-EveryMinute",
                "AllocationTimerFunction-DailyDigest")), nine.toString());
        SesMailbox.SentEmail reminder = mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().startsWith("Reminder"), Duration.ofSeconds(20));
        assertEquals("Reminder: case " + reference + " allocation due 5pm on Thursday 31 December 2026", reminder.subject());
        assertTrue(reminder.text().contains("http://localhost:" + port + "/cases/" + reference), "a link to this gateway: " + reminder.text());
        mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().equals("Deadlines Thursday 31 December 2026: 0 overdue, 1 due today"),
                Duration.ofSeconds(20));

        move("{\"to\":\"2026-12-31T17:01:00Z\"}");
        SesMailbox.SentEmail missed = mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().startsWith("Missed"), Duration.ofSeconds(20));
        assertEquals("Missed: case " + reference + " allocation was due 5pm on Thursday 31 December 2026", missed.subject());

        move("{\"advance\":\"PT26H\"}");
        // New Year's Day: the timer and the digest run again; wait for the digest (DERBY's service is open) so their mail is in.
        mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().startsWith("Deadlines Friday 1 January 2027"), Duration.ofSeconds(20));
        List<String> alerts = mailbox.emailsTo(MORGAN).stream().map(SesMailbox.SentEmail::subject)
                .filter(s -> s.startsWith("Reminder") || s.startsWith("Missed")).toList();
        assertEquals(List.of(reminder.subject(), missed.subject()), alerts, "no second email");

        // Issue 24, README walk-through step 10, on the same stack: the SES stand-in bounces as SES's mailbox simulator. Each
        // notification is delivered twice, as SQS may: it must do nothing twice.
        String feedbackQueue = running.stack().queueUrl("MailFeedbackQueue");
        var sqs = org.advocacyhub.testing.AwsClients.sqs(running.engines());
        running.engines().sesSimulator().publishTo(event -> {
            for (int delivery = 0; delivery < 2; delivery++) {
                sqs.sendMessage(b -> b.queueUrl(feedbackQueue).messageBody(event).delaySeconds(2));
            }
        });
        String bounced = refer("bounce@simulator.amazonses.com", "xmas-bounce");
        // The acknowledgement's and the decision letter's bounces come back in either order: wait for the acknowledgement's.
        SesMailbox.SentEmail told = mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().equals("Email not delivered: " + bounced)
                && e.text().contains("The acknowledgement to the referrer bounced: mailbox does not exist"), Duration.ofSeconds(30));
        assertTrue(!told.text().contains("simulator.amazonses.com"), "no address in the duty manager's email");
        List<String> timeline = items(bounced, "EVENT", "description");
        assertTrue(timeline.contains("The acknowledgement to the referrer bounced: mailbox does not exist"), timeline.toString());
        assertTrue(items(bounced, "TASK", "description").stream()
                .anyMatch(t -> t.startsWith("Reach the referrer another way: the phone number on the referral")));

        String complained = refer("complaint@simulator.amazonses.com", "xmas-complaint-1");
        mailbox.await(e -> e.isAddressedTo(MORGAN) && e.subject().equals("Email not delivered: " + complained), Duration.ofSeconds(30));
        // Either letter's complaint may come back first: wait for the acknowledgement's.
        assertTrue(awaitItem(complained, "EVENT", d -> d.startsWith("The acknowledgement to the referrer was reported as spam")).stream()
                .anyMatch(d -> d.startsWith("The acknowledgement to the referrer was reported as spam")));
        String next = refer("Complaint@Simulator.AmazonSES.com", "xmas-complaint-2");
        List<String> nextTimeline = awaitItem(next, "EVENT", d -> d.startsWith("The acknowledgement to the referrer was not sent"));
        assertTrue(nextTimeline.stream().anyMatch(d -> d.startsWith("The acknowledgement to the referrer was not sent: the referrer reported an"
                + " earlier email from the hub as spam")), nextTimeline.toString());
        // The first referral's letters went before its complaint came back; none of the next one's goes.
        assertTrue(mailbox.emails().stream().anyMatch(e -> e.subject().contains(complained)));
        assertEquals(List.of(), mailbox.emails().stream().filter(e -> e.subject().contains(next)).map(SesMailbox.SentEmail::subject).toList(),
                "the next letter to that address is not sent");

        // Redelivered, the bounce does nothing twice: one email to the duty manager per bounced letter. Both letters bounce
        // (the decision letter after screening): wait for the second before the queues are drained and counted.
        awaitItem(bounced, "EVENT", d -> d.startsWith("The decision letter to the referrer bounced"));
        awaitEmpty(sqs, feedbackQueue);
        awaitEmpty(sqs, running.stack().queueUrl("MailQueue"));
        List<SesMailbox.SentEmail> bounceAlerts = mailbox.emailsTo(MORGAN).stream()
                .filter(e -> e.subject().equals("Email not delivered: " + bounced)).toList();
        List<String> bouncedLetters = items(bounced, "EVENT", "description").stream().filter(d -> d.contains(" bounced: ")).toList();
        assertEquals(2, bouncedLetters.size(), "the acknowledgement, and the decision letter: " + bouncedLetters);
        assertEquals(bouncedLetters.size(), bounceAlerts.size(), "one email per bounced letter, each notification delivered twice");
    }

    /** Until the queue holds no message, visible, in flight or delayed. */
    private static void awaitEmpty(software.amazon.awssdk.services.sqs.SqsClient sqs, String queue) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            Map<String, String> counts = sqs.getQueueAttributes(b -> b.queueUrl(queue).attributeNamesWithStrings(
                    "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible", "ApproximateNumberOfMessagesDelayed"))
                    .attributesAsStrings();
            if (counts.values().stream().allMatch("0"::equals)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("queue not drained: " + queue);
    }

    /** A referral whose referrer's email is {@code email}: its reference, once its acknowledgement was sent (or not). */
    private String refer(String email, String key) throws IOException {
        String body = Files.readString(running.stack().template().path().getParent().resolve("infrastructure/events/referral-imca.json"))
                .replace("sam.example@council.example", email);
        RawHttp.Response referred = RawHttp.send(running.port(), "POST", "/referrals", List.of("Content-Type: application/json",
                "Idempotency-Key: " + key), body.getBytes(StandardCharsets.UTF_8));
        assertEquals(201, referred.status(), referred.text());
        return (String) read(referred).get("reference");
    }

    /** The {@code attribute} of each item of {@code type} in the case's partition (its timeline, its tasks). */
    private List<String> items(String reference, String type, String attribute) {
        var dynamo = org.advocacyhub.testing.AwsClients.dynamoDb(running.engines());
        return dynamo.query(b -> b.tableName(running.stack().tableName("HubTable")).consistentRead(true)
                        .keyConditionExpression("PK = :pk").expressionAttributeValues(Map.of(":pk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CASE#" + reference))))
                .items().stream().filter(i -> i.containsKey("type") && type.equals(i.get("type").s()) && i.containsKey(attribute))
                .map(i -> i.get(attribute).s()).toList();
    }

    /** The case's items of {@code type} once one matches (the mail sender works from its queue, a moment later). */
    private List<String> awaitItem(String reference, String type, java.util.function.Predicate<String> match) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            List<String> found = items(reference, type, "description");
            if (found.stream().anyMatch(match) || System.nanoTime() > end) {
                return found;
            }
            Thread.sleep(200);
        }
    }

    private Map<String, Object> move(String body) throws IOException {
        RawHttp.Response response = RawHttp.send(running.port(), "POST", LocalClockEndpoint.PATH, JSON, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.status(), response.text());
        Map<String, Object> moved = read(response);
        assertEquals(List.of(), moved.get("failed"), moved.toString());
        return moved;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(RawHttp.Response response) throws IOException {
        return json.readValue(response.body(), Map.class);
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
