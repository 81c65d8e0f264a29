package org.advocacyhub.reminders;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.advocacyhub.testing.HubFixtures.MONDAY;
import static org.advocacyhub.testing.HubFixtures.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.advocacyhub.application.mail.SendMail;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.support.AwsHttp;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.messaging.email.SesMailSender;
import org.advocacyhub.messaging.queue.AlertMessages;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoAlertLedger;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.persistence.DynamoOutbox;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Exactly once where a delivery goes wrong part way (issues 9 and 19): an email of the outbox is sent by
 * {@link SendMail} wired to the real table and SES with one part made to fail, and what follows goes
 * through the real reminder-emails and sweep functions.
 */
@WithLocalAws
class ExactlyOnceIT {

    static final Instant WEDNESDAY_NINE = DeadlineAlertsIT.WEDNESDAY_NINE;
    static final Instant WEDNESDAY_FIVE = DeadlineAlertsIT.WEDNESDAY_FIVE;

    private final LocalAws aws;
    private final AlertFixtures alerts;
    private final String table;
    private final ContractCatalogue contracts = ContractCatalogue.bundled();

    ExactlyOnceIT(LocalAws aws) {
        this.aws = aws;
        this.alerts = new AlertFixtures(aws);
        this.table = aws.environment(AlertFixtures.EMAILS).get("TABLE_NAME");
    }

    /** The process stopping dead: not an exception the sender handles. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    private DynamoOutbox outbox() {
        return new DynamoOutbox(aws.dynamoDb(), table, new CaseItemMapper());
    }

    private MailSender realSes() {
        return new SesMailSender(aws.sesV2(), aws.environment(AlertFixtures.EMAILS).get("SENDER_ADDRESS"));
    }

    private static SendMail sender(Outbox outbox, MailSender ses, Instant at) {
        return new SendMail(outbox, ses, Clock.fixed(at, ZoneOffset.UTC));
    }

    /** The allocation reminder of a new IMCA case, decided (its email in the outbox) but not sent: its id. */
    private Outbox.MailId reminderInTheOutbox(String reference) {
        assertEquals("read=1 raised=1", alerts.timer(WEDNESDAY_NINE));
        try (var emails = aws.newFunction(AlertFixtures.EMAILS, Map.of("HUB_CLOCK_FIXED", WEDNESDAY_NINE.plusSeconds(1).toString()))) {
            assertEquals(1, alerts.mapping(emails).drainOnce(), "the alert is decided; its email is written, not sent");
        }
        return new Outbox.MailId(new Outbox.CaseOwner(ReferralReference.parse(reference).orElseThrow()),
                "ALERT#allocation#REMINDER#" + WEDNESDAY_FIVE + "#morgan-manager");
    }

    /** The sweep (every five minutes) as if at {@code at}: its answer. */
    private String sweep(Instant at) {
        try (var sweep = aws.newFunction("ScreeningSweepFunction", Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            return (String) sweep.invoke(Map.of());
        }
    }

    private List<CaseEvent> timeline(String reference) {
        return new DynamoCaseStore(aws.dynamoDb(), table, new CaseItemMapper(), contracts).timeline(ReferralReference.parse(reference).orElseThrow());
    }

    private List<CaseTask> tasks(String reference) {
        return new DynamoCaseStore(aws.dynamoDb(), table, new CaseItemMapper(), contracts).tasks(ReferralReference.parse(reference).orElseThrow());
    }

    @Test
    void aCrashAfterTheEmailWentAndBeforeItsFateWasRecordedNeverSendsItAgainAndAskStaffToCheck() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        Outbox.MailId reminder = reminderInTheOutbox(reference);

        // Stops dead after the email went, before its fate is written: the outbox still says a sender holds it.
        Outbox crashesBeforeRecording = new DelegatingOutbox(outbox()) {
            @Override
            public boolean settle(Claim claim, Settlement settlement) {
                throw new Crash();
            }
        };
        Instant sentAt = WEDNESDAY_NINE.plusSeconds(2);
        assertThrows(Crash.class, () -> sender(crashesBeforeRecording, realSes(), sentAt).send(reminder));
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size(), "the email went");
        assertEquals(Outbox.Status.SENDING, outbox().find(reminder).orElseThrow().status());

