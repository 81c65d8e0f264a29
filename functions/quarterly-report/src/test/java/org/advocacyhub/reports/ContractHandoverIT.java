package org.advocacyhub.reports;

import static org.advocacyhub.testing.HubFixtures.MANAGER;
import static org.advocacyhub.testing.HubFixtures.example;
import static org.advocacyhub.testing.HubFixtures.json;
import static org.advocacyhub.testing.HubFixtures.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.handover.ExportContract;
import org.advocacyhub.application.handover.ImportContract;
import org.advocacyhub.application.port.ContractRecords;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.DynamoJsonLines;
import org.advocacyhub.testing.DynamoCallRecorder;
import org.advocacyhub.testing.DynamoPolicy;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SqsEventSourceMapping;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 22 item 4, "Contract handover and archive", done when "export then import of a seeded LLR quarter reproduces
 * byte-identical returns for that quarter": an LLR quarter (FY2026 Q2) seeded through the real functions (referrals of three
 * services received in the quarter, allocated to two advocates, contacts, meetings and time, two closed, one waiting, one
 * not taken on; a complaint, a compliment, an awareness session; an answerphone message called back), its returns built
 * at a fixed clock; the contract exported (through the beans as the report function wires them); the deployment emptied
 * (table, buckets, queues) with only the export's files put back; an export with one byte changed refused, naming the file,
 * and nothing written; the import stopped halfway (as a crash would) and run again; then every item of the contract is the
 * original, item for item, each case's clocks are as they were, and the same quarter's returns built again at the same clock
 * are the same bytes, part by part of each xlsx file, but for the one time the xlsx library takes from the machine's clock
 * rather than the hub's (see {@link #parts}). An import into a deployment that holds the contract is refused, writing
 * nothing.
 */
@WithLocalAws
class ContractHandoverIT {

    static final String FUNCTION = "QuarterlyReportFunction";
    /** The quarter has ended; a manager asks for its return (as QuarterlyReportIT). */
    static final Instant ASKED = Instant.parse("2026-10-08T09:00:00Z");
    static final Instant BUILT = ASKED.plusSeconds(30);
    /** When the staff look at each case's clocks, before the export and after the import. */
    static final Instant VIEWED = ASKED.plusSeconds(600);
    static final Instant EXPORTED = ASKED.plusSeconds(3600);
    static final Instant IMPORTED = ASKED.plusSeconds(7200);
    /** Partitions of the deployment, not of any contract (issue 22 item 4: never exported). */
    static final List<String> DEPLOYMENTS_OWN = List.of("STAFF", "LOGIN#", "SESSION#", "IDEMPOTENCY#", "REQUEST#", "DIGEST#",
            "KEY#", "HANDOVER#", "SESMSG#", "MAILFEEDBACK#", "SUPPRESSED#", "RESTRICTED-LINK#");

    private final LocalAws aws;
    private final HubFixtures hub;
    private final String table;

    ContractHandoverIT(LocalAws aws) {
        this.aws = aws;
        this.hub = new HubFixtures(aws);
        this.table = aws.tableName("HubTable");
    }

    // ------------------------------------------------------------------ the quarter

