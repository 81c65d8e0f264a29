package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseRecord;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.ScreeningRecord;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.eligibility.InformationNeeded;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.eligibility.Signpost;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingDays;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/** The DynamoDB adapter's conditional writes, against DynamoDB Local with the table of template.yaml. */
@WithLocalAws
class DynamoCaseStoreIT {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();

    private final DynamoCaseStore store;

    DynamoCaseStoreIT(LocalAws aws) {
        this.store = new DynamoCaseStore(aws.dynamoDb(), aws.tableName("HubTable"), new CaseItemMapper(), CONTRACTS);
    }

    static ReferralCase received(long sequence) {
        Person person = new Person("Alex Testperson", LocalDate.of(1941, 5, 17), Gender.FEMALE, Ethnicity.WHITE_BRITISH,
                Set.of(Disability.DEMENTIA, Disability.SENSORY), Residence.GENERAL_HOSPITAL, "Ward 21", "LE1 5WW", "LEICESTER",
                null, "English", false);
        Referrer referrer = new Referrer(ReferrerRelationship.DECISION_MAKER, "Sam Example", "Social worker",
                "Leicester City Council", "sam@council.example", null);
        ReferralDetails details = new ReferralDetails(ServiceCode.IMCA, ReferralRoute.EMAIL, ReferralSource.ADULT_SOCIAL_CARE,
                person, referrer, Urgency.STANDARD, LocalDate.of(2026, 12, 1), "Best interests meeting",
                Awareness.UNABLE_TO_AGREE, "Care home move", Map.of("decisionType", "COUNCIL_CARE_HOME_ACCOMMODATION"));
        return ReferralCase.received(new ReferralReference("LLR", 2026, sequence), details, MONDAY,
                new ReceiptDeadline("allocation", "allocate an advocate", Instant.parse("2026-11-25T17:00:00Z"),
                        LocalDate.of(2026, 11, 23), "LLR 9.38a"),
                List.of(SlaClock.start("allocation", new WorkingDays(2), MONDAY)));
    }

    static CaseEvent receivedEvent() {
        return new CaseEvent(MONDAY, CaseEvent.Type.RECEIVED, "Referral received by email");
    }

    static ReferralCase needsInformation(ReferralCase c, Instant at) {
        ScreeningDecision decision = new ScreeningDecision(Outcome.NEEDS_INFORMATION,
                List.of(new Reason("No capacity assessment yet.", "LLR 5.60")), List.of(new Signpost("PALS", "Helps with concerns")),
                null, Set.of(ServiceCode.CARE_ACT), List.of(new InformationNeeded("The capacity assessment", "the decision maker")));
        return c.screened(CaseStatus.NEEDS_INFORMATION, new ScreeningRecord(decision, at, "imca"),
                List.of(c.clocks().get(0).pause(at, "Waiting for information from the decision maker")), DecisionLetter.pending(at));
    }

    @Test
    void aCaseComesBackExactlyAsStoredThroughEveryStage() {
        ReferralCase c = received(1);
        assertInstanceOf(CaseStore.Stored.class, store.recordNewCase(c, receivedEvent(), Optional.empty(), List.of()));
        assertEquals(Optional.of(c), store.findCase(c.reference()));

        Instant at = MONDAY.plusSeconds(30);
        ReferralCase screened = needsInformation(c, at);
        CaseTask task = new CaseTask("t1", CaseTask.Kind.OBTAIN_INFORMATION, "Obtain: the capacity assessment",
                "the decision maker", at, true);
        assertTrue(store.saveCase(c, screened, List.of(new CaseEvent(at, CaseEvent.Type.SCREENED, "Screened")),
                List.of(task)));
        assertEquals(Optional.of(screened.nextVersion()), store.findCase(c.reference()));
        assertEquals(List.of(task), store.tasks(c.reference()));
        assertEquals(List.of(CaseEvent.Type.RECEIVED, CaseEvent.Type.SCREENED),
                store.timeline(c.reference()).stream().map(CaseEvent::type).toList());
    }

    @Test
    void theCaseFileReadInOneQueryIsWhatEachKindReadAloneGives() {
        ReferralCase c = received(11);
        store.recordNewCase(c, receivedEvent(), Optional.empty(), List.of());
        Instant at = MONDAY.plusSeconds(60);
        ReferralCase screened = needsInformation(c, at);
        CaseTask task = new CaseTask("t1", CaseTask.Kind.OBTAIN_INFORMATION, "Obtain: the capacity assessment",
                "the decision maker", at, true);
        assertTrue(store.saveCase(c, screened, List.of(new CaseEvent(at, CaseEvent.Type.SCREENED, "Screened")), List.of(task)));
        store.audit(c.reference(), new AuditEntry("a2", at.plusSeconds(2), "ira-imca", "viewed the case"));
        store.audit(c.reference(), new AuditEntry("a1", at.plusSeconds(1), "morgan-manager", "viewed the case"));

        CaseStore.CaseFile file = store.caseFile(c.reference());

        assertEquals(store.timeline(c.reference()), file.timeline());
        assertEquals(List.of(task), file.tasks());
        assertEquals(store.records(c.reference(), AuditEntry.class), file.audit());
        assertEquals(2, file.audit().size());
        assertEquals(store.records(c.reference(), CaseActivity.class), file.activities());
        assertEquals(store.records(c.reference(), TimeEntry.class), file.time());
        assertEquals(2, file.timeline().size(), "the case item and its clock items are not events");
    }

