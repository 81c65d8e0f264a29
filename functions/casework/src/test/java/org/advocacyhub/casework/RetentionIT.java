package org.advocacyhub.casework;

import static org.advocacyhub.casework.CaseworkFixtures.MANAGER;
import static org.advocacyhub.casework.CaseworkFixtures.MONDAY;
import static org.advocacyhub.casework.CaseworkFixtures.example;
import static org.advocacyhub.casework.CaseworkFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.QuarterlyReturnBuilder;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.persistence.CaseItemMapper;
import org.advocacyhub.persistence.DynamoReturnsSource;
import org.advocacyhub.testing.DynamoCallRecorder;
import org.advocacyhub.testing.DynamoPolicy;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 22, the daily retention run through the real {@code RetentionFunction} on DynamoDB Local, the clock years ahead:
 * exactly the closed case and the declined referral past their time are anonymised (a held one, one not yet due and an open
 * one are not), a dry run writes nothing, two runs at once anonymise each case once, the quarter's return is the same
 * before and after, and no personal value of an anonymised case is left anywhere in the table, the buckets or the queues.
 */
@WithLocalAws
class RetentionIT {

    private static final Instant CLOSED_AT = MONDAY.plus(Duration.ofDays(1));
    /** Thursday 25 November 2032, 02:30 London: the day after the sixth anniversary of CLOSED_AT's closing day. */
    private static final Instant RUN_AT = Instant.parse("2032-11-25T02:30:00Z");

    private final LocalAws aws;
    private final CaseworkFixtures fixtures;

    RetentionIT(LocalAws aws) {
        this.aws = aws;
        this.fixtures = new CaseworkFixtures(aws);
    }

    /** A referral with a person and referrer of its own: values found nowhere else in the table. */
    private static Map<String, Object> referral(int n, String familyOrFriend) {
        Map<String, Object> referral = new HashMap<>(example("imca"));
        Map<String, Object> person = new HashMap<>(castMap(referral.get("person")));
        person.put("name", "Retention Person" + "abcdefgh".charAt(n));
        person.put("dateOfBirth", "1941-05-1" + n);
        person.put("postcode", "LE1 " + n + "RT");
        person.put("placeName", "Ward R" + n + " of the Infirmary");
        person.put("communicationNeeds", "Needs the letter read aloud, case " + "abcdefgh".charAt(n));
        referral.put("person", person);
        Map<String, Object> referrer = new HashMap<>(castMap(referral.get("referrer")));
        referrer.put("name", "Referrer Worker" + "abcdefgh".charAt(n));
        referrer.put("email", "referrer" + n + "@council.example");
        referrer.put("phone", "0116 496 000" + n);
        referral.put("referrer", referrer);
        referral.put("reason", "A move to a care home is being decided, reason " + "abcdefgh".charAt(n));
        Map<String, Object> details = new HashMap<>(castMap(referral.get("details")));
        details.put("familyOrFriendToConsult", familyOrFriend);
        referral.put("details", details);
        return referral;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** The values that must go with the case: everything a person typed about them and their referrer. */
    private static List<String> personalValues(Map<String, Object> referral, String closureSummary) {
        Map<String, Object> person = castMap(referral.get("person"));
        Map<String, Object> referrer = castMap(referral.get("referrer"));
        List<String> values = new ArrayList<>(List.of((String) person.get("name"), (String) person.get("dateOfBirth"),
                (String) person.get("postcode"), (String) person.get("placeName"), (String) person.get("communicationNeeds"),
                (String) referrer.get("name"), (String) referrer.get("email"), (String) referrer.get("phone"), (String) referral.get("reason")));
        if (closureSummary != null) {
            values.add(closureSummary);
        }
        return values;
    }

    private String allocated(Map<String, Object> referral) {
        String reference = fixtures.referAndScreen(referral, MONDAY);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", "ira-imca"), MONDAY.plusSeconds(600));
        return reference;
    }

    private String closed(Map<String, Object> referral, String summary, Instant at) {
        String reference = allocated(referral);
        fixtures.ok(MANAGER, "POST", "/cases/" + reference + "/closure", Map.of("reason", "OUTCOME_REACHED", "goals", List.of(),
                "summary", summary), at);
        return reference;
    }

    private String run(Object input, Instant at) {
        try (FunctionInvoker retention = aws.newFunction("RetentionFunction", Map.of("HUB_CLOCK_FIXED", at.toString()))) {
            return (String) retention.invoke(input);
        }
    }

    private Map<String, Object> view(String reference, Instant at) {
        return fixtures.ok(MANAGER, "GET", "/cases/" + reference, null, at);
    }

    private static Object personName(Map<String, Object> view) {
        return castMap(castMap(view.get("referral")).get("person")).get("name");
    }

    private static List<String> timeline(Map<String, Object> view) {
        return list(view, "timeline").stream().map(e -> e.get("type") + ": " + e.get("description")).toList();
    }

    /** Every string anywhere in the table (each attribute, nested maps and lists too) holding {@code value}, with its item's keys. */
    private List<String> tableHolding(String value) {
        String table = aws.environment("RetentionFunction").get("TABLE_NAME");
        List<String> found = new ArrayList<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(table)).items().forEach(item -> item.forEach((name, attribute) -> {
            if (holds(attribute, value)) {
                found.add(item.get("PK").s() + " " + item.get("SK").s() + " " + name);
            }
        }));
        return found;
    }

