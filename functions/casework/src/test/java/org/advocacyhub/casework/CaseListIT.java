package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.json;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoCaseStore;
import org.advocacyhub.testing.DynamoCallRecorder;
import org.advocacyhub.testing.DynamoPolicy;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /cases} through the real functions (issue 8 item 11): the index chosen from the
 * filters, each filter, honest pages followed with their token, an advocate's own list, and the
 * 403s and 400s. Cases are referred and screened through the intake and screening functions.
 */
@WithLocalAws
class CaseListIT {

    private static final Instant FRIDAY = MONDAY.minus(Duration.ofDays(3));
    private static final Instant LATER = MONDAY.plus(Duration.ofHours(2));

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    CaseListIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    /** The cases each test lists. */
    private record Cases(String imhaFriday, String imcaIra, String imcaJo, String careActRutland, String cypLew, String declined,
                         Map<String, Object> ira) {
    }

    /**
     * LLR: an IMHA referral waiting since Friday, two IMCA cases allocated to ira and jo, a Care Act
     * referral from Rutland waiting, an IMCA referral not accepted; LEW: a CYP referral waiting.
     */
    private Cases cases() {
        Map<String, Object> ira = fixtures.imcaAdvocate("ira-imca");
        fixtures.imcaAdvocate("jo-imca");
        String imha = fixtures.referAndScreen(example("imha"), FRIDAY);
        String imcaIra = fixtures.referAndScreen(example("imca"), MONDAY);
        String imcaJo = fixtures.referAndScreen(example("imca"), MONDAY.plusSeconds(600));
        String careAct = fixtures.referAndScreen(example("care-act"), MONDAY.plusSeconds(1200));
        String cyp = fixtures.referAndScreen(example("cyp"), MONDAY.plusSeconds(1800));
        Map<String, Object> declinedReferral = new LinkedHashMap<>(example("imca"));
        Map<String, Object> details = new LinkedHashMap<>(CaseworkFixtures.map(declinedReferral, "details"));
        details.put("familyOrFriendToConsult", "YES");
        declinedReferral.put("details", details);
        String declined = fixtures.referAndScreen(declinedReferral, MONDAY.plusSeconds(2400));
        Instant allocation = MONDAY.plus(Duration.ofHours(1));
        fixtures.ok(MANAGER, "POST", "/cases/" + imcaIra + "/allocation", Map.of("advocateId", "ira-imca"), allocation);
        fixtures.ok(MANAGER, "POST", "/cases/" + imcaJo + "/allocation", Map.of("advocateId", "jo-imca"), allocation);
        return new Cases(imha, imcaIra, imcaJo, careAct, cyp, declined, ira);
    }

    private Map<String, Object> page(Map<String, Object> claims, String query) {
        return fixtures.ok(claims, "GET", "/cases" + query, null, LATER);
    }

    private static List<String> references(Map<String, Object> page) {
        return list(page, "cases").stream().map(c -> (String) c.get("reference")).toList();
    }

    /** Every case of a list, page after page, checking each page is full but the last and only the last has no next. */
    private List<String> allPages(Map<String, Object> claims, String query, int limit) {
        List<String> all = new ArrayList<>();
        String token = null;
        do {
            Map<String, Object> page = page(claims, query + "&limit=" + limit + (token == null ? "" : "&pageToken=" + token));
            token = (String) page.get("next");
            List<String> cases = references(page);
            if (token != null) {
                assertEquals(limit, cases.size(), "a page before the last is full: " + page);
            } else {
                assertFalse(cases.isEmpty(), "no empty last page");
            }
            all.addAll(cases);
        } while (token != null);
        return all;
    }

    private List<AuditEntry> auditOf(String reference) {
        DynamoCaseStore store = new DynamoCaseStore(aws.dynamoDb(), aws.tableName("HubTable"), new CaseItemMapper(),
                ContractCatalogue.bundled());
        return store.records(ReferralReference.parse(reference).orElseThrow(), AuditEntry.class);
    }

