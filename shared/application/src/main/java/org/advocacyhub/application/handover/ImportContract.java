package org.advocacyhub.application.handover;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.advocacyhub.application.port.ContractRecords;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads an export made by {@link ExportContract} into a deployment that holds nothing of its contract (issue 22 item 4: "an
 * import command loads such an export into an empty deployment ... and the case files, clocks and returns of the imported
 * contract equal the originals"; LLR 21: the next provider takes the records over). Audited in the handover ledger.
 *
 * <p>First the whole export is checked, before anything is written: the manifest's format and schema version, that this
 * hub runs its contract, and every data file against the manifest (its length, SHA-256 and number of lines) and every
 * line (one item of the contract). Any difference refuses the whole export, naming the file.
 *
 * <p>Interpretation ("into an empty deployment", with "a re-run after a crash completes without duplicating"): the table
 * may hold no item of the contract, except those an unfinished import of this same export wrote. The import records that
 * it started (the handover ledger) before its first write, so run again after a crash it carries on: every item is put
 * only where no item has its key, an item already there and identical counts as done, and one that differs stops the
 * import, naming its keys, without overwriting it. An import that finished is not run again.
 */
@Singleton
public final class ImportContract {

    private static final Logger LOG = LoggerFactory.getLogger(ImportContract.class);
    /** Items per conditional write (one DynamoDB transaction of puts; at most 100 are allowed, and 4 MB). */
    static final int BATCH = 25;

    private final ContractRecords records;
    private final ReportArchive archive;
    private final ContractCatalogue contracts;
    private final JsonMapper json;
    private final Clock clock;

    public ImportContract(ContractRecords records, ReportArchive archive, ContractCatalogue contracts, JsonMapper json, Clock clock) {
        this.records = records;
        this.archive = archive;
        this.contracts = contracts;
        this.json = json;
        this.clock = clock;
    }

    public sealed interface Outcome {
    }

    /**
     * Every item of the export is in the table.
     *
     * @param written      items this run wrote
     * @param alreadyThere items an earlier, unfinished run of the same import had written
     */
    public record Imported(String contract, String exportId, long items, long written, long alreadyThere) implements Outcome {
    }

    /** The export cannot be imported as it is: {@code file} ({@code manifest.json}, {@code items-00001.jsonl}) and why. */
    public record Refused(String file, String why) implements Outcome {
    }

    /** The table holds records of the contract already (or this export was imported): nothing was written. */
    public record NotEmpty(String why) implements Outcome {
    }

    /**
     * Imports the export whose files are under {@code prefix} (ending in {@code /}, such as {@code exports/LLR/EXP-.../}, or
     * empty where the archive is the export's own folder).
     *
     * @param importedBy who runs the import, for the audit (a staff id, or the person at the command line)
     */
    public Outcome importFrom(String importedBy, String prefix) {
        String from = prefix == null ? "" : prefix;
        Optional<byte[]> manifestBytes = archive.get(from + ExportManifest.FILE_NAME);
        if (manifestBytes.isEmpty()) {
            return new Refused(ExportManifest.FILE_NAME, "There is no " + ExportManifest.FILE_NAME + " at '" + from
                    + "': not an export, or one that did not finish.");
        }
        ExportManifest manifest;
        try {
            manifest = ExportManifest.parse(json, manifestBytes.get());
        } catch (ExportManifest.Unreadable e) {
            return new Refused(ExportManifest.FILE_NAME, "The manifest cannot be read: " + e.getMessage() + ".");
        }
        String contract = manifest.contract();
        if (contracts.contract(contract).isEmpty()) {
            return new Refused(ExportManifest.FILE_NAME, "This hub does not run the contract " + contract + " (its contract files: "
                    + contracts.contracts().stream().map(c -> c.code()).toList() + ").");
        }
        Map<String, Long> kinds = new TreeMap<>();
        for (ExportManifest.DataFile file : manifest.files()) {
            Optional<Refused> wrong = check(from, file, contract, kinds);
            if (wrong.isPresent()) {
                return wrong.get();
            }
        }
        if (!kinds.equals(manifest.kinds())) {
            return new Refused(ExportManifest.FILE_NAME, "The files hold items of kinds " + kinds + "; the manifest says " + manifest.kinds()
                    + ".");
        }

        Optional<ContractRecords.ImportState> state = records.importState(contract, manifest.exportId());
        if (state.isPresent() && state.get().finished()) {
            return new NotEmpty("Export " + manifest.exportId() + " was imported here at " + state.get().finishedAt() + " ("
                    + state.get().items() + " items): nothing to do.");
        }
        Instant started = clock.instant();
        if (state.isEmpty()) {
            if (records.holdsAny(contract)) {
                return new NotEmpty("This deployment holds records of " + contract + " already: an export is imported into a "
                        + "deployment with none.");
            }
            records.startImport(contract, manifest.exportId(), importedBy, started);
        } else {
            LOG.info("Import {} of {}: carrying on the import started at {}", manifest.exportId(), contract, state.get().startedAt());
        }

        long written = 0;
        long alreadyThere = 0;
        for (ExportManifest.DataFile file : manifest.files()) {
            byte[] bytes = archive.get(from + file.name()).orElse(new byte[0]);
            if (!Digests.sha256Hex(bytes).equals(file.sha256())) {
                return new Refused(file.name(), "It changed after it was checked: its SHA-256 is not the manifest's. Some items may "
                        + "have been written; put the export right and import it again to carry on.");
            }
            List<String> lines = lines(bytes);
            for (int i = 0; i < lines.size(); i += BATCH) {
                ContractRecords.Written batch;
                try {
                    batch = records.putAbsent(lines.subList(i, Math.min(i + BATCH, lines.size())));
                } catch (ContractRecords.Differs e) {
                    return new Refused(file.name(), "The table already holds the item " + e.key() + ", and it differs from the "
                            + "export's. Nothing was overwritten.");
                }
                written += batch.written();
                alreadyThere += batch.alreadyThere();
            }
            LOG.info("Import {} of {}: {} done ({} items)", manifest.exportId(), contract, file.name(), lines.size());
        }
        Instant finished = clock.instant();
        records.finishImport(contract, manifest.exportId(), finished, manifest.items());
        records.audit(contract, new AuditEntry(UUID.randomUUID().toString().substring(0, 8), finished, importedBy,
                "imported " + contract + " from export " + manifest.exportId() + " (exported by " + manifest.exportedBy() + " at "
                        + manifest.exportedAt() + "): " + manifest.items() + " items, " + written + " written now, " + alreadyThere
                        + " already there"));
        LOG.info("Import {} of {}: {} items, {} written, {} already there", manifest.exportId(), contract, manifest.items(), written,
                alreadyThere);
        return new Imported(contract, manifest.exportId(), manifest.items(), written, alreadyThere);
    }

    /** One data file against the manifest, and each of its lines; counts its items by kind into {@code kinds}. */
    private Optional<Refused> check(String from, ExportManifest.DataFile file, String contract, Map<String, Long> kinds) {
        Optional<byte[]> found = archive.get(from + file.name());
        if (found.isEmpty()) {
            return Optional.of(new Refused(file.name(), "The manifest lists it, but it is not in the export."));
        }
        byte[] bytes = found.get();
        if (bytes.length != file.bytes()) {
            return Optional.of(new Refused(file.name(), "It is " + bytes.length + " bytes long; the manifest says " + file.bytes() + "."));
        }
        String sha256 = Digests.sha256Hex(bytes);
        if (!sha256.equals(file.sha256())) {
            return Optional.of(new Refused(file.name(), "Its SHA-256 is " + sha256 + "; the manifest says " + file.sha256()
                    + ": it changed after it was exported."));
        }
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
            return Optional.of(new Refused(file.name(), "Its last line does not end with a line break: it was cut short."));
        }
        List<String> lines = lines(bytes);
        if (lines.size() != file.items()) {
            return Optional.of(new Refused(file.name(), "It holds " + lines.size() + " lines; the manifest says " + file.items() + "."));
        }
        for (int i = 0; i < lines.size(); i++) {
            try {
                kinds.merge(records.check(contract, lines.get(i)), 1L, Long::sum);
            } catch (IllegalArgumentException e) {
                return Optional.of(new Refused(file.name(), "Line " + (i + 1) + ": " + e.getMessage() + "."));
            }
        }
        return Optional.empty();
    }

    /** The file's lines, each without its line break. */
    private static List<String> lines(byte[] bytes) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return lines;
    }
}
