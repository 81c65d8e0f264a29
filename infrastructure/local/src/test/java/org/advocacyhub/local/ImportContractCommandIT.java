package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.handover.ExportContract;
import org.advocacyhub.application.intake.CatalogueContractTerms;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.DynamoContractRecords;
import org.advocacyhub.persistence.DynamoJsonLines;
import org.advocacyhub.persistence.S3ObjectClient;
import org.advocacyhub.persistence.S3ReportArchive;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code ./import-contract} (issue 22 item 4) against running engines, as a person runs it beside {@code ./run-local}: an export
 * in a folder and one in the bucket are imported into an emptied table, a second import is refused, and a wrong call is
 * a usage error naming the option. (ContractHandoverIT checks what an import writes, item for item.)
 */
@WithLocalAws
class ImportContractCommandIT {

    private final LocalAws aws;

    @TempDir
    Path folder;

    ImportContractCommandIT(LocalAws aws) {
        this.aws = aws;
    }

    /** A run of the command with the engines' ports: exit status, standard output and error. */
    private record Ran(int status, String out, String err) {
    }

    private Ran run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("DYNAMODB_PORT", Integer.toString(aws.endpoints().dynamoDbEndpoint().getPort()),
                "S3_PORT", Integer.toString(aws.endpoints().s3Endpoint().getPort()));
        int status = ImportContractCommand.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private int items() {
        return aws.dynamoDb().scan(b -> b.tableName(aws.tableName("HubTable")).select("COUNT")).count();
    }

    /** Three items of LLR written straight into the table, exported; the export's objects, by key. */
    private ExportContract.Exported export() {
        String table = aws.tableName("HubTable");
        for (Map<String, AttributeValue> item : List.of(
                Map.of("PK", AttributeValue.fromS("SEQUENCE#LLR#2026"), "SK", AttributeValue.fromS("SEQUENCE"),
                        "lastValue", AttributeValue.fromN("2")),
                Map.of("PK", AttributeValue.fromS("CASE#LLR-2026-000001"), "SK", AttributeValue.fromS("EVENT#2026-07-06T09:00:00.000Z#e1"),
                        "type", AttributeValue.fromS("EVENT"), "description", AttributeValue.fromS("Referral received")),
                Map.of("PK", AttributeValue.fromS("RETURNS#LLR#FY2026Q2"), "SK", AttributeValue.fromS("AWARENESS_SESSION#2026-07-20#a1"),
                        "type", AttributeValue.fromS("AWARENESS_SESSION"), "attendees", AttributeValue.fromN("14")))) {
            aws.dynamoDb().putItem(b -> b.tableName(table).item(item));
        }
        JsonMapper json = JsonMapper.createDefault();
        S3ObjectClient s3 = S3ObjectClient.create(aws.endpoints().region(), aws.endpoints().s3Endpoint(), aws.endpoints().credentialsProvider());
        ContractCatalogue contracts = ContractCatalogue.bundled();
        ExportContract exporter = new ExportContract(new DynamoContractRecords(aws.dynamoDb(), table, new DynamoJsonLines(json)),
                new S3ReportArchive(s3, aws.bucketName("ReportsBucket")), (id, by) -> { }, contracts, new CatalogueContractTerms(contracts), json,
                Clock.fixed(Instant.parse("2026-10-08T09:00:00Z"), ZoneOffset.UTC));
        return assertInstanceOf(ExportContract.Exported.class, exporter.export(new StaffActor("hub-manager",
                Set.of(StaffMember.Role.MANAGER), Optional.empty()), "LLR"));
    }

    private Map<String, byte[]> objects(String prefix) {
        String bucket = aws.bucketName("ReportsBucket");
        Map<String, byte[]> objects = new java.util.TreeMap<>();
        aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().forEach(o -> objects.put(
                o.key().substring(prefix.length()), aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(o.key())).asByteArray()));
        return objects;
    }

    @Test
    void anExportInAFolderOrInTheBucketIsImportedIntoAnEmptyTableOnceAndOnlyThere() throws IOException {
        ExportContract.Exported exported = export();
        Map<String, byte[]> files = objects(exported.prefix());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(folder.resolve(file.getKey()), file.getValue());
        }

        aws.reset();
        Ran fromFolder = run("--from", folder.toString(), "--by", "handover-desk");
        assertEquals(0, fromFolder.status(), fromFolder.err());
        assertEquals("import-contract: imported LLR from export " + exported.exportId() + ": 3 items (3 written now, 0 written by "
                + "an earlier run)\n", fromFolder.out());
        assertEquals(3 + 2, items(), "the three items, the import's progress and its audit entry");
        Ran again = run("--from", folder.toString());
        assertEquals(1, again.status());
        assertTrue(again.err().startsWith("import-contract: not imported, nothing written: Export " + exported.exportId()
                + " was imported here at "), again.err());

        aws.reset();
        files.forEach((name, bytes) -> aws.s3().putObject(b -> b.bucket(aws.bucketName("ReportsBucket")).key(exported.prefix() + name),
                RequestBody.fromBytes(bytes)));
        Ran fromBucket = run("--prefix", exported.prefix().substring(0, exported.prefix().length() - 1));
        assertEquals(0, fromBucket.status(), fromBucket.err());
        assertEquals(3 + 2, items());
    }

    @Test
    void aWrongCallIsAUsageErrorNamingTheOptionAndHelpSaysHowToCallIt() {
        Ran neither = run();
        assertEquals(2, neither.status());
        assertTrue(neither.err().startsWith("import-contract: Give the export's place: --from FOLDER or --prefix KEY (one of them)\n\n"
                + "Usage: ./import-contract"), neither.err());
        assertTrue(run("--from", folder.toString()).err().startsWith("import-contract: --from " + folder + ": there is no manifest.json"));
        assertTrue(run("--prefix").err().startsWith("import-contract: --prefix needs a value"));
        assertTrue(run("--to", "x").err().startsWith("import-contract: Unknown option --to"));
        Ran help = run("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().startsWith("Usage: ./import-contract (--from FOLDER | --prefix KEY) [--by NAME] [--help]"), help.out());
        assertEquals(0, items(), "nothing written");
    }
}