    @Test
    void issue8AListIsReadPageByPageWithItsTokenEachPageFullButTheLastAndListingIsNotAuditedAsAReadLlr268() {
        Cases c = cases();
        int auditBefore = auditOf(c.imcaIra()).size();

        // No status: the status index, every status of the contract in lifecycle order, each oldest first.
        List<String> expected = List.of(c.imhaFriday(), c.careActRutland(), c.declined(), c.imcaIra(), c.imcaJo());
        assertEquals(expected, allPages(MANAGER, "?contract=LLR", 2));
        Map<String, Object> first = page(MANAGER, "?contract=LLR&limit=2");
        assertEquals(2, first.get("limit"));
        Map<String, Object> second = page(MANAGER, "?contract=LLR&limit=2&pageToken=" + first.get("next"));
        assertEquals(expected.subList(2, 4), references(second), "the token continues after the first page");

        // A filter that drops cases still gives full pages: one per page, LEICESTER's four across every contract.
        assertEquals(List.of(c.imhaFriday(), c.declined(), c.imcaIra(), c.imcaJo()), allPages(MANAGER, "?authority=LEICESTER", 1));
        assertEquals(expected, references(page(MANAGER, "?contract=LLR")), "25 a page unless asked");
        assertNull(page(MANAGER, "?contract=LLR").get("next"), "one page holds them all: no next");

        // A token is for the list that gave it.
        APIGatewayProxyResponseEvent otherList = fixtures.staff(MANAGER, "GET", "/cases?contract=LEW&limit=2&pageToken="
                + first.get("next"), null, LATER);
        assertFieldError(otherList, "pageToken");
        String text = new String(Base64.getUrlDecoder().decode((String) first.get("next")), StandardCharsets.UTF_8);
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(text.replace("#LLR#", "#LEW#")
                .getBytes(StandardCharsets.UTF_8));
        assertFieldError(fixtures.staff(MANAGER, "GET", "/cases?contract=LLR&limit=2&pageToken=" + altered, null, LATER), "pageToken");

        assertEquals(auditBefore, auditOf(c.imcaIra()).size(), "listing is not a read of each case (interpretation of LLR 26.8)");
    }