    private static boolean holds(AttributeValue v, String value) {
        if (v.s() != null) {
            return v.s().contains(value);
        }
        if (v.hasM()) {
            return v.m().values().stream().anyMatch(x -> holds(x, value));
        }
        if (v.hasL()) {
            return v.l().stream().anyMatch(x -> holds(x, value));
        }
        return v.hasSs() && v.ss().stream().anyMatch(s -> s.contains(value));
    }

    /** Every object in every bucket of the template, and every message waiting on every queue, holding {@code value}. */
    private List<String> bucketsAndQueuesHolding(String value) {
        List<String> found = new ArrayList<>();
        for (String bucketId : List.of("ReportsBucket")) {
            String bucket = aws.bucketName(bucketId);
            aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> {
                String body = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asString(java.nio.charset.StandardCharsets.ISO_8859_1);
                if (body.contains(value)) {
                    found.add(bucket + "/" + o.key());
                }
            });
        }
        for (String queueId : List.of("ScreeningQueue", "ReminderQueue", "MailQueue", "AnswerphoneQueue", "ReportQueue",
                "ScreeningDeadLetterQueue", "ReminderDeadLetterQueue", "MailDeadLetterQueue", "AnswerphoneDeadLetterQueue",
                "ReportDeadLetterQueue")) {
            aws.sqs().receiveMessage(b -> b.queueUrl(aws.queueUrl(queueId)).maxNumberOfMessages(10).visibilityTimeout(0))
                    .messages().stream().filter(m -> m.body().contains(value)).forEach(m -> found.add(queueId));
        }
        return found;
    }

    /** The LLR return of FY2026Q3 as the quarterly report builds it from the table, as at one fixed instant. */
    private Object llrReturn() {
        ContractCatalogue contracts = ContractCatalogue.bundled();
        Contract llr = contracts.contract("LLR").orElseThrow();
        FinancialQuarter quarter = FinancialQuarter.containing(MONDAY);
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(llr, quarter, llr.calendar());
        new DynamoReturnsSource(aws.dynamoDb(), aws.environment("RetentionFunction").get("TABLE_NAME"), new CaseItemMapper())
                .read(llr, quarter, FinancialQuarter.containing(RUN_AT), builder);
        return builder.build(RUN_AT, "test").workbooks();
    }

    /** A built LEW report with a restricted caseload list holding {@code referral}'s person's name; the list's key. */
    private String caseloadList(String reportId, FinancialQuarter quarter, Map<String, Object> referral) {
        String key = "restricted/reports/LEW/" + quarter.key() + "/" + reportId + "/LEW-" + quarter.key() + "-caseload.xlsx";
        aws.s3().putObject(b -> b.bucket(aws.bucketName("ReportsBucket")).key(key),
                software.amazon.awssdk.core.sync.RequestBody.fromString("caseload: " + castMap(referral.get("person")).get("name")));
        new org.advocacyhub.persistence.DynamoReportStore(aws.dynamoDb(), aws.environment("RetentionFunction").get("TABLE_NAME"))
                .create(new org.advocacyhub.application.reports.QuarterlyReport(reportId, "LEW", quarter, null, false, "m-1", MONDAY,
                        org.advocacyhub.application.reports.QuarterlyReport.Status.BUILT, MONDAY, List.of(), key, null, 1));
        return key;
    }

    private boolean listed(String key) {
        return aws.s3().listObjectsV2(b -> b.bucket(aws.bucketName("ReportsBucket")).prefix(key)).keyCount() > 0;
    }

    @Test
    void exactlyTheCasesPastTheirTimeAreAnonymisedOnceTheReturnIsTheSameAndNoPersonalValueIsLeft() throws Exception {
        fixtures.imcaAdvocate("ira-imca");
        Map<String, Object> closedReferral = referral(1, "NO");
        String goes = closed(closedReferral, "Represented at the best-interests meeting, summary one", CLOSED_AT);
        Map<String, Object> declinedReferral = referral(2, "YES");
        String declined = fixtures.referAndScreen(declinedReferral, MONDAY);
        assertEquals("NOT_ACCEPTED", view(declined, MONDAY.plusSeconds(60)).get("status"));
        Map<String, Object> heldReferral = referral(3, "NO");
        String held = closed(heldReferral, "Represented, summary three", CLOSED_AT);
        fixtures.ok(MANAGER, "PUT", "/cases/" + held + "/legal-hold", Map.of("reason", "LITIGATION", "details", "A claim"),
                CLOSED_AT.plusSeconds(60));
        Map<String, Object> laterReferral = referral(4, "NO");
        String later = closed(laterReferral, "Represented, summary four", Instant.parse("2027-01-12T10:00:00Z"));
        Map<String, Object> openReferral = referral(5, "NO");
        String open = allocated(openReferral);
        Object returnBefore = llrReturn();
        // A case's audit entry is kept its contract's auditEntry period (six years) from the day it was written: the TTL.
        var audits = aws.dynamoDb().query(b -> b.tableName(aws.environment("RetentionFunction").get("TABLE_NAME"))
                .keyConditionExpression("PK = :pk AND begins_with(SK, :audit)").expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS("CASE#" + goes), ":audit", AttributeValue.fromS("AUDIT#")))).items();
        assertFalse(audits.isEmpty());
        for (Map<String, AttributeValue> audit : audits) {
            java.time.LocalDate written = Instant.parse(audit.get("at").s()).atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
            assertEquals(written.plusYears(6).plusDays(1).atStartOfDay(java.time.ZoneId.of("Europe/London")).toEpochSecond(),
                    Long.parseLong(audit.get("expiresAt").n()), audit.toString());
        }
        // Two LEW reports' restricted caseload lists (LEW 17.5), naming the closed case's person: one of FY2026Q3, past its
        // time by 2032 (the shortest LEW case period from 1 October 2026), one of FY2032Q3, still kept.
        String oldList = caseloadList("RPT-LEW-FY2026Q3-0000000001", FinancialQuarter.parseKey("FY2026Q3"), closedReferral);
        String newList = caseloadList("RPT-LEW-FY2032Q3-0000000002", FinancialQuarter.parseKey("FY2032Q3"), closedReferral);

        // A dry run says what would go and writes nothing.
        assertEquals("dryRun asOf=2032-11-25 anonymised=2 held=1 left=0 restrictedWorkbooks=1", run(Map.of("dryRun", true), RUN_AT));
        assertFalse(tableHolding((String) castMap(closedReferral.get("person")).get("name")).isEmpty(), "a dry run writes nothing");
        assertTrue(listed(oldList), "a dry run deletes nothing");

        // Two runs at once (a retried schedule, a second instance): each case is anonymised once.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> runs = new ArrayList<>();
        DynamoPolicy policy = DynamoPolicy.of(aws.template(), "RetentionFunction", "HubTable");
        List<DynamoPolicy.Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 2; i++) {
            runs.add(pool.submit(() -> {
                start.await();
                DynamoCallRecorder.Recorded<String> recorded = DynamoCallRecorder.during(() -> run(Map.of(), RUN_AT));
                calls.addAll(recorded.calls());
                return recorded.result();
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : runs) {
            results.add(f.get());
        }
        pool.shutdown();
        assertTrue(results.stream().allMatch(r -> r.contains("held=1 left=0")), results.toString());
        assertEquals(2, results.stream().mapToInt(r -> Integer.parseInt(r.replaceAll(".*anonymised=(\\d+).*", "$1"))).sum(),
                "two cases, each anonymised by one run: " + results);
        assertEquals(List.of(), calls.stream().filter(c -> !policy.allows(c)).toList(),
                "calls RetentionFunction's policy in template.yaml would refuse");
        assertEquals("asOf=2032-11-25 anonymised=0 held=1 left=0 restrictedWorkbooks=0", run(Map.of(), RUN_AT.plusSeconds(60)), "run again: nothing to do");

        Instant after = RUN_AT.plus(Duration.ofHours(8));
        for (String reference : List.of(goes, declined)) {
            Map<String, Object> view = view(reference, after);
            assertTrue(((String) personName(view)).startsWith("Anonymised "), view.toString());
            assertEquals(1, timeline(view).stream().filter(e -> e.startsWith("ANONYMISED: Anonymised under the retention policy")).count(),
                    timeline(view).toString());
            assertTrue(list(view, "audit").stream().anyMatch(a -> "retention".equals(a.get("staffId"))
                    && ((String) a.get("action")).startsWith("anonymised the case (the retention policy, " + (reference.equals(goes) ? "closedCase" : "declinedReferral"))),
                    list(view, "audit").toString());
        }
        assertTrue(timeline(view(goes, after)).stream().filter(e -> !e.startsWith("ANONYMISED"))
                .allMatch(e -> e.endsWith(": Removed under the retention policy")), "the timeline's words go");

        assertFalse(listed(oldList), "the old quarter's list is gone before its cases");
        assertTrue(listed(newList), "this quarter's list is kept");
        aws.s3().deleteObject(b -> b.bucket(aws.bucketName("ReportsBucket")).key(newList));
        for (String value : personalValues(closedReferral, "summary one")) {
            assertEquals(List.of(), tableHolding(value), "the closed case's " + value);
            assertEquals(List.of(), bucketsAndQueuesHolding(value), value);
        }
        for (String value : personalValues(declinedReferral, null)) {
            assertEquals(List.of(), tableHolding(value), "the declined referral's " + value);
            assertEquals(List.of(), bucketsAndQueuesHolding(value), value);
        }
        // What is kept is kept whole: the held case, the one not yet due, the open one.
        for (Map.Entry<String, Map<String, Object>> kept : Map.of(held, heldReferral, later, laterReferral, open, openReferral).entrySet()) {
            Map<String, Object> view = view(kept.getKey(), after);
            assertEquals(castMap(kept.getValue().get("person")).get("name"), personName(view));
            assertTrue(timeline(view).stream().noneMatch(e -> e.startsWith("ANONYMISED")), timeline(view).toString());
        }
        assertEquals(returnBefore, llrReturn(), "the quarter's return counts the same figures");

        // The hold lifted, the next day's run takes the held case too.
        fixtures.ok(MANAGER, "POST", "/cases/" + held + "/legal-hold/lift", Map.of("reason", "The claim was settled"), after);
        assertEquals("asOf=2032-11-26 anonymised=1 held=0 left=0 restrictedWorkbooks=0", run(Map.of(), RUN_AT.plus(Duration.ofDays(1))));
        for (String value : personalValues(heldReferral, "summary three")) {
            assertEquals(List.of(), tableHolding(value), "the once-held case's " + value);
        }
        assertEquals(returnBefore, llrReturn(), "still the same figures");
    }
}
