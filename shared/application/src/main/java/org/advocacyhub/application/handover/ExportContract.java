package org.advocacyhub.application.handover;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.ExportQueue;
import java.util.TreeMap;
import java.util.UUID;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.ContractRecords;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports every record of one contract (issue 22 item 4, "Contract handover and archive"; LLR 21: at the contract's end the
 * records go to the next provider, and the provider keeps an archive): every item of the table that belongs to the
 * contract ({@link ContractRecords}: its cases with all their items, answerphone messages, the returns' records, reports,
 * report deadlines and reference sequences), written to the reports bucket under {@code exports/<CODE>/<exportId>/}
 * as JSON Lines, with {@code manifest.json} (counts and SHA-256 checksums) and a {@code README.md} of the format.
 * Managers only; audited in the contract's handover ledger. {@link ImportContract} loads such an export into an empty
 * deployment.
 *
 * <p>Interpretation (the issue lets us choose "one file per item kind or one file overall"): one stream of items in the
 * order the table is read, cut into parts {@code items-00001.jsonl}, {@code items-00002.jsonl}... of at most
 * {@link #PART_BYTES} each, so that the export holds one part in memory at a time however large the contract is; the
 * manifest counts the items of each kind, and each line says what it is (its {@code type} and keys).
 *
 * <p>Interpretation (what "every record of one contract" leaves out): the staff directory, sign-ins and console sessions
 * (people of the provider, not of the contract), idempotency and staff request records (24 hours), the duty managers'
 * daily digests (across contracts), the retention key (of the deployment: the next provider anonymises with its own),
 * the mail service's records (SES message ids, bounces and suppressed addresses: the next provider's mail service has its
 * own), the restricted lists' links (valid only where they were made) and the handover ledger itself; and the workbooks in the bucket, which the reports' items name and a report asked for
 * again builds from the records.
 *
 * <p>Interpretation ("writes every record"): the table is read as it is while the export runs; an export for a handover is
 * taken once the contract has stopped taking work, so that nothing changes meanwhile.
 */
@Singleton
public final class ExportContract {

    private static final Logger LOG = LoggerFactory.getLogger(ExportContract.class);
    /** A part is cut once it reaches this size: a few megabytes in memory at a time, each one S3 PutObject. */
    static final int PART_BYTES = 8 * 1024 * 1024;
    static final String JSON_LINES = "application/x-ndjson";
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ContractRecords records;
    private final ReportArchive archive;
    private final ExportQueue queue;
    private final FieldRules rules;
    private final JsonMapper json;
    private final Clock clock;
    private final List<FieldSpec> fields;

    public ExportContract(ContractRecords records, ReportArchive archive, ExportQueue queue, ContractCatalogue contracts,
                          ContractTerms terms, JsonMapper json, Clock clock) {
        this.records = records;
        this.queue = queue;
        this.archive = archive;
        this.rules = new FieldRules(terms);
        this.json = json;
        this.clock = clock;
        this.fields = List.of(new FieldSpec("contract", "Contract", "", FieldKind.CHOICE, true, 10, ContractChoice.all(contracts),
                "Choose the contract", "Contract"));
    }

    public sealed interface Outcome {
    }

    /**
     * The export, complete: its manifest was written last.
     *
     * @param prefix where its files are in the reports bucket, ending in {@code /}
     */
    public record Exported(String exportId, String prefix, ExportManifest manifest) implements Outcome {
    }

    public record NotAllowed(String why) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    /** Where the exports of {@code contract} are kept in the reports bucket. */
    public static String prefix(String contract, String exportId) {
        return "exports/" + contract + "/" + exportId + "/";
    }

    /** The export asked for: it runs on the report queue ({@link #run}); its files are complete once its manifest is there. */
    public record Requested(String exportId, String contract, String prefix, Instant requestedAt) implements Outcome {
    }

    /** An export as {@code GET /contracts/{code}/exports/{id}} finds it: its manifest once written, else still running. */
    public record Found(String exportId, String contract, String prefix, Optional<ExportManifest> manifest) implements Outcome {
    }

    public record NotFound(String why) implements Outcome {
    }

    /** An export's id: {@code EXP-<CODE>-<UTC time>-<10 hex>}, the contract's code readable from it. */
    static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("EXP-([A-Z]{2,10})-[0-9]{8}T[0-9]{6}Z-[0-9A-F]{10}");

