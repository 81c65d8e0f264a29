package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.about;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.advocacyhub.casework.CaseworkFixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 items 2 and 3 through the real casework function: a subject access request for a person with cases in two
 * contracts finds every case of theirs (and no one else's: not another person of the same name born on another day, nor
 * anyone else), exports each with its whole file and emails in JSON and HTML, third parties' data marked; the request is due a
 * month after receipt and every step is audited; an erasure waits for the cases to close, then anonymises them as retention
 * does; a correction refused must give a ground that fits.
 */
@WithLocalAws
class DataRequestsIT {

    private static final String NAME = "Dana Subjectperson";
    private static final String BORN = "2008-03-04";

    private final CaseworkFixtures fixtures;

    DataRequestsIT(LocalAws aws) {
        this.fixtures = new CaseworkFixtures(aws);
    }

    private Map<String, Object> created(String path, Map<String, Object> body, Instant at) {
        APIGatewayProxyResponseEvent response = fixtures.staff(MANAGER, "POST", path, body, at);
        assertEquals(201, response.getStatusCode(), response.getBody());
        return json(response.getBody());
    }

    @Test
    void aSubjectAccessExportHoldsEveryCaseOfThePersonInBothContractsAndNothingOfAnyoneElseButMarkedThirdParties() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String llr = fixtures.referAndScreen(about(example("imca"), NAME, BORN), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + llr + "/allocation", Map.of("advocateId", "ira-imca"), MONDAY.plusSeconds(600));
        String lew = fixtures.referAndScreen(about(example("cyp"), "SUBJECTPERSON, dána", BORN), MONDAY.plusSeconds(60));
        String sameNameOtherDay = fixtures.referAndScreen(about(example("imca"), NAME, "1970-01-02"), MONDAY.plusSeconds(120));
        String someoneElse = fixtures.referAndScreen(about(example("imca"), "Robin Otherperson", BORN), MONDAY.plusSeconds(180));

        Instant asked = MONDAY.plus(Duration.ofHours(2));
        Map<String, Object> request = created("/subject-access-requests", Map.of("name", "dana subjectperson", "dateOfBirth", BORN), asked);
        String id = (String) request.get("id");
        assertEquals("ACCESS", request.get("kind"));
        assertEquals("2026-11-23", request.get("receivedOn"));
        assertEquals("2026-12-23", request.get("dueOn"), "one month (UK GDPR Art. 12(3))");

        Map<String, Object> export = fixtures.ok(MANAGER, "GET", "/subject-access-requests/" + id + "/export", null, asked.plusSeconds(60));
        List<Map<String, Object>> cases = list(export, "cases");
        Set<String> references = new TreeSet<>(cases.stream().map(c -> (String) c.get("reference")).toList());
        assertEquals(new TreeSet<>(List.of(llr, lew)), references, "both contracts' cases, and no one else's");
        assertEquals(Set.of("LLR", "LEW"), Set.copyOf(cases.stream().map(c -> (String) c.get("contract")).toList()));
        for (Map<String, Object> c : cases) {
            assertFalse(list(c, "timeline").isEmpty(), "the whole file: " + c.keySet());
            assertTrue(c.containsKey("audit") && c.containsKey("tasks") && c.containsKey("activities"), c.keySet().toString());
            Map<String, Object> referrer = map(map(c, "referral"), "referrer");
            assertEquals(true, referrer.get("thirdParty"), "the referrer's details are marked for review");
            assertFalse(list(c, "emails").isEmpty(), "the acknowledgement and decision letter: " + c.get("reference"));
            assertTrue(list(c, "emails").stream().allMatch(e -> Boolean.TRUE.equals(map(e, "to").get("thirdParty"))));
        }
        String whole = CaseworkFixtures.write(export);
        for (String other : List.of(sameNameOtherDay, someoneElse, "Robin Otherperson", "1970-01-02")) {
            assertFalse(whole.contains(other), "nothing about another person: " + other);
        }

        APIGatewayProxyResponseEvent html = fixtures.staff(CaseworkFixtures.CASEWORK, MANAGER, "GET", "/subject-access-requests/" + id
                + "/export", null, asked.plusSeconds(90), Map.of("Accept", "text/html"), Map.of());
        assertEquals(200, html.getStatusCode(), html.getBody());
        assertTrue(html.getHeaders().get("Content-Type").startsWith("text/html"), html.getHeaders().toString());
        assertTrue(html.getBody().contains("Third party&#39;s data: review before release") || html.getBody().contains(
                "Third party's data: review before release"), "third parties' parts are marked in the document");
        assertTrue(html.getBody().contains(llr) && html.getBody().contains(lew));

