package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 item 8 through the real functions on the local engines: time entries and their running
 * totals (LLR 26.17, LEW 17.5), the LEW 8-hour update (LEW 8.9), the 12 and 15-hour caps and the
 * Service Manager's approval (LEW 7.3, 7.16, 8.11), the LLR request to go past 20 hours
 * (LLR 26.17), corrections, and the fields' validation.
 */
@WithLocalAws
class TimeIT {

    /** Every entry is recorded on Monday at noon, for Monday (the day the referral came in). */
    private static final Instant NOON = MONDAY.plus(Duration.ofHours(2));
    private static final String TODAY = "2026-11-23";

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    TimeIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    // ------------------------------------------------------------------ helpers

    private Map<String, Object> cypAdvocate(String staffId) {
        return fixtures.member(staffId, "ADVOCATE", List.of("CYP"), Map.of(), Map.of());
    }

    /** A LEW case screened eligible and allocated to {@code advocateId}. */
    private String cypCase(Map<String, Object> referral, String advocateId) {
        String reference = fixtures.referAndScreen(referral, MONDAY);
        Map<String, Object> allocated = fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation",
                Map.of("advocateId", advocateId), MONDAY.plusSeconds(3600));
        assertEquals("ALLOCATED", allocated.get("status"));
        return reference;
    }

    private String imcaCase(String advocateId) {
        String reference = fixtures.referAndScreen(example("imca"), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", advocateId), MONDAY.plusSeconds(3600));
        return reference;
    }

    private static Map<String, Object> entry(int minutes, String kind, String activity) {
        return Map.of("date", TODAY, "minutes", minutes, "kind", kind, "activity", activity);
    }

    private APIGatewayProxyResponseEvent post(Map<String, Object> claims, String reference, int minutes) {
        return fixtures.staff(claims, "POST", "/cases/" + reference + "/time", entry(minutes, "DIRECT", "FACE_TO_FACE"), NOON);
    }

    private Map<String, Object> time(Map<String, Object> claims, String reference, int minutes) {
        APIGatewayProxyResponseEvent response = post(claims, reference, minutes);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response.getBody());
    }

    /** Time dated {@code day} days after the referral's Monday, recorded at noon on the Wednesday (a day holds 24 hours at most). */
    private APIGatewayProxyResponseEvent post(Map<String, Object> claims, String reference, int minutes, int day) {
        return fixtures.staff(claims, "POST", "/cases/" + reference + "/time", Map.of("date", LocalDate.parse(TODAY).plusDays(day).toString(),
                "minutes", minutes, "kind", "DIRECT", "activity", "FACE_TO_FACE"), NOON.plus(Duration.ofDays(2)));
    }

    private Map<String, Object> time(Map<String, Object> claims, String reference, int minutes, int day) {
        APIGatewayProxyResponseEvent response = post(claims, reference, minutes, day);
        assertEquals(200, response.getStatusCode(), response.getBody());
        return json(response.getBody());
    }

    /** The 422's rules, each as "RULE clause". */
    private List<String> refused(APIGatewayProxyResponseEvent response) {
        assertEquals(422, response.getStatusCode(), response.getBody());
        return list(json(response.getBody()), "violations").stream().map(v -> v.get("rule") + " " + v.get("clause")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hours(Map<String, Object> view) {
        return (Map<String, Object>) ((Map<String, Object>) view.get("casework")).get("hours");
    }

    private static List<String> timeline(Map<String, Object> view, String type) {
        return list(view, "timeline").stream().filter(e -> e.get("type").equals(type)).map(e -> (String) e.get("description")).toList();
    }

    private Map<String, Object> view(String reference) {
        return fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, NOON.plusSeconds(60));
    }

    private List<SesMailbox.SentEmail> emailsAbout(String reference, String address) {
        return aws.outbox().emailsTo(address).stream().filter(e -> e.subject().contains(reference)).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cypConferenceReferral() {
        Map<String, Object> referral = new LinkedHashMap<>(example("cyp"));
        Map<String, Object> details = new LinkedHashMap<>((Map<String, Object>) referral.get("details"));
        details.put("cypStatus", "CHILD_PROTECTION_PLAN");
        details.put("cypReason", "CHILD_PROTECTION_CONFERENCE");
        referral.put("details", details);
        return referral;
    }

    // ------------------------------------------------------------------ LEW 8.9

    @Test
    void lew89ACaseReaching8HoursGivesTheDutyManagerATaskAndOneEmailWithInitialsOnly() {
        fixtures.member("dana-duty", "MANAGER", List.of("CYP"), Map.of(), Map.of("dutyManagerFor", List.of("LEW")));
        fixtures.member("lloyd-duty", "MANAGER", List.of("IMCA"), Map.of(), Map.of("dutyManagerFor", List.of("LLR")));
        Map<String, Object> tia = cypAdvocate("tia-cyp");
        String reference = cypCase(example("cyp"), "tia-cyp");

        Map<String, Object> seven = time(tia, reference, 420);
        assertEquals(420, hours(seven).get("directMinutes"));
        assertEquals(false, hours(seven).get("reviewRaised"), "7 hours has not reached 8");
        assertTrue(list(seven, "tasks").isEmpty());

        APIGatewayProxyResponseEvent indirect = fixtures.staff(tia, "POST", "/cases/" + reference + "/time",
                entry(60, "INDIRECT", "REPORT_WRITING"), NOON);
        assertEquals(200, indirect.getStatusCode(), indirect.getBody());
        Map<String, Object> eight = json(indirect.getBody());
        assertEquals(Map.of("directMinutes", 420, "indirectMinutes", 60, "totalMinutes", 480, "reviewRaised", true),
                Map.of("directMinutes", hours(eight).get("directMinutes"), "indirectMinutes", hours(eight).get("indirectMinutes"),
                        "totalMinutes", hours(eight).get("totalMinutes"), "reviewRaised", hours(eight).get("reviewRaised")),
                "LEW 8.9: 8 hours exactly reaches the review");
        List<Map<String, Object>> tasks = list(eight, "tasks");
        assertEquals(1, tasks.size(), tasks.toString());
        assertEquals("SEND_HOURS_UPDATE", tasks.get(0).get("kind"));
        assertEquals(true, tasks.get(0).get("open"));
        assertTrue(((String) tasks.get(0).get("description"))
                        .startsWith("Duty manager: send the Council the update due at 8 hours (LEW 8.9)"),
                tasks.get(0).toString());
        assertEquals(1, timeline(eight, "HOURS_REVIEW_DUE").size());

        List<SesMailbox.SentEmail> emails = emailsAbout(reference, "dana-duty@hub.example");
        assertEquals(1, emails.size(), "the duty manager of LEW is told");
        SesMailbox.SentEmail email = emails.get(0);
        assertTrue(email.subject().contains("LEW 8.9"), email.subject());
        for (String field : List.of("Case number: " + reference, "Referral date: Monday 23 November 2026", "Initials: G.T.",
                "Advocate: Staff tia-cyp", "Cumulative hours: 8 h (direct 7 h, indirect 1 h)", "The future planned work",
                "An estimate of the hours still needed", "Any barriers or delays", "A summary of the work undertaken so far",
                "up to 12 hours (LEW 8.11)")) {
            assertTrue(email.text().contains(field), field + " in:\n" + email.text());
        }
        for (String personal : List.of("Gus", "Testchild", "2012", "21 June")) {
            assertFalse(email.text().contains(personal) || email.html().contains(personal), "no name or date of birth: " + personal);
        }
        assertTrue(emailsAbout(reference, "lloyd-duty@hub.example").isEmpty(), "LLR's duty manager is not LEW's");
        // Written into the outbox with the entry (issue 19); its fate (sent, refused, not known) is the mail sender's to record.
        assertEquals(java.util.Set.of("PENDING"), java.util.Set.copyOf(aws.outbox().statuses().entrySet().stream()
                .filter(e -> e.getKey().startsWith(reference + "/HOURS_REVIEW#")).map(Map.Entry::getValue).toList()));

        Map<String, Object> nine = time(tia, reference, 60);
        assertEquals(540, hours(nine).get("totalMinutes"));
        assertEquals(1, list(nine, "tasks").size(), "LEW 8.9: once per case");
        assertEquals(1, timeline(nine, "HOURS_REVIEW_DUE").size());
        assertEquals(1, emailsAbout(reference, "dana-duty@hub.example").size(), "one email per case");
    }

    // ------------------------------------------------------------------ LEW 7.3, 7.16, 8.11

    @Test
    void lew811EntriesPast12HoursAreRefusedUntilAManagerRecordsTheServiceManagersApproval() {
        Map<String, Object> tia = cypAdvocate("tia-cyp");
        String reference = cypCase(example("cyp"), "tia-cyp");
        assertEquals(720, hours(time(tia, reference, 720)).get("totalMinutes"), "12 hours exactly is within the cap");

        assertEquals(List.of("HOUR_CAP LEW 8.11"), refused(post(tia, reference, 15)));
        assertEquals(720, hours(view(reference)).get("totalMinutes"), "nothing recorded");

        Map<String, Object> approval = Map.of("approvedBy", "Service Manager, LAC", "limitHours", 14,
                "reason", "A tribunal hearing next month needs preparation");
        assertEquals(403, fixtures.staff(tia, "POST", "/cases/" + reference + "/hour-approvals", approval, NOON).getStatusCode(),
                "a manager records the approval");
        APIGatewayProxyResponseEvent notMore = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/hour-approvals",
                Map.of("approvedBy", "Service Manager, LAC", "limitHours", 12, "reason", "Same"), NOON);
        assertEquals(400, notMore.getStatusCode(), notMore.getBody());
        assertTrue(notMore.getBody().contains("\"pointer\":\"/limitHours\""), notMore.getBody());

        Map<String, Object> approved = fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/hour-approvals", approval, NOON);
        assertEquals(1, list(hours(approved), "approvals").size());
        assertTrue(timeline(approved, "HOURS_APPROVED").get(0).contains("up to 14 hours (LEW 7.3; LEW 8.11)"),
                timeline(approved, "HOURS_APPROVED").toString());
        assertFalse(timeline(approved, "HOURS_APPROVED").get(0).contains("tribunal"), "no free text in the timeline");

        assertEquals(735, hours(time(tia, reference, 15)).get("totalMinutes"));
        assertEquals(840, hours(time(tia, reference, 105)).get("totalMinutes"), "14 hours exactly, as approved");
        assertEquals(List.of("APPROVED_HOURS LEW 8.11"), refused(post(tia, reference, 1)), "the approved limit holds in turn");
    }

    @Test
    void lew716AChildProtectionConferenceCaseMayHave15HoursThenNeedsApproval() {
        Map<String, Object> tia = cypAdvocate("tia-cyp");
        String reference = cypCase(cypConferenceReferral(), "tia-cyp");
        time(tia, reference, 720);
        assertEquals(900, hours(time(tia, reference, 180)).get("totalMinutes"), "past 12 hours and up to 15 for a conference case");
        assertEquals(List.of("CONFERENCE_HOUR_CAP LEW 7.16"), refused(post(tia, reference, 15)));

        APIGatewayProxyResponseEvent notMore = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/hour-approvals",
                Map.of("approvedBy", "Service Manager, FSW", "limitHours", 15, "reason", "Review conference"), NOON);
        assertEquals(400, notMore.getStatusCode(), "15 hours needs no approval on a conference case");
        assertTrue(notMore.getBody().contains("LEW 7.16"), notMore.getBody());
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/hour-approvals",
                Map.of("approvedBy", "Service Manager, FSW", "limitHours", 16.5, "reason", "A further review conference"), NOON);
        assertEquals(915, hours(time(tia, reference, 15)).get("totalMinutes"));
    }

    // ------------------------------------------------------------------ LLR 26.17

    @Test
    void llr2617TimeReaching20HoursNeedsARecordedRequestWhichRaisesTheLimitByItsHours() {
        Map<String, Object> ivo = fixtures.imcaAdvocate("ivo-imca");
        String reference = imcaCase("ivo-imca");
        time(ivo, reference, 720, 0);
        assertEquals(1199, hours(time(ivo, reference, 479, 1)).get("totalMinutes"), "19 h 59 min needs no request");
        assertEquals(List.of("HOURS_REQUEST_NEEDED LLR 26.17"), refused(post(ivo, reference, 1, 1)),
                "20 hours exactly is '20 or more hours' (LLR 26.17): it needs a request");

        Map<String, Object> requested = fixtures.ok(ivo, "POST", "/cases/" + reference + "/hour-requests",
                Map.of("hours", 5, "reasons", "A Court of Protection hearing"), NOON.plus(Duration.ofDays(2)));
        List<Map<String, Object>> requests = list(hours(requested), "requests");
        assertEquals(1, requests.size());
        assertEquals("A Court of Protection hearing", requests.get(0).get("reasons"));
        assertTrue(timeline(requested, "HOURS_REQUESTED").get(0).contains("up to 25 hours (LLR 26.17)"),
                timeline(requested, "HOURS_REQUESTED").toString());

        assertEquals(1215, hours(time(ivo, reference, 16, 1)).get("totalMinutes"));
        assertEquals(1500, hours(time(ivo, reference, 285, 2)).get("totalMinutes"), "25 hours exactly: what the request asked for");
        assertEquals(List.of("HOURS_REQUEST_NEEDED LLR 26.17"), refused(post(ivo, reference, 1, 2)));
        assertEquals(409, fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/hour-approvals", Map.of("approvedBy",
                "Someone", "limitHours", 30, "reason", "More"), NOON).getStatusCode(), "LLR has no cap to approve past");
        assertEquals(false, hours(view(reference)).get("reviewRaised"), "LLR has no 8-hour review");
    }

    // ------------------------------------------------------------------ corrections

    @Test
    void issue8AnEntryIsCorrectedByItsAuthorOrAManagerWithTheChangeOnTheTimelineAndNotByAnotherAdvocate() {
        Map<String, Object> ivo = fixtures.imcaAdvocate("ivo-imca");
        Map<String, Object> una = fixtures.imcaAdvocate("una-imca");
        String reference = imcaCase("ivo-imca");
        Map<String, Object> recorded = time(ivo, reference, 60);
        String entryId = (String) list(recorded, "time").get(0).get("id");
        String path = "/cases/" + reference + "/time/" + entryId;

        Map<String, Object> byAuthor = fixtures.ok(ivo, "PUT", path, entry(90, "INDIRECT", "TRAVEL"), NOON.plusSeconds(60));
        Map<String, Object> corrected = list(byAuthor, "time").get(0);
        assertEquals(List.of(entryId, 90, "INDIRECT", "TRAVEL", 1, "ivo-imca"), List.of(corrected.get("id"), corrected.get("minutes"),
                corrected.get("kind"), corrected.get("activity"), corrected.get("revision"), corrected.get("author")));
        assertEquals(List.of(0, 90, 90), List.of(hours(byAuthor).get("directMinutes"), hours(byAuthor).get("indirectMinutes"),
                hours(byAuthor).get("totalMinutes")), "the totals move with the correction");
        String change = timeline(byAuthor, "TIME_CORRECTED").get(0);
        assertTrue(change.contains("minutes 60 to 90, kind DIRECT to INDIRECT, activity FACE_TO_FACE to TRAVEL"), change);
        assertFalse(change.contains("date"), "the date did not change: " + change);

        Map<String, Object> byManager = fixtures.ok(MANAGER, "PUT", path, Map.of("date", "2026-11-23", "minutes", 45, "kind", "INDIRECT",
                "activity", "TRAVEL"), NOON.plusSeconds(120));
        assertEquals(2, list(byManager, "time").get(0).get("revision"));
        assertEquals(45, hours(byManager).get("indirectMinutes"));
        assertEquals(2, timeline(byManager, "TIME_CORRECTED").size(), "each correction is kept");

        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/reallocation", Map.of("fromAdvocateId", "ivo-imca", "advocateId", "una-imca",
                "reason", "Ivo is on leave"), NOON.plusSeconds(180));
        APIGatewayProxyResponseEvent notTheAuthor = fixtures.staff(una, "PUT", path, entry(30, "INDIRECT", "TRAVEL"),
                NOON.plusSeconds(240));
        assertEquals(403, notTheAuthor.getStatusCode(), "the case's new advocate did not record it");
        assertEquals(403, fixtures.staff(ivo, "PUT", path, entry(30, "INDIRECT", "TRAVEL"), NOON.plusSeconds(240)).getStatusCode(),
                "the author no longer has the case");
        Map<String, Object> after = view(reference);
        assertEquals(2, list(after, "time").get(0).get("revision"));
        assertEquals(45, hours(after).get("totalMinutes"));

        APIGatewayProxyResponseEvent unknown = fixtures.staff(MANAGER, "PUT", "/cases/" + reference + "/time/nope1234",
                entry(30, "INDIRECT", "TRAVEL"), NOON.plusSeconds(300));
        assertEquals(404, unknown.getStatusCode());
        assertTrue(unknown.getBody().contains("no time entry"), unknown.getBody());
    }

    // ------------------------------------------------------------------ LEW Appendix 1: meetings attended

    @Test
    void lewAppendix1AMeetingAttendedSaysWhichMeetingOnlyWithTheActivityOfAttendingOneAndACorrectionKeepsTheChange() {
        Map<String, Object> tia = cypAdvocate("tia-cyp");
        String reference = cypCase(example("cyp"), "tia-cyp");
        String path = "/cases/" + reference + "/time";
        Map<String, Object> review = new LinkedHashMap<>(entry(60, "DIRECT", "MEETING_ATTENDANCE"));
        review.put("meeting", "LAC_REVIEW");
        Map<String, Object> recorded = fixtures.ok(tia, "POST", path, review, NOON);
        Map<String, Object> stored = list(recorded, "time").get(0);
        assertEquals(List.of("MEETING_ATTENDANCE", "LAC_REVIEW"), List.of(stored.get("activity"), stored.get("meeting")));
        assertTrue(timeline(recorded, "TIME_RECORDED").get(0).contains("attending a meeting (looked-after child review)"),
                timeline(recorded, "TIME_RECORDED").toString());
        Map<String, Object> travel = fixtures.ok(tia, "POST", path, entry(30, "INDIRECT", "TRAVEL"), NOON.plusSeconds(30));
        assertFalse(list(travel, "time").stream().filter(e -> e.get("activity").equals("TRAVEL")).findFirst().orElseThrow()
                .containsKey("meeting"), "an entry without a meeting has none");

        // Refused, naming the field: a meeting with another activity, one the hub does not know, and one of the wrong JSON type.
        Map<String, Object> meetingWithTravel = new LinkedHashMap<>(entry(30, "INDIRECT", "TRAVEL"));
        meetingWithTravel.put("meeting", "CP_CONFERENCE");
        Map<String, Object> unknown = new LinkedHashMap<>(review);
        unknown.put("meeting", "CHRISTMAS_PARTY");
        Map<String, Object> number = new LinkedHashMap<>(review);
        number.put("meeting", 2);
        for (Map<String, Object> body : List.of(meetingWithTravel, unknown, number)) {
            APIGatewayProxyResponseEvent refused = fixtures.staff(tia, "POST", path, body, NOON.plusSeconds(60));
            assertEquals(400, refused.getStatusCode(), body + ": " + refused.getBody());
            assertTrue(refused.getBody().contains("\"pointer\":\"/meeting\""), refused.getBody());
        }
        APIGatewayProxyResponseEvent withTravel = fixtures.staff(tia, "POST", path, meetingWithTravel, NOON.plusSeconds(60));
        assertTrue(withTravel.getBody().contains("The meeting is given only with the activity 'Attending a meeting'"), withTravel.getBody());

        String entryId = (String) stored.get("id");
        Map<String, Object> pathway = new LinkedHashMap<>(review);
        pathway.put("meeting", "PATHWAY_PLAN");
        Map<String, Object> corrected = fixtures.ok(tia, "PUT", path + "/" + entryId, pathway, NOON.plusSeconds(120));
        Map<String, Object> entry = list(corrected, "time").stream().filter(e -> e.get("id").equals(entryId)).findFirst().orElseThrow();
        assertEquals(List.of("PATHWAY_PLAN", 1), List.of(entry.get("meeting"), entry.get("revision")));
        assertTrue(timeline(corrected, "TIME_CORRECTED").get(0).contains("meeting LAC_REVIEW to PATHWAY_PLAN"),
                timeline(corrected, "TIME_CORRECTED").toString());
        Map<String, Object> faceToFace = new LinkedHashMap<>(pathway);
        faceToFace.put("activity", "FACE_TO_FACE");
        APIGatewayProxyResponseEvent notAMeeting = fixtures.staff(tia, "PUT", path + "/" + entryId, faceToFace, NOON.plusSeconds(180));
        assertEquals(400, notAMeeting.getStatusCode(), notAMeeting.getBody());
        assertTrue(notAMeeting.getBody().contains("\"pointer\":\"/meeting\""), notAMeeting.getBody());

        Map<String, Object> view = view(reference);
        assertEquals(2, list(view, "time").size(), "nothing refused was stored");
        assertEquals("PATHWAY_PLAN", list(view, "time").stream().filter(e -> e.get("id").equals(entryId)).findFirst().orElseThrow()
                .get("meeting"));
    }

    // ------------------------------------------------------------------ validation

    @Test
    void issue8ATimeEntryWithWrongFieldsIsRefusedNamingEachFieldAndNothingIsStored() {
        Map<String, Object> ivo = fixtures.imcaAdvocate("ivo-imca");
        String reference = imcaCase("ivo-imca");
        Map<String, Object> future = Map.of("date", "2026-11-24", "minutes", 30, "kind", "DIRECT", "activity", "ADMIN");
        Map<String, Object> beforeReferral = Map.of("date", "2026-11-22", "minutes", 30, "kind", "DIRECT", "activity", "ADMIN");
        List<Map.Entry<Map<String, Object>, String>> wrong = List.of(
                Map.entry(Map.of("date", TODAY, "minutes", 0, "kind", "DIRECT", "activity", "ADMIN"), "/minutes"),
                Map.entry(Map.of("date", TODAY, "minutes", 721, "kind", "DIRECT", "activity", "ADMIN"), "/minutes"),
                Map.entry(Map.of("date", TODAY, "minutes", "30", "kind", "DIRECT", "activity", "ADMIN"), "/minutes"),
                Map.entry(Map.of("date", TODAY, "minutes", 30.5, "kind", "DIRECT", "activity", "ADMIN"), "/minutes"),
                Map.entry(future, "/date"),
                Map.entry(beforeReferral, "/date"),
                Map.entry(Map.of("date", TODAY, "minutes", 30, "kind", "BOTH", "activity", "ADMIN"), "/kind"),
                Map.entry(Map.of("date", TODAY, "minutes", 30, "kind", "DIRECT"), "/activity"));
        Map<Map<String, Object>, String> answers = new java.util.HashMap<>();
        for (Map.Entry<Map<String, Object>, String> body : wrong) {
            APIGatewayProxyResponseEvent response = fixtures.staff(ivo, "POST", "/cases/" + reference + "/time", body.getKey(), NOON);
            assertEquals(400, response.getStatusCode(), body.getKey() + ": " + response.getBody());
            assertTrue(response.getBody().contains("\"pointer\":\"" + body.getValue() + "\""), response.getBody());
            answers.put(body.getKey(), response.getBody());
        }
        assertTrue(answers.get(beforeReferral).contains("before the referral was received"), answers.get(beforeReferral));
        assertTrue(answers.get(future).contains("today or in the past"), answers.get(future));

        Map<String, Object> view = view(reference);
        assertEquals(0, hours(view).get("totalMinutes"));
        assertTrue(list(view, "time").isEmpty());
        assertTrue(timeline(view, "TIME_RECORDED").isEmpty());
    }
}