    private static Map<String, Object> referral(String service, String name, String authority) {
        Map<String, Object> referral = example(service);
        @SuppressWarnings("unchecked")
        Map<String, Object> person = new LinkedHashMap<>((Map<String, Object>) referral.get("person"));
        person.put("name", name);
        person.put("authority", authority);
        referral.put("person", person);
        return referral;
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    /** Contact, time and (if {@code met}) a meeting with more time, by {@code advocate}. */
    private void work(Map<String, Object> advocate, String reference, Instant contacted, Instant met) {
        hub.ok(advocate, "POST", "/cases/" + reference + "/contacts", Map.of("at", contacted.toString(), "method", "PHONE",
                "withPerson", true, "successful", true), contacted.plusSeconds(60));
        hub.ok(advocate, "POST", "/cases/" + reference + "/time", Map.of("date", contacted.toString().substring(0, 10),
                "minutes", 45, "kind", "DIRECT", "activity", "PHONE_OR_VIDEO"), contacted.plusSeconds(120));
        if (met != null) {
            hub.ok(advocate, "POST", "/cases/" + reference + "/meetings", Map.of("at", met.toString(), "held", true,
                    "kind", "WITH_PERSON"), met.plusSeconds(60));
            hub.ok(advocate, "POST", "/cases/" + reference + "/time", Map.of("date", met.toString().substring(0, 10),
                    "minutes", 90, "kind", "INDIRECT", "activity", "TRAVEL"), met.plusSeconds(120));
        }
    }

    private String allocated(Map<String, Object> referral, Instant received, String advocateId, Instant allocatedAt) {
        String reference = hub.referAndScreen(referral, received);
        hub.ok(MANAGER, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", advocateId), allocatedAt);
        return reference;
    }

    private APIGatewayProxyResponseEvent created(String function, String path, Map<String, Object> body, Instant at) {
        APIGatewayProxyResponseEvent response = hub.staff(function, MANAGER, "POST", path, body, at);
        assertEquals(201, response.getStatusCode(), path + ": " + response.getBody());
        return response;
    }

    /** The seeded LLR quarter's case references. */
    private List<String> seed() {
        String longAgo = LocalDate.of(2024, 6, 1).toString();
        Map<String, Object> ira = hub.imcaAdvocate("ira-imca");
        Map<String, Object> hana = hub.member("hana-imha", "ADVOCATE", List.of("IMHA", "CARE_ACT"), Map.of("NQIA_LEVEL_3", longAgo,
                "UNIT_306_IMHA", longAgo, "UNIT_313_CARE_ACT", longAgo), Map.of("imhaSince", longAgo));
        List<String> cases = new ArrayList<>();
        // IMCA, Leicestershire: allocated the next day, contacted, met, closed.
        String imca = allocated(referral("imca", "Ada Handover", "LEICESTERSHIRE"), at("2026-07-06T09:00:00Z"), "ira-imca",
                at("2026-07-07T09:00:00Z"));
        work(ira, imca, at("2026-07-08T09:00:00Z"), at("2026-07-09T09:00:00Z"));
        hub.ok(ira, "POST", "/cases/" + imca + "/closure", Map.of("reason", "OUTCOME_REACHED",
                "summary", "Views put at the best interests meeting."), at("2026-07-20T09:00:00Z"));
        cases.add(imca);
        // IMCA, Rutland: allocated late (KPI 1 missed), contacted, still open.
        String late = allocated(referral("imca", "Bea Handover", "RUTLAND"), at("2026-07-06T10:00:00Z"), "ira-imca",
                at("2026-07-13T09:00:00Z"));
        work(ira, late, at("2026-07-14T09:00:00Z"), null);
        cases.add(late);
        // IMHA, Leicester: allocated, contacted and met, closed.
        String imha = allocated(referral("imha", "Cy Handover", "LEICESTER"), at("2026-08-03T09:00:00Z"), "hana-imha",
                at("2026-08-04T09:00:00Z"));
        work(hana, imha, at("2026-08-05T09:00:00Z"), at("2026-08-10T09:00:00Z"));
        hub.ok(hana, "POST", "/cases/" + imha + "/closure", Map.of("reason", "OUTCOME_REACHED",
                "summary", "Supported at the tribunal."), at("2026-09-01T09:00:00Z"));
        cases.add(imha);
        // Care Act, Rutland: allocated, contacted, open at quarter end.
        String careAct = allocated(referral("care-act", "Dev Handover", "RUTLAND"), at("2026-09-01T09:00:00Z"), "hana-imha",
                at("2026-09-02T09:00:00Z"));
        work(hana, careAct, at("2026-09-03T09:00:00Z"), null);
        cases.add(careAct);
        // IMCA, Leicester: received at quarter end, waiting for an advocate.
        cases.add(hub.referAndScreen(referral("imca", "Eve Handover", "LEICESTER"), at("2026-09-29T09:00:00Z")));
        // Not an IMCA case (a friend to consult, LLR 5.8): not taken on.
        Map<String, Object> notImca = referral("imca", "Fay Handover", "LEICESTERSHIRE");
        @SuppressWarnings("unchecked")
        Map<String, Object> details = new LinkedHashMap<>((Map<String, Object>) notImca.get("details"));
        details.put("familyOrFriendToConsult", "YES");
        notImca.put("details", details);
        cases.add(hub.referAndScreen(notImca, at("2026-07-07T09:00:00Z")));

        // The returns' records (LLR KPIs 5-6, complaints and compliments).
        created(HubFixtures.CASEWORK, "/complaints", Map.of("received", "2026-08-10", "contract", "LLR", "service", "IMHA", "formality", "FORMAL", "stage", 1,
                "summary", "About how a visit was arranged"), at("2026-08-11T09:00:00Z"));
        created(HubFixtures.CASEWORK, "/compliments", Map.of("received", "2026-09-01", "contract", "LLR", "service", "IMCA"),
                at("2026-09-02T09:00:00Z"));
        created(HubFixtures.CASEWORK, "/awareness-sessions", Map.of("date", "2026-07-20", "contract", "LLR", "authority", "RUTLAND",
                "setting", "PROFESSIONAL", "attendees", 14), at("2026-07-21T09:00:00Z"));
        // An answerphone message left on Friday evening and called back on Monday (LLR 9.23-9.24).
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("contract", "LLR");
        message.put("leftAt", "2026-07-17T17:00:00Z");
        message.put("callerName", "Gil Handover");
        message.put("callbackNumber", "07700 900123");
        message.put("preferredMethod", "PHONE");
        message.put("service", "IMCA");
        message.put("summary", "Please call me back about my dad's move.");
        String messageId = (String) json(created("AnswerphoneCallbacksFunction", "/answerphone-messages", message,
                at("2026-07-20T08:00:00Z")).getBody()).get("id");
        created("AnswerphoneCallbacksFunction", "/answerphone-messages/" + messageId + "/responses", Map.of("at", "2026-07-20T09:00:00Z",
                "method", "PHONE", "outcome", "SPOKE"), at("2026-07-20T09:05:00Z"));
        return cases;
    }

    // ------------------------------------------------------------------ reading the deployment

    /** The workbooks of the quarter's return, built by the report function as at {@link #BUILT}: file name to bytes. */
    private Map<String, byte[]> buildReturn() {
        APIGatewayProxyResponseEvent asked = hub.staff(FUNCTION, MANAGER, "POST", "/reports", Map.of("contract", "LLR",
                "quarter", "2026-Q2"), ASKED);
        assertEquals(202, asked.getStatusCode(), asked.getBody());
        String id = (String) json(asked.getBody()).get("id");
        try (FunctionInvoker reports = aws.newFunction(FUNCTION, Map.of("HUB_CLOCK_FIXED", BUILT.toString()))) {
            SqsEventSourceMapping.of(aws.template().function(FUNCTION).sqsEvents().get(0), reports, aws.sqs(), aws.resources(),
                    aws.endpoints().region()).drainOnce();
        }
        String bucket = aws.bucketName("ReportsBucket");
        String folder = "reports/LLR/FY2026Q2/" + id + "/";
        Map<String, byte[]> books = new TreeMap<>();
        aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(folder)).contents().forEach(o -> books.put(
                o.key().substring(folder.length()), aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray()));
        assertEquals(Set.of("LLR-LEICESTERSHIRE-FY2026Q2.xlsx", "LLR-LEICESTER-FY2026Q2.xlsx", "LLR-RUTLAND-FY2026Q2.xlsx"),
                books.keySet(), "LLR 7.38: one workbook per authority");
        return books;
    }

    /** Every item of the table that is not the deployment's own, by its keys, each value as plain Java (sets as sets). */
    private Map<String, Object> contractItems() {
        Map<String, Object> items = new TreeMap<>();
        aws.dynamoDb().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(item -> {
            String pk = item.get("PK").s();
            if (DEPLOYMENTS_OWN.stream().noneMatch(pk::startsWith)) {
                items.put(pk + " / " + item.get("SK").s(), plain(AttributeValue.fromM(item)));
            }
        });
        return items;
    }

    private int allItems() {
        return aws.dynamoDb().scan(b -> b.tableName(table).select("COUNT").consistentRead(true)).count();
    }

    private static Object plain(AttributeValue v) {
        switch (v.type()) {
            case S:
                return "S:" + v.s();
            case N:
                return "N:" + v.n();
            case B:
                return "B:" + Base64.getEncoder().encodeToString(v.b().asByteArray());
            case BOOL:
                return v.bool();
            case NUL:
                return "NULL";
            case M:
                return v.m().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> plain(e.getValue()), (a, b) -> a,
                        TreeMap::new));
            case L:
                return v.l().stream().map(ContractHandoverIT::plain).toList();
            case SS:
                return new TreeSet<>(v.ss());
            case NS:
                return new TreeSet<>(v.ns());
            case BS:
                return v.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).collect(Collectors.toCollection(TreeSet::new));
            default:
                throw new AssertionError("an attribute of an unknown type: " + v);
        }
    }

    /** Each case's clocks as the staff see them at {@link #VIEWED}. */
    private Map<String, Object> clocks(List<String> cases) {
        Map<String, Object> clocks = new TreeMap<>();
        for (String reference : cases) {
            clocks.put(reference, hub.ok(MANAGER, "GET", "/cases/" + reference, null, VIEWED).get("clocks"));
        }
        return clocks;
    }

    /** When the xlsx writer (fastexcel) wrote the file, by the machine's clock: the one part of a workbook the hub's clock does not set. */
    private static final java.util.regex.Pattern CREATED = java.util.regex.Pattern.compile(
            "<dcterms:created xsi:type=\"dcterms:W3CDTF\">[0-9T:.Z-]+</dcterms:created>");

    /**
     * A workbook's parts (each file in its zip, uncompressed) by name, with the time fastexcel writes into
     * {@code docProps/core.xml} as {@code dcterms:created} taken out: fastexcel 0.20.2 writes {@code Instant.now()} there
     * (its {@code Workbook.finish}, with no way to set it), so two workbooks of the same figures written a second apart differ
     * in those bytes only, and in the compressed bytes of that part. Every other part (each sheet, the shared strings, the
     * styles, the workbook, the rest of the properties) must be the same.
     */
    private static Map<String, String> parts(byte[] xlsx) {
        Map<String, String> parts = new TreeMap<>();
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("handover", ".xlsx");
            try {
                java.nio.file.Files.write(file, xlsx);
                try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                    for (java.util.zip.ZipEntry entry : java.util.Collections.list(zip.entries())) {
                        String text = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                        if (entry.getName().equals("docProps/core.xml")) {
                            assertTrue(CREATED.matcher(text).find(), text);
                            text = CREATED.matcher(text).replaceAll("<dcterms:created/>");
                        }
                        parts.put(entry.getName(), text);
                    }
                }
            } finally {
                java.nio.file.Files.delete(file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertTrue(parts.keySet().containsAll(List.of("xl/workbook.xml", "xl/worksheets/sheet1.xml", "docProps/core.xml")),
                parts.keySet().toString());
        return parts;
    }

    /** Every object under {@code prefix} in the reports bucket: key to bytes. */
    private Map<String, byte[]> objects(String prefix) {
        String bucket = aws.bucketName("ReportsBucket");
        Map<String, byte[]> objects = new TreeMap<>();
        aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> objects.put(o.key(),
                aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray()));
        return objects;
    }

    private void put(String key, byte[] bytes) {
        aws.s3().putObject(b -> b.bucket(aws.bucketName("ReportsBucket")).key(key), RequestBody.fromBytes(bytes));
    }

    /** The report function's beans, as it wires them, at {@code at}. */
    private ApplicationContext reportFunctionBeans(Instant at) {
        Map<String, String> environment = new LinkedHashMap<>(aws.environment(FUNCTION));
        environment.put("HUB_CLOCK_FIXED", at.toString());
        return ApplicationContext.run(FunctionInvoker.micronautProperties(environment, aws.endpoints()));
    }

    /** The calls' actions, each with the first part of the partition it touched ({@code PutItem CASE}). */
    private static Set<String> actions(List<DynamoPolicy.Call> calls) {
        return calls.stream().map(c -> c.action() + (c.partitionKey().isEmpty() ? "" : " " + c.partitionKey().split("#")[0]))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code records} that stop, as a killed process would, when asked to write batch number {@code stopAt} (from 1). */
    private static ContractRecords stoppingAt(ContractRecords records, int stopAt) {
        AtomicInteger batches = new AtomicInteger();
        return (ContractRecords) Proxy.newProxyInstance(ContractRecords.class.getClassLoader(), new Class<?>[] {ContractRecords.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("putAbsent") && batches.incrementAndGet() >= stopAt) {
                        throw new IllegalStateException("stopped here, as kill -9 would");
                    }
                    try {
                        return method.invoke(records, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    // ------------------------------------------------------------------ the test

    /**
     * The route and the queue (issue 22 item 4): {@code POST /contracts/{code}/exports} answers 202 at once with the export's
     * id, managers only, a contract named; the report queue's message writes it; {@code GET /contracts/{code}/exports/{id}}
     * says RUNNING until the manifest is there, then DONE with what it holds.
     */
    @Test
    void aManagerAsksForAnExportAndTheReportQueueWritesIt() {
        hub.imcaAdvocate("ira-imca");
        String reference = hub.referAndScreen(example("imca"), ASKED);
        Map<String, Object> ira = Map.of("sub", "sub-ira-imca", "cognito:groups", "advocate");
        assertEquals(403, hub.staff(FUNCTION, ira, "POST", "/contracts/LLR/exports", null, EXPORTED).getStatusCode());
        APIGatewayProxyResponseEvent unknown = hub.staff(FUNCTION, MANAGER, "POST", "/contracts/XYZ/exports", null, EXPORTED);
        assertEquals(400, unknown.getStatusCode(), unknown.getBody());

        APIGatewayProxyResponseEvent asked = hub.staff(FUNCTION, MANAGER, "POST", "/contracts/LLR/exports", null, EXPORTED);
        assertEquals(202, asked.getStatusCode(), asked.getBody());
        String exportId = (String) json(asked.getBody()).get("exportId");
        assertEquals("/contracts/LLR/exports/" + exportId, asked.getHeaders().get("Location"));
        Map<String, Object> running = json(hub.staff(FUNCTION, MANAGER, "GET", "/contracts/LLR/exports/" + exportId, null,
                EXPORTED.plusSeconds(1)).getBody());
        assertEquals("RUNNING", running.get("status"), "nothing written before the queue's message");

        assertEquals(1, hub.drain(FUNCTION, EXPORTED.plusSeconds(5)), "one message: the export");
        Map<String, Object> done = json(hub.staff(FUNCTION, MANAGER, "GET", "/contracts/LLR/exports/" + exportId, null,
                EXPORTED.plusSeconds(10)).getBody());
        assertEquals("DONE", done.get("status"), done.toString());
        assertTrue(((Number) done.get("items")).intValue() > 5, done.toString());
        assertTrue(((Map<?, ?>) done.get("kinds")).containsKey("CASE"), done.toString());
        assertTrue(aws.s3().listObjectsV2(b -> b.bucket(aws.bucketName("ReportsBucket")).prefix((String) done.get("prefix")))
                .contents().stream().anyMatch(o -> o.key().endsWith("manifest.json")));
        assertEquals(404, hub.staff(FUNCTION, MANAGER, "GET", "/contracts/LEW/exports/" + exportId, null, EXPORTED).getStatusCode(),
                "an export is found under its own contract only");
        assertTrue(reference.startsWith("LLR-"));
    }

    @Test
    void issue22Item4AnExportOfAnLlrQuarterImportedIntoAnEmptyDeploymentGivesTheSameItemsClocksAndReturns() {
        List<String> cases = seed();
        Map<String, Object> clocksBefore = clocks(cases);
        Map<String, byte[]> returnBefore = buildReturn();
        Map<String, Object> before = contractItems();
        Set<String> kinds = before.values().stream().map(item -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> attributes = (Map<String, Object>) item;
            Object type = attributes.get("type");
            return type == null ? "(no type)" : ((String) type).substring(2);
        }).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(kinds.containsAll(List.of("CASE", "EVENT", "ACTIVITY", "TIME", "AUDIT", "CLOCK", "MAIL", "MESSAGE", "RESPONSE",
                "KEPT_CALLBACK", "COMPLAINT", "COMPLIMENT", "AWARENESS_SESSION", "REPORT", "(no type)")), "a full quarter: " + kinds);

        // --- the export, by the beans the report function has, as a manager at a fixed time
        StaffActor manager = new StaffActor(LocalAws.TEST_MANAGER, Set.of(StaffMember.Role.MANAGER), Optional.empty());
        ExportContract.Exported exported;
        String prefix;
        Map<String, byte[]> export;
        try (ApplicationContext beans = reportFunctionBeans(EXPORTED)) {
            ExportContract exporter = beans.getBean(ExportContract.class);
            assertInstanceOf(ExportContract.NotAllowed.class, exporter.export(new StaffActor("ira-imca",
                    Set.of(StaffMember.Role.ADVOCATE), Optional.empty()), "LLR"), "managers only");
            ExportContract.Invalid unknown = assertInstanceOf(ExportContract.Invalid.class, exporter.export(manager, "XYZ"));
            assertEquals("contract", unknown.errors().get(0).field());
            int itemsBefore = allItems();

            DynamoCallRecorder.Recorded<ExportContract.Outcome> recorded = DynamoCallRecorder.during(() -> exporter.export(manager, "LLR"));
            exported = assertInstanceOf(ExportContract.Exported.class, recorded.result());
            System.out.println("ContractHandoverIT: the export's DynamoDB calls: " + actions(recorded.calls()));
            assertEquals(Set.of("Scan", "PutItem HANDOVER"), actions(recorded.calls()), "a Scan, and the audit in the handover ledger");
            assertEquals(itemsBefore + 1, allItems(), "the export adds its audit entry, nothing else");
            prefix = exported.prefix();
            assertTrue(exported.exportId().matches("EXP-LLR-20261008T100000Z-[0-9A-F]{10}"), exported.exportId());
            assertEquals("exports/LLR/" + exported.exportId() + "/", prefix);
            assertEquals(before.size(), exported.manifest().items(), "every item of the contract, and only those");
            assertEquals(LocalAws.TEST_MANAGER, exported.manifest().exportedBy());
            assertEquals(EXPORTED, exported.manifest().exportedAt());
            export = objects(prefix);
            assertEquals(Set.of(prefix + "README.md", prefix + "manifest.json", prefix + "items-00001.jsonl"), export.keySet());
            String manifest = new String(export.get(prefix + "manifest.json"), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"schemaVersion\":1") && manifest.contains("\"sha256\":\""
                    + org.advocacyhub.domain.casework.Digests.sha256Hex(export.get(prefix + "items-00001.jsonl")) + "\""), manifest);
        }
        List<Map<String, AttributeValue>> ledger = aws.dynamoDb().query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("HANDOVER#LLR")))).items();
        assertEquals(1, ledger.size());
        assertEquals(LocalAws.TEST_MANAGER, ledger.get(0).get("staffId").s());
        assertEquals("exported LLR: " + before.size() + " items in 1 file(s) to " + prefix, ledger.get(0).get("action").s());

        // --- an empty deployment, with only the export's files
        aws.reset();
        assertEquals(0, allItems());
        assertEquals(Map.of(), objects(""));
        export.forEach(this::put);

        try (ApplicationContext beans = reportFunctionBeans(IMPORTED)) {
            ContractRecords records = beans.getBean(ContractRecords.class);
            ReportArchive archive = beans.getBean(ReportArchive.class);
            JsonMapper mapper = beans.getBean(JsonMapper.class);
            ContractCatalogue contracts = beans.getBean(ContractCatalogue.class);
            Clock clock = beans.getBean(Clock.class);
            ImportContract importer = beans.getBean(ImportContract.class);

            // One byte changed: refused, naming the file, and nothing written.
            byte[] tampered = export.get(prefix + "items-00001.jsonl").clone();
            int inAName = new String(tampered, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("Ada Handover");
            tampered[inAName] = 'E';
            export.forEach((key, bytes) -> put("tampered/" + key.substring(prefix.length()), bytes));
            put("tampered/items-00001.jsonl", tampered);
            ImportContract.Refused refused = assertInstanceOf(ImportContract.Refused.class, importer.importFrom("handover-test", "tampered/"));
            assertEquals("items-00001.jsonl", refused.file());
            assertTrue(refused.why().startsWith("Its SHA-256 is "), refused.why());
            assertEquals(0, allItems(), "nothing written");
            ImportContract.Refused noExport = assertInstanceOf(ImportContract.Refused.class, importer.importFrom("handover-test", "nothing/"));
            assertEquals("manifest.json", noExport.file());

            // Stopped halfway (the process killed while writing), then run again: it carries on.
            int batches = (before.size() + 24) / 25;
            int stopAt = batches / 2 + 1;
            ImportContract stopping = new ImportContract(stoppingAt(records, stopAt), archive, contracts, mapper, clock);
            assertThrows(IllegalStateException.class, () -> stopping.importFrom("handover-test", prefix));
            assertEquals((stopAt - 1) * 25 + 1, allItems(), "the batches written before it stopped, and the import's start");
            DynamoCallRecorder.Recorded<ImportContract.Outcome> recorded = DynamoCallRecorder.during(() -> importer.importFrom(
                    "handover-test", prefix));
            ImportContract.Imported imported = assertInstanceOf(ImportContract.Imported.class, recorded.result());
            System.out.println("ContractHandoverIT: the import's DynamoDB calls (run again): " + actions(recorded.calls()));
            assertEquals(before.size(), imported.items());
            assertEquals((stopAt - 1) * 25, imported.alreadyThere(), "what the stopped run wrote is not written twice");
            assertEquals(before.size() - (stopAt - 1) * 25, imported.written());
        }

        // Item for item, the contract as it was.
        Map<String, Object> after = contractItems();
        assertEquals(before.keySet(), after.keySet(), "the same items");
        for (Map.Entry<String, Object> item : before.entrySet()) {
            assertEquals(item.getValue(), after.get(item.getKey()), item.getKey());
        }
        List<Map<String, AttributeValue>> handover = aws.dynamoDb().query(b -> b.tableName(table).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("HANDOVER#LLR")))).items();
        assertEquals(List.of("HANDOVER_IMPORT", "AUDIT"), handover.stream().map(i -> i.get("type").s()).sorted(
                java.util.Comparator.reverseOrder()).toList(), "the import's progress and its audit entry");
        assertTrue(handover.stream().anyMatch(i -> "handover-test".equals(i.get("staffId") == null ? null : i.get("staffId").s())
                && i.get("action").s().startsWith("imported LLR from export " + exported.exportId() + " (exported by hub-manager")),
                handover.toString());

        // Imported once: run again, or another export of the contract into this deployment, is refused and writes nothing.
        int itemsNow = allItems();
        try (ApplicationContext beans = reportFunctionBeans(IMPORTED.plusSeconds(60))) {
            ImportContract importer = beans.getBean(ImportContract.class);
            ImportContract.NotEmpty again = assertInstanceOf(ImportContract.NotEmpty.class, importer.importFrom("handover-test", prefix));
            assertTrue(again.why().startsWith("Export " + exported.exportId() + " was imported here at " + IMPORTED), again.why());
            ExportContract.Exported second = assertInstanceOf(ExportContract.Exported.class,
                    beans.getBean(ExportContract.class).export(manager, "LLR"));
            assertFalse(second.exportId().equals(exported.exportId()));
            int withSecondExport = allItems();
            assertEquals(itemsNow + 1, withSecondExport, "the second export's audit entry");
            ImportContract.NotEmpty holds = assertInstanceOf(ImportContract.NotEmpty.class, importer.importFrom("handover-test",
                    second.prefix()));
            assertEquals("This deployment holds records of LLR already: an export is imported into a deployment with none.", holds.why());
            assertEquals(withSecondExport, allItems(), "nothing written");
        }

        // The staff see the same clocks; the quarter's returns, built again at the same time, are the same bytes.
        assertEquals(clocksBefore, clocks(cases));
        Map<String, byte[]> returnAfter = buildReturn();
        assertEquals(returnBefore.keySet(), returnAfter.keySet());
        for (Map.Entry<String, byte[]> book : returnBefore.entrySet()) {
            assertTrue(parts(book.getValue()).size() > 3, "a workbook: " + book.getKey());
            assertTrue(java.util.Arrays.equals(book.getValue(), returnAfter.get(book.getKey())), book.getKey() + " is byte-identical");
        }
        System.out.println("ContractHandoverIT: " + before.size() + " items of " + kinds.size() + " kinds exported and imported; "
                + returnBefore.size() + " workbooks byte-identical");
    }
}