    @Test
    void issue8EachFilterNarrowsTheListAndEachCaseShowsItsAdvocateAndRunningClocks() {
        Cases c = cases();
        assertEquals(List.of(c.cypLew()), references(page(MANAGER, "?contract=LEW")));
        assertEquals(List.of(c.imcaIra(), c.imcaJo()), references(page(MANAGER, "?status=ALLOCATED")), "every contract's");
        assertEquals(List.of(c.imhaFriday(), c.careActRutland(), c.cypLew()), references(page(MANAGER, "?status=AWAITING_ALLOCATION")),
                "LLR's then LEW's, each oldest first");
        assertEquals(List.of(c.declined()), references(page(MANAGER, "?contract=LLR&status=NOT_ACCEPTED")));
        assertEquals(List.of(c.imcaJo()), references(page(MANAGER, "?advocateId=jo-imca")));
        assertEquals(List.of(c.careActRutland()), references(page(MANAGER, "?contract=LLR&authority=RUTLAND")));
        assertEquals(List.of(c.imcaIra(), c.imcaJo(), c.declined()),
                references(page(MANAGER, "?contract=LLR&authority=LEICESTER&receivedFrom=2026-11-23")), "the reports index, by receipt");
        assertEquals(List.of(c.imhaFriday()), references(page(MANAGER, "?contract=LLR&authority=LEICESTER&receivedTo=2026-11-20")));
        assertEquals(List.of(c.careActRutland(), c.declined(), c.imcaIra(), c.imcaJo()),
                references(page(MANAGER, "?contract=LLR&receivedFrom=2026-11-23&receivedTo=2026-11-23")));
        assertEquals(List.of(), references(page(MANAGER, "?contract=LLR&receivedFrom=2026-11-21&receivedTo=2026-11-22")));
        assertEquals(List.of(c.imhaFriday()), references(page(MANAGER, "?status=AWAITING_ALLOCATION&authority=LEICESTER")));

        Map<String, Object> allocated = list(page(MANAGER, "?advocateId=ira-imca"), "cases").get(0);
        assertEquals("IMCA", allocated.get("service"));
        assertEquals("ALLOCATED", allocated.get("status"));
        assertEquals("LEICESTER", allocated.get("authority"));
        assertEquals(MONDAY.toString(), allocated.get("receivedAt"));
        assertEquals(Map.of("staffId", "ira-imca", "name", "Staff ira-imca"), allocated.get("advocate"));
        assertEquals("AT", allocated.get("initials"));
        assertEquals("Alex Testperson", allocated.get("name"), "managers see names");
        List<Map<String, Object>> clocks = list(allocated, "clocks");
        assertEquals(List.of("first-contact", "first-meeting"), clocks.stream().map(k -> k.get("name")).toList(),
                "the running clocks: allocation stopped (LLR 9.38a)");
        assertEquals("2026-11-24T17:00:00Z", clocks.get(0).get("dueAt"), "LLR 9.38b: one working day after allocation");
        Map<String, Object> waiting = list(page(MANAGER, "?contract=LLR&authority=RUTLAND"), "cases").get(0);
        assertFalse(waiting.containsKey("advocate"));
        assertTrue(list(waiting, "clocks").stream().anyMatch(k -> k.get("name").equals("allocation") && k.get("dueAt") != null),
                waiting.toString());
    }

    @Test
    void issue8EachListIsQueriesOnTheIndexItsFiltersChooseNeverAScanAndInsideTheFunctionsPolicy() {
        Cases c = cases();
        DynamoPolicy policy = DynamoPolicy.of(aws.template(), CaseworkFixtures.CASEWORK, "HubTable");
        Map<String, String> indexOf = new LinkedHashMap<>();
        indexOf.put("?contract=LLR&limit=2", "GSI3");
        indexOf.put("?status=AWAITING_ALLOCATION&authority=LEICESTER", "GSI3");
        indexOf.put("?advocateId=ira-imca&contract=LLR", "GSI4");
        indexOf.put("?advocateId=ira-imca&status=CLOSED", "GSI3");
        indexOf.put("?contract=LLR&authority=LEICESTER&receivedFrom=2026-10-01", "GSI2");
        indexOf.put("?contract=LLR&authority=LEICESTER&receivedFrom=2024-01-01", "GSI3");
        indexOf.put("?authority=LEICESTER&receivedFrom=2026-10-01", "GSI3");
        indexOf.forEach((query, index) -> {
            List<DynamoPolicy.Call> calls = DynamoCallRecorder.during(() -> page(MANAGER, query)).calls();
            List<DynamoPolicy.Call> queries = calls.stream().filter(call -> call.index() != null).toList();
            assertFalse(queries.isEmpty(), query);
            assertTrue(queries.stream().allMatch(call -> call.action().equals("Query") && call.index().equals(index)),
                    query + " reads " + index + ": " + calls);
            assertTrue(calls.stream().allMatch(call -> call.action().equals("Query") || call.action().equals("GetItem")),
                    "reads only: " + calls);
            assertEquals(List.of(), calls.stream().filter(call -> !policy.allows(call)).toList(), "calls the policy would refuse");
        });
        List<DynamoPolicy.Call> advocate = DynamoCallRecorder.during(() -> page(c.ira(), "")).calls();
        assertTrue(advocate.stream().anyMatch(call -> "ADVOCATE#ira-imca".equals(call.partitionKey())), advocate.toString());
    }

