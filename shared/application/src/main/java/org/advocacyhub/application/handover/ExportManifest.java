package org.advocacyhub.application.handover;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code manifest.json} of a contract export (issue 22 item 4): what the export holds and how to check it, written last, so
 * an export without one is unfinished. Checksums find a file changed or cut short; they do not prove who wrote it (the
 * bucket's access does).
 *
 * @param schemaVersion how the files are written ({@link #SCHEMA_VERSION}); an import refuses any other
 * @param exportedBy    the staff id of the manager who exported it
 * @param kinds         items by kind (see {@link org.advocacyhub.application.port.ContractRecords.Line#kind()}), for a reader
 * @param files         the data files, in order
 */
public record ExportManifest(int schemaVersion, String contract, String exportId, Instant exportedAt, String exportedBy,
                             Map<String, Long> kinds, List<DataFile> files) {

    /** Version 1: JSON Lines of DynamoDB JSON, one item a line (the README of each export describes it). */
    public static final int SCHEMA_VERSION = 1;
    /** What the {@code format} field of every manifest says, so that a stray JSON file is not taken for one. */
    public static final String FORMAT = "advocacy-hub-contract-export";
    public static final String FILE_NAME = "manifest.json";
    /** The names data files may have: nothing that reaches outside the export's prefix or folder. */
    static final Pattern DATA_FILE_NAME = Pattern.compile("items-[0-9]{5}\\.jsonl");
    private static final Pattern EXPORT_ID = Pattern.compile("EXP-[A-Z]{2,10}-[0-9]{8}T[0-9]{6}Z-[0-9A-F]{10}");
    private static final Pattern CONTRACT = Pattern.compile("[A-Z]{2,10}");

    /**
     * One data file.
     *
     * @param items  its lines, one item each
     * @param bytes  its length
     * @param sha256 the SHA-256 of its bytes, in lower-case hex
     */
    public record DataFile(String name, long items, long bytes, String sha256) {
    }

    public ExportManifest {
        kinds = java.util.Collections.unmodifiableMap(new TreeMap<>(kinds));
        files = List.copyOf(files);
    }

    /** Every item of the export. */
    public long items() {
        return files.stream().mapToLong(DataFile::items).sum();
    }

    /** A manifest that cannot be read: {@link #getMessage()} names the field. */
    public static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why);
        }
    }

    public byte[] toJson(JsonMapper json) {
        Map<String, JsonNode> root = new LinkedHashMap<>();
        root.put("format", JsonNode.createStringNode(FORMAT));
        root.put("schemaVersion", JsonNode.createNumberNode(schemaVersion));
        root.put("contract", JsonNode.createStringNode(contract));
        root.put("exportId", JsonNode.createStringNode(exportId));
        root.put("exportedAt", JsonNode.createStringNode(exportedAt.toString()));
        root.put("exportedBy", JsonNode.createStringNode(exportedBy));
        root.put("items", JsonNode.createNumberNode(items()));
        Map<String, JsonNode> byKind = new LinkedHashMap<>();
        kinds.forEach((kind, count) -> byKind.put(kind, JsonNode.createNumberNode(count)));
        root.put("kinds", JsonNode.createObjectNode(byKind));
        List<JsonNode> listed = new ArrayList<>();
        for (DataFile file : files) {
            Map<String, JsonNode> entry = new LinkedHashMap<>();
            entry.put("name", JsonNode.createStringNode(file.name()));
            entry.put("items", JsonNode.createNumberNode(file.items()));
            entry.put("bytes", JsonNode.createNumberNode(file.bytes()));
            entry.put("sha256", JsonNode.createStringNode(file.sha256()));
            listed.add(JsonNode.createObjectNode(entry));
        }
        root.put("files", JsonNode.createArrayNode(listed));
        try {
            return json.writeValueAsBytes(JsonNode.createObjectNode(root));
        } catch (IOException e) {
            throw new UncheckedIOException("a tree of strings and numbers is always written", e);
        }
    }

    /** Reads a manifest, checking each field's form (not what the files hold: {@link ImportContract} does). */
    public static ExportManifest parse(JsonMapper json, byte[] bytes) throws Unreadable {
        JsonNode root;
        try {
            root = json.readValue(bytes, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new Unreadable("it is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new Unreadable("it is not a JSON object");
        }
        if (!FORMAT.equals(text(root, "format"))) {
            throw new Unreadable("format is not " + FORMAT);
        }
        int version = (int) number(root, "schemaVersion");
        if (version != SCHEMA_VERSION) {
            throw new Unreadable("schemaVersion is " + version + "; this hub reads version " + SCHEMA_VERSION);
        }
        String contract = matching(root, "contract", CONTRACT);
        String exportId = matching(root, "exportId", EXPORT_ID);
        Instant exportedAt;
        try {
            exportedAt = Instant.parse(text(root, "exportedAt"));
        } catch (DateTimeParseException e) {
            throw new Unreadable("exportedAt is not a time such as 2026-10-08T09:00:00Z");
        }
        String exportedBy = text(root, "exportedBy");
        JsonNode kindsNode = root.get("kinds");
        if (kindsNode == null || !kindsNode.isObject()) {
            throw new Unreadable("kinds is not an object");
        }
        Map<String, Long> kinds = new TreeMap<>();
        for (Map.Entry<String, JsonNode> kind : kindsNode.entries()) {
            if (!kind.getValue().isNumber() || kind.getValue().getLongValue() < 0) {
                throw new Unreadable("kinds." + kind.getKey() + " is not a count");
            }
            kinds.put(kind.getKey(), kind.getValue().getLongValue());
        }
        JsonNode filesNode = root.get("files");
        if (filesNode == null || !filesNode.isArray()) {
            throw new Unreadable("files is not a list");
        }
        List<DataFile> files = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        int index = 0;
        for (JsonNode file : filesNode.values()) {
            String where = "files[" + index++ + "]";
            if (!file.isObject()) {
                throw new Unreadable(where + " is not an object");
            }
            String name = matching(file, "name", DATA_FILE_NAME, where + ".");
            if (!names.add(name)) {
                throw new Unreadable(where + ".name " + name + " is listed twice");
            }
            String sha256 = matching(file, "sha256", Pattern.compile("[0-9a-f]{64}"), where + ".");
            files.add(new DataFile(name, number(file, "items", where + "."), number(file, "bytes", where + "."), sha256));
        }
        ExportManifest manifest = new ExportManifest(version, contract, exportId, exportedAt, exportedBy, kinds, files);
        long byKind = kinds.values().stream().mapToLong(Long::longValue).sum();
        if (byKind != manifest.items()) {
            throw new Unreadable("kinds count " + byKind + " items, files " + manifest.items());
        }
        if (root.get("items") != null && number(root, "items") != manifest.items()) {
            throw new Unreadable("items is " + number(root, "items") + ", the files hold " + manifest.items());
        }
        return manifest;
    }

    private static String text(JsonNode node, String field) throws Unreadable {
        return text(node, field, "");
    }

    private static String text(JsonNode node, String field, String where) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.getStringValue().isBlank()) {
            throw new Unreadable(where + field + " is missing or not text");
        }
        return value.getStringValue();
    }

    private static String matching(JsonNode node, String field, Pattern pattern) throws Unreadable {
        return matching(node, field, pattern, "");
    }

    private static String matching(JsonNode node, String field, Pattern pattern, String where) throws Unreadable {
        String value = text(node, field, where);
        if (!pattern.matcher(value).matches()) {
            throw new Unreadable(where + field + " is not of the form " + pattern.pattern());
        }
        return value;
    }

    private static long number(JsonNode node, String field) throws Unreadable {
        return number(node, field, "");
    }

    private static long number(JsonNode node, String field, String where) throws Unreadable {
        JsonNode value = node.get(field);
        if (value == null || !value.isNumber() || value.getLongValue() < 0
                || value.getBigDecimalValue().compareTo(java.math.BigDecimal.valueOf(value.getLongValue())) != 0) {
            throw new Unreadable(where + field + " is missing or not a whole number");
        }
        return value.getLongValue();
    }
}
