package org.advocacyhub.local;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.handover.ImportContract;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.persistence.DynamoContractRecords;
import org.advocacyhub.persistence.DynamoJsonLines;
import org.advocacyhub.persistence.S3ObjectClient;
import org.advocacyhub.persistence.S3ReportArchive;
import org.advocacyhub.testing.AwsEndpoints;
import org.advocacyhub.testing.SamTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code ./import-contract} (issue 22 item 4: "an import command loads such an export into an empty deployment (locally: an
 * empty {@code ./run-local})"): {@link ImportContract} against the table of a running {@code ./run-local}, reading the export
 * from a folder or from that stack's reports bucket. Prints counts and export ids only, never what the items hold. Exit
 * status 0 imported, 1 refused, 2 a usage error; {@code --help} says the rest.
 *
 * <p>Interpretation: the audit's "when" is the machine's time (the command runs beside the stack, not in it, so it does not
 * follow a clock moved with {@code /_local/clock}); its "who" is {@code --by}, or the person's user name.
 */
public final class ImportContractCommand {

    static final String USAGE = usage();

    private ImportContractCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** What the command was asked: where the export is, and who imports it. */
    record Options(Path folder, String prefix, String by) {
    }

    /** A usage error: the message names the option. */
    static final class UsageError extends Exception {
        UsageError(String message) {
            super(message);
        }
    }

    static Options options(String[] args) throws UsageError {
        Path folder = null;
        String prefix = null;
        String by = "import-contract:" + System.getProperty("user.name", "unknown");
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.equals("--from") && !option.equals("--prefix") && !option.equals("--by")) {
                throw new UsageError("Unknown option " + option);
            }
            if (i + 1 >= args.length || args[i + 1].isBlank()) {
                throw new UsageError(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--from" -> folder = Path.of(value);
                case "--prefix" -> prefix = value.endsWith("/") ? value : value + "/";
                default -> by = value;
            }
        }
        if ((folder == null) == (prefix == null)) {
            throw new UsageError("Give the export's place: --from FOLDER or --prefix KEY (one of them)");
        }
        if (folder != null && !Files.isRegularFile(folder.resolve("manifest.json"))) {
            throw new UsageError("--from " + folder + ": there is no manifest.json in that folder");
        }
        return new Options(folder, prefix, by);
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
        }
        Options options;
        int dynamoPort;
        int s3Port;
        try {
            options = options(args);
            dynamoPort = port(env, "DYNAMODB_PORT", 8000);
            s3Port = port(env, "S3_PORT", 9000);
        } catch (UsageError e) {
            err.print("import-contract: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        }
        SamTemplate template = SamTemplate.locate();
        String table = template.tables().get(0).logicalId();
        StaticCredentialsProvider local = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        URI dynamoEndpoint = URI.create("http://127.0.0.1:" + dynamoPort);
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynamoEndpoint).region(Region.of(AwsEndpoints.DEFAULT_REGION))
                .credentialsProvider(local).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             S3ObjectClient s3 = S3ObjectClient.create(AwsEndpoints.DEFAULT_REGION, URI.create("http://127.0.0.1:" + s3Port), local)) {
            ReportArchive archive = options.folder() != null ? new FolderArchive(options.folder())
                    : new S3ReportArchive(s3, template.bucket("ReportsBucket").localName());
            JsonMapper json = JsonMapper.createDefault();
            ImportContract importer = new ImportContract(new DynamoContractRecords(dynamo, table, new DynamoJsonLines(json)), archive,
                    ContractCatalogue.bundled(), json, Clock.systemUTC());
            String from = options.folder() != null ? "" : options.prefix();
            ImportContract.Outcome outcome = importer.importFrom(options.by(), from);
            if (outcome instanceof ImportContract.Imported imported) {
                out.println("import-contract: imported " + imported.contract() + " from export " + imported.exportId() + ": "
                        + imported.items() + " items (" + imported.written() + " written now, " + imported.alreadyThere()
                        + " written by an earlier run)");
                return 0;
            }
            if (outcome instanceof ImportContract.Refused refused) {
                err.println("import-contract: refused, nothing more written: " + refused.file() + ": " + refused.why());
                return 1;
            }
            err.println("import-contract: not imported, nothing written: " + ((ImportContract.NotEmpty) outcome).why());
            return 1;
        } catch (SdkClientException | S3ObjectClient.Failure e) {
            err.println("import-contract: cannot reach the running ./run-local (DynamoDB Local on port " + dynamoPort
                    + (options.prefix() != null ? ", s3proxy on port " + s3Port : "") + "): start it first, or set DYNAMODB_PORT and "
                    + "S3_PORT as it was started with (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return 1;
        }
    }

    private static int port(Map<String, String> env, String name, int fallback) throws UsageError {
        try {
            return LocalHub.port(env, name, fallback);
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** An export copied into a folder: the files by name, read only. */
    static final class FolderArchive implements ReportArchive {
        private final Path folder;

        FolderArchive(Path folder) {
            this.folder = folder.toAbsolutePath().normalize();
        }

        @Override
        public void put(String key, byte[] content, String contentType) {
            throw new UnsupportedOperationException("an export's folder is only read");
        }

        @Override
        public void delete(String key) {
            throw new UnsupportedOperationException("an export's folder is only read");
        }

        @Override
        public Optional<byte[]> get(String key) {
            Path file = folder.resolve(key).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
    }

    private static String usage() {
        try (InputStream in = ImportContractCommand.class.getResourceAsStream("/import-contract-usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("import-contract-usage.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
