package org.advocacyhub.application.handover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.CatalogueContractTerms;
import org.advocacyhub.application.port.ContractRecords;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.junit.jupiter.api.Test;

/**
 * Issue 22 item 4, the export and import on their own (the table and the bucket in memory): a contract larger than a part is
 * cut into parts each checked by the manifest, written before it and imported whole; a manifest or file that does not
 * match is refused naming the file, before anything is written; an import carries on after a crash and never overwrites.
 * ContractHandoverIT does the same through DynamoDB Local and S3.
 */
class ContractHandoverTest {

    private static final Instant NOW = Instant.parse("2026-10-08T09:00:00Z");
    private static final JsonMapper JSON = JsonMapper.createDefault();
    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final StaffActor MANAGER = new StaffActor("morgan-manager", Set.of(StaffMember.Role.MANAGER), Optional.empty());

    /** The bucket: keys in the order they were written. */
    static final class Bucket implements ReportArchive {
        final Map<String, byte[]> objects = new LinkedHashMap<>();

        @Override
        public void put(String key, byte[] content, String contentType) {
            objects.remove(key);
            objects.put(key, content.clone());
        }

        @Override
        public Optional<byte[]> get(String key) {
            return Optional.ofNullable(objects.get(key)).map(byte[]::clone);
        }

        @Override
        public void delete(String key) {
            objects.remove(key);
        }
    }

    /** The table: lines by their keys; items of a contract are those whose PK begins {@code CASE#<contract>-}. */
    static final class Table implements ContractRecords {
        final Map<String, String> items = new TreeMap<>();
        final List<AuditEntry> audit = new ArrayList<>();
        final Map<String, ImportState> imports = new TreeMap<>();
        int pageSize = 3;
        /** The import stops (as a killed process) when asked for this batch (from 1); 0: never. */
        int stopAtBatch;
        int batches;

        static String key(String line) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> item = JSON.readValue(line, Map.class);
                return item.get("PK").get("S") + " / " + item.get("SK").get("S");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void add(String pk, String sk, String words) {
            String line = "{\"PK\":{\"S\":\"" + pk + "\"},\"SK\":{\"S\":\"" + sk + "\"},\"words\":{\"S\":\"" + words + "\"}}";
            items.put(key(line), line);
        }

        @Override
        public void read(String contract, Consumer<List<Line>> page) {
            List<Line> lines = items.values().stream().filter(l -> key(l).startsWith("CASE#" + contract + "-"))
                    .map(l -> new Line(key(l).contains("EVENT") ? "EVENT" : "CASE", l)).toList();
            for (int i = 0; i < lines.size(); i += pageSize) {
                page.accept(lines.subList(i, Math.min(i + pageSize, lines.size())));
            }
        }

        @Override
        public boolean holdsAny(String contract) {
            return items.keySet().stream().anyMatch(k -> k.startsWith("CASE#" + contract + "-"));
        }

        @Override
        public String check(String contract, String json) {
            String key;
            try {
                key = key(json);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not JSON");
            }
            if (!key.startsWith("CASE#" + contract + "-")) {
                throw new IllegalArgumentException("the item " + key.split(" ")[0] + " is not of the contract " + contract);
            }
            return key.contains("EVENT") ? "EVENT" : "CASE";
        }

        @Override
        public Written putAbsent(List<String> lines) {
            if (++batches == stopAtBatch) {
                throw new IllegalStateException("stopped, as kill -9 would");
            }
            int written = 0;
            int there = 0;
            for (String line : lines) {
                String was = items.putIfAbsent(key(line), line);
                if (was == null) {
                    written++;
                } else if (was.equals(line)) {
                    there++;
                } else {
                    throw new Differs(key(line));
                }
            }
            return new Written(written, there);
        }

        @Override
        public void audit(String contract, AuditEntry entry) {
            audit.add(entry);
        }

        @Override
        public Optional<ImportState> importState(String contract, String exportId) {
            return Optional.ofNullable(imports.get(exportId));
        }

