package org.advocacyhub.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.CaseStore.IdempotencyRecord;
import org.advocacyhub.application.mail.DispatchMail;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReferralMetrics;
import org.advocacyhub.application.port.ReferrerLetters;
import org.advocacyhub.application.port.ScreeningQueue;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.junit.jupiter.api.Test;

class SubmitReferralTest {

    private static final Instant MONDAY_10AM = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final List<ScreeningQueue.ReferralReceived> queued = new ArrayList<>();
    private final List<ReferralCase> acknowledged = new ArrayList<>();
    private final List<Outbox.MailId> mailQueued = new ArrayList<>();
    /** The ReferralReceived metric (issue 24) as "contract/service", one entry a count. */
    private final List<String> counted = new ArrayList<>();
    private final ReferralMetrics metrics = new ReferralMetrics() {
        @Override
        public void referralReceived(String contract, String service) {
            counted.add(contract + "/" + service);
        }

        @Override
        public void referralScreened(String contract, String service, Duration delay) {
            throw new AssertionError("intake screens nothing");
        }
    };
    private boolean queueDown;
    private boolean mailQueueDown;
    private Clock clock = Clock.fixed(MONDAY_10AM, ZoneOffset.UTC);

    private SubmitReferral useCase() {
        ScreeningQueue queue = message -> {
            if (queueDown) {
                throw new IllegalStateException("queue unavailable");
            }
            queued.add(message);
        };
        ReferrerLetters letters = new ReferrerLetters() {
            @Override
            public Mail acknowledgement(ReferralCase referral) {
                acknowledged.add(referral);
                return new Mail(referral.details().referrer().email(), "Referral " + referral.reference().value() + " received", "text", "<p>html</p>");
            }

            @Override
            public Mail decision(ReferralCase referral, Promise promise) {
                throw new AssertionError("intake writes no decision");
            }

            @Override
            public Mail response(ReferralCase referral) {
                throw new AssertionError("intake writes no accommodation response");
            }
        };
        DispatchMail dispatch = new DispatchMail(ids -> {
            if (mailQueueDown) {
                throw new IllegalStateException("mail queue unavailable");
            }
            mailQueued.addAll(ids);
        });
        return new SubmitReferral(store, queue, letters, dispatch,
                new CatalogueContractTerms(org.advocacyhub.domain.contract.ContractCatalogue.bundled()), clock, metrics);
    }

    static SubmittedFields imcaReferral(String email) {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("service", List.of("IMCA"));
        f.put("route", List.of("EMAIL"));
        f.put("source", List.of("ADULT_SOCIAL_CARE"));
        f.put("person.name", List.of("Alex Testperson"));
        f.put("person.dateOfBirth", List.of("1941-05-17"));
        f.put("person.gender", List.of("FEMALE"));
        f.put("person.ethnicity", List.of("WHITE_BRITISH"));
        f.put("person.residence", List.of("GENERAL_HOSPITAL"));
        f.put("person.authority", List.of("LEICESTER"));
        f.put("person.interpreterNeeded", List.of("no"));
        f.put("referrer.relationship", List.of("DECISION_MAKER"));
        f.put("referrer.name", List.of("Sam Example"));
        f.put("referrer.role", List.of("Social worker"));
        f.put("referrer.organisation", List.of("Leicester City Council"));
        f.put("referrer." + (email == null ? "phone" : "email"), List.of(email == null ? "0116 496 0000" : email));
        f.put("urgency", List.of("STANDARD"));
        f.put("awareness", List.of("UNABLE_TO_AGREE"));
        f.put("reason", List.of("Care home move"));
        return SubmittedFields.of(f);
    }

    @Test
    void llr938aAReferralOnMondayMorningIsStoredQueuedAcknowledgedAndDueWednesdayAt17() {
        var accepted = assertInstanceOf(SubmitReferral.Accepted.class,
                useCase().submit(imcaReferral("sam@council.example"), Optional.empty()));
        ReferralCase referral = store.cases.get(accepted.reference());
        assertEquals("LLR-2026-000001", referral.reference().value());
        assertEquals(Instant.parse("2026-11-25T17:00:00Z"), referral.firstDeadline().dueAt());
        assertEquals("LLR 9.38a", referral.firstDeadline().clause());
        assertEquals(List.of(referral.reference()), queued.stream().map(ScreeningQueue.ReferralReceived::reference).toList());
        assertEquals(1, acknowledged.size());
        // Issue 19: the acknowledgement is written into the outbox with the case, and only handed to the mail sender.
        assertEquals(1, store.outbox.size());
        assertEquals(Outbox.Kind.ACKNOWLEDGEMENT, store.outbox.get(0).kind());
        assertEquals(new Outbox.MailId(new Outbox.CaseOwner(referral.reference()), "ACKNOWLEDGEMENT"), store.outbox.get(0).id());
        assertEquals(List.of(store.outbox.get(0).id()), mailQueued);
        assertEquals(List.of(CaseEvent.Type.RECEIVED), store.timeline(referral.reference()).stream().map(CaseEvent::type).toList(),
                "what became of the acknowledgement is the mail sender's to record");
        assertEquals(List.of("LLR/IMCA"), counted, "the dashboard's referrals per day count it, by codes only");
    }