    @Test
    void requirements8AnAdvocateListsOnlyTheirOwnCasesWithInitialsAndIsRefusedAnothers() {
        Cases c = cases();
        Map<String, Object> own = page(c.ira(), "");
        assertEquals(List.of(c.imcaIra()), references(own));
        assertEquals("AT", list(own, "cases").get(0).get("initials"));
        assertFalse(list(own, "cases").get(0).containsKey("name"), "advocates see initials only");
        assertEquals(List.of(c.imcaIra()), references(page(c.ira(), "?advocateId=ira-imca")));
        assertEquals(List.of(c.imcaIra()), references(page(c.ira(), "?contract=LLR&status=ALLOCATED")), "filters stay within their own");
        assertEquals(List.of(), references(page(c.ira(), "?status=AWAITING_ALLOCATION")));
        assertEquals(List.of(), references(page(c.ira(), "?status=CLOSED")), "their closed cases: none yet");
        assertEquals(List.of(), references(page(c.ira(), "?contract=LEW")));

        fixtures.ok(c.ira(), "POST", "/cases/" + c.imcaIra() + "/closure", Map.of("reason", "PERSON_DECLINED",
                "summary", "Declined advocacy at the first visit.", "goals", List.of()), LATER.minusSeconds(60));
        assertEquals(List.of(), references(page(c.ira(), "")), "their list is their open caseload");
        assertEquals(List.of(c.imcaIra()), references(page(c.ira(), "?status=CLOSED")), "their closed cases, asked for");
        assertEquals(List.of(c.imcaIra()), references(page(MANAGER, "?status=CLOSED&advocateId=ira-imca")));
        assertEquals(List.of(), references(page(MANAGER, "?status=CLOSED&advocateId=jo-imca")), "jo's case is open");

        APIGatewayProxyResponseEvent others = fixtures.staff(c.ira(), "GET", "/cases?advocateId=jo-imca", null, LATER);
        assertEquals(403, others.getStatusCode(), others.getBody());
        assertEquals("application/problem+json", others.getHeaders().get("Content-Type"));
        assertTrue(others.getBody().contains("only their own cases"), others.getBody());
    }

    @ParameterizedTest(name = "issue 8: GET /cases?{0} is a 400 naming the parameter")
    @ValueSource(strings = {
        "limit=0|limit|Cases per page must be a whole number from 1 to 100",
        "limit=101|limit|Cases per page must be a whole number from 1 to 100",
        "limit=ten|limit|Cases per page must be a whole number from 1 to 100",
        "limit=1&limit=2|limit|Cases per page must have one value",
        "status=OPEN|status|Status must be one of:",
        "contract=NOPE|contract|Contract must be one of:",
        "authority=MARS|authority|Council area must be one of",
        "receivedFrom=2026-02-30|receivedFrom|Enter a real date",
        "receivedFrom=2099-01-01|receivedFrom|Received from must be today or in the past",
        "receivedFrom=2026-11-23&receivedTo=2026-11-20|receivedTo|Received to must be the same day as received from or later",
        "advocateId=Ira%20Imca|advocateId|Advocate must be a staff id",
        "pageToken=not-a-token!|pageToken|Page token is not one this list gave",
        "pageToken=MApQSwl4|pageToken|Page token is not one this list gave",
        "sort=oldest|sort|'sort' is not a field of the list's query"})
    void issue8ABadQueryIsA400NamingEachParameter(String both) {
        String[] parts = both.split("\\|");
        APIGatewayProxyResponseEvent response = fixtures.staff(MANAGER, "GET", "/cases?" + parts[0], null, LATER);
        Map<String, Object> error = assertFieldError(response, parts[1]);
        assertTrue(((String) error.get("detail")).startsWith(parts[2]), error.toString());
    }

    private static Map<String, Object> assertFieldError(APIGatewayProxyResponseEvent response, String field) {
        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        return list(json(response.getBody()), "errors").stream().filter(e -> e.get("field").equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(field + " not named in " + response.getBody()));
    }
}