        @Override
        public boolean startImport(String contract, String exportId, String by, Instant at) {
            return imports.putIfAbsent(exportId, new ImportState(exportId, by, at, null, 0)) == null;
        }

        @Override
        public void finishImport(String contract, String exportId, Instant at, long count) {
            ImportState started = imports.get(exportId);
            imports.put(exportId, new ImportState(exportId, started.startedBy(), started.startedAt(), at, count));
        }
    }

    private final Bucket bucket = new Bucket();
    private final Table table = new Table();

    private ExportContract exporter() {
        return new ExportContract(table, bucket, (id, by) -> { }, CONTRACTS, new CatalogueContractTerms(CONTRACTS), JSON, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private ImportContract importer(Table into) {
        return new ImportContract(into, bucket, CONTRACTS, JSON, Clock.fixed(NOW.plusSeconds(60), ZoneOffset.UTC));
    }

    /** {@code cases} cases of LLR, each with an event whose words are {@code wordsLength} characters, and a case of LEW. */
    private void seed(int cases, int wordsLength) {
        for (int i = 1; i <= cases; i++) {
            String pk = String.format("CASE#LLR-2026-%06d", i);
            table.add(pk, "CASE", "case " + i);
            table.add(pk, "EVENT#" + i, "x".repeat(wordsLength));
        }
        table.add("CASE#LEW-2026-000001", "CASE", "not LLR's");
    }

    private ExportContract.Exported export() {
        return assertInstanceOf(ExportContract.Exported.class, exporter().export(MANAGER, "LLR"));
    }

    @Test
    void aContractLargerThanAPartIsCutIntoPartsEachCountedAndCheckedWithTheManifestWrittenLast() {
        // Each event about 1 MiB: nine of them and their cases take two parts of at most 8 MiB.
        seed(9, 1024 * 1024);
        ExportContract.Exported exported = export();

        assertEquals("EXP-LLR-20261008T090000Z-", exported.exportId().substring(0, 25));
        String prefix = "exports/LLR/" + exported.exportId() + "/";
        assertEquals(prefix, exported.prefix());
        assertEquals(List.of(prefix + "items-00001.jsonl", prefix + "items-00002.jsonl", prefix + "README.md", prefix + "manifest.json"),
                List.copyOf(bucket.objects.keySet()), "the manifest last: an export without one did not finish");
        ExportManifest manifest = exported.manifest();
        assertEquals(18, manifest.items(), "LLR's cases and events, not LEW's case");
        assertEquals(Map.of("CASE", 9L, "EVENT", 9L), manifest.kinds());
        long lines = 0;
        for (ExportManifest.DataFile file : manifest.files()) {
            byte[] bytes = bucket.objects.get(prefix + file.name());
            assertTrue(bytes.length <= ExportContract.PART_BYTES, file.name() + " " + bytes.length);
            assertEquals(bytes.length, file.bytes());
            assertEquals(Digests.sha256Hex(bytes), file.sha256());
            String text = new String(bytes, StandardCharsets.UTF_8);
            assertEquals(file.items(), text.lines().count());
            lines += file.items();
        }
        assertEquals(18, lines);
        assertEquals(manifest, assertManifest(bucket.objects.get(prefix + "manifest.json")), "the manifest reads back as written");
        assertTrue(new String(bucket.objects.get(prefix + "README.md"), StandardCharsets.UTF_8).startsWith("# Contract export "
                + exported.exportId()));
        assertEquals(1, table.audit.size());
        assertEquals("morgan-manager", table.audit.get(0).staffId());
        assertEquals("exported LLR: 18 items in 2 file(s) to " + prefix, table.audit.get(0).action());

        Table empty = new Table();
        ImportContract.Imported imported = assertInstanceOf(ImportContract.Imported.class, importer(empty).importFrom("desk", prefix));
        assertEquals(18, imported.written());
        Map<String, String> llr = new TreeMap<>(table.items);
        llr.remove("CASE#LEW-2026-000001 / CASE");
        assertEquals(llr, empty.items, "every item, as it was");
        assertEquals("imported LLR from export " + exported.exportId() + " (exported by morgan-manager at " + NOW + "): 18 items, "
                + "18 written now, 0 already there", empty.audit.get(0).action());
    }

    private static ExportManifest assertManifest(byte[] bytes) {
        try {
            return ExportManifest.parse(JSON, bytes);
        } catch (ExportManifest.Unreadable e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    void onlyManagersExportAndOnlyTheHubsContracts() {
        assertInstanceOf(ExportContract.NotAllowed.class, exporter().export(new StaffActor("ira-imca", Set.of(StaffMember.Role.ADVOCATE),
                Optional.empty()), "LLR"));
        ExportContract.Invalid invalid = assertInstanceOf(ExportContract.Invalid.class, exporter().export(MANAGER, "NOPE"));
        assertEquals("contract", invalid.errors().get(0).field());
        assertEquals(Map.of(), bucket.objects);
        assertEquals(List.of(), table.audit);
    }

    /** The export's manifest with {@code field} set to {@code value} (raw JSON). */
    private void manifestWith(String prefix, String field, String value) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = JSON.readValue(bucket.objects.get(prefix + "manifest.json"), Map.class);
        manifest.put(field, JSON.readValue(value, Object.class));
        bucket.put(prefix + "manifest.json", JSON.writeValueAsBytes(manifest), "application/json");
    }

    @Test
    void anExportThatDoesNotMatchItsManifestIsRefusedNamingTheFileAndNothingIsWritten() throws IOException {
        seed(4, 10);
        ExportContract.Exported exported = export();
        String prefix = exported.prefix();
        String part = prefix + "items-00001.jsonl";
        byte[] original = bucket.objects.get(part);
        Table empty = new Table();

        Map<String, ImportContract.Outcome> cases = new LinkedHashMap<>();
        cases.put("no manifest", importer(empty).importFrom("desk", "exports/LLR/nothing/"));
        manifestWith(prefix, "schemaVersion", "2");
        cases.put("schema 2", importer(empty).importFrom("desk", prefix));
        manifestWith(prefix, "schemaVersion", "1");
        manifestWith(prefix, "contract", "\"ZZZ\"");
        cases.put("contract", importer(empty).importFrom("desk", prefix));
        manifestWith(prefix, "contract", "\"LLR\"");
        byte[] changed = original.clone();
        changed[20] = (byte) (changed[20] == 'A' ? 'B' : 'A');
        bucket.put(part, changed, "x");
        cases.put("one byte", importer(empty).importFrom("desk", prefix));
        bucket.put(part, java.util.Arrays.copyOf(original, original.length - 1), "x");
        cases.put("cut short", importer(empty).importFrom("desk", prefix));
        bucket.objects.remove(part);
        cases.put("missing", importer(empty).importFrom("desk", prefix));

        Map<String, String> seen = new LinkedHashMap<>();
        cases.forEach((what, outcome) -> {
            ImportContract.Refused refused = assertInstanceOf(ImportContract.Refused.class, outcome, what);
            seen.put(what, refused.file() + ": " + refused.why());
        });
        assertEquals("manifest.json: There is no manifest.json at 'exports/LLR/nothing/': not an export, or one that did not finish.",
                seen.get("no manifest"));
        assertEquals("manifest.json: The manifest cannot be read: schemaVersion is 2; this hub reads version 1.", seen.get("schema 2"));
        assertTrue(seen.get("contract").startsWith("manifest.json: This hub does not run the contract ZZZ"), seen.get("contract"));
        assertTrue(seen.get("one byte").startsWith("items-00001.jsonl: Its SHA-256 is "), seen.get("one byte"));
        assertEquals("items-00001.jsonl: It is " + (original.length - 1) + " bytes long; the manifest says " + original.length + ".",
                seen.get("cut short"));
        assertEquals("items-00001.jsonl: The manifest lists it, but it is not in the export.", seen.get("missing"));
        assertEquals(Map.of(), empty.items, "nothing written");
        assertEquals(Map.of(), empty.imports, "not even the import's start");
    }

    @Test
    void aLineOfAnotherContractIsRefusedWithItsLineNumberEvenWhenTheManifestWasMadeToMatch() {
        seed(2, 10);
        ExportContract.Exported exported = export();
        String prefix = exported.prefix();
        String part = prefix + "items-00001.jsonl";
        String text = new String(bucket.objects.get(part), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        lines[2] = lines[2].replace("CASE#LLR-", "CASE#LEW-");
        byte[] edited = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        bucket.put(part, edited, "x");
        ExportManifest was = exported.manifest();
        ExportManifest.DataFile file = was.files().get(0);
        ExportManifest forged = new ExportManifest(1, "LLR", was.exportId(), was.exportedAt(), was.exportedBy(), was.kinds(),
                List.of(new ExportManifest.DataFile(file.name(), file.items(), edited.length, Digests.sha256Hex(edited))));
        bucket.put(prefix + "manifest.json", forged.toJson(JSON), "application/json");

        ImportContract.Refused refused = assertInstanceOf(ImportContract.Refused.class, importer(new Table()).importFrom("desk", prefix));
        assertEquals("items-00001.jsonl", refused.file());
        assertTrue(refused.why().startsWith("Line 3: the item CASE#LEW-"), refused.why());
    }

    @Test
    void anImportStoppedHalfwayCarriesOnWhenRunAgainAndAnyOtherImportIsRefused() {
        seed(30, 10);
        ExportContract.Exported exported = export();
        Table into = new Table();
        into.stopAtBatch = 2;
        try {
            importer(into).importFrom("desk", exported.prefix());
            throw new AssertionError("the import was to stop at its second batch");
        } catch (IllegalStateException stopped) {
            assertEquals(ImportContract.BATCH, into.items.size(), "the first batch, written before it stopped");
        }
        into.stopAtBatch = 0;
        ImportContract.Imported imported = assertInstanceOf(ImportContract.Imported.class, importer(into).importFrom("desk",
                exported.prefix()));
        assertEquals(60, imported.items());
        assertEquals(ImportContract.BATCH, imported.alreadyThere());
        assertEquals(60 - ImportContract.BATCH, imported.written());
        assertEquals(60, into.items.size());

        ImportContract.NotEmpty again = assertInstanceOf(ImportContract.NotEmpty.class, importer(into).importFrom("desk",
                exported.prefix()));
        assertTrue(again.why().startsWith("Export " + exported.exportId() + " was imported here at "), again.why());

        // A table that holds the contract from elsewhere: refused, nothing written.
        Table holding = new Table();
        holding.add("CASE#LLR-2026-000099", "CASE", "already here");
        assertInstanceOf(ImportContract.NotEmpty.class, importer(holding).importFrom("desk", exported.prefix()));
        assertEquals(1, holding.items.size());

        // An unfinished import whose item now differs from the export's: stopped, naming it, nothing overwritten.
        Table differing = new Table();
        differing.stopAtBatch = 2;
        try {
            importer(differing).importFrom("desk", exported.prefix());
        } catch (IllegalStateException stopped) {
            // as above
        }
        String first = differing.items.keySet().iterator().next();
        String[] keys = first.split(" / ");
        differing.add(keys[0], keys[1], "changed meanwhile");
        differing.stopAtBatch = 0;
        ImportContract.Refused refused = assertInstanceOf(ImportContract.Refused.class, importer(differing).importFrom("desk",
                exported.prefix()));
        assertEquals("The table already holds the item " + first + ", and it differs from the export's. Nothing was overwritten.",
                refused.why());
        assertTrue(differing.items.get(first).contains("changed meanwhile"));
    }
}
