package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.clock;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 6 through the real functions on the local engines: a DERBY accommodation referral
 * is answered with an offer or a decline within 1 hour (urgent) or 24 hours (DERBY 3.3.1), the
 * answer goes to the council's referrer by initials only, the placement facts the access KPI counts
 * are kept (DERBY KPIs, Access), and a LEW young person's group and reasons are recorded for the
 * returns (LEW 17.5).
 */
@WithLocalAws
class AccommodationIT {

    private static final String REFERRER = "jo.example@derby.example";
    private static final String DETAILS = "Room at our Normanton Road house from 6pm tonight, with 10 support hours a week.";

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    AccommodationIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    private static Map<String, Object> accommodation(String urgency) {
        Map<String, Object> referral = new LinkedHashMap<>(example("accommodation"));
        referral.put("urgency", urgency);
        return referral;
    }

    /** Someone who answers DERBY accommodation referrals (the staff directory says they work in that service). */
    private Map<String, Object> derbyStaff(String staffId) {
        return fixtures.member(staffId, "ADVOCATE", List.of("ACCOMMODATION"), Map.of(), Map.of("contracts", List.of("DERBY")));
    }

    private static Map<String, Object> response(String kind, Instant at) {
        return Map.of("kind", kind, "at", at.toString(), "details", DETAILS, "placementsPutForward", 1,
                "suitablePlacementsAvailable", "OFFER".equals(kind) ? 1 : 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> casework(Map<String, Object> view) {
        return (Map<String, Object>) view.get("casework");
    }

    private static Set<String> pointers(APIGatewayProxyResponseEvent problem) {
        return list(json(problem.getBody()), "errors").stream().map(e -> (String) e.get("pointer")).collect(Collectors.toSet());
    }

    private SesMailbox.SentEmail emailAbout(String reference, String subjectEnd) {
        return aws.outbox().await(e -> e.isAddressedTo(REFERRER) && e.subject().equals("Referral " + reference + ": " + subjectEnd),
                Duration.ofSeconds(5));
    }

    @Test
    void derby331AnUrgentReferralAnsweredWithAnOfferInsideItsHourMeetsTheClockAndTheReferrerIsToldByInitialsOnly() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        String reference = fixtures.referAndScreen(accommodation("URGENT"), MONDAY);
        Map<String, Object> before = fixtures.ok(sam, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(60));
        assertEquals("AWAITING_ALLOCATION", before.get("status"), "the example referral is accepted");
        assertEquals(MONDAY.plus(Duration.ofHours(1)).toString(), clock(before, "response").get("dueAt"), "DERBY 3.3.1: 1 hour when urgent");

        Instant offeredAt = MONDAY.plus(Duration.ofMinutes(40));
        Map<String, Object> answered = fixtures.ok(sam, "POST", "/cases/" + reference + "/response", response("OFFER", offeredAt),
                MONDAY.plus(Duration.ofMinutes(45)));

        assertEquals("RESPONDED", answered.get("status"));
        Map<String, Object> responseClock = clock(answered, "response");
        assertEquals("MET", responseClock.get("status"));
        assertEquals(offeredAt.toString(), responseClock.get("stoppedAt"));
        Map<String, Object> stored = new LinkedHashMap<>(Map.of("kind", "OFFER", "at", offeredAt.toString(), "by", "sam-derby",
                "details", DETAILS, "placementsPutForward", 1, "suitablePlacementsAvailable", 1));
        assertEquals(stored, casework(answered).get("response"));
        assertEquals(offeredAt.toString(), ((Map<?, ?>) casework(answered).get("milestones")).get("OFFER_OR_DECLINE_SENT"));
        List<String> audit = list(answered, "audit").stream().map(a -> a.get("staffId") + ": " + a.get("action")).toList();
        assertTrue(audit.contains("sam-derby: sent the council an offer"), audit.toString());

        SesMailbox.SentEmail email = emailAbout(reference, "offer of a placement");
        assertTrue(email.text().contains("We can offer a placement for your referral " + reference + " (I.S.)"), email.text());
        assertTrue(email.text().contains("10:40am on Monday 23 November 2026"), email.text());
        for (String personal : List.of("Izzy", "Samplewood", "2009", "Normanton")) {
            assertFalse(email.text().contains(personal) || email.html().contains(personal), "the email must not carry " + personal);
        }
        Map<String, Object> after = fixtures.ok(sam, "GET", "/cases/" + reference, null, MONDAY.plus(Duration.ofMinutes(50)));
        List<String> timeline = list(after, "timeline").stream().map(e -> (String) e.get("type")).toList();
        assertTrue(timeline.containsAll(List.of("RESPONSE_SENT", "CLOCK_STOPPED")), timeline.toString());
    }

    @Test
    void derby331AnUrgentReferralAnsweredAfterItsHourMissesTheClock() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        String reference = fixtures.referAndScreen(accommodation("URGENT"), MONDAY);
        Instant declinedAt = MONDAY.plus(Duration.ofMinutes(90));
        Map<String, Object> answered = fixtures.ok(sam, "POST", "/cases/" + reference + "/response", response("DECLINE", declinedAt),
                declinedAt.plusSeconds(60));
        assertEquals("MISSED", clock(answered, "response").get("status"), "due 11:00, declined 11:30");
        assertEquals("RESPONDED", answered.get("status"));
        SesMailbox.SentEmail email = emailAbout(reference, "no placement offered");
        assertTrue(email.text().contains("we cannot offer a placement for your referral " + reference + " (I.S.)"), email.text());
        assertFalse(email.text().contains("Izzy") || email.text().contains("Samplewood"), "initials only");
    }