    /**
     * {@code POST /contracts/{code}/exports} (issue 22 item 4): a manager asks for the contract's export; it is written on the
     * report queue (a contract's records can outlast an API request's 29 seconds), and the request answers at once with its
     * id. Asked again with the same idempotency key, the same id.
     */
    public Outcome request(StaffActor actor, String contractCode) {
        Outcome checked = check(actor, contractCode);
        if (!(checked instanceof Requested requested)) {
            return checked;
        }
        queue.enqueue(requested.exportId(), actor.id());
        records.audit(requested.contract(), new AuditEntry(UUID.randomUUID().toString().substring(0, 8), requested.requestedAt(),
                actor.id(), "asked for an export of " + requested.contract() + " (" + requested.exportId() + ")"));
        return requested;
    }

    /** The contract an export's id names, or empty when it is not an export's id. */
    public static Optional<String> contractOf(String exportId) {
        java.util.regex.Matcher id = ID.matcher(exportId == null ? "" : exportId);
        return id.matches() ? Optional.of(id.group(1)) : Optional.empty();
    }

    /** The export asked for, written now (the report queue's message, {@link #request}); run again, it writes the same again. */
    public Exported run(String exportId, String requestedBy) {
        String contract = contractOf(exportId).orElseThrow(() -> new IllegalArgumentException("not an export id"));
        return write(contract, exportId, requestedBy, clock.instant());
    }

    /** {@code POST /contracts/{code}/exports} answered at once, written in the request: for tests and the command line. */
    public Outcome export(StaffActor actor, String contractCode) {
        Outcome checked = check(actor, contractCode);
        if (!(checked instanceof Requested requested)) {
            return checked;
        }
        return write(requested.contract(), requested.exportId(), actor.id(), requested.requestedAt());
    }