    @Test
    void issue21TheTimeEachPersonRecordedIsSummedByTheEntriesDatesInclusiveAndACorrectionReplacesItsEntry() {
        ReferralCase c = received(21);
        store.recordNewCase(c, receivedEvent(), Optional.empty(), List.of());
        List<CaseRecord> entries = List.of(
                time("t-first", LocalDate.of(2026, 11, 1), 30, "ira-imca"),
                time("t-last", LocalDate.of(2026, 11, 30), 45, "ira-imca"),
                time("t-before", LocalDate.of(2026, 10, 31), 600, "ira-imca"),
                time("t-after", LocalDate.of(2026, 12, 1), 600, "ira-imca"),
                time("t-january", LocalDate.of(2027, 1, 5), 15, "ira-imca"),
                time("t-jo", LocalDate.of(2026, 11, 15), 20, "jo-advocate"));
        assertTrue(store.save(new CaseStore.CaseChange(c, c, List.of(), List.of(), entries, Optional.empty(), List.of())));
        assertEquals(Map.of("ira-imca", 75, "jo-advocate", 20), store.minutesRecorded(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));

        // Jo's entry corrected to 50 minutes at a looked-after child review: counted once, as corrected, its meeting kept.
        ReferralCase now = store.findCase(c.reference()).orElseThrow();
        TimeEntry corrected = new TimeEntry("t-jo", LocalDate.of(2026, 11, 15), 50, TimeEntry.Kind.DIRECT,
                TimeEntry.Activity.MEETING_ATTENDANCE, TimeEntry.Meeting.LAC_REVIEW, "jo-advocate", MONDAY, 1);
        assertTrue(store.save(new CaseStore.CaseChange(now, now, List.of(), List.of(), List.of(corrected), Optional.empty(), List.of())));
        assertEquals(java.util.Set.of(corrected), store.records(c.reference(), TimeEntry.class).stream()
                .filter(entry -> entry.id().equals("t-jo")).collect(java.util.stream.Collectors.toSet()), "LEW Appendix 1: the meeting is stored");
        assertTrue(store.records(c.reference(), TimeEntry.class).stream().filter(entry -> !entry.id().equals("t-jo"))
                .allMatch(entry -> entry.meeting() == null), "an entry without a meeting reads back without one");
        assertEquals(Map.of("ira-imca", 75, "jo-advocate", 50), store.minutesRecorded(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30)));
        assertEquals(Map.of("ira-imca", 615), store.minutesRecorded(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31)),
                "two months in two quarters (FY2026 Q3 and Q4)");
    }

    private static TimeEntry time(String id, LocalDate date, int minutes, String author) {
        return new TimeEntry(id, date, minutes, TimeEntry.Kind.DIRECT, TimeEntry.Activity.FACE_TO_FACE, null, author, MONDAY, 0);
    }

    @Test
    void aScreenedCaseLeavesTheScreeningIndexSoTheSweepIgnoresIt() {
        ReferralCase first = received(1);
        ReferralCase second = received(2);
        store.recordNewCase(first, receivedEvent(), Optional.empty(), List.of());
        store.recordNewCase(second, receivedEvent(), Optional.empty(), List.of());
        assertEquals(List.of(first.reference(), second.reference()), store.awaitingScreeningSince(MONDAY, 10));
        assertEquals(List.of(), store.awaitingScreeningSince(MONDAY.minusMillis(1), 10), "received after the cutoff");

        store.saveCase(first, needsInformation(first, MONDAY.plusSeconds(1)), List.of(), List.of());
        assertEquals(List.of(second.reference()), store.awaitingScreeningSince(MONDAY.plusSeconds(600), 10));
    }

    @Test
    void aSaveFromAStaleStatusWritesNothing() {
        ReferralCase c = received(1);
        store.recordNewCase(c, receivedEvent(), Optional.empty(), List.of());
        ReferralCase screened = needsInformation(c, MONDAY.plusSeconds(5));
        assertTrue(store.saveCase(c, screened, List.of(), List.of()));

        ReferralCase twin = needsInformation(c, MONDAY.plusSeconds(6));
        CaseEvent twinEvent = new CaseEvent(MONDAY.plusSeconds(6), CaseEvent.Type.SCREENED, "twin");
        assertFalse(store.saveCase(c, twin, List.of(twinEvent), List.of()), "a save from the version already saved over");
        assertEquals(Optional.of(screened.nextVersion()), store.findCase(c.reference()));
        assertEquals(1, store.timeline(c.reference()).size(), "the twin's event was not written either");
    }

    @Test
    void aSecondRequestWithTheSameKeyGetsTheFirstRecordAndStoresNoCase() {
        CaseStore.IdempotencyRecord key = new CaseStore.IdempotencyRecord("json:k", "f1", received(1).reference(), MONDAY,
                MONDAY.plus(Duration.ofHours(24)));
        store.recordNewCase(received(1), receivedEvent(), Optional.of(key), List.of());
        CaseStore.IdempotencyRecord twin = new CaseStore.IdempotencyRecord("json:k", "f1", received(2).reference(), MONDAY,
                MONDAY.plus(Duration.ofHours(24)));

        var outcome = assertInstanceOf(CaseStore.KeyAlreadyUsed.class, store.recordNewCase(received(2), receivedEvent(), Optional.of(twin), List.of()));
        assertEquals(received(1).reference(), outcome.existing().reference());
        assertEquals(Optional.empty(), store.findCase(received(2).reference()));
        assertEquals(Optional.of(key), store.findIdempotencyRecord("json:k"));
    }

    @Test
    void anExpiredKeyNoLongerBlocksANewReferral() {
        CaseStore.IdempotencyRecord old = new CaseStore.IdempotencyRecord("json:old", "f1", received(1).reference(), MONDAY.minus(Duration.ofDays(1)),
                MONDAY.minusSeconds(1));
        store.recordNewCase(received(1), receivedEvent(), Optional.of(old), List.of());
        CaseStore.IdempotencyRecord fresh = new CaseStore.IdempotencyRecord("json:old", "f2", received(2).reference(), MONDAY,
                MONDAY.plus(Duration.ofHours(24)));
        assertInstanceOf(CaseStore.Stored.class, store.recordNewCase(received(2), receivedEvent(), Optional.of(fresh), List.of()));
    }

    @Test
    void issue8RunningClocksAreFoundByDueTimeAndLeaveTheIndexWhilePausedOrStopped() {
        Instant due = Instant.parse("2026-11-25T17:00:00Z");
        ReferralCase c = received(1);
        store.recordNewCase(c, receivedEvent(), Optional.empty(), List.of());
        store.recordNewCase(received(2), receivedEvent(), Optional.empty(), List.of());
        List<CaseStore.IndexedClock> found = store.clocksDueBy(due, 10);
        assertEquals(2, found.size(), "both cases' allocation clocks");
        Instant reminder = Instant.parse("2026-11-25T09:00:00Z"); // service opens on the day it falls due (LLR 9.20)
        assertEquals(new CaseStore.IndexedClock(c.reference(), null, null, "LLR", ServiceCode.IMCA, "allocation", due, reminder, false,
                DeadlineAlerts.Kind.REMINDER, reminder), found.get(0));
        assertEquals(List.of(), store.clocksDueBy(due.minusMillis(1), 10), "nothing is due earlier");

        ReferralCase paused = needsInformation(c, MONDAY.plusSeconds(5));
        assertTrue(store.saveCase(c, paused, List.of(), List.of()));
        assertEquals(List.of(received(2).reference()), store.clocksDueBy(due, 10).stream().map(CaseStore.IndexedClock::reference).toList(),
                "a paused clock has no due time, so it leaves the index");

        ReferralCase stored = store.findCase(c.reference()).orElseThrow();
        Instant resumedAt = MONDAY.plus(Duration.ofHours(30)); // Tuesday 16:00: one working-day end inside the pause
        ReferralCase resumed = stored.worked(CaseStatus.AWAITING_ALLOCATION, List.of(stored.clocks().get(0).resume(resumedAt)),
                stored.work());
        assertTrue(store.saveCase(stored, resumed, List.of(), List.of()));
        Instant movedDue = Instant.parse("2026-11-26T17:00:00Z");
        assertEquals(List.of(received(2).reference(), c.reference()),
                store.clocksDueBy(movedDue, 10).stream().map(CaseStore.IndexedClock::reference).toList(), "back, due a working day later");

        ReferralCase again = store.findCase(c.reference()).orElseThrow();
        ReferralCase stopped = again.worked(CaseStatus.ALLOCATED, List.of(again.clocks().get(0).stop(resumedAt.plusSeconds(60))),
                again.work());
        assertTrue(store.saveCase(again, stopped, List.of(), List.of()));
        assertEquals(List.of(received(2).reference()), store.clocksDueBy(movedDue, 10).stream().map(CaseStore.IndexedClock::reference).toList(),
                "a stopped clock leaves the index");
    }

    @Test
    void referenceSequencesNeverRepeatUnderConcurrency() throws InterruptedException {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 100; i++) {
            pool.submit(() -> seen.add(store.nextSequence("LLR", 2026)));
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(100, seen.size());
        assertEquals(101, store.nextSequence("LLR", 2026));
        assertEquals(1, store.nextSequence("LEW", 2026), "per contract");
        assertEquals(1, store.nextSequence("LLR", 2027), "per year");
    }
}
