package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.clock;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 through the real functions on the local engines: the waiting list, allocation to
 * qualified advocates, and the first contact and meeting, with the KPI clocks they stop
 * (LLR 9.38a-c) met or missed.
 */
@WithLocalAws
class AllocationIT {

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    AllocationIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    private Map<String, Object> allocate(String reference, String advocateId, Instant at) {
        return fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", advocateId), at);
    }

    @Test
    void llr938TheKpiClocksOfAnImcaCaseAreMetWhenAllocationContactAndMeetingComeInTime() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);

        Instant tuesday = MONDAY.plus(Duration.ofHours(24));
        Map<String, Object> allocated = allocate(reference, "ira-imca", tuesday);
        assertEquals("ALLOCATED", allocated.get("status"));
        assertEquals("ira-imca", ((Map<?, ?>) ((Map<?, ?>) allocated.get("casework")).get("advocate")).get("staffId"));
        Map<String, Object> allocation = clock(allocated, "allocation");
        assertEquals("MET", allocation.get("status"), "LLR 9.38a: allocated within 2 working days");
        assertEquals("2026-11-25T17:00:00Z", allocation.get("dueAt"));
        assertEquals(tuesday.toString(), allocation.get("stoppedAt"));
        assertEquals("RUNNING", clock(allocated, "first-contact").get("status"));
        assertEquals("2026-11-25T17:00:00Z", clock(allocated, "first-contact").get("dueAt"), "LLR 9.38b: 1 working day after allocation");
        assertEquals("2026-12-03T17:00:00Z", clock(allocated, "first-meeting").get("dueAt"), "LLR 9.38c: 7 working days after allocation");

        SesMailbox.SentEmail email = aws.outbox().await(e -> e.isAddressedTo("ira-imca@hub.example"), Duration.ofSeconds(5));
        assertTrue(email.subject().contains(reference), email.subject());
        assertTrue(email.text().contains("A.T."), "initials");
        assertFalse(email.text().contains("Testperson"), "no name in the email");
        assertTrue(email.text().contains("LLR 9.38b"), email.text());

        Instant wednesday = tuesday.plus(Duration.ofHours(24));
        Map<String, Object> contacted = fixtures.ok(ira, "POST", "/cases/" + reference + "/contacts", Map.of(
                "at", wednesday.minusSeconds(3600).toString(), "method", "PHONE", "withPerson", true, "successful", true), wednesday);
        assertEquals("MET", clock(contacted, "first-contact").get("status"));
        Map<String, Object> met = fixtures.ok(ira, "POST", "/cases/" + reference + "/meetings", Map.of(
                "at", wednesday.plus(Duration.ofHours(2)).toString(), "held", true, "kind", "WITH_PERSON"), wednesday.plus(Duration.ofHours(3)));
        assertEquals("MET", clock(met, "first-meeting").get("status"));
        assertEquals(2, list(met, "activities").size());
        List<String> audit = list(met, "audit").stream().map(a -> a.get("staffId") + ": " + a.get("action")).toList();
        assertTrue(audit.contains("hub-manager: allocated the case to ira-imca"), audit.toString());
        assertTrue(audit.contains("ira-imca: recorded a contact"), audit.toString());
        assertTrue(audit.contains("ira-imca: recorded a meeting"), audit.toString());
    }

    @Test
    void llr938EachKpiClockIsMissedWhenItsWorkComesLate() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        Instant thursday = MONDAY.plus(Duration.ofDays(3));
        Map<String, Object> allocated = allocate(reference, "ira-imca", thursday);
        assertEquals("MISSED", clock(allocated, "allocation").get("status"), "due Wednesday 17:00, allocated Thursday");

        Instant nextWeek = thursday.plus(Duration.ofDays(4));
        Map<String, Object> contacted = fixtures.ok(ira, "POST", "/cases/" + reference + "/contacts", Map.of(
                "at", nextWeek.toString(), "method", "VISIT", "withPerson", true, "successful", true), nextWeek);
        assertEquals("MISSED", clock(contacted, "first-contact").get("status"), "due Friday 17:00, contacted Monday");
        Instant late = thursday.plus(Duration.ofDays(14));
        Map<String, Object> met = fixtures.ok(ira, "POST", "/cases/" + reference + "/meetings", Map.of(
                "at", late.toString(), "held", true, "kind", "WITH_PERSON"), late);
        assertEquals("MISSED", clock(met, "first-meeting").get("status"));
    }

    @Test
    void llr938bOnlyAContactThatReachesThePersonStopsTheClock() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        allocate(reference, "ira-imca", MONDAY.plusSeconds(3600));
        Instant later = MONDAY.plusSeconds(7200);
        for (Map<String, Object> attempt : List.<Map<String, Object>>of(
                Map.of("at", later.toString(), "method", "PHONE", "withPerson", true, "successful", false),
                Map.of("at", later.toString(), "method", "PHONE", "withPerson", false, "successful", true))) {
            Map<String, Object> view = fixtures.ok(ira, "POST", "/cases/" + reference + "/contacts", attempt, later);
            assertEquals("RUNNING", clock(view, "first-contact").get("status"), attempt.toString());
        }
        Map<String, Object> meeting = fixtures.ok(ira, "POST", "/cases/" + reference + "/meetings", Map.of(
                "at", later.toString(), "held", true, "kind", "WITHOUT_PERSON"), later);
        assertEquals("RUNNING", clock(meeting, "first-meeting").get("status"), "a professionals' meeting is not meeting the person");
    }

    @Test
    void issue8EventTimesMayBeEarlierButNeverFutureNorBeforeTheReferral() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        allocate(reference, "ira-imca", MONDAY.plusSeconds(3600));
        Instant now = MONDAY.plusSeconds(7200);
        for (Instant at : List.of(now.plusSeconds(60), MONDAY.minusSeconds(60))) {
            APIGatewayProxyResponseEvent response = fixtures.staff(ira, "POST", "/cases/" + reference + "/contacts", Map.of(
                    "at", at.toString(), "method", "PHONE", "withPerson", true, "successful", true), now);
            assertEquals(400, response.getStatusCode(), response.getBody());
            assertTrue(response.getBody().contains("\"pointer\":\"/at\""), response.getBody());
        }
    }

    @Test
    void llr549ADolsCaseIsRefusedToAnAdvocateWithoutUnit310OrExperienceAndAllowedWithThem() {
        String reference = fixtures.referAndScreen(example("dols-imca"), MONDAY);
        String longAgo = "2024-01-01";
        fixtures.member("hana-imha", "ADVOCATE", List.of("IMHA", "IMCA", "DOLS_IMCA"),
                Map.of("NQIA_LEVEL_3", longAgo, "UNIT_305_IMCA", longAgo, "UNIT_306_IMHA", longAgo), Map.of("imcaSince", "2026-10-01"));
        APIGatewayProxyResponseEvent refused = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/allocation",
                Map.of("advocateId", "hana-imha"), MONDAY.plusSeconds(600));
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        Map<String, Object> problem = json(refused.getBody());
        List<String> rules = list(problem, "violations").stream().map(v -> v.get("rule") + " " + v.get("clause")).toList();
        assertTrue(rules.contains("UNIT_310_DOLS_TRAINING LLR 5.49(ii), 13.4"), rules.toString());
        assertTrue(rules.contains("IMCA_EXPERIENCE LLR 5.49(i)"), "under 3 months and 3 cases: " + rules);

        fixtures.member("hana-imha", "ADVOCATE", List.of("IMHA", "IMCA", "DOLS_IMCA"), Map.of("NQIA_LEVEL_3", longAgo,
                "UNIT_305_IMCA", longAgo, "UNIT_310_DOLS_TRAINING", "2026-11-01"), Map.of("imcaSince", "2026-08-01"));
        Map<String, Object> allocated = allocate(reference, "hana-imha", MONDAY.plusSeconds(1200));
        assertEquals("ALLOCATED", allocated.get("status"), "trained for 310 and more than 3 months an IMCA: the assessment may follow (LLR 5.49(iii))");
        Map<String, Object> staff = fixtures.ok(MANAGER, "GET", "/staff", null, MONDAY.plusSeconds(1300));
        Map<String, Object> hana = list(staff, "staff").stream().filter(s -> s.get("staffId").equals("hana-imha")).findFirst().orElseThrow();
        assertEquals(Map.of("imcaCases", 1, "firstDolsCaseOn", "2026-11-23"), hana.get("experience"), "the first DoLS case is counted");
    }

    @Test
    void llr932AReallocationKeepsTheClocksAndTheNewAdvocateSeesTheCaseTheFormerDoesNot() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        Map<String, Object> jo = fixtures.imcaAdvocate("jo-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        Map<String, Object> first = allocate(reference, "ira-imca", MONDAY.plusSeconds(3600));
        Map<String, Object> second = fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/reallocation", Map.of("fromAdvocateId", "ira-imca",
                "advocateId", "jo-imca", "reason", "Ira is on leave"), MONDAY.plusSeconds(7200));
        assertEquals(first.get("clocks"), second.get("clocks"), "LLR 9.32: the deadlines run on");
        assertTrue(second.get("timeline").toString().contains("Reallocated from Staff ira-imca to Staff jo-imca; the clocks keep running "
                + "(LLR 9.32). Reason: Ira is on leave"), second.get("timeline").toString());
        assertEquals(200, fixtures.staff(jo, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(7300)).getStatusCode());
        assertEquals(403, fixtures.staff(ira, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(7300)).getStatusCode(),
                "advocates see only their own cases");
        assertEquals(403, fixtures.staff(ira, "POST", "/cases/" + reference + "/contacts", Map.of("at", MONDAY.plusSeconds(7000).toString(),
                "method", "PHONE", "withPerson", true, "successful", true), MONDAY.plusSeconds(7300)).getStatusCode());
    }

    /**
     * Issue 19: an allocation carries what its caller saw. Allocating a case that is already allocated, or reallocating
     * it from an advocate who no longer holds it, is a conflict that names who holds it now, and sends nothing.
     */
    @Test
    void aStaleAllocationOrReallocationIsAConflictNamingTheHolderAndSendsNothing() {
        fixtures.imcaAdvocate("ira-imca");
        fixtures.imcaAdvocate("jo-imca");
        fixtures.imcaAdvocate("kim-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        allocate(reference, "ira-imca", MONDAY.plusSeconds(3600));

        APIGatewayProxyResponseEvent again = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/allocation",
                Map.of("advocateId", "jo-imca"), MONDAY.plusSeconds(3700));
        assertEquals(409, again.getStatusCode(), again.getBody());
        assertTrue(again.getBody().contains("already allocated to Staff ira-imca"), again.getBody());

        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/reallocation", Map.of("fromAdvocateId", "ira-imca", "advocateId", "jo-imca",
                "reason", "Leave"), MONDAY.plusSeconds(3800));
        APIGatewayProxyResponseEvent stale = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/reallocation",
                Map.of("fromAdvocateId", "ira-imca", "advocateId", "kim-imca", "reason", "Leave"), MONDAY.plusSeconds(3900));
        assertEquals(409, stale.getStatusCode(), stale.getBody());
        assertTrue(stale.getBody().contains("now allocated to Staff jo-imca"), stale.getBody());

        APIGatewayProxyResponseEvent noReason = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/reallocation",
                Map.of("fromAdvocateId", "jo-imca", "advocateId", "kim-imca"), MONDAY.plusSeconds(4000));
        assertEquals(400, noReason.getStatusCode(), noReason.getBody());
        assertTrue(noReason.getBody().contains("\"reason\""), noReason.getBody());

        List<String> allocationEmails = aws.outbox().emails().stream().filter(e -> e.messageId().startsWith(reference + "/ALLOCATION#"))
                .map(e -> e.to().get(0)).toList();
        assertEquals(List.of("ira-imca@hub.example", "jo-imca@hub.example"), allocationEmails, "one email per allocation made, none for a refused one");
    }

    /**
     * Issue 19's finding: 20 managers allocating one waiting case at once, each naming another advocate, all got 200 and
     * 20 advocates were told the case was theirs. Exactly one allocation is saved with its one email; the other 19 are
     * conflicts naming the advocate who got it.
     */
    @Test
    void twentyAllocationsOfOneCaseAtOnceGiveOneAllocationOneEmailAndNineteenConflicts() throws Exception {
        List<String> advocates = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            advocates.add("imca-" + i);
            fixtures.imcaAdvocate("imca-" + i);
        }
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        List<java.util.concurrent.Future<APIGatewayProxyResponseEvent>> answers = new java.util.ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            for (String advocate : advocates) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", advocate),
                            MONDAY.plusSeconds(3600));
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get().getStatusCode());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> view = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(3700));
        String holder = (String) ((Map<?, ?>) ((Map<?, ?>) view.get("casework")).get("advocate")).get("staffId");
        for (var answer : answers) {
            if (answer.get().getStatusCode() == 409) {
                assertTrue(answer.get().getBody().contains("Staff " + holder), answer.get().getBody());
            }
        }
        List<String> emailed = aws.outbox().emails().stream().filter(e -> e.messageId().startsWith(reference + "/ALLOCATION#"))
                .map(e -> e.to().get(0)).toList();
        assertEquals(List.of(holder + "@hub.example"), emailed, "exactly one allocation email, to the advocate who has the case");
    }

    @Test
    void issue8OnlyManagersAllocateAndOnlyQualifiedActiveStaffWhoWorkInTheService() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        assertEquals(403, fixtures.staff(ira, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"),
                MONDAY.plusSeconds(60)).getStatusCode());
        fixtures.member("cai-cyp", "ADVOCATE", List.of("CYP"), Map.of(), Map.of("active", false));
        APIGatewayProxyResponseEvent refused = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/allocation",
                Map.of("advocateId", "cai-cyp"), MONDAY.plusSeconds(60));
        assertEquals(422, refused.getStatusCode());
        List<String> rules = list(json(refused.getBody()), "violations").stream().map(v -> (String) v.get("rule")).toList();
        assertEquals(List.of("ACTIVE", "WORKS_IN_SERVICE", "NQIA_LEVEL_3", "UNIT_305_IMCA"), rules);
        APIGatewayProxyResponseEvent nobody = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/allocation",
                Map.of("advocateId", "nobody"), MONDAY.plusSeconds(60));
        assertEquals(400, nobody.getStatusCode());
        assertTrue(nobody.getBody().contains("There is no member of staff with the id 'nobody'"), nobody.getBody());
    }

    @Test
    void llr547TheWaitingListPutsDolsFirstThenUrgentThenFixedDatesThenTheEarliestDue() {
        Map<String, Object> ordinaryOld = example("imca");
        Map<String, Object> fixedDate = new LinkedHashMap<>(example("care-act"));
        fixedDate.put("fixedDate", "2026-12-01");
        fixedDate.put("fixedDateReason", "Assessment meeting");
        Map<String, Object> urgent = new LinkedHashMap<>(example("imha"));
        urgent.put("urgency", "URGENT");
        String ordinary = fixtures.referAndScreen(ordinaryOld, MONDAY);
        String fixed = fixtures.referAndScreen(fixedDate, MONDAY.plusSeconds(600));
        String urgentRef = fixtures.referAndScreen(urgent, MONDAY.plusSeconds(1200));
        String later = fixtures.referAndScreen(example("icas"), MONDAY.plusSeconds(1800));
        String dols = fixtures.referAndScreen(example("dols-imca"), MONDAY.plusSeconds(2400));

        Map<String, Object> list = fixtures.ok(MANAGER, "GET", "/waiting-list?contract=LLR", null, MONDAY.plusSeconds(3600));
        assertEquals(List.of(dols, urgentRef, fixed, ordinary, later), list(list, "cases").stream().map(c -> c.get("reference")).toList());
        Map<String, Object> top = list(list, "cases").get(0);
        assertTrue(top.containsKey("name"), "managers see names");
        assertFalse(list(list, "cases").get(1).get("clocks").toString().isEmpty());

        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        Map<String, Object> advocateView = fixtures.ok(ira, "GET", "/waiting-list?contract=LLR&service=IMCA", null, MONDAY.plusSeconds(3600));
        assertEquals(List.of(ordinary), list(advocateView, "cases").stream().map(c -> c.get("reference")).toList());
        assertFalse(list(advocateView, "cases").get(0).containsKey("name"), "advocates see initials only");
        assertTrue(list(advocateView, "cases").get(0).containsKey("initials"));

        APIGatewayProxyResponseEvent bad = fixtures.staff(MANAGER, "GET", "/waiting-list?contract=NOPE", null, MONDAY);
        assertEquals(400, bad.getStatusCode());
    }

    @Test
    void issue21TheWaitingListPagesInTheOrderToAllocateAndSearchesByReferenceAndForManagersByName() {
        List<String> references = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            references.add(fixtures.referAndScreen(example("imca"), MONDAY.plusSeconds(600L * i)));
        }
        String dols = fixtures.referAndScreen(example("dols-imca"), MONDAY.plusSeconds(3000));
        List<Object> all = list(fixtures.ok(MANAGER, "GET", "/waiting-list?contract=LLR", null, MONDAY.plusSeconds(3600)), "cases")
                .stream().map(c -> c.get("reference")).map(Object.class::cast).toList();

        // Two at a time: the same order as the whole list, each page's token leading to the next, and the count of all.
        List<Object> paged = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Map<String, Object> page = fixtures.ok(MANAGER, "GET", "/waiting-list?contract=LLR&limit=2"
                    + (token == null ? "" : "&pageToken=" + token), null, MONDAY.plusSeconds(3600));
            assertEquals(all.size(), page.get("total"));
            list(page, "cases").forEach(c -> paged.add(c.get("reference")));
            token = (String) page.get("next");
            pages++;
        } while (token != null && pages < 10);
        assertEquals(all, paged, "paged, the list is the whole list in its order");
        assertEquals(3, pages);
        assertEquals(dols, paged.get(0), "DoLS first, on the first page (LLR 5.47)");

        // A token is bound to its list's filters.
        Map<String, Object> first = fixtures.ok(MANAGER, "GET", "/waiting-list?contract=LLR&limit=2", null, MONDAY.plusSeconds(3600));
        APIGatewayProxyResponseEvent other = fixtures.staff(MANAGER, "GET", "/waiting-list?contract=LLR&service=IMCA&limit=2&pageToken="
                + first.get("next"), null, MONDAY.plusSeconds(3600));
        assertEquals(400, other.getStatusCode());
        assertTrue(other.getBody().contains("pageToken"), other.getBody());

        // Search: a reference for anyone; a name for managers only (advocates see initials, so a name finds nothing).
        String reference = references.get(3);
        assertEquals(List.of(reference), list(fixtures.ok(MANAGER, "GET", "/waiting-list?contract=LLR&search="
                + reference.substring(reference.length() - 6), null, MONDAY.plusSeconds(3600)), "cases").stream()
                .map(c -> c.get("reference")).toList());
        String name = ((String) ((Map<?, ?>) example("imca").get("person")).get("name")).split(" ")[1].toLowerCase(java.util.Locale.UK);
        assertEquals(5, list(fixtures.ok(MANAGER, "GET", "/waiting-list?contract=LLR&search=" + name, null, MONDAY.plusSeconds(3600)),
                "cases").size());
        assertEquals(0, list(fixtures.ok(fixtures.imcaAdvocate("ira-imca"), "GET", "/waiting-list?contract=LLR&search=" + name, null,
                MONDAY.plusSeconds(3600)), "cases").size(), "an advocate cannot find a case by the person's name");
    }
}