    /** {@code GET /contracts/{code}/exports/{id}}: managers; its manifest once it is written. */
    public Outcome find(StaffActor actor, String contractCode, String exportId) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers may export a contract's records.");
        }
        if (!contractOf(exportId).filter(contractCode::equals).isPresent()) {
            return new NotFound("There is no export " + exportId + " of " + contractCode + ".");
        }
        String prefix = prefix(contractCode, exportId);
        Optional<byte[]> written = archive.get(prefix + ExportManifest.FILE_NAME);
        if (written.isEmpty()) {
            return new Found(exportId, contractCode, prefix, Optional.empty());
        }
        try {
            return new Found(exportId, contractCode, prefix, Optional.of(ExportManifest.parse(json, written.get())));
        } catch (ExportManifest.Unreadable e) {
            throw new IllegalStateException("the export's own manifest cannot be read: " + e.getMessage(), e);
        }
    }

    private Outcome check(StaffActor actor, String contractCode) {
        if (!actor.isManager()) {
            return new NotAllowed("Only managers may export a contract's records.");
        }
        Instant now = clock.instant();
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        FieldRules.Checked checked = rules.check(fields, SubmittedFields.of(Map.of("contract", List.of(contractCode == null ? "" : contractCode))),
                today, "the export");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        String contract = ((Choice) checked.values().get("contract")).name();
        // Asked again with the same idempotency key, the same id: its files are written again in the same place.
        String exportId = "EXP-" + contract + "-" + COMPACT.format(now) + "-" + HexFormat.of()
                .toHexDigits(UUID.fromString(actor.newRecordId()).getLeastSignificantBits()).substring(0, 10).toUpperCase(Locale.ROOT);
        return new Requested(exportId, contract, prefix(contract, exportId), now);
    }

    private Exported write(String contract, String exportId, String by, Instant now) {
        String prefix = prefix(contract, exportId);
        Parts parts = new Parts(prefix);
        records.read(contract, parts::add);
        parts.cut();
        archive.put(prefix + "README.md", readme(contract, exportId, now).getBytes(StandardCharsets.UTF_8), "text/markdown; charset=utf-8");
        ExportManifest manifest = new ExportManifest(ExportManifest.SCHEMA_VERSION, contract, exportId, now, by, parts.kinds,
                parts.files);
        // Last: an export without its manifest is one that stopped before it was complete, and cannot be imported.
        archive.put(prefix + ExportManifest.FILE_NAME, manifest.toJson(json), "application/json");
        records.audit(contract, new AuditEntry(UUID.randomUUID().toString().substring(0, 8), now, by,
                "exported " + contract + ": " + manifest.items() + " items in " + manifest.files().size() + " file(s) to " + prefix));
        LOG.info("Export {} of {}: {} items in {} file(s)", exportId, contract, manifest.items(), manifest.files().size());
        return new Exported(exportId, prefix, manifest);
    }

    /** The items read so far, cut into parts of at most {@link #PART_BYTES}, each written as soon as it is full. */
    private final class Parts {
        private final String prefix;
        private final List<ExportManifest.DataFile> files = new ArrayList<>();
        private final Map<String, Long> kinds = new TreeMap<>();
        private ByteArrayOutputStream part = new ByteArrayOutputStream();
        private long items;

        Parts(String prefix) {
            this.prefix = prefix;
        }

        void add(List<ContractRecords.Line> page) {
            for (ContractRecords.Line line : page) {
                byte[] bytes = (line.json() + "\n").getBytes(StandardCharsets.UTF_8);
                if (part.size() > 0 && part.size() + bytes.length > PART_BYTES) {
                    cut();
                }
                part.writeBytes(bytes);
                items++;
                kinds.merge(line.kind(), 1L, Long::sum);
            }
        }

        /** Writes the part in hand, if it holds anything. */
        void cut() {
            if (items == 0) {
                return;
            }
            byte[] bytes = part.toByteArray();
            String name = String.format(Locale.ROOT, "items-%05d.jsonl", files.size() + 1);
            archive.put(prefix + name, bytes, JSON_LINES);
            files.add(new ExportManifest.DataFile(name, items, bytes.length, Digests.sha256Hex(bytes)));
            part = new ByteArrayOutputStream();
            items = 0;
        }
    }

    /** The export's {@code README.md}: the format, for whoever receives it (a person, or the next provider's developers). */
    static String readme(String contract, String exportId, Instant at) {
        return """
                # Contract export %1$s

                Every record of the contract **%2$s** as Advocacy Hub held it at %3$s (issue 22 item 4, "Contract handover and
                archive"). It holds personal data: keep it as securely as the hub's table.

                ## Files

                - `manifest.json`: what this export holds. `format` (`%4$s`), `schemaVersion` (%5$d), `contract`,
                  `exportId`, `exportedAt` (UTC), `exportedBy` (the staff id of the manager who exported it), `items` (all of
                  them), `kinds` (items by kind) and `files`: for each data file its `name`, `items` (lines), `bytes` and
                  `sha256` (SHA-256 of the file's bytes, lower-case hex). It is written last: an export without one is not
                  complete.
                - `items-00001.jsonl`, `items-00002.jsonl`, ...: the items, in no particular order, cut into files of at most
                  8 MiB. [JSON Lines](https://jsonlines.org/): UTF-8, one item per line, each line ending in `\\n`.
                - `README.md`: this file.

                ## One line

                One item of the hub's DynamoDB table, whole, in DynamoDB's own JSON form: each attribute's name, then its type and
                value, so that nothing is lost (a number stays a number, a set a set, bytes bytes):

                ```json
                {"PK":{"S":"CASE#%2$s-2026-000042"},"SK":{"S":"CASE"},"version":{"N":"7"},"person":{"M":{"name":{"S":"..."}}}}
                ```

                Types: `S` text; `N` a number, as text; `B` bytes, base64; `BOOL` true or false; `NULL` true; `M` a map of
                attributes; `L` a list of values; `SS`, `NS`, `BS` sets of text, numbers (as text) and bytes (base64).
                Attribute names are in alphabetical order, and so are the members of a set.

                ## What the items are

                `PK` and `SK` are the item's keys; the hub's README ("Table design") lists every kind. The partitions of a
                contract's records:

                | `PK` begins | what |
                |---|---|
                | `CASE#%2$s-` | a case (`SK` `CASE`) and everything beside it: timeline `EVENT#`, `TASK#`, `ACTIVITY#`, `TIME#`, `AUDIT#`, running `CLOCK#`s, `ALERT#`s raised, outbox `MAIL#`s, `REQUEST#` marks |
                | `MESSAGE#AP-%2$s-` | an answerphone message, its callback clock, attempts, audit and alerts |
                | `MESSAGE-SOURCE#%2$s#` | which message a telephony system's key made |
                | `RETURNS#%2$s#` | the returns' records by quarter: complaints, compliments, awareness sessions, kept callbacks |
                | `REPORT#RPT-%2$s-` | a quarterly report: its request, each workbook's once-only send, its audit |
                | `REPORT-DUE#%2$s#` | a quarter's report deadline: its clock, alerts and emails |
                | `SEQUENCE#%2$s#`, `SEQUENCE#AP-%2$s#` | the last reference and message number given in a year |

                Not here: the staff directory, sign-ins and sessions, idempotency and request records, daily digests, the
                deployment's retention key, its mail service's records (message ids, bounces, suppressed addresses), the
                restricted lists' links, and the report workbooks themselves (a report asked for again builds them from
                these records).

                ## Checking and loading it

                The checksums in `manifest.json` find a file changed or cut short (`sha256sum items-*.jsonl`). Advocacy Hub's
                import (`./import-contract`, see the hub's README, "Contract handover") checks every file against the manifest
                and every line, refuses the whole export on any difference, naming the file, and loads it only into a
                deployment that holds nothing of the contract.
                """.formatted(exportId, contract, at, ExportManifest.FORMAT, ExportManifest.SCHEMA_VERSION);
    }
}