        Map<String, Object> shown = fixtures.ok(MANAGER, "GET", "/data-requests/" + id, null, asked.plusSeconds(120));
        List<String> audit = list(shown, "audit").stream().map(a -> (String) a.get("action")).toList();
        assertTrue(audit.get(0).startsWith("recorded the subject access request"), audit.toString());
        assertEquals(2, audit.stream().filter(a -> a.startsWith("produced the subject access export (2 cases")).count(), audit.toString());
        assertTrue(audit.contains("opened the request"), audit.toString());
        Map<String, Object> listed = fixtures.ok(MANAGER, "GET", "/data-requests", null, asked.plusSeconds(130));
        assertEquals(List.of(id), list(listed, "open").stream().map(r -> r.get("id")).toList());
        assertFalse(CaseworkFixtures.write(listed).contains("Subjectperson"), "a list names no one");

        // Managers only; bad input names its fields.
        assertEquals(403, fixtures.staff(ira, "GET", "/subject-access-requests/" + id + "/export", null, asked).getStatusCode());
        assertEquals(403, fixtures.staff(ira, "POST", "/subject-access-requests", Map.of("name", NAME, "dateOfBirth", BORN), asked)
                .getStatusCode());
        APIGatewayProxyResponseEvent bad = fixtures.staff(MANAGER, "POST", "/subject-access-requests",
                Map.of("name", 5, "dateOfBirth", "next Tuesday"), asked);
        assertEquals(400, bad.getStatusCode(), bad.getBody());
        assertEquals(Set.of("name", "dateOfBirth"), Set.copyOf(list(json(bad.getBody()), "errors").stream().map(e -> e.get("field")).toList()));

