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
 *
 * <p>{@code ./run-local} keeps its data in {@code LOCAL_DIR/data} ({@code .local/data} by default): the table, the
 * queues, the bucket, the mail sent and the clock's position survive a restart and a {@code kill -9}
 * ({@link LocalEngines.Builder#dataDirectory}); {@code --fresh} deletes them first. {@link #start} called without
 * {@code LOCAL_DIR} (the tests) keeps everything in memory. Each function runs up to {@code LOCAL_CONCURRENCY}
 * instances side by side, as Lambda does; the functions reach SES and DynamoDB through fault proxies
 * ({@link LocalEngines#sesFaults()}, {@link LocalEngines#dynamoDbFaults()}).
 */
public final class LocalHub implements AutoCloseable {

    /**
     * The usage text as written, kept in one file that {@code ./run-local} prints itself, so that {@code --help} needs
     * no build; {@code ${NAME:-default}} stands for a variable's value in force ({@link #usage(Map)}).
     */
    static final String USAGE = usageTemplate();
    private static final java.util.regex.Pattern USAGE_VARIABLE = java.util.regex.Pattern.compile("\\$\\{([A-Z0-9_]+):-([^}]*)}");
    /** Where tokens and (in {@code data/}) everything kept are: set by {@link #run} (default {@code .local}), else in memory. */
    static final String LOCAL_DIR = "LOCAL_DIR";
    static final String DEFAULT_LOCAL_DIR = ".local";

    private final List<AutoCloseable> resources = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        boolean fresh = false;
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(usage(System.getenv()));
                return;
            }
            if (arg.equals("--fresh")) {
                fresh = true;
                continue;
            }
            System.err.print("Unknown option " + arg + "\n\n" + usage(System.getenv()));
            System.exit(2);
        }
        new LocalHub().run(System.getenv(), fresh);
    }

    /** The usage with each {@code ${NAME:-default}} replaced by the value in force: {@code env}'s if set, else the default. */
    static String usage(Map<String, String> env) {
        java.util.regex.Matcher variable = USAGE_VARIABLE.matcher(USAGE);
        StringBuilder text = new StringBuilder();
        while (variable.find()) {
            String value = env.get(variable.group(1));
            variable.appendReplacement(text, java.util.regex.Matcher.quoteReplacement(
                    value == null || value.isEmpty() ? variable.group(2) : value));
        }
        variable.appendTail(text);
        return text.toString();
    }

    private static String usageTemplate() {
        try (InputStream in = LocalHub.class.getResourceAsStream("/run-local-usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("run-local-usage.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code ./run-local}: keeps data in {@code LOCAL_DIR} ({@code .local} unless set), deleting it first when
     * {@code fresh}; starts; seeds the demo team where absent; writes fresh tokens; prints the banner; runs until killed.
     */
    void run(Map<String, String> environment, boolean fresh) throws Exception {
        long begin = System.nanoTime();
        Map<String, String> env = new LinkedHashMap<>(environment);
        if (env.get(LOCAL_DIR) == null || env.get(LOCAL_DIR).isBlank()) {
            env.put(LOCAL_DIR, DEFAULT_LOCAL_DIR);
        }
        Path localDir = localDirectory(env);
        if (fresh) {
            FreshStart.delete(localDir.resolve("data"), System.out);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "local-hub-stop"));
        ParentWatch.stopWith(env, () -> System.exit(0));
        Running hub = start(env);
        List<DemoTeam.Member> team = DemoTeam.members(hub.clock().instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate());
        List<String> added = DemoTeam.seed(team, hub.routes(), hub.functions().get("CaseworkFunction"));
        Map<String, String> tokens = new LinkedHashMap<>();
        for (DemoTeam.Member member : team) {
            tokens.put(member.staffId(), hub.jwt().issue(member.subject(), member.group(), member.email(), Duration.ofHours(12)));
        }
        writeTokens(localDir, tokens);
        banner(hub, team, added, tokens, env.get(LOCAL_DIR).strip(), Duration.ofNanos(System.nanoTime() - begin));
        Thread.currentThread().join();
    }

    /** {@code LOCAL_DIR} against the repository root, or null when not set (in memory). */
    private static Path localDirectory(Map<String, String> env) {
        String setting = env.get(LOCAL_DIR);
        if (setting == null || setting.isBlank()) {
            return null;
        }
        return SamTemplate.locate().path().getParent().resolve(setting.strip()).toAbsolutePath().normalize();
    }

    /** What {@link #start} started, for the banner and for tests; {@link #close()} stops it all. */
    record Running(LocalEngines engines, TemplateResources stack, LocalJwt jwt, Clock clock, Duration offset, int port,
                   ApiRoutes routes, Map<String, FunctionInvoker> functions, ScheduleRunner schedules, Path dataDirectory,
                   int concurrency) {
    }

    /**
     * Starts the engines, the template's tables and queues, every function with its event sources and schedules, and
     * the API gateway on {@code PORT}; all on the loopback interface. With {@code LOCAL_DIR} set the data is kept in
     * its {@code data/} directory (and found there), without it in memory.
     */
    Running start(Map<String, String> env) throws Exception {
        Path localDir = localDirectory(env);
        Path dataDirectory = localDir == null ? null : localDir.resolve("data");
        ClockPosition position = dataDirectory == null ? null : new ClockPosition(dataDirectory);
        Duration offset = position == null ? LocalClock.offset(env.get("LOCAL_CLOCK"), Clock.systemUTC())
                : position.startingOffset(env.get("LOCAL_CLOCK"), Clock.systemUTC());
        // One clock for the JVM: every function (HUB_CLOCK_MOVABLE) and the schedules read it, and /_local/clock moves it.
        LocalClockControl control = LocalClockControl.shared();
        control.start(offset);
        if (position != null) {
            position.save(offset);
        }
        Clock clock = control.clock();
        int port = port(env, "PORT", 3000);
        int concurrency = concurrency(env);

        SamTemplate template = SamTemplate.locate();
        LocalEngines engines = LocalEngines.builder()
                .dynamoDbPort(port(env, "DYNAMODB_PORT", 8000))
                .sqsPort(port(env, "SQS_PORT", 9324))
                .sesPort(port(env, "SES_PORT", 8005))
                .s3Port(port(env, "S3_PORT", 9000))
                .dataDirectory(dataDirectory)
                // Functions reach DynamoDB through a proxy whose faults a chaos run switches (off until then).
                .dynamoDbFaultProxy(true)
                .start();
        resources.add(engines);
        SqsClient sqs = AwsClients.sqs(engines);
        String sender = env.getOrDefault("SENDER_ADDRESS", "hub@advocacy-hub.localhost");
        TemplateResources stack = new TemplateResources(template, engines, AwsClients.dynamoDb(engines), sqs,
                AwsClients.sesV2(engines), AwsClients.s3(engines), Map.of("Stage", "local", "SenderAddress", sender, "SenderIdentity", sender,
                "ConsoleBaseUrl", "http://localhost:" + port, "SignInDomainPrefix", "advocacy-hub-local"))
                .createAll();
        // SES's mailbox simulator (issue 24): a send to bounce@ or complaint@simulator.amazonses.com puts the event SES
        // would publish on the queue template.yaml's rule fills, a couple of seconds later, as SES's come after the send.
        String feedbackQueue = stack.queueUrl("MailFeedbackQueue");
        engines.sesSimulator().publishTo(event -> sqs.sendMessage(b -> b.queueUrl(feedbackQueue).messageBody(event).delaySeconds(2)));

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
            if (environment.containsKey("STAFF_USER_POOL_ID")) {
                // A deactivation's AdminDisableUser and AdminUserGlobalSignOut go to the same stand-in (issue 20).
                environment.put("STAFF_USER_POOL_ID", "eu-west-2_local");
                environment.put("AWS_ENDPOINTS_COGNITO", LocalCognito.issuer(port));
            }
            FunctionInvoker invoker = FunctionInvoker.create(template, function.logicalId(), environment, engines, concurrency);
            resources.add(invoker);
            functions.put(function.logicalId(), invoker);
        }

        Duration retryAfter = retryAfter(env);
        for (SamTemplate.SamFunction function : template.functions()) {
            for (SamTemplate.SqsEventSource source : function.sqsEvents()) {
                SqsEventSourceMapping mapping = SqsEventSourceMapping.of(source, functions.get(function.logicalId()), sqs,
                        stack, engines.region());
                if (retryAfter != null) {
                    mapping.retryingAfter(retryAfter);
                }
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
        // DynamoDB's TTL, which DynamoDB Local lacks, on the local clock: a sweep a minute, and one after each move of the clock.
        org.advocacyhub.testing.LocalTimeToLive ttl = org.advocacyhub.testing.LocalTimeToLive.of(stack, AwsClients.dynamoDb(engines), clock)
                .start(Duration.ofMinutes(1));
        resources.add(ttl);

        // Tokens are issued and checked on the real clock, as Cognito's are: a 12-hour token stays good for 12 hours
        // however far /_local/clock moves the hub's time.
        LocalJwt jwt = new LocalJwt(Clock.systemUTC(), port);
        ApiRoutes routes = new ApiRoutes(template);
        // The sign-in page lists the demo team; who they are does not depend on the day (their records' dates do).
        LocalCognito cognito = new LocalCognito(jwt, DemoTeam.members(clock.instant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate()),
                port, Clock.systemUTC(), dataDirectory);
        // Four gateway threads per function instance: a request never queues behind others for a thread, only (as in
        // Lambda, throttled) for an instance of its own function.
        int workers = Math.max(HttpGateway.DEFAULT_MAX_WORKERS, 4 * concurrency * functions.size());
        HttpGateway gateway = new HttpGateway(routes,
                (id, event) -> functions.get(id).invoke(event, APIGatewayProxyResponseEvent.class), jwt,
                new LocalClockEndpoint(control, schedules, moved -> {
                    if (position != null) {
                        position.save(moved);
                    }
                    ttl.sweep();
                }), cognito,
                "127.0.0.1", port, workers);
        // The chaos command's switch (issue 19): faults only this local stack has.
        gateway.serveFaults(new LocalFaultsEndpoint(engines.dynamoDbFaults(), engines.sesFaults()));
        resources.add(gateway);
        gateway.start();
        return new Running(engines, stack, jwt, clock, offset, gateway.port(), routes, functions, schedules, dataDirectory,
                concurrency);
    }

    private static void banner(Running hub, List<DemoTeam.Member> team, List<String> added, Map<String, String> tokens,
                               String localDirShown, Duration startedIn) {
        LocalEngines engines = hub.engines();
        TemplateResources stack = hub.stack();
        String base = "http://localhost:" + hub.port();
        System.out.println();
        System.out.println("Advocacy Hub is running locally (started in " + startedIn.toMillis() + " ms, engines "
                + engines.startupTime().toMillis() + " ms).");
        System.out.println("  Clock:          " + hub.clock().instant() + (hub.offset().isZero() ? "" : "  (offset " + hub.offset() + ")")
                + "; move it with POST " + base + LocalClockEndpoint.PATH);
        System.out.println("  Data:           " + (hub.dataDirectory() == null ? "in memory"
                : hub.dataDirectory() + "  (kept across restarts; ./run-local --fresh starts empty)"));
        System.out.println("  Referral form:  " + base + "/referrals/new");
        System.out.println("  Staff console:  " + base + "/console  (sign in as any of the demo team; no passwords locally)");
        System.out.println("  Mailbox:        " + SesMailbox.awsSesV2Local(engines.sesEndpoint()).webUrl()
                + (engines.replayedEmails() > 0 ? "  (" + engines.replayedEmails() + " kept from before)" : ""));
        System.out.println("  DynamoDB Local: " + engines.dynamoDbEngineEndpoint() + "  (tables: " + String.join(", ", stack.template().tables().stream().map(SamTemplate.TableDefinition::logicalId).toList()) + ")");
        System.out.println("  SQS (ElasticMQ): " + engines.sqsEndpoint());
        System.out.println("  S3 (s3proxy):   " + engines.s3Endpoint() + "  (path-style; buckets: " + String.join(", ",
                stack.template().buckets().stream().map(SamTemplate.BucketDefinition::localName).toList()) + ")");
        System.out.println("  Functions:      up to " + hub.concurrency() + " instances each (LOCAL_CONCURRENCY); they reach DynamoDB"
                + " through " + engines.dynamoDbEndpoint() + " and SES through " + engines.sesEndpoint() + " (fault proxies)");
        System.out.println();
        System.out.println("Demo team, with staff tokens (12 hours; also in " + localDirShown + "/<staff id>.token)"
                + (added.size() == team.size() ? "" : "; " + (team.size() - added.size()) + " kept as they were") + ":");
        for (DemoTeam.Member member : team) {
            System.out.println("  " + member.staffId() + " (" + member.description() + "):");
            System.out.println("    " + tokens.get(member.staffId()));
        }
        System.out.println();
        System.out.println("Try:");
        System.out.println("  curl -si " + base + "/referrals -H 'Content-Type: application/json' -H 'Idempotency-Key: demo-1' --data @infrastructure/events/referral-imca.json");
        System.out.println("  curl -s '" + base + "/waiting-list?contract=LLR' -H \"Authorization: Bearer $(cat " + localDirShown + "/morgan-manager.token)\"");
        System.out.println("  curl -s " + base + "/cases/<reference>/allocation -H \"Authorization: Bearer $(cat " + localDirShown + "/morgan-manager.token)\" "
                + "-H 'Content-Type: application/json' -d '{\"advocateId\":\"ira-imca\"}'");
        System.out.println("  curl -s " + base + "/cases/<reference> -H \"Authorization: Bearer $(cat " + localDirShown + "/ira-imca.token)\"");
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

    /**
     * {@code LOCAL_SQS_RETRY_AFTER} (the chaos command sets it; not in the usage): failed SQS messages come back after this
     * ISO-8601 duration instead of their queue's visibility timeout, so that a chaos run takes minutes, not hours.
     */
    static Duration retryAfter(Map<String, String> env) {
        String value = env.get("LOCAL_SQS_RETRY_AFTER");
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Duration after = Duration.parse(value.strip());
            if (after.isNegative() || after.isZero()) {
                throw new java.time.format.DateTimeParseException("not positive", value, 0);
            }
            return after;
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("LOCAL_SQS_RETRY_AFTER must be a positive ISO-8601 duration, like PT2S; got '" + value + "'");
        }
    }

    /** {@code LOCAL_CONCURRENCY}: instances of each function side by side (default {@link FunctionInvoker#DEFAULT_MAX_CONCURRENCY}). */
    static int concurrency(Map<String, String> env) {
        String value = env.get("LOCAL_CONCURRENCY");
        if (value == null || value.isBlank()) {
            return FunctionInvoker.DEFAULT_MAX_CONCURRENCY;
        }
        try {
            int concurrency = Integer.parseInt(value.strip());
            if (concurrency < 1 || concurrency > 64) {
                throw new NumberFormatException();
            }
            return concurrency;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LOCAL_CONCURRENCY must be a number of instances from 1 to 64; got '" + value + "'");
        }
    }

    /** {@code name}'s port in {@code env}, or {@code fallback} when it is not set (the import command reads them the same way). */
    static int port(Map<String, String> env, String name, int fallback) {
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
