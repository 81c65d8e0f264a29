package org.advocacyhub.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The four local engines, in this JVM where possible: DynamoDB Local (in-process), ElasticMQ (in-process SQS), s3proxy
 * (in-process S3) and aws-ses-v2-local (a Node child process with a mailbox page). They start in parallel, all on
 * 127.0.0.1; {@link #close()} stops them all, and a shutdown hook makes sure the Node process never outlives the JVM.
 *
 * <p>In memory by default, as tests want. With {@link Builder#dataDirectory(Path)} everything is kept there across
 * restarts, and survives a {@code kill -9} once acknowledged: DynamoDB Local's SQLite file ({@code -dbPath}, one shared
 * database), ElasticMQ's queues and messages in H2 (each change written before SQS answers), s3proxy's objects as files,
 * and the mail sent, in a journal the SES proxy writes ({@link SesJournal}) and replays into the fresh engine at start.
 *
 * <p>The functions reach SES, and with {@link Builder#dynamoDbFaultProxy(boolean)} DynamoDB, through a
 * {@link FaultProxy}: {@link #sesEndpoint()} and {@link #dynamoDbEndpoint()} are the proxies, whose faults
 * {@link #sesFaults()} and {@link #dynamoDbFaults()} switch; the engines stay reachable directly
 * ({@link #engineEndpoints()}) for reads that must not meet a fault. The SES proxy listens on the SES port (the
 * mailbox page people open: its "clear" must reach the journal) and the engine on a free one; DynamoDB Local keeps its
 * port and its proxy takes a free one.
 *
 * <pre>{@code
 * try (LocalEngines engines = LocalEngines.builder().sesPort(8005).start()) { ... }
 * }</pre>
 */
public final class LocalEngines implements AwsEndpoints, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalEngines.class);
    private static final String HOST = "127.0.0.1";
    private static final Duration SES_START_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Runs the aws-ses-v2-local CLI given as first argument, and exits when stdin closes: stdin is a pipe from
     * this JVM, so the Node process ends with it even when the JVM is killed and no shutdown hook runs.
     *
     * <p>Before that it lets a replayed email keep the time and message id it was first sent with
     * ({@link SesJournal#replay}): a request carrying {@code x-local-replay-at} (and {@code x-local-replay-message-id})
     * makes the engine's clock and id generator give those while it is handled. Replays are sent one at a time, before
     * anything else can send, so one value at a time is enough. If the engine's modules move, emails replay with the
     * time of the replay instead.
     */
    private static final String EXIT_WITH_PARENT = "process.stdin.on('end',()=>process.exit(0));"
            + "process.stdin.on('error',()=>process.exit(0));process.stdin.resume();"
            + "const path=require('path');const cli=path.resolve(process.argv[1]);"
            + "try{const util=require(path.join(path.dirname(cli),'util.js'));const http=require('http');"
            + "let at,id;const now=util.getCurrentTimestamp,newId=util.getMessageId;"
            + "util.getCurrentTimestamp=()=>at===undefined?now():at;"
            + "util.getMessageId=()=>{if(id===undefined){return newId();}const given=id;id=undefined;return given;};"
            + "const create=http.createServer;http.createServer=function(...args){const i=args.findIndex(a=>typeof a==='function');"
            + "if(i>=0){const handle=args[i];args[i]=function(req,res){const when=Number(req.headers['" + SesJournal.REPLAY_AT_HEADER + "']);"
            + "if(req.headers['" + SesJournal.REPLAY_AT_HEADER + "']!==undefined&&Number.isFinite(when)){at=when;"
            + "id=req.headers['" + SesJournal.REPLAY_MESSAGE_ID_HEADER + "'];res.on('finish',()=>{at=undefined;id=undefined;});}"
            + "return handle.apply(this,arguments);};}return create.apply(this,args);};}catch(e){}"
            + "require(cli);";
    private static final java.util.concurrent.atomic.AtomicInteger RUNNING_DYNAMODB_LOCALS = new java.util.concurrent.atomic.AtomicInteger();

    private final String region;
    private final String accountId;
    private final DynamoDBProxyServer dynamoDb;
    private final int dynamoDbPort;
    private final SqsStarted sqs;
    private final int sqsPort;
    private final Process ses;
    private final int sesEnginePort;
    private final Path sesLog;
    private final LocalS3 s3;
    private final Thread shutdownHook;
    private final FaultProxy sesProxy;
    private final SesJournal sesJournal;
    private final SesSimulator sesSimulator;
    private final FaultProxy dynamoDbProxy;
    private final Path dataDirectory;
    private final int replayedEmails;
    private final Duration startupTime;
    private volatile boolean closed;

    private LocalEngines(Builder builder, Started started, Duration startupTime) {
        this.region = builder.region;
        this.accountId = builder.accountId;
        this.dynamoDb = started.dynamoDb;
        this.dynamoDbPort = started.dynamoDbPort;
        this.sqs = started.sqs;
        this.sqsPort = started.sqs.port();
        this.ses = started.ses;
        this.sesEnginePort = started.sesPort;
        this.sesLog = started.sesLog;
        this.s3 = started.s3;
        this.shutdownHook = started.shutdownHook;
        this.sesProxy = started.sesProxy;
        this.sesJournal = started.sesJournal;
        this.sesSimulator = started.sesSimulator;
        this.dynamoDbProxy = started.dynamoDbProxy;
        this.dataDirectory = builder.dataDirectory;
        this.replayedEmails = started.replayedEmails;
        this.startupTime = startupTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts all four engines on free ports, finding the repository root from {@code template.yaml}. */
    public static LocalEngines start() {
        return builder().start();
    }

    /** Where the functions reach DynamoDB: its fault proxy when there is one, else DynamoDB Local itself. */
    @Override
    public URI dynamoDbEndpoint() {
        return dynamoDbProxy != null ? dynamoDbProxy.endpoint() : dynamoDbEngineEndpoint();
    }

    /** DynamoDB Local itself, past any fault. */
    public URI dynamoDbEngineEndpoint() {
        return URI.create("http://" + HOST + ":" + dynamoDbPort);
    }

    @Override
    public URI sqsEndpoint() {
        return URI.create("http://" + HOST + ":" + sqsPort);
    }

    /** Where the functions reach SES, and people the mailbox page: the SES proxy (journal and faults). */
    @Override
    public URI sesEndpoint() {
        return sesProxy.endpoint();
    }

    /** aws-ses-v2-local itself, past the proxy: sends made here are not journalled. */
    public URI sesEngineEndpoint() {
        return URI.create("http://" + HOST + ":" + sesEnginePort);
    }

    /** The engines themselves, past every proxy: for reads that must not meet an injected fault. */
    public AwsEndpoints engineEndpoints() {
        return new AwsEndpoints() {
            @Override
            public URI dynamoDbEndpoint() {
                return dynamoDbEngineEndpoint();
            }

            @Override
            public URI sqsEndpoint() {
                return LocalEngines.this.sqsEndpoint();
            }

            @Override
            public URI sesEndpoint() {
                return sesEngineEndpoint();
            }

            @Override
            public URI s3Endpoint() {
                return LocalEngines.this.s3Endpoint();
            }

            @Override
            public String region() {
                return region;
            }

            @Override
            public String accountId() {
                return accountId;
            }
        };
    }

    /**
     * The stand-in for SES's mailbox simulator (issue 24): where it publishes the bounce and complaint events of sends to
     * {@link SesSimulator#BOUNCE} and {@link SesSimulator#COMPLAINT}.
     */
    public SesSimulator sesSimulator() {
        return sesSimulator;
    }

    /** The SES proxy, to switch its faults. */
    public FaultProxy sesFaults() {
        return sesProxy;
    }

    /** The DynamoDB proxy, to switch its faults; only with {@link Builder#dynamoDbFaultProxy(boolean)}. */
    public FaultProxy dynamoDbFaults() {
        if (dynamoDbProxy == null) {
            throw new IllegalStateException("These engines have no DynamoDB proxy: start them with dynamoDbFaultProxy(true)");
        }
        return dynamoDbProxy;
    }

    /** Where the engines keep their data, if they keep it (empty: in memory). */
    public java.util.Optional<Path> dataDirectory() {
        return java.util.Optional.ofNullable(dataDirectory);
    }

    /** How many journalled SES requests were replayed into the mailbox at start. */
    public int replayedEmails() {
        return replayedEmails;
    }

    @Override
    public URI s3Endpoint() {
        return s3.endpoint();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    /** DynamoDB Local's own port (its proxy, if any, is on {@link #dynamoDbEndpoint()}). */
    public int dynamoDbPort() {
        return dynamoDbPort;
    }

    public int sqsPort() {
        return sqsPort;
    }

    /** The SES port: the proxy in front of aws-ses-v2-local, where its mailbox page is too. */
    public int sesPort() {
        return sesProxy.port();
    }

    /** aws-ses-v2-local's own port. */
    public int sesEnginePort() {
        return sesEnginePort;
    }

    public int s3Port() {
        return s3.port();
    }

    /** Wall time from the start call until all four engines answered. */
    public Duration startupTime() {
        return startupTime;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        sesProxy.close();
        if (sesJournal != null) {
            sesJournal.close();
        }
        if (dynamoDbProxy != null) {
            dynamoDbProxy.close();
        }
        try {
            stopSes(ses, sesLog);
        } catch (RuntimeException e) {
            failures.add(e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook runs anyway.
        }
        try {
            sqs.stop();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        try {
            s3.close();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        try {
            dynamoDb.stop();
        } catch (Exception e) {
            failures.add(e);
        }
        if (RUNNING_DYNAMODB_LOCALS.decrementAndGet() == 0) {
            stopDynamoDbLocalJobThreads();
        }
        if (!failures.isEmpty()) {
            IllegalStateException error = new IllegalStateException("Could not stop every local engine");
            failures.forEach(error::addSuppressed);
            throw error;
        }
        LOG.info("Local engines stopped");
    }

    @Override
    public String toString() {
        return "LocalEngines[dynamodb=" + dynamoDbEndpoint() + ", sqs=" + sqsEndpoint() + ", ses=" + sesEndpoint()
                + ", s3=" + s3Endpoint() + (dataDirectory == null ? "" : ", data=" + dataDirectory) + "]";
    }

    // ------------------------------------------------------------------ starting

    private record DynamoStarted(DynamoDBProxyServer server, int port, long millis) {
    }

    /** ElasticMQ, and the actor system it runs on when this class made one (persistent queues), to end with it. */
    private record SqsStarted(SQSRestServer server, int port, long millis, org.apache.pekko.actor.ActorSystem actors) {
        void stop() {
            server.stopAndWait();
            if (actors != null) {
                try {
                    actors.terminate();
                    scala.concurrent.Await.result(actors.whenTerminated(), scala.concurrent.duration.Duration.create(10, TimeUnit.SECONDS));
                } catch (Exception e) {
                    throw new IllegalStateException("ElasticMQ's actor system did not stop: " + e.getClass().getSimpleName(), e);
                }
            }
        }
    }

    private record SesStarted(Process process, int port, Path log, Thread hook, long millis) {
    }

    private record S3Started(LocalS3 server, long millis) {
    }

    private record Started(DynamoDBProxyServer dynamoDb, int dynamoDbPort, SqsStarted sqs, Process ses, int sesPort,
                           Path sesLog, LocalS3 s3, Thread shutdownHook, FaultProxy sesProxy, SesJournal sesJournal,
                           int replayedEmails, FaultProxy dynamoDbProxy, SesSimulator sesSimulator) {
    }

    private static S3Started startS3(int requestedPort, String region, Path dataDirectory) {
        long begin = System.nanoTime();
        LocalS3 s3 = dataDirectory == null ? LocalS3.start(requestedPort, region)
                : LocalS3.startOnDisk(requestedPort, region, dataDirectory.resolve("s3"));
        return new S3Started(s3, (System.nanoTime() - begin) / 1_000_000);
    }

    private static DynamoStarted startDynamoDb(int requestedPort, String region, Path dataDirectory) {
        long begin = System.nanoTime();
        int port = requestedPort > 0 ? requestedPort : freePort();
        try {
            String[] storage;
            if (dataDirectory == null) {
                storage = new String[] {"-inMemory"};
            } else {
                // One SQLite file for every credential and region (-sharedDb): what the functions and a person's CLI
                // both see. Each write is a committed SQLite transaction, so it survives a kill.
                Path directory = Files.createDirectories(dataDirectory.resolve("dynamodb"));
                storage = new String[] {"-dbPath", directory.toString(), "-sharedDb"};
            }
            List<String> arguments = new ArrayList<>(List.of(storage));
            arguments.addAll(List.of("-port", String.valueOf(port), "-disableTelemetry"));
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments.toArray(String[]::new));
            bindToLoopback(server);
            server.start();
            RUNNING_DYNAMODB_LOCALS.incrementAndGet();
            long started = (System.nanoTime() - begin) / 1_000_000;
            warmUp(port, region);
            return new DynamoStarted(server, port, started);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local's command line has no option for the address, and its Jetty server listens on every interface;
     * the local table holds the personal data typed into the form, so it must not be reachable from other machines.
     * The Jetty server is a private field of {@link DynamoDBProxyServer}: its connectors are moved to loopback before
     * start, and a DynamoDB Local that no longer has that field fails to start here rather than listen everywhere.
     */
    private static void bindToLoopback(DynamoDBProxyServer proxy) {
        Server jetty;
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            jetty = (Server) field.get(proxy);
        } catch (ReflectiveOperationException | ClassCastException | SecurityException e) {
            throw new IllegalStateException("Cannot bind DynamoDB Local to " + HOST + ": its Jetty server is not where "
                    + "DynamoDB Local " + DynamoDBProxyServer.class.getPackage().getImplementationVersion() + " keeps it", e);
        }
        Connector[] connectors = jetty.getConnectors();
        if (connectors.length == 0) {
            throw new IllegalStateException("Cannot bind DynamoDB Local to " + HOST + ": its Jetty server has no connector");
        }
        for (Connector connector : connectors) {
            if (!(connector instanceof ServerConnector network)) {
                throw new IllegalStateException("Cannot bind DynamoDB Local to " + HOST + ": unexpected connector " + connector);
            }
            network.setHost(HOST);
        }
    }

    /**
     * DynamoDB Local is up well before ElasticMQ: its first request (SDK classes, the in-memory database) is made
     * now, off the critical path, instead of when the first table is created.
     */
    private static void warmUp(int port, String region) {
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://" + HOST + ":" + port))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            client.listTables();
        } catch (RuntimeException e) {
            LOG.debug("DynamoDB Local warm-up failed: {}", e.toString());
        }
    }

    private static SqsStarted startSqs(int requestedPort, String region, String accountId, Path dataDirectory) {
        long begin = System.nanoTime();
        var builder = SQSRestServerBuilder.withInterface(HOST).withAWSRegion(region).withAWSAccountId(accountId);
        PersistentQueues persistent = dataDirectory == null ? null : PersistentQueues.open(dataDirectory.resolve("sqs"));
        if (persistent != null) {
            builder = builder.withActorSystem(persistent.actors()).withQueueManagerActor(persistent.queueManager());
        }
        if (requestedPort > 0) {
            builder = builder.withPort(requestedPort)
                    .withServerAddress(new org.elasticmq.NodeAddress("http", HOST, requestedPort, ""));
        } else {
            builder = builder.withDynamicPort();
        }
        SQSRestServer server = builder.start();
        SqsStarted started = null;
        try {
            int port = server.waitUntilStarted().localAddress().getPort();
            started = new SqsStarted(server, port, (System.nanoTime() - begin) / 1_000_000,
                    persistent == null ? null : persistent.actors());
            if (persistent != null) {
                persistent.restore();
            }
            return started;
        } catch (RuntimeException e) {
            if (started != null) {
                started.stop();
            } else {
                server.stopAndWait();
                if (persistent != null) {
                    persistent.actors().terminate();
                }
            }
            throw new IllegalStateException("ElasticMQ did not start: " + e.getMessage(), e);
        }
    }

    /** aws-ses-v2-local on a free port (its proxy takes the SES port). */
    private static SesStarted startSes(Path root) {
        long begin = System.nanoTime();
        Path cli = SesNodePackage.ensureInstalled(root);
        int port = freePort();
        Path log;
        Process process;
        try {
            log = Files.createTempFile("aws-ses-v2-local-", ".log");
            log.toFile().deleteOnExit();
            ProcessBuilder command = new ProcessBuilder(SesNodePackage.NODE, "-e", EXIT_WITH_PARENT, "--", cli.toString(),
                    "--host", HOST, "--port", String.valueOf(port))
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Never relay the mail of local runs to a real SMTP server.
            command.environment().remove("SMTP_TRANSPORT");
            process = command.start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start aws-ses-v2-local with '" + SesNodePackage.NODE
                    + "': is Node.js (18+) installed and on the PATH? " + e.getMessage(), e);
        }
        Thread hook = new Thread(() -> process.destroyForcibly(), "aws-ses-v2-local-stopper");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            awaitHealthy(process, port, log);
        } catch (RuntimeException e) {
            stopSes(process, log);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // shutting down
            }
            throw e;
        }
        return new SesStarted(process, port, log, hook, (System.nanoTime() - begin) / 1_000_000);
    }

    private static void awaitHealthy(Process process, int port, Path log) {
        long deadline = System.nanoTime() + SES_START_TIMEOUT.toNanos();
        URI health = URI.create("http://" + HOST + ":" + port + "/health-check");
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("aws-ses-v2-local exited with " + process.exitValue() + " on port " + port
                        + ":\n" + tail(log));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) health.toURL().openConnection();
                connection.setConnectTimeout(200);
                connection.setReadTimeout(1000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for aws-ses-v2-local", e);
            }
        }
        throw new IllegalStateException("aws-ses-v2-local did not answer " + health + " within " + SES_START_TIMEOUT
                + ":\n" + tail(log));
    }

    private static void stopSes(Process process, Path log) {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file; deleteOnExit is the fallback
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /**
     * DynamoDB Local's background jobs (stream shard rollover, TTL) run on non-daemon threads that its stop() leaves
     * sleeping, which keeps a JVM whose main method returned from exiting. Interrupting them ends them; this is
     * only done once no DynamoDB Local is left running in this JVM, since the threads cannot be told apart.
     */
    private static void stopDynamoDbLocalJobThreads() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            for (StackTraceElement frame : stack) {
                if (frame.getClassName().startsWith("com.amazonaws.services.dynamodbv2.local.shared.jobs.")) {
                    thread.interrupt();
                    return;
                }
            }
        });
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /**
     * Fixed ports (0 = a free one), region, repository root, where data is kept and which proxies run;
     * {@link #start()} starts the engines.
     */
    public static final class Builder {
        private int dynamoDbPort;
        private int sqsPort;
        private int sesPort;
        private int s3Port;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT_ID;
        private Path projectRoot;
        private Path dataDirectory;
        private boolean dynamoDbFaultProxy;

        private Builder() {
        }

        /**
         * Keep every engine's data under {@code directory} (created if missing) and find it there at the next start;
         * null (the default) keeps everything in memory, as tests want.
         */
        public Builder dataDirectory(Path directory) {
            this.dataDirectory = directory == null ? null : directory.toAbsolutePath();
            return this;
        }

        /**
         * Put a {@link FaultProxy} between the functions and DynamoDB Local ({@link #dynamoDbFaults()}); off by default,
         * since each request then makes one more loopback hop.
         */
        public Builder dynamoDbFaultProxy(boolean enabled) {
            this.dynamoDbFaultProxy = enabled;
            return this;
        }

        public Builder dynamoDbPort(int port) {
            this.dynamoDbPort = port;
            return this;
        }

        public Builder sqsPort(int port) {
            this.sqsPort = port;
            return this;
        }

        public Builder sesPort(int port) {
            this.sesPort = port;
            return this;
        }

        public Builder s3Port(int port) {
            this.s3Port = port;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /** The directory holding {@code template.yaml} and {@code package.json}; found from the cwd by default. */
        public Builder projectRoot(Path root) {
            this.projectRoot = root;
            return this;
        }

        public LocalEngines start() {
            Path root = projectRoot != null ? projectRoot
                    : SamTemplate.locateFile(Path.of("").toAbsolutePath()).getParent();
            long begin = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "local-engine-start");
                thread.setDaemon(true);
                return thread;
            });
            try {
                Path data = dataDirectory;
                CompletableFuture<DynamoStarted> dynamo = CompletableFuture.supplyAsync(() -> startDynamoDb(dynamoDbPort, region, data), pool);
                CompletableFuture<SqsStarted> queue = CompletableFuture.supplyAsync(() -> startSqs(sqsPort, region, accountId, data), pool);
                CompletableFuture<SesStarted> mail = CompletableFuture.supplyAsync(() -> startSes(root), pool);
                CompletableFuture<S3Started> storage = CompletableFuture.supplyAsync(() -> startS3(s3Port, region, data), pool);
                try {
                    CompletableFuture.allOf(dynamo, queue, mail, storage).join();
                } catch (CompletionException e) {
                    stopQuietly(dynamo, queue, mail, storage);
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
                }
                SesStarted ses = mail.join();
                URI sesEngine = URI.create("http://" + HOST + ":" + ses.port());
                SesJournal journal = null;
                // SES's mailbox simulator and event publishing (issue 24): after the journal, so a replay never publishes.
                SesSimulator simulator = new SesSimulator();
                FaultProxy sesProxy = null;
                FaultProxy dynamoDbProxy = null;
                int replayed = 0;
                try {
                    if (data != null) {
                        journal = SesJournal.open(data.resolve("ses").resolve("sent-mail.journal"));
                        // Into the engine before anything can send: the mailbox lists the old mail first, in order.
                        replayed = journal.replay(sesEngine);
                    }
                    sesProxy = FaultProxy.builder("SES", sesEngine).port(sesPort)
                            .faultOnly(SesJournal::isSesApiCall).observer(SesSimulator.both(journal, simulator)).start();
                    if (dynamoDbFaultProxy) {
                        URI dynamoEngine = URI.create("http://" + HOST + ":" + dynamo.join().port());
                        // On disk, a write is answered only once it is durable (DurableWrites says why).
                        dynamoDbProxy = FaultProxy.builder("DynamoDB", dynamoEngine)
                                .observer(data == null ? null : new DurableWrites(dynamoEngine)).start();
                    }
                } catch (RuntimeException e) {
                    if (sesProxy != null) {
                        sesProxy.close();
                    }
                    if (journal != null) {
                        journal.close();
                    }
                    stopQuietly(dynamo, queue, mail, storage);
                    throw e;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - begin);
                Started started = new Started(dynamo.join().server(), dynamo.join().port(), queue.join(), ses.process(),
                        ses.port(), ses.log(), storage.join().server(), ses.hook(), sesProxy, journal, replayed, dynamoDbProxy, simulator);
                LocalEngines engines = new LocalEngines(this, started, took);
                LOG.info("Local engines started in {} ms: DynamoDB Local {} ({} ms), ElasticMQ {} ({} ms), aws-ses-v2-local {} ({} ms),"
                                + " s3proxy {} ({} ms); {}",
                        took.toMillis(), engines.dynamoDbEngineEndpoint(), dynamo.join().millis(), engines.sqsEndpoint(),
                        queue.join().millis(), engines.sesEngineEndpoint(), ses.millis(), engines.s3Endpoint(), storage.join().millis(),
                        data == null ? "in memory" : "data in " + data + (replayed > 0 ? ", " + replayed + " SES request(s) replayed" : ""));
                return engines;
            } finally {
                pool.shutdown();
            }
        }

        private static void stopQuietly(CompletableFuture<DynamoStarted> dynamo, CompletableFuture<SqsStarted> queue,
                                        CompletableFuture<SesStarted> mail, CompletableFuture<S3Started> storage) {
            // Wait for the others to finish starting, then stop whatever did start.
            for (CompletableFuture<?> future : List.of(dynamo, queue, mail, storage)) {
                try {
                    future.join();
                } catch (CompletionException ignored) {
                    // reported by the caller
                }
            }
            if (!dynamo.isCompletedExceptionally()) {
                try {
                    dynamo.join().server().stop();
                } catch (Exception ignored) {
                    // best effort
                }
                RUNNING_DYNAMODB_LOCALS.decrementAndGet();
            }
            if (!queue.isCompletedExceptionally()) {
                queue.join().stop();
            }
            if (!storage.isCompletedExceptionally()) {
                try {
                    storage.join().server().close();
                } catch (RuntimeException ignored) {
                    // best effort
                }
            }
            if (!mail.isCompletedExceptionally()) {
                SesStarted ses = mail.join();
                stopSes(ses.process(), ses.log());
                try {
                    Runtime.getRuntime().removeShutdownHook(ses.hook());
                } catch (IllegalStateException ignored) {
                    // shutting down
                }
            }
        }
    }

    /** Installs aws-ses-v2-local with npm when the repository's node_modules lacks it. */
    static final class SesNodePackage {
        static final String NODE = "node";
        private static final Object LOCK = new Object();

        private SesNodePackage() {
        }

        static Path ensureInstalled(Path root) {
            Path cli = root.resolve("node_modules/aws-ses-v2-local/dist/cli.js");
            synchronized (LOCK) {
                if (Files.isRegularFile(cli)) {
                    return cli;
                }
                if (!Files.isRegularFile(root.resolve("package.json"))) {
                    throw new IllegalStateException("No package.json in " + root + ": cannot install aws-ses-v2-local");
                }
                List<String> command = Files.isRegularFile(root.resolve("package-lock.json"))
                        ? List.of("npm", "ci", "--no-audit", "--no-fund")
                        : List.of("npm", "install", "--no-audit", "--no-fund");
                LOG.info("aws-ses-v2-local is not installed in {}: running {}", root, String.join(" ", command));
                try {
                    Process npm = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
                    if (!npm.waitFor(10, TimeUnit.MINUTES)) {
                        npm.destroyForcibly();
                        throw new IllegalStateException(String.join(" ", command) + " did not finish within 10 minutes");
                    }
                    if (npm.exitValue() != 0) {
                        throw new IllegalStateException(String.join(" ", command) + " failed in " + root + " with exit code "
                                + npm.exitValue());
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("aws-ses-v2-local is missing from " + root.resolve("node_modules")
                            + " and npm cannot be run (" + e.getMessage() + "): install Node.js 18+ with npm, then run"
                            + " 'npm ci' in " + root, e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while installing aws-ses-v2-local", e);
                }
                if (!Files.isRegularFile(cli)) {
                    throw new IllegalStateException("npm finished but " + cli + " is still missing: is aws-ses-v2-local in "
                            + root.resolve("package.json") + "?");
                }
                return cli;
            }
        }
    }
}