    @Test
    void aReferralWhoseEnqueueFailsIsStillStoredAndStaysPendingForTheSweep() {
        queueDown = true;
        var accepted = assertInstanceOf(SubmitReferral.Accepted.class,
                useCase().submit(imcaReferral("sam@council.example"), Optional.of("json:k1")));
        assertTrue(store.cases.containsKey(accepted.reference()));
        assertTrue(queued.isEmpty());

        queueDown = false;
        clock = Clock.fixed(MONDAY_10AM.plusSeconds(299), ZoneOffset.UTC);
        assertEquals(0, new RequeueUnscreenedReferrals(store, queued::add, clock).run(), "not yet five minutes");
        clock = Clock.fixed(MONDAY_10AM.plusSeconds(300), ZoneOffset.UTC);
        assertEquals(1, new RequeueUnscreenedReferrals(store, queued::add, clock).run());
        assertEquals(accepted.reference(), queued.get(0).reference());
    }

    @Test
    void aMailQueueThatIsDownLosesNoAcknowledgementAndHoldsNoReferrerUp() {
        mailQueueDown = true;
        var accepted = assertInstanceOf(SubmitReferral.Accepted.class,
                useCase().submit(imcaReferral("sam@council.example"), Optional.empty()));
        assertTrue(store.cases.containsKey(accepted.reference()));
        assertEquals(1, store.outbox.size(), "the acknowledgement waits in the outbox for the sweep");
        assertTrue(mailQueued.isEmpty());
    }

    @Test
    void noEmailMeansNoAcknowledgement() {
        useCase().submit(imcaReferral(null), Optional.empty());
        assertTrue(acknowledged.isEmpty());
        assertTrue(store.outbox.isEmpty());
    }

    @Test
    void theSweepHandsOverNoReferralScreenedMeanwhileAndSaysNothingFalseOnItsTimeline() {
        var accepted = assertInstanceOf(SubmitReferral.Accepted.class,
                useCase().submit(imcaReferral("sam@council.example"), Optional.empty()));
        ReferralCase referral = store.cases.get(accepted.reference());
        // Screened, but the index the sweep reads still lists it (it is eventually consistent).
        store.cases.put(referral.reference(), referral.screened(org.advocacyhub.domain.casework.CaseStatus.AWAITING_ALLOCATION,
                null, referral.clocks(), null));
        queued.clear();
        clock = Clock.fixed(MONDAY_10AM.plusSeconds(3600), ZoneOffset.UTC);
        assertEquals(0, new RequeueUnscreenedReferrals(store, queued::add, clock).run());
        assertTrue(queued.isEmpty(), "a screened case is not handed to screening again");
        assertEquals(List.of(CaseEvent.Type.RECEIVED), store.timeline(referral.reference()).stream().map(CaseEvent::type).toList());
    }

    @Test
    void aConcurrentTwinThatWonTheKeyIsReturnedInsteadOfASecondReferral() {
        SubmitReferral useCase = useCase();
        var first = assertInstanceOf(SubmitReferral.Accepted.class,
                useCase.submit(imcaReferral("sam@council.example"), Optional.of("json:twin")));
        store.idempotency.clear();
        store.raceWinner = new IdempotencyRecord("json:twin", SubmitReferral.fingerprint(imcaReferral("sam@council.example")),
                first.reference(), MONDAY_10AM, MONDAY_10AM.plusSeconds(86_400));

        var second = assertInstanceOf(SubmitReferral.Accepted.class,
                useCase.submit(imcaReferral("sam@council.example"), Optional.of("json:twin")));
        assertTrue(second.repeated());
        assertEquals(first.reference(), second.reference());
        assertEquals(1, store.cases.size());
        assertEquals(1, queued.size(), "the twin's request is not queued again");
        assertEquals(1, counted.size(), "a repeated request is not a second referral in the metrics");
    }

    @Test
    void anExpiredIdempotencyRecordNoLongerMatches() {
        SubmitReferral useCase = useCase();
        useCase.submit(imcaReferral("sam@council.example"), Optional.of("json:old"));
        clock = Clock.fixed(MONDAY_10AM.plus(SubmitReferral.IDEMPOTENCY_WINDOW).plusSeconds(1), ZoneOffset.UTC);
        var later = assertInstanceOf(SubmitReferral.Accepted.class,
                useCase().submit(imcaReferral("sam@council.example"), Optional.of("json:old")));
        assertEquals(new ReferralReference("LLR", 2026, 2), later.reference());
    }

    @Test
    void theSameKeyWithOtherContentIsRefused() {
        SubmitReferral useCase = useCase();
        useCase.submit(imcaReferral("sam@council.example"), Optional.of("json:k"));
        var reused = assertInstanceOf(SubmitReferral.KeyReused.class,
                useCase.submit(imcaReferral("other@council.example"), Optional.of("json:k")));
        assertEquals("LLR-2026-000001", reused.original().value());
        assertEquals(1, store.cases.size());
    }
}
