package org.advocacyhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.support.LocalClockControl;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.AwsClients;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalEngines;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.ScheduleRunner;
import org.advocacyhub.testing.SesMailbox;
import org.advocacyhub.testing.SqsEventSourceMapping;
import org.advocacyhub.testing.TemplateResources;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./run-local}: the whole hub on one machine, with no AWS account and no Docker. Starts
 * DynamoDB Local, ElasticMQ, s3proxy and aws-ses-v2-local, creates the table, queues and buckets from template.yaml,
 * and serves every function template.yaml declares: API routes over HTTP, SQS event sources by
 * polling, schedules by a clock. Nothing here repeats the template's wiring.
 */
public final class LocalHub implements AutoCloseable {

    /** The usage text, kept in one file that {@code ./run-local} prints itself, so that {@code --help} needs no build. */
    static final String USAGE = usage();

    private final List<AutoCloseable> resources = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                return;
            }
            System.err.print("Unknown option " + arg + "\n\n" + USAGE);
            System.exit(2);
        }
        new LocalHub().run(System.getenv());
    }

    private static String usage() {
        try (InputStream in = LocalHub.class.getResourceAsStream("/run-local-usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("run-local-usage.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void run(Map<String, String> env) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "local-hub-stop"));
        Running hub = start(env);
        List<DemoTeam.Member> team = DemoTeam.members(hub.clock().instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate());
        DemoTeam.seed(team, hub.routes(), hub.functions().get("CaseworkFunction"));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoTeam.Member member : team) {
            tokens.put(member.staffId(), hub.jwt().issue(member.subject(), member.group(), member.email(), Duration.ofHours(12)));
        }
        writeTokens(hub.stack().template().path().getParent().resolve(".local"), tokens);
        banner(hub.port(), hub.engines(), hub.stack(), hub.clock(), hub.offset(), team, tokens);
        Thread.currentThread().join();
    }

    /** What {@link #start} started, for the banner and for tests; {@link #close()} stops it all. */
    record Running(LocalEngines engines, TemplateResources stack, LocalJwt jwt, Clock clock, Duration offset, int port,
                   ApiRoutes routes, Map<String, FunctionInvoker> functions, ScheduleRunner schedules) {
    }

    /**
     * Starts the engines, the template's tables and queues, every function with its event sources and schedules, and
     * the API gateway on {@code PORT}; all on the loopback interface.
     */
    Running start(Map<String, String> env) throws Exception {
        Duration offset = LocalClock.offset(env.get("LOCAL_CLOCK"), Clock.systemUTC());
        // One clock for the JVM: every function (HUB_CLOCK_MOVABLE) and the schedules read it, and /_local/clock moves it.
        LocalClockControl control = LocalClockControl.shared();
        control.start(offset);
        Clock clock = control.clock();
        int port = port(env, "PORT", 3000);

        SamTemplate template = SamTemplate.locate();
        LocalEngines engines = LocalEngines.builder()
                .dynamoDbPort(port(env, "DYNAMODB_PORT", 8000))
                .sqsPort(port(env, "SQS_PORT", 9324))
                .sesPort(port(env, "SES_PORT", 8005))
                .s3Port(port(env, "S3_PORT", 9000))
                .start();
        resources.add(engines);
        SqsClient sqs = AwsClients.sqs(engines);
        String sender = env.getOrDefault("SENDER_ADDRESS", "hub@advocacy-hub.localhost");
        TemplateResources stack = new TemplateResources(template, engines, AwsClients.dynamoDb(engines), sqs,
                AwsClients.sesV2(engines), AwsClients.s3(engines), Map.of("Stage", "local", "SenderAddress", sender, "SenderIdentity", sender,
                "ConsoleBaseUrl", "http://localhost:" + port, "SignInDomainPrefix", "advocacy-hub-local"))
                .createAll();

        Map<String, FunctionInvoker> functions = new LinkedHashMap<>();
        for (SamTemplate.SamFunction function : template.functions()) {
            Map<String, String> environment = new LinkedHashMap<>(stack.environment(function.logicalId()));
            // Set here only, never in template.yaml: in AWS every function reads the system clock.
            environment.put("HUB_CLOCK_MOVABLE", "true");
            if (environment.containsKey("API_URL")) {
                // Links in emails point at this gateway, not at an API Gateway stage that does not exist here.
                environment.put("API_URL", "http://localhost:" + port + "/");
            }
            // The staff console signs in at this gateway's stand-in for Cognito (LocalCognito), not at a user pool. The
            // console's address comes from each request (CONSOLE_BASE_URL empty), so localhost and 127.0.0.1 both work.
            environment.put("CONSOLE_ISSUER", LocalCognito.issuer(port));
            environment.put("CONSOLE_CLIENT_ID", LocalJwt.CLIENT_ID);
            environment.put("CONSOLE_SIGN_IN_URL", LocalCognito.issuer(port));
            environment.put("CONSOLE_BASE_URL", "");
            FunctionInvoker invoker = FunctionInvoker.create(template, function.logicalId(), environment, engines);
            resources.add(invoker);
            functions.put(function.logicalId(), invoker);
        }

        for (SamTemplate.SamFunction function : template.functions()) {
            for (SamTemplate.SqsEventSource source : function.sqsEvents()) {
                SqsEventSourceMapping mapping = SqsEventSourceMapping.of(source, functions.get(function.logicalId()), sqs,
                        stack, engines.region());
                resources.add(mapping);
                mapping.start();
            }
        }
        ScheduleRunner schedules = new ScheduleRunner(clock, engines.region(), engines.accountId());
        resources.add(schedules);
        for (SamTemplate.SamFunction function : template.functions()) {
            for (SamTemplate.ScheduleEventSource schedule : function.schedules()) {
                schedules.add(schedule, functions.get(function.logicalId()));
            }
        }
        schedules.start(Duration.ofSeconds(1));

        // Tokens are issued and checked on the real clock, as Cognito's are: a 12-hour token stays good for 12 hours
        // however far /_local/clock moves the hub's time.
        LocalJwt jwt = new LocalJwt(Clock.systemUTC(), port);
        ApiRoutes routes = new ApiRoutes(template);
        // The sign-in page lists the demo team; who they are does not depend on the day (their records' dates do).
        LocalCognito cognito = new LocalCognito(jwt, DemoTeam.members(clock.instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()),
                port, Clock.systemUTC());
        HttpGateway gateway = new HttpGateway(routes,
                (id, event) -> functions.get(id).invoke(event, APIGatewayProxyResponseEvent.class), jwt,
                new LocalClockEndpoint(control, schedules), cognito, "127.0.0.1", port);
        resources.add(gateway);
        gateway.start();
        return new Running(engines, stack, jwt, clock, offset, gateway.port(), routes, functions, schedules);
    }

    private static void banner(int port, LocalEngines engines, TemplateResources stack, Clock clock, Duration offset,
                               List<DemoTeam.Member> team, Map<String, String> tokens) {
        String base = "http://localhost:" + port;
        System.out.println();
        System.out.println("Advocacy Hub is running locally (engines started in " + engines.startupTime().toMillis() + " ms).");
        System.out.println("  Clock:          " + clock.instant() + (offset.isZero() ? "" : "  (LOCAL_CLOCK, offset " + offset + ")")
                + "; move it with POST " + base + LocalClockEndpoint.PATH);
        System.out.println("  Referral form:  " + base + "/referrals/new");
        System.out.println("  Staff console:  " + base + "/console  (sign in as any of the demo team; no passwords locally)");
        System.out.println("  Mailbox:        " + SesMailbox.awsSesV2Local(engines.sesEndpoint()).webUrl());
        System.out.println("  DynamoDB Local: " + engines.dynamoDbEndpoint() + "  (tables: " + String.join(", ", stack.template().tables().stream().map(SamTemplate.TableDefinition::logicalId).toList()) + ")");
        System.out.println("  SQS (ElasticMQ): " + engines.sqsEndpoint());
        System.out.println("  S3 (s3proxy):   " + engines.s3Endpoint() + "  (path-style; buckets: " + String.join(", ",
                stack.template().buckets().stream().map(SamTemplate.BucketDefinition::localName).toList()) + ")");
        System.out.println();
        System.out.println("Demo team, with staff tokens (12 hours; also in .local/<staff id>.token):");
        for (DemoTeam.Member member : team) {
            System.out.println("  " + member.staffId() + " (" + member.description() + "):");
            System.out.println("    " + tokens.get(member.staffId()));
        }
        System.out.println();
        System.out.println("Try:");
        System.out.println("  curl -si " + base + "/referrals -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1' --data @infrastructure/events/referral-imca.json");
        System.out.println("  curl -s '" + base + "/waiting-list?contract=LLR' -H \"Authorization: Bearer $(cat .local/morgan-manager.token)\"");
        System.out.println("  curl -s " + base + "/cases/<reference>/allocation -H \"Authorization: Bearer $(cat .local/morgan-manager.token)\" "
                + "-H 'Content-Type: application/json' -d '{\"advocateId\":\"ira-imca\"}'");
        System.out.println("  curl -s " + base + "/cases/<reference> -H \"Authorization: Bearer $(cat .local/ira-imca.token)\"");
        System.out.println("  curl -s " + base + LocalClockEndpoint.PATH + " -H 'Content-Type: application/json' -d '{\"advance\":\"PT26H\"}'");
        System.out.println();
        System.out.println("Press Ctrl-C to stop.");
    }

    /** One file per member of the demo team; manager.token and advocate.token stay for the scripts that read them. */
    private static void writeTokens(Path dir, Map<String, String> tokens) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            Files.writeString(dir.resolve(token.getKey() + ".token"), token.getValue() + "\n");
        }
        Files.writeString(dir.resolve("manager.token"), tokens.get("morgan-manager") + "\n");
        Files.writeString(dir.resolve("advocate.token"), tokens.get("ira-imca") + "\n");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number from 1 to 65535; got '" + value + "'");
        }
    }

    /** Stops everything started, in reverse order. */
    @Override
    public synchronized void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getClass().getSimpleName());
            }
        }
        resources.clear();
    }
}
