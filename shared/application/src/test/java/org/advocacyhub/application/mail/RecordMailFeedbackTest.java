package org.advocacyhub.application.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.DeadlineMetrics;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.MailFeedbackStore;
import org.advocacyhub.application.port.MailSender;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.Outbox.MailId;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.mail.MailFeedback;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.staff.StaffRole;
import org.junit.jupiter.api.Test;

/** Bounces and complaints (issue 24), each recorded once, on an outbox and a feedback store in memory. */
class RecordMailFeedbackTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final ReferralReference CASE = new ReferralReference("LLR", 2026, 7);
    private static final String REFERRER = "bounce@simulator.amazonses.com";
    private static final StaffRecord DUTY = staff("dee-duty", "Dee Duty", "dee@hub.example");
    private static final StaffRecord OTHER_DUTY = staff("dan-duty", "Dan Duty", "dan@hub.example");

    private final SendMailTest.InMemoryOutbox outbox = new SendMailTest.InMemoryOutbox();
    private final InMemoryFeedback store = new InMemoryFeedback(outbox);
    private final List<MailId> dispatched = new ArrayList<>();
    private final List<String> bouncedMetrics = new ArrayList<>();
    private final List<String> alertTexts = new ArrayList<>();

    private final RecordMailFeedback feedback = new RecordMailFeedback(store, directory(List.of(DUTY, OTHER_DUTY)), emails(),
            new DispatchMail(dispatched::addAll), metrics(), Clock.fixed(NOW.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));

    /** An email written into the outbox and sent, SES having given it {@code sesMessageId}. */
    private MailId sent(Outbox.OutboxMail mail, String sesMessageId) {
        outbox.add(List.of(mail));
        var claim = outbox.claim(outbox.find(mail.id()).orElseThrow(), NOW, Duration.ofMinutes(1)).orElseThrow();
        outbox.settle(claim, new Outbox.Settlement(Outbox.Status.SENT, NOW, sesMessageId, null, null, List.of(), List.of(), Optional.empty()));
        store.sentAs.put(sesMessageId, mail.id());
        return mail.id();
    }

    private MailId decisionLetter(String sesMessageId, String to) {
        return sent(new Outbox.OutboxMail(new MailId(new Outbox.CaseOwner(CASE), OutboxMails.DECISION_LETTER + NOW), Outbox.Kind.DECISION_LETTER,
                "LLR", "The decision letter", "the referrer", new Mail(to, "Your referral", "text", "<p>html</p>"), NOW), sesMessageId);
    }

    private static RecordMailFeedback.Notice bounce(String sesMessageId, String address) {
        return new RecordMailFeedback.Notice(MailFeedback.bounce("Permanent", "General"), sesMessageId, List.of(address));
    }

    @Test
    void aBouncedDecisionLetterIsOnTheTimelineWithATaskForTheDutyManagerWhoIsEmailedWithInitialsOnly() {
        MailId letter = decisionLetter("ses-1", REFERRER);

        var recorded = assertInstanceOf(RecordMailFeedback.Recorded.class, feedback.record(bounce("ses-1", REFERRER)));

        assertEquals(2, recorded.alerts());
        MailFeedbackStore.Feedback written = store.recorded.get(0);
        assertEquals(letter, written.mail());
        CaseEvent event = written.events().get(0);
        assertEquals(CaseEvent.Type.DECISION_LETTER_NOT_SENT, event.type());
        assertEquals("The decision letter to the referrer bounced: mailbox does not exist", event.description());
        CaseTask task = written.tasks().get(0);
        assertEquals(CaseTask.Kind.REACH_ANOTHER_WAY, task.kind());
        assertTrue(task.description().startsWith("Reach the referrer another way: the phone number on the referral"), task.description());
        assertEquals(List.of("dee@hub.example", "dan@hub.example"), written.alerts().stream().map(a -> a.mail().to().get(0)).toList());
        assertTrue(written.alerts().stream().allMatch(a -> a.kind() == Outbox.Kind.BOUNCE_ALERT && a.id().owner().equals(letter.owner())));
        assertEquals(written.alerts().stream().map(Outbox.OutboxMail::id).toList(), dispatched, "handed to the mail sender");
        assertTrue(alertTexts.stream().noneMatch(text -> text.contains(REFERRER)), "no address in the duty managers' email");
        assertTrue(written.suppress().isEmpty(), "a bounce stops nothing");
        assertEquals(List.of("LLR DECISION_LETTER"), bouncedMetrics);
    }

    @Test
    void aRedeliveredBounceDoesNothingTwice() {
        decisionLetter("ses-1", REFERRER);
        assertInstanceOf(RecordMailFeedback.Recorded.class, feedback.record(bounce("ses-1", REFERRER)));

        assertInstanceOf(RecordMailFeedback.AlreadyRecorded.class, feedback.record(bounce("ses-1", REFERRER)));

        assertEquals(1, store.recorded.size());
        assertEquals(2, dispatched.size(), "each duty manager emailed once for the bounced letter");
        assertEquals(1, bouncedMetrics.size());
    }

    @Test
    void aBouncedAcknowledgementIsWordedAsTheAcknowledgement() {
        sent(new Outbox.OutboxMail(new MailId(new Outbox.CaseOwner(CASE), "ACKNOWLEDGEMENT"), Outbox.Kind.ACKNOWLEDGEMENT, "LLR",
                "The acknowledgement", "the referrer", new Mail(REFERRER, "s", "t", "<p>h</p>"), NOW), "ses-ack");

        feedback.record(new RecordMailFeedback.Notice(MailFeedback.bounce("Transient", "MailboxFull"), "ses-ack", List.of(REFERRER)));

        assertEquals("The acknowledgement to the referrer bounced: the mailbox is full", store.recorded.get(0).events().get(0).description());
        assertEquals(CaseEvent.Type.ACKNOWLEDGEMENT_NOT_SENT, store.recorded.get(0).events().get(0).type());
    }

    @Test
    void aBouncedStaffAlertTellsTheOtherDutyManagersByInitialsWithoutATaskForTheReferrer() {
        sent(new Outbox.OutboxMail(new MailId(new Outbox.CaseOwner(CASE), "ALERT#x#REMINDER#t#dee-duty"), Outbox.Kind.DEADLINE_ALERT, "LLR",
                "The reminder that the decision is due", "Dee Duty", new Mail("dee@hub.example", "s", "t", "<p>h</p>"), NOW), "ses-alert");

        var recorded = assertInstanceOf(RecordMailFeedback.Recorded.class, feedback.record(bounce("ses-alert", "dee@hub.example")));

        MailFeedbackStore.Feedback written = store.recorded.get(0);
        assertEquals("The reminder that the decision is due to DD bounced: mailbox does not exist", written.events().get(0).description());
        assertTrue(written.tasks().isEmpty(), "no referrer to reach");
        assertEquals(1, recorded.alerts(), "not to the duty manager whose address bounced");
        assertEquals("dan@hub.example", written.alerts().get(0).mail().to().get(0));
        assertTrue(alertTexts.stream().noneMatch(text -> text.contains("Dee Duty")), "initials only");
    }

    @Test
    void anEmailAboutABounceThatBouncesStartsNoOther() {
        sent(new Outbox.OutboxMail(new MailId(new Outbox.CaseOwner(CASE), "BOUNCED#ses-0#BOUNCE#dan-duty"), Outbox.Kind.BOUNCE_ALERT, "LLR",
                "The email saying that the decision letter bounced", "Dan Duty", new Mail("dan@hub.example", "s", "t", "<p>h</p>"), NOW), "ses-b");

        assertInstanceOf(RecordMailFeedback.Recorded.class, feedback.record(bounce("ses-b", "dan@hub.example")));

        assertTrue(store.recorded.get(0).alerts().isEmpty());
        assertTrue(dispatched.isEmpty());
    }

    @Test
    void aComplaintStopsEveryFurtherEmailToTheAddressWhichIsNotSentAndStaffAreTold() {
        decisionLetter("ses-1", "Complaint@Simulator.amazonses.com");

        feedback.record(new RecordMailFeedback.Notice(MailFeedback.complaint(), "ses-1", List.of("complaint@simulator.amazonses.com")));

        MailFeedbackStore.Feedback written = store.recorded.get(0);
        assertEquals("The decision letter to the referrer was reported as spam: the referrer marked it as spam. No more email goes to that"
                + " address", written.events().get(0).description());
        assertEquals(List.of(MailFeedback.addressKey("complaint@simulator.amazonses.com")), written.suppress());
        assertTrue(bouncedMetrics.isEmpty(), "a complaint is not a bounce");

        Outbox.OutboxMail next = new Outbox.OutboxMail(new MailId(new Outbox.CaseOwner(CASE), "ACCOMMODATION_RESPONSE#" + NOW),
                Outbox.Kind.ACCOMMODATION_RESPONSE, "LLR", "The offer", "the referrer",
                new Mail(" COMPLAINT@simulator.amazonses.com", "s", "t", "<p>h</p>"), NOW);
        outbox.add(List.of(next));
        List<Mail> delivered = new ArrayList<>();
        SendMail sender = new SendMail(outbox, mail -> {
            delivered.add(mail);
            return new MailSender.Sent("never");
        }, Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC), d -> { }, store);

        var notSent = assertInstanceOf(SendMail.NotSent.class, sender.send(next.id()));

        assertEquals(SendMail.SUPPRESSED, notSent.reason());
        assertTrue(delivered.isEmpty(), "nothing goes to an address that complained");
        assertEquals(Outbox.Status.NOT_SENT, outbox.find(next.id()).orElseThrow().status());
        Outbox.Settlement settled = outbox.settlements.get(next.id());
        assertTrue(settled.events().get(0).description().startsWith("The offer to the referrer was not sent: the referrer reported an"
                + " earlier email from the hub as spam"), settled.events().get(0).description());
        assertEquals(CaseTask.Kind.REACH_ANOTHER_WAY, settled.tasks().get(0).kind());
    }

    @Test
    void aBounceOfAnEmailTheOutboxDoesNotHoldIsNotOurs() {
        assertInstanceOf(RecordMailFeedback.NotOurs.class, feedback.record(bounce("ses-unknown", REFERRER)));
        assertTrue(store.recorded.isEmpty());
    }

    @Test
    void bounceTypesAreInStaffsWords() {
        assertEquals("mailbox does not exist", MailFeedback.bounce("Permanent", "NoEmail").reason());
        assertEquals("the mailbox is full", MailFeedback.bounce("Transient", "MailboxFull").reason());
        assertFalse(MailFeedback.bounce("Undetermined", "Undetermined").reason().contains("Undetermined"));
        assertEquals(MailFeedback.addressKey("A@B.example"), MailFeedback.addressKey(" a@b.example "));
    }

    // ------------------------------------------------------------------ fakes

    private static StaffRecord staff(String id, String name, String email) {
        return new StaffRecord(id, name, email, StaffRole.MANAGER, true, Set.of("LLR"), Set.of(), List.of(), Set.of("LLR"), Map.of(),
                null, null, null, Set.of(), StaffRecord.Experience.NONE);
    }

    private static StaffDirectory directory(List<StaffRecord> dutyManagers) {
        return (StaffDirectory) Proxy.newProxyInstance(StaffDirectory.class.getClassLoader(), new Class<?>[] {StaffDirectory.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("dutyManagers")) {
                        return dutyManagers;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private StaffEmails emails() {
        return (StaffEmails) Proxy.newProxyInstance(StaffEmails.class.getClassLoader(), new Class<?>[] {StaffEmails.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("mailBounced")) {
                        StaffRecord to = (StaffRecord) args[0];
                        String text = args[1] + " " + args[3] + " " + args[4];
                        alertTexts.add(text);
                        return new Mail(to.email(), "Email not delivered", text, "<p>" + text + "</p>");
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private DeadlineMetrics metrics() {
        return new DeadlineMetrics() {
            @Override
            public void deadlineMissed(String contract, String service, String clock, Duration late) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void letterBounced(String contract, String kind) {
                bouncedMetrics.add(contract + " " + kind);
            }
        };
    }

    /** What DynamoMailFeedbackStore keeps, in memory: the record keys taken, the addresses stopped. */
    static final class InMemoryFeedback implements MailFeedbackStore {
        final Map<String, MailId> sentAs = new HashMap<>();
        final Set<String> keys = new HashSet<>();
        final Set<String> suppressed = new HashSet<>();
        final List<Feedback> recorded = new ArrayList<>();
        private final Outbox outbox;

        InMemoryFeedback(Outbox outbox) {
            this.outbox = outbox;
        }

        @Override
        public Optional<Outbox.StoredMail> sentAs(String sesMessageId) {
            return Optional.ofNullable(sentAs.get(sesMessageId)).flatMap(outbox::find);
        }

        @Override
        public boolean suppressed(String addressKey) {
            return suppressed.contains(addressKey);
        }

        @Override
        public synchronized boolean record(Feedback feedback) {
            if (!keys.add(feedback.sesMessageId() + "|" + feedback.key())) {
                return false;
            }
            recorded.add(feedback);
            suppressed.addAll(feedback.suppress());
            outbox.add(feedback.alerts());
            return true;
        }
    }
}