    @Test
    void derby331AStandardReferralHas24HoursMetInsideAndMissedOutside() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        String inTime = fixtures.referAndScreen(accommodation("STANDARD"), MONDAY);
        String late = fixtures.referAndScreen(accommodation("STANDARD"), MONDAY.plusSeconds(60));

        Instant day = MONDAY.plus(Duration.ofHours(23));
        Map<String, Object> met = fixtures.ok(sam, "POST", "/cases/" + inTime + "/response", response("OFFER", day), day);
        assertEquals(MONDAY.plus(Duration.ofHours(24)).toString(), clock(met, "response").get("dueAt"), "DERBY 3.3.1: 24 hours");
        assertEquals("MET", clock(met, "response").get("status"));

        Instant dayAndMore = MONDAY.plus(Duration.ofHours(25));
        Map<String, Object> missed = fixtures.ok(sam, "POST", "/cases/" + late + "/response", response("OFFER", dayAndMore), dayAndMore);
        assertEquals("MISSED", clock(missed, "response").get("status"));
        emailAbout(inTime, "offer of a placement");
        emailAbout(late, "offer of a placement");
    }

    @Test
    void derby331OneAnswerPerReferralSoASecondIsRefusedEvenAnOfferAfterADecline() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        String reference = fixtures.referAndScreen(accommodation("URGENT"), MONDAY);
        Instant declinedAt = MONDAY.plus(Duration.ofMinutes(20));
        fixtures.ok(sam, "POST", "/cases/" + reference + "/response", response("DECLINE", declinedAt), declinedAt);

        for (String kind : List.of("OFFER", "DECLINE")) {
            APIGatewayProxyResponseEvent again = fixtures.staff(sam, "POST", "/cases/" + reference + "/response",
                    response(kind, declinedAt.plusSeconds(600)), declinedAt.plusSeconds(600));
            assertEquals(409, again.getStatusCode(), again.getBody());
            assertTrue(again.getBody().contains("One answer per referral (DERBY 3.3.1)"), again.getBody());
        }
        Map<String, Object> view = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, declinedAt.plusSeconds(700));
        assertEquals("DECLINE", ((Map<?, ?>) casework(view).get("response")).get("kind"), "the first answer stands");
    }

    @Test
    @SuppressWarnings("unchecked")
    void derby331WithNoReferrerEmailTheAnswerBecomesATaskToTellTheCouncil() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        Map<String, Object> referral = accommodation("URGENT");
        Map<String, Object> referrer = new LinkedHashMap<>((Map<String, Object>) referral.get("referrer"));
        referrer.remove("email");
        referral.put("referrer", referrer);
        String reference = fixtures.referAndScreen(referral, MONDAY);
        Map<String, Object> answered = fixtures.ok(sam, "POST", "/cases/" + reference + "/response", response("OFFER",
                MONDAY.plusSeconds(600)), MONDAY.plusSeconds(600));
        List<Map<String, Object>> tasks = list(answered, "tasks").stream().filter(t -> "TELL_COUNCIL_RESPONSE".equals(t.get("kind"))).toList();
        assertEquals(1, tasks.size(), answered.get("tasks").toString());
        assertEquals(true, tasks.get(0).get("open"));
    }

    @Test
    void derbyKpiAccessPlacementEndsAreRecordedByInstigatorAfterAnOfferOnly() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        String reference = fixtures.referAndScreen(accommodation("STANDARD"), MONDAY);
        String path = "/cases/" + reference + "/placement-ends";
        Instant offeredAt = MONDAY.plus(Duration.ofHours(2));
        APIGatewayProxyResponseEvent tooSoon = fixtures.staff(sam, "POST", path, Map.of("at", MONDAY.plusSeconds(600).toString(),
                "instigator", "PROVIDER", "unexpected", true), MONDAY.plusSeconds(600));
        assertEquals(409, tooSoon.getStatusCode(), "no placement before an offer: " + tooSoon.getBody());

        fixtures.ok(sam, "POST", "/cases/" + reference + "/response", Map.of("kind", "OFFER", "at", offeredAt.toString(),
                "details", "Two rooms", "placementsPutForward", 2, "suitablePlacementsAvailable", 2), offeredAt);
        Instant weeksLater = MONDAY.plus(Duration.ofDays(30));
        APIGatewayProxyResponseEvent beforeOffer = fixtures.staff(sam, "POST", path, Map.of("at", offeredAt.minusSeconds(60).toString(),
                "instigator", "COUNCIL", "unexpected", true), weeksLater);
        assertEquals(400, beforeOffer.getStatusCode());
        assertEquals(Set.of("/at"), pointers(beforeOffer));

        fixtures.ok(sam, "POST", path, Map.of("at", weeksLater.minusSeconds(86_400).toString(), "instigator", "PROVIDER",
                "unexpected", true), weeksLater);
        Map<String, Object> view = fixtures.ok(MANAGER, "POST", path, Map.of("at", weeksLater.toString(), "instigator", "COUNCIL",
                "unexpected", false), weeksLater);
        assertEquals(List.of(
                Map.of("at", weeksLater.minusSeconds(86_400).toString(), "instigator", "PROVIDER", "unexpected", true, "recordedBy", "sam-derby"),
                Map.of("at", weeksLater.toString(), "instigator", "COUNCIL", "unexpected", false, "recordedBy", "hub-manager")),
                casework(view).get("placementEnds"));
        Map<?, ?> answer = (Map<?, ?>) casework(view).get("response");
        assertEquals(List.of(2, 2), List.of(answer.get("placementsPutForward"), answer.get("suitablePlacementsAvailable")),
                "suitable placements against those put forward");
        assertEquals(2, list(view, "timeline").stream().filter(e -> "PLACEMENT_ENDED".equals(e.get("type"))).count());
    }

    @Test
    void derby331AnAccommodationReferralIsNotAllocatedToAnAdvocate() {
        derbyStaff("sam-derby");
        String reference = fixtures.referAndScreen(accommodation("URGENT"), MONDAY);
        APIGatewayProxyResponseEvent refused = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/allocation",
                Map.of("advocateId", "sam-derby"), MONDAY.plusSeconds(600));
        assertEquals(422, refused.getStatusCode(), refused.getBody());
        List<String> rules = list(json(refused.getBody()), "violations").stream().map(v -> v.get("rule") + " " + v.get("clause")).toList();
        assertEquals(List.of("NOT_ALLOCATED DERBY 3.3.1"), rules);
    }

    @Test
    void derby331OnlyManagersAndActiveStaffOfTheAccommodationServiceSeeAndAnswerTheReferral() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        Map<String, Object> away = fixtures.member("ali-derby", "ADVOCATE", List.of("ACCOMMODATION"), Map.of(),
                Map.of("contracts", List.of("DERBY"), "active", false));
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(accommodation("URGENT"), MONDAY);
        Instant now = MONDAY.plusSeconds(900);
        for (Map<String, Object> outsider : List.of(ira, away)) {
            assertEquals(403, fixtures.staff(outsider, "GET", "/cases/" + reference, null, now).getStatusCode());
            APIGatewayProxyResponseEvent denied = fixtures.staff(outsider, "POST", "/cases/" + reference + "/response",
                    response("OFFER", now), now);
            assertEquals(403, denied.getStatusCode(), denied.getBody());
        }
        assertEquals(200, fixtures.staff(sam, "GET", "/cases/" + reference, null, now).getStatusCode());

        String imca = fixtures.referAndScreen(example("imca"), MONDAY);
        assertEquals(403, fixtures.staff(sam, "GET", "/cases/" + imca, null, now).getStatusCode(),
                "working in an unallocated service opens no allocated service's cases");
    }

    @Test
    void issue8EachFieldOfAResponseIsCheckedAndNothingIsStoredOnABadOne() {
        Map<String, Object> sam = derbyStaff("sam-derby");
        String reference = fixtures.referAndScreen(accommodation("URGENT"), MONDAY);
        String path = "/cases/" + reference + "/response";
        Instant now = MONDAY.plusSeconds(900);

        APIGatewayProxyResponseEvent empty = fixtures.staff(sam, "POST", path, Map.of(), now);
        assertEquals(400, empty.getStatusCode());
        assertEquals(Set.of("/kind", "/at", "/details"), pointers(empty));

        APIGatewayProxyResponseEvent wrong = fixtures.staff(sam, "POST", path, "{\"kind\": \"MAYBE\", \"at\": \"Monday\", \"details\": 12, "
                + "\"placementsPutForward\": \"1\", \"suitablePlacementsAvailable\": 1.5, \"name\": \"Izzy\"}", now);
        assertEquals(400, wrong.getStatusCode());
        assertEquals(Set.of("/kind", "/at", "/details", "/placementsPutForward", "/suitablePlacementsAvailable", "/name"), pointers(wrong));

        APIGatewayProxyResponseEvent control = fixtures.staff(sam, "POST", path, Map.of("kind", "OFFER", "at", now.toString(),
                "details", "Room\u0007 tonight"), now);
        assertEquals(Set.of("/details"), pointers(control), "a control character");

        APIGatewayProxyResponseEvent alone = fixtures.staff(sam, "POST", path, Map.of("kind", "OFFER", "at", now.toString(),
                "details", "Room", "placementsPutForward", 1), now);
        assertEquals(Set.of("/suitablePlacementsAvailable"), pointers(alone), "one count without the other");

        APIGatewayProxyResponseEvent counts = fixtures.staff(sam, "POST", path, Map.of("kind", "OFFER", "at", now.toString(),
                "details", "Room", "placementsPutForward", 1, "suitablePlacementsAvailable", 2), now);
        assertEquals(Set.of("/suitablePlacementsAvailable"), pointers(counts), "more suitable than put forward");

        APIGatewayProxyResponseEvent future = fixtures.staff(sam, "POST", path, response("OFFER", now.plusSeconds(60)), now);
        assertEquals(Set.of("/at"), pointers(future));

        APIGatewayProxyResponseEvent ends = fixtures.staff(sam, "POST", "/cases/" + reference + "/placement-ends",
                "{\"instigator\": \"BOTH\", \"unexpected\": \"yes\"}", now);
        assertEquals(Set.of("/at", "/instigator", "/unexpected"), pointers(ends));

        Map<String, Object> view = fixtures.ok(sam, "GET", "/cases/" + reference, null, now);
        assertEquals("AWAITING_ALLOCATION", view.get("status"));
        assertNull(casework(view).get("response"), "nothing stored");
        assertEquals("RUNNING", clock(view, "response").get("status"));
        assertTrue(aws.outbox().emailsTo(REFERRER).stream().noneMatch(e -> e.subject().startsWith("Referral " + reference + ": ")),
                "no answer emailed");
    }

    @Test
    void lew175AYoungPersonsGroupAndReasonsAreStoredAndShownTakingTheReferralsAnswersWhenLeftOut() {
        Map<String, Object> cai = fixtures.member("cai-cyp", "ADVOCATE", List.of("CYP"), Map.of("NQIA_LEVEL_3", "2024-06-01"),
                Map.of("contracts", List.of("LEW")));
        String reference = fixtures.referAndScreen(example("cyp"), MONDAY);
        String path = "/cases/" + reference + "/return-details";
        assertEquals(403, fixtures.staff(cai, "PUT", path, Map.of(), MONDAY.plusSeconds(600)).getStatusCode(),
                "not yet this advocate's case");
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "cai-cyp"), MONDAY.plusSeconds(600));

        Map<String, Object> defaulted = fixtures.ok(cai, "PUT", path, Map.of(), MONDAY.plusSeconds(900));
        assertEquals(Map.of("group", "LAC", "primaryReason", "FORMAL_MEETING"), casework(defaulted).get("returnDetails"),
                "from cypStatus LOOKED_AFTER and cypReason FORMAL_MEETING");

        fixtures.ok(cai, "PUT", path, Map.of("group", "CARE_LEAVER", "primaryReason", "CARE_LEAVER_CONCERN",
                "secondaryReason", "CONCERN_ABOUT_CARE"), MONDAY.plusSeconds(1200));
        Map<String, Object> view = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(1300));
        assertEquals(Map.of("group", "CARE_LEAVER", "primaryReason", "CARE_LEAVER_CONCERN", "secondaryReason", "CONCERN_ABOUT_CARE"),
                casework(view).get("returnDetails"));
        assertEquals(2, list(view, "timeline").stream().filter(e -> "RETURN_DETAILS_RECORDED".equals(e.get("type"))).count());

        // LEW 17.5's caseload information the referral does not give; the timeline names the fields, never their words.
        Map<String, Object> caseload = new java.util.LinkedHashMap<>(Map.of("group", "CARE_LEAVER", "primaryReason", "CARE_LEAVER_CONCERN",
                "socialWorker", "Sam Worker", "asylumSeeker", true, "legalStatus", "CARE_LEAVER", "outcomesSought", "A say in where I live",
                "summaryOfWork", "Two visits and a letter to the team", "estimatedHoursRemaining", 2.5));
        Map<String, Object> recorded = casework(fixtures.ok(cai, "PUT", path, caseload, MONDAY.plusSeconds(1350)));
        Map<String, Object> expected = new java.util.LinkedHashMap<>(caseload);
        expected.put("estimatedHoursRemaining", 2.5);
        assertEquals(expected, recorded.get("returnDetails"));
        List<String> lines = list(fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(1360)), "timeline").stream()
                .filter(e -> "RETURN_DETAILS_RECORDED".equals(e.get("type"))).map(e -> (String) e.get("description")).toList();
        assertTrue(lines.get(lines.size() - 1).contains("caseload information recorded: social worker, asylum seeker, legal status, "
                + "outcomes sought, summary of work, estimated time remaining"), lines.toString());
        assertFalse(lines.toString().contains("Sam Worker") || lines.toString().contains("A say in where I live"), "no values");
        assertEquals(Set.of("/legalStatus", "/estimatedHoursRemaining", "/asylumSeeker"), pointers(fixtures.staff(cai, "PUT", path,
                Map.of("legalStatus", "ORPHANED", "estimatedHoursRemaining", 500, "asylumSeeker", "yes"), MONDAY.plusSeconds(1370))));

        APIGatewayProxyResponseEvent same = fixtures.staff(cai, "PUT", path, Map.of("secondaryReason", "FORMAL_MEETING"),
                MONDAY.plusSeconds(1400));
        assertEquals(Set.of("/secondaryReason"), pointers(same), "the secondary reason is not the primary (from the referral) again");
        APIGatewayProxyResponseEvent wrong = fixtures.staff(cai, "PUT", path, "{\"group\": \"ORPHAN\", \"primaryReason\": 4, "
                + "\"tertiaryReason\": \"OTHER\"}", MONDAY.plusSeconds(1400));
        assertEquals(Set.of("/group", "/primaryReason", "/tertiaryReason"), pointers(wrong));
    }

    @Test
    void lew175ReturnDetailsAreForYoungPeoplesCasesOnly() {
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        APIGatewayProxyResponseEvent refused = fixtures.staff(MANAGER, "PUT", "/cases/" + reference + "/return-details",
                Map.of("group", "LAC", "primaryReason", "FORMAL_MEETING"), MONDAY.plusSeconds(600));
        assertEquals(409, refused.getStatusCode(), refused.getBody());
        assertTrue(refused.getBody().contains("children and young people's cases"), refused.getBody());
        Map<String, Object> view = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, MONDAY.plusSeconds(700));
        assertFalse(casework(view).containsKey("returnDetails"));
    }
}
