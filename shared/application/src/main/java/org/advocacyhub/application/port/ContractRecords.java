package org.advocacyhub.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.advocacyhub.domain.casework.AuditEntry;

/**
 * Every record of one contract in the table, as lines that keep each item exactly (issue 22 item 4, "Contract handover and
 * archive"; LLR 21: the records go to the next provider), and the handover's own ledger: who exported or imported a
 * contract, and how far an import got.
 *
 * <p>A line is one whole item, every attribute with its DynamoDB type (S, N, B, BOOL, NULL, M, L, SS, NS, BS), written on
 * one line of JSON: what {@link #putAbsent} writes back is the item that {@link #read} read.
 */
public interface ContractRecords {

    /**
     * One item of the table.
     *
     * @param kind what it is: its {@code type} attribute, or its keys' first parts where it has none ({@code SEQUENCE/SEQUENCE})
     * @param json the item on one line (no line break in it)
     */
    record Line(String kind, String json) {
    }

    /**
     * Hands every item of {@code contract} to {@code page}, a page of the table at a time (never the whole contract at
     * once). Items written while it reads may or may not be in it.
     */
    void read(String contract, Consumer<List<Line>> page);

    /** Whether the table holds any item of {@code contract} (the handover ledger aside). */
    boolean holdsAny(String contract);

    /**
     * Reads a line of an export, checking that it is one item of {@code contract}.
     *
     * @return its kind
     * @throws IllegalArgumentException saying what is wrong with it (never what it holds)
     */
    String check(String contract, String json);

    /** How a batch went: items written, and items that were there already, identical. */
    record Written(int written, int alreadyThere) {
    }

    /** An item with the key of one being written is in the table and differs from it: nothing is overwritten. */
    final class Differs extends RuntimeException {
        private final String key;

        public Differs(String key) {
            super("the table already holds a different item " + key);
            this.key = key;
        }

        /** The item's keys ({@code CASE#LLR-2026-000001 / EVENT#...}): references, no personal data. */
        public String key() {
            return key;
        }
    }

    /**
     * Writes each line's item where the table holds no item with its key, never over one. An item already there and
     * identical counts as already there (a run again after a crash).
     *
     * @throws Differs when an item with one of the keys is there and differs (the batch's other items may be written)
     */
    Written putAbsent(List<String> lines);

    /** Records who exported or imported the contract, when, and what (the handover ledger: never exported). */
    void audit(String contract, AuditEntry entry);

    /**
     * An import of one export into this table.
     *
     * @param finishedAt when every item was written; null while it is unfinished (it stopped, or runs now)
     */
    record ImportState(String exportId, String startedBy, Instant startedAt, Instant finishedAt, long items) {
        public boolean finished() {
            return finishedAt != null;
        }
    }

    /** The import of {@code exportId} into this table, if one was started. */
    Optional<ImportState> importState(String contract, String exportId);

    /** Records that the import of {@code exportId} starts; false when one was started before (that one's state stands). */
    boolean startImport(String contract, String exportId, String by, Instant at);

    /** Records that the import of {@code exportId} wrote all its {@code items}. */
    void finishImport(String contract, String exportId, Instant at, long items);
}