        Map<String, Object> answered = fixtures.ok(MANAGER, "POST", "/data-requests/" + id + "/decision",
                Map.of("outcome", "ANSWERED", "note", "Sent by recorded post, the referrer's details removed"), asked.plusSeconds(300));
        assertEquals("ANSWERED", map(answered, "decision").get("outcome"));
    }

    @Test
    void anErasureWaitsForTheCasesToCloseThenAnonymisesThemAsRetentionDoesAndARefusalNeedsAGroundThatFits() {
        fixtures.imcaAdvocate("ira-imca");
        String name = "Erin Erasureperson";
        String born = "1950-07-08";
        String reference = fixtures.referAndScreen(about(example("imca"), name, born), MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), MONDAY.plusSeconds(600));
        Instant asked = MONDAY.plus(Duration.ofHours(2));
        String id = (String) created("/erasure-requests", Map.of("name", name, "dateOfBirth", born, "details",
                "Asks for their records to be erased"), asked).get("id");

        APIGatewayProxyResponseEvent open = fixtures.staff(MANAGER, "POST", "/data-requests/" + id + "/decision",
                Map.of("outcome", "ERASED", "note", "Erased"), asked.plusSeconds(60));
        assertEquals(409, open.getStatusCode(), open.getBody());
        assertTrue(open.getBody().contains(reference), open.getBody());
        assertTrue(((String) map(map(fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, asked.plusSeconds(70)), "referral"),
                "person").get("name")).equals(name), "nothing erased while the case is open");

        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/closure", Map.of("reason", "OUTCOME_REACHED", "goals", List.of(),
                "summary", "Finished"), asked.plusSeconds(120));
        // A case study of their journey (issue 23) is theirs: in a subject access export, and erased with the case.
        String journey = "Heard at the best interests meeting and chose to stay in the bungalow with more support.";
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/case-study", Map.of("revision", 0, "consent", "GIVEN",
                "measures", List.of("hadASay"), "text", journey), asked.plusSeconds(130));
        String before = (String) created("/subject-access-requests", Map.of("name", name, "dateOfBirth", born), asked.plusSeconds(135))
                .get("id");
        List<Map<String, Object>> studies = list(list(fixtures.ok(MANAGER, "GET", "/subject-access-requests/" + before + "/export", null,
                asked.plusSeconds(140)), "cases").get(0), "caseStudies");
        assertEquals(List.of(journey), studies.stream().map(c -> c.get("text")).toList(), "the case study is in the export");
        APIGatewayProxyResponseEvent wrongOutcome = fixtures.staff(MANAGER, "POST", "/data-requests/" + id + "/decision",
                Map.of("outcome", "RECTIFIED", "note", "Corrected"), asked.plusSeconds(150));
        assertEquals(400, wrongOutcome.getStatusCode(), wrongOutcome.getBody());
        Map<String, Object> erased = fixtures.ok(MANAGER, "POST", "/data-requests/" + id + "/decision",
                Map.of("outcome", "ERASED", "note", "Erased at their request"), asked.plusSeconds(180));
        assertEquals(List.of(reference), map(erased, "decision").get("references"));
        Map<String, Object> view = fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, asked.plusSeconds(200));
        assertTrue(((String) map(map(view, "referral"), "person").get("name")).startsWith("Anonymised "), view.toString());
        assertTrue(list(view, "timeline").stream().anyMatch(e -> "ANONYMISED".equals(e.get("type"))
                && ((String) e.get("description")).contains("erasure request " + id + " (UK GDPR Art. 17)")));

        // A later subject access request still finds the erased case, by its pseudonym, as anonymised.
        String access = (String) created("/subject-access-requests", Map.of("name", name, "dateOfBirth", born), asked.plusSeconds(240))
                .get("id");
        Map<String, Object> export = fixtures.ok(MANAGER, "GET", "/subject-access-requests/" + access + "/export", null,
                asked.plusSeconds(250));
        assertEquals(List.of(reference), list(export, "cases").stream().map(c -> c.get("reference")).toList());
        assertEquals(true, list(export, "cases").get(0).get("anonymised"));
        assertEquals(List.of("Removed under the retention policy"), list(list(export, "cases").get(0), "caseStudies").stream()
                .map(c -> c.get("text")).toList(), "the case study's journey went with the case; the study stays counted");
        assertFalse(CaseworkFixtures.write(export).contains("bungalow"), "its words are nowhere in what the hub holds about them");

        String correction = (String) created("/rectification-requests", Map.of("name", name, "dateOfBirth", born, "details",
                "Says the date of birth is wrong"), asked.plusSeconds(300)).get("id");
        APIGatewayProxyResponseEvent anonymised = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/person-correction",
                Map.of("dateOfBirth", "1950-07-09", "reason", "Their passport"), asked.plusSeconds(305));
        assertEquals(409, anonymised.getStatusCode(), "an erased case has no person to correct: " + anonymised.getBody());
        APIGatewayProxyResponseEvent unfitting = fixtures.staff(MANAGER, "POST", "/data-requests/" + correction + "/decision",
                Map.of("outcome", "REFUSED", "ground", "LEGAL_OBLIGATION", "note", "No"), asked.plusSeconds(310));
        assertEquals(400, unfitting.getStatusCode(), unfitting.getBody());
        assertEquals(List.of("ground"), list(json(unfitting.getBody()), "errors").stream().map(e -> e.get("field")).toList());
        Map<String, Object> refused = fixtures.ok(MANAGER, "POST", "/data-requests/" + correction + "/decision",
                Map.of("outcome", "REFUSED", "ground", "ACCURATE", "note", "Checked against the referral: accurate"), asked.plusSeconds(320));
        assertEquals("ACCURATE", map(refused, "decision").get("ground"));
        assertEquals("UK GDPR Art. 16", map(refused, "decision").get("groundClause"));
    }

    @Test
    void aCorrectionIsMadeOnTheCaseWithWhyTheTimelineNamingWhatNotTheValuesAndTheRequestAnsweredRectified() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        String reference = fixtures.referAndScreen(about(example("imca"), "Corin Correctperson", "1950-07-08"), MONDAY);
        Instant asked = MONDAY.plus(Duration.ofHours(2));
        String id = (String) created("/rectification-requests", Map.of("name", "Corin Correctperson", "dateOfBirth", "1950-07-08",
                "details", "Born on the 9th, not the 8th"), asked).get("id");
        assertEquals(403, fixtures.staff(ira, "POST", "/cases/" + reference + "/person-correction", Map.of("dateOfBirth",
                "1950-07-09", "reason", "x"), asked).getStatusCode(), "managers only");
        APIGatewayProxyResponseEvent nothing = fixtures.staff(MANAGER, "POST", "/cases/" + reference + "/person-correction",
                Map.of("reason", "Nothing given"), asked);
        assertEquals(400, nothing.getStatusCode(), nothing.getBody());
        assertEquals(List.of("name"), list(json(nothing.getBody()), "errors").stream().map(e -> e.get("field")).toList());

        Map<String, Object> corrected = fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/person-correction",
                Map.of("dateOfBirth", "1950-07-09", "reason", "Checked against their birth certificate"), asked.plusSeconds(60));
        assertEquals("1950-07-09", map(map(corrected, "referral"), "person").get("dateOfBirth"));
        String entry = list(corrected, "timeline").stream().filter(e -> "PERSON_CORRECTED".equals(e.get("type")))
                .map(e -> (String) e.get("description")).findFirst().orElseThrow();
        assertEquals("The person's details corrected (date of birth, UK GDPR Art. 16). Why: Checked against their birth certificate",
                entry);
        assertTrue(list(corrected, "audit").stream().anyMatch(a -> "corrected the person's details (date of birth)".equals(a.get("action"))));

        Map<String, Object> answered = fixtures.ok(MANAGER, "POST", "/data-requests/" + id + "/decision",
                Map.of("outcome", "RECTIFIED", "note", "Date of birth corrected"), asked.plusSeconds(120));
        assertEquals("RECTIFIED", map(answered, "decision").get("outcome"));
        assertEquals(List.of(), map(answered, "decision").get("references"),
                "the request's person as they asked (born the 8th) has no case left: the correction moved it to the 9th");
    }
}