        // Its queue message comes again while the lease holds: nothing is sent.
        alerts.sendMail(sentAt.plusSeconds(30));
        // After the lease, the sweep hands it over again: the sender that held it stopped, so its fate is not known.
        Instant later = sentAt.plus(SendMail.LEASE).plus(Outbox.SWEEP_GRACE).plusSeconds(1);
        assertTrue(sweep(later).contains("mail=1"), "the email held by a stopped sender is found by the sweep");
        alerts.sendMail(later.plusSeconds(1));

        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size(), "never sent twice");
        assertEquals(Outbox.Status.NOT_KNOWN, outbox().find(reminder).orElseThrow().status());
        assertTrue(timeline(reference).stream().anyMatch(e -> e.type() == CaseEvent.Type.EMAIL_NOT_SENT
                && e.description().contains("may not have been sent")), "the timeline says truthfully what is known");
        assertTrue(tasks(reference).stream().anyMatch(t -> t.open() && t.kind() == CaseTask.Kind.CHECK_EMAIL_ARRIVED));
        assertTrue(outbox().troubles(10).stream().anyMatch(t -> t.id().equals(reminder)), "the duty managers' console lists it");
    }

    @Test
    void anEmailTheMailServiceRefusedForNowIsTriedAgainFromTheOutboxAndGoesOnce() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        Outbox.MailId reminder = reminderInTheOutbox(reference);
        aws.sqs().purgeQueue(b -> b.queueUrl(aws.queueUrl("MailQueue")));

        Instant refusedAt = WEDNESDAY_NINE.plusSeconds(2);
        var outcome = sender(outbox(), mail -> new MailSender.Refused("TooManyRequestsException", true), refusedAt).send(reminder);
        Instant retryAt = assertInstanceOf(SendMail.TryAgainLater.class, outcome).at();
        assertTrue(retryAt.isAfter(refusedAt));
        assertEquals(Outbox.Status.PENDING, outbox().find(reminder).orElseThrow().status());
        assertInstanceOf(SendMail.TryAgainLater.class, sender(outbox(), realSes(), refusedAt.plusSeconds(1)).send(reminder),
                "not before its retry time");
        assertEquals(0, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size());

        Instant later = retryAt.plus(Outbox.SWEEP_GRACE).plusSeconds(1);
        assertTrue(sweep(later).contains("mail=1"));
        alerts.sendMail(later.plusSeconds(1));
        assertEquals(Outbox.Status.SENT, outbox().find(reminder).orElseThrow().status());
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size());
        assertTrue(sweep(later.plus(Duration.ofHours(1))).contains("mail=0"), "nothing waits any more");
    }

    /**
     * Issue 19's finding: with the mail service frozen, the SDK's retries after each read timeout delivered the same
     * letter several times. A mail service that accepts the connection and never answers gets exactly one request; the
     * email is not known, recorded so, and never tried again.
     */
    @Test
    void aMailServiceThatHangsGetsOneRequestAndTheEmailIsNotKnownNeverRepeated() throws Exception {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        Outbox.MailId reminder = reminderInTheOutbox(reference);
        try (HangingServer frozen = new HangingServer();
             UrlConnectionHttpClient http = (UrlConnectionHttpClient) UrlConnectionHttpClient.builder().build();
             SesV2Client ses = AwsHttp.configure(SesV2Client.builder(), http, frozen.endpoint().toString(), "eu-west-2")
                     .overrideConfiguration(SesMailSender.CLIENT).build()) {
            SendMail.Outcome outcome = sender(outbox(), new SesMailSender(ses, "hub@advocacy.test"), WEDNESDAY_NINE.plusSeconds(2)).send(reminder);
            assertInstanceOf(SendMail.NotKnown.class, outcome);
            assertEquals(1, frozen.requests(), "one request, no retry after the timeout");
            // Delivered again (the queue, the sweep): the email is settled as not known and nothing is sent.
            assertInstanceOf(SendMail.AlreadySettled.class,
                    sender(outbox(), new SesMailSender(ses, "hub@advocacy.test"), WEDNESDAY_NINE.plusSeconds(600)).send(reminder));
            assertEquals(1, frozen.requests());
        }
        assertEquals(Outbox.Status.NOT_KNOWN, outbox().find(reminder).orElseThrow().status());
        assertEquals(0, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size());
    }

    @Test
    void tenSendersAtOnceSendOneEmail() throws Exception {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        Outbox.MailId reminder = reminderInTheOutbox(reference);
        AtomicInteger attempts = new AtomicInteger();
        MailSender ses = realSes();
        MailSender counted = mail -> {
            attempts.incrementAndGet();
            return ses.send(mail);
        };
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<SendMail.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                outcomes.add(pool.submit((Callable<SendMail.Outcome>) () -> {
                    start.await();
                    return sender(outbox(), counted, WEDNESDAY_NINE.plusSeconds(2)).send(reminder);
                }));
            }
            start.countDown();
            int sent = 0;
            for (Future<SendMail.Outcome> outcome : outcomes) {
                sent += outcome.get() instanceof SendMail.Sent ? 1 : 0;
            }
            assertEquals(1, sent);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, attempts.get(), "only the claimant asks the mail service");
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size());
    }

    @Test
    void anAlertDeliveredTwiceWritesItsEmailsOnce() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        assertEquals("read=1 raised=1", alerts.timer(WEDNESDAY_NINE));
        Alert.Deadline alert = new Alert.Deadline(ReferralReference.parse(reference).orElseThrow(), "allocation",
                DeadlineAlerts.Kind.REMINDER, WEDNESDAY_FIVE);
        // The same alert queued again (a second timer run, a redelivery).
        aws.sqs().sendMessage(b -> b.queueUrl(aws.queueUrl("ReminderQueue"))
                .messageBody(new AlertMessages(io.micronaut.json.JsonMapper.createDefault()).write(alert)));
        assertEquals(2, alerts.deliver(WEDNESDAY_NINE.plusSeconds(1)));
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size());
        assertEquals(Optional.of(AlertLedger.Status.QUEUED), new DynamoAlertLedger(aws.dynamoDb(), table).status(alert));
    }

    @Test
    void anAlertForADeadlineMetMeanwhileIsSkippedNotSent() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        alerts.imcaAdvocate("ira-imca");
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        assertEquals("read=1 raised=1", alerts.timer(WEDNESDAY_NINE));
        alerts.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), WEDNESDAY_NINE.plusSeconds(30));
        alerts.deliver(WEDNESDAY_NINE.plusSeconds(60));
        assertEquals(List.of(), alerts.mailTo("morgan-manager", "Reminder"), "allocated before the reminder went out");
        assertEquals(Optional.of(AlertLedger.Status.SKIPPED), new DynamoAlertLedger(aws.dynamoDb(), table).status(
                new Alert.Deadline(ReferralReference.parse(reference).orElseThrow(), "allocation", DeadlineAlerts.Kind.REMINDER, WEDNESDAY_FIVE)));
    }

    /** An outbox that passes every call to another. */
    static class DelegatingOutbox implements Outbox {
        private final Outbox inner;

        DelegatingOutbox(Outbox inner) {
            this.inner = inner;
        }

        @Override
        public boolean add(List<OutboxMail> mails) {
            return inner.add(mails);
        }

        @Override
        public Optional<StoredMail> find(MailId id) {
            return inner.find(id);
        }

        @Override
        public List<StoredMail> mailsOf(Owner owner) {
            return inner.mailsOf(owner);
        }

        @Override
        public Optional<Claim> claim(StoredMail seen, Instant now, Duration lease) {
            return inner.claim(seen, now, lease);
        }

        @Override
        public boolean settle(Claim claim, Settlement settlement) {
            return inner.settle(claim, settlement);
        }

        @Override
        public boolean giveUp(StoredMail seen, Settlement settlement) {
            return inner.giveUp(seen, settlement);
        }

        @Override
        public List<MailId> waitingSince(Instant cutoff, int limit) {
            return inner.waitingSince(cutoff, limit);
        }

        @Override
        public List<Trouble> troubles(int limit) {
            return inner.troubles(limit);
        }

        @Override
        public void checked(MailId id, Instant at, String staffId) {
            inner.checked(id, at, staffId);
        }
    }

    /** A mail service frozen mid-request: it accepts each connection, reads what comes, and never answers. */
    static final class HangingServer implements AutoCloseable {
        private final ServerSocket socket;
        private final AtomicInteger requests = new AtomicInteger();
        private final List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Thread acceptor;

        HangingServer() throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket connection = socket.accept();
                        held.add(connection);
                        Thread reader = new Thread(() -> read(connection), "hanging-ses-reader");
                        reader.setDaemon(true);
                        reader.start();
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "hanging-ses");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void read(Socket connection) {
            try (InputStream in = connection.getInputStream()) {
                byte[] buffer = new byte[8192];
                boolean counted = false;
                while (in.read(buffer) >= 0) {
                    if (!counted) {
                        requests.incrementAndGet();
                        counted = true;
                    }
                }
            } catch (IOException ignored) {
                // the client gave up
            }
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        int requests() {
            return requests.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket connection : held) {
                connection.close();
            }
        }
    }
}
