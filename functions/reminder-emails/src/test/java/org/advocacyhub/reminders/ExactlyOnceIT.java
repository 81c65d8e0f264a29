package org.advocacyhub.reminders;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.advocacyhub.testing.HubFixtures.MONDAY;
import static org.advocacyhub.testing.HubFixtures.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.alerts.SendAlert;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.application.port.StaffNotifications;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.messaging.email.SesMail;
import org.advocacyhub.messaging.email.SesStaffNotifications;
import org.advocacyhub.messaging.metrics.EmfDeadlineMetrics;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoAlertLedger;
import org.advocacyhub.persistence.DynamoAnswerphoneStore;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.persistence.DynamoStaffDirectory;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's exactly-once guarantees where a delivery goes wrong part way: the first delivery of an
 * alert is sent by {@link SendAlert} wired to the real table and SES with one part made to fail,
 * and the redelivery goes through the real reminder-emails function.
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

    private SendAlert sender(AlertLedger ledger, StaffNotifications notifications, Instant at) {
        return new SendAlert(new DynamoCaseStore(aws.dynamoDb(), table, new CaseItemMapper(), contracts),
                new DynamoAnswerphoneStore(aws.dynamoDb(), table, contracts), new org.advocacyhub.persistence.DynamoReportStore(aws.dynamoDb(), table),
                new DynamoStaffDirectory(aws.dynamoDb(), table), ledger,
                notifications,
                new EmfDeadlineMetrics(JsonMapper.createDefault(), System.out, Clock.fixed(at, ZoneOffset.UTC)),
                contracts, Clock.fixed(at, ZoneOffset.UTC));
    }

    private StaffNotifications realEmail() {
        Map<String, String> environment = aws.environment(AlertFixtures.EMAILS);
        return new SesStaffNotifications(new SesMail(aws.sesV2(), environment.get("SENDER_ADDRESS")), environment.get("API_URL"));
    }

    @Test
    void aCrashAfterTheEmailWentAndBeforeItWasMarkedSentNeverSendsASecondEmail() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        assertEquals("read=1 raised=1", alerts.timer(WEDNESDAY_NINE));
        Alert.Deadline alert = new Alert.Deadline(ReferralReference.parse(reference).orElseThrow(), "allocation",
                DeadlineAlerts.Kind.REMINDER, WEDNESDAY_FIVE);

        DynamoAlertLedger ledger = new DynamoAlertLedger(aws.dynamoDb(), table);
        // Stops dead at the first mark after the email went: not even the recipient is recorded.
        AlertLedger crashesBeforeMarking = new DelegatingLedger(ledger) {
            @Override
            public void sentTo(Alert a, String staffId) {
                throw new Crash();
            }

            @Override
            public void finish(Alert a, Status status, Instant at, String note) {
                throw new Crash();
            }
        };
        assertThrows(Crash.class, () -> sender(crashesBeforeMarking, realEmail(), WEDNESDAY_NINE.plusSeconds(1)).send(alert));
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size(), "the email went");
        assertEquals(Optional.of(AlertLedger.Status.CLAIMED), ledger.status(alert), "but was never marked sent");

        assertEquals(1, alerts.deliver(WEDNESDAY_NINE.plusSeconds(30)), "the queue delivers the alert again");
        assertEquals(1, alerts.mailTo("morgan-manager", "Reminder: case " + reference).size(), "and nothing is sent twice");
        assertEquals(0, aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl("ReminderQueue"))).messages().size(),
                "the redelivery is done with, not retried");
    }

    @Test
    void aFailedSendIsRetriedThroughTheQueueAndReachesOnlyThoseNotYetSentTo() {
        alerts.dutyManager("morgan-manager", List.of("LLR"));
        alerts.dutyManager("dana-manager", List.of("LLR"));
        String reference = alerts.referAndScreen(example("imca"), MONDAY);
        alerts.timer(WEDNESDAY_NINE);
        alerts.deliver(WEDNESDAY_NINE.plusSeconds(1));
        assertEquals("read=1 raised=1", alerts.timer(WEDNESDAY_FIVE.plusMillis(1)));
        Alert.Deadline alert = new Alert.Deadline(ReferralReference.parse(reference).orElseThrow(), "allocation",
                DeadlineAlerts.Kind.ESCALATION, WEDNESDAY_FIVE);

        StaffNotifications real = realEmail();
        // Duty managers are told in staff id order: Dana's email goes, then Morgan's fails.
        StaffNotifications failsForMorgan = new DelegatingNotifications(real) {
            @Override
            public void deadlineMissed(ReferralCase referral, StaffRecord to, DeadlineNotice notice) {
                if (to.id().equals("morgan-manager")) {
                    throw new IllegalStateException("SES throttled");
                }
                super.deadlineMissed(referral, to, notice);
            }
        };
        DynamoAlertLedger ledger = new DynamoAlertLedger(aws.dynamoDb(), table);
        SendAlert.NotSent failed = assertThrows(SendAlert.NotSent.class,
                () -> sender(ledger, failsForMorgan, WEDNESDAY_FIVE.plusSeconds(5)).send(alert));
        assertTrue(failed.getCause() instanceof IllegalStateException);
        assertEquals(Optional.of(AlertLedger.Status.FAILED), ledger.status(alert), "released for the retry");
        assertEquals(1, alerts.mailTo("dana-manager", "Missed: case " + reference).size());
        assertEquals(0, alerts.mailTo("morgan-manager", "Missed: case " + reference).size());

        assertEquals(1, alerts.deliver(WEDNESDAY_FIVE.plusSeconds(60)), "the queue delivers it again");
        assertEquals(1, alerts.mailTo("morgan-manager", "Missed: case " + reference).size(), "the retry reaches Morgan");
        assertEquals(1, alerts.mailTo("dana-manager", "Missed: case " + reference).size(), "and not Dana a second time");
        assertEquals(Optional.of(AlertLedger.Status.SENT), ledger.status(alert));
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

    /** A ledger that passes every call to another. */
    static class DelegatingLedger implements AlertLedger {
        private final AlertLedger inner;

        DelegatingLedger(AlertLedger inner) {
            this.inner = inner;
        }

        @Override
        public Optional<Claim> claim(Alert alert, Instant at) {
            return inner.claim(alert, at);
        }

        @Override
        public void sentTo(Alert alert, String staffId) {
            inner.sentTo(alert, staffId);
        }

        @Override
        public void finish(Alert alert, Status status, Instant at, String note) {
            inner.finish(alert, status, at, note);
        }

        @Override
        public Optional<Status> status(Alert alert) {
            return inner.status(alert);
        }
    }

    /** Notifications that pass every call to another. */
    static class DelegatingNotifications implements StaffNotifications {
        private final StaffNotifications inner;

        DelegatingNotifications(StaffNotifications inner) {
            this.inner = inner;
        }

        @Override
        public void allocated(ReferralCase referral, StaffRecord advocate, List<Deadline> deadlines) {
            inner.allocated(referral, advocate, deadlines);
        }

        @Override
        public void hoursReviewDue(ReferralCase referral, StaffRecord dutyManager, HoursReview review) {
            inner.hoursReviewDue(referral, dutyManager, review);
        }

        @Override
        public void deadlineReminder(ReferralCase referral, StaffRecord to, DeadlineNotice notice) {
            inner.deadlineReminder(referral, to, notice);
        }

        @Override
        public void deadlineMissed(ReferralCase referral, StaffRecord to, DeadlineNotice notice) {
            inner.deadlineMissed(referral, to, notice);
        }

        @Override
        public void reportDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, StaffRecord to, DeadlineNotice notice,
                              boolean missed) {
            inner.reportDue(contract, quarter, to, notice, missed);
        }

        @Override
        public void callbackReminder(org.advocacyhub.domain.answerphone.AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice) {
            inner.callbackReminder(message, to, notice);
        }

        @Override
        public void callbackMissed(org.advocacyhub.domain.answerphone.AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice) {
            inner.callbackMissed(message, to, notice);
        }

        @Override
        public void dailyDigest(StaffRecord to, java.time.LocalDate day, List<DigestContract> contracts) {
            inner.dailyDigest(to, day, contracts);
        }
    }
}
