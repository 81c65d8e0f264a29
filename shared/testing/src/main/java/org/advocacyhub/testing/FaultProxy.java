package org.advocacyhub.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small HTTP proxy in front of one local engine, on {@code 127.0.0.1}: the functions reach the engine through it, so
 * the faults the real service shows can be switched on at any moment without touching the functions or the engine.
 * The engine itself stays reachable on its own port for direct reads (tests, checkers).
 *
 * <ul>
 *   <li>{@link Mode#PASS}: forward the request and relay the answer (the default).</li>
 *   <li>{@link Mode#REFUSE}: answer at once with a given status, headers and body ({@link Refusal}: DynamoDB's
 *       throttling and internal error, SES's 429 and 503), forwarding nothing.</li>
 *   <li>{@link Mode#HANG}: read the request, then answer nothing and forward nothing until the fault ends (switched off
 *       or its window passed) or the request has been held for a given time, then close the connection without a
 *       response: what a service does that accepts connections and then stalls.</li>
 * </ul>
 *
 * A {@link Fault} may be limited to a time window, a probability per request and a number of requests. Only requests
 * the {@code faultable} test accepts are subject to faults (for SES, its API, not the mailbox page that checkers read).
 * An {@link Observer} sees every request the engine answered with a 2xx before the client gets the answer: the SES
 * mailbox journal ({@link SesJournal}) is written there.
 *
 * <p>Connections to the engine are kept alive and reused, but only while idle for less than {@link #REUSE_IDLE_MILLIS}:
 * far less than the engines' own idle timeouts (Node's 5 s, Jetty's 30 s), so the engine never closes one the proxy is
 * about to send on; a new connection per request would leave a socket in TIME_WAIT per request and run out of ports
 * under a long chaos run. If a reused connection fails before the engine answered a byte, the request is sent once more
 * on a new one (what HTTP clients do for a connection closed while idle).
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    private static final String HOST = "127.0.0.1";

    static {
        // The JDK's HTTP server writes an answer's headers and body in two segments and leaves Nagle's algorithm on
        // unless told: the body then waits for the client's delayed ACK of the headers, 40 ms on Linux, on every request
        // through the proxy. The property is read once, when the server's configuration is first loaded (here).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    /** Headers of one hop, never relayed; Host and Content-Length are written for the next hop. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding",
            "te", "trailer", "upgrade", "host", "content-length", "expect", "date");
    /** How long the proxy waits for the engine before giving up on a request (longer than any SDK timeout used here). */
    private static final int UPSTREAM_READ_TIMEOUT_MILLIS = 300_000;
    /** A connection to the engine idle longer than this is closed rather than reused. */
    static final long REUSE_IDLE_MILLIS = 2_000;

    /** What the proxy does with a faultable request. */
    public enum Mode { PASS, REFUSE, HANG }

    /**
     * An answer given instead of forwarding, in the service's own error shape so the SDK raises the exception it would
     * raise against AWS, and retries it when AWS's would be retried.
     */
    public record Refusal(int status, Map<String, String> headers, String body) {

        public Refusal {
            headers = Map.copyOf(headers);
            Objects.requireNonNull(body);
        }

        /** DynamoDB's throttling (awsJson1_0): a 400 the SDK retries with backoff as a throttling error. */
        public static Refusal dynamoDbThrottling() {
            return new Refusal(400, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\","
                            + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}");
        }

        /** DynamoDB's internal server error: a 500 the SDK retries. */
        public static Refusal dynamoDbInternalError() {
            return new Refusal(500, Map.of("Content-Type", "application/x-amz-json-1.0"),
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error\"}");
        }

        /**
         * SES v2's throttling (restJson1: the error's name in {@code x-amzn-ErrorType}, the message in the body): a 429
         * the SDK raises as {@code TooManyRequestsException} once its retries are spent.
         */
        public static Refusal sesTooManyRequests() {
            return new Refusal(429, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "TooManyRequestsException"),
                    "{\"message\":\"Maximum sending rate exceeded.\"}");
        }

        /** SES v2 unavailable: a 503 (no modelled exception: the SDK raises {@code SesV2Exception} with status 503). */
        public static Refusal sesServiceUnavailable() {
            return new Refusal(503, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", "ServiceUnavailable"),
                    "{\"message\":\"Service unavailable.\"}");
        }
    }

    /**
     * One fault setting: a mode and its limits. Immutable; the {@code with}/{@code for} methods return a copy.
     *
     * <pre>{@code
     * proxy.apply(Fault.refuse(Refusal.dynamoDbThrottling()).forDuration(Duration.ofSeconds(30)).withProbability(0.2));
     * proxy.apply(Fault.hang().holdingEachFor(Duration.ofSeconds(45)));
     * proxy.apply(Fault.pass());
     * }</pre>
     */
    public record Fault(Mode mode, Refusal refusal, Duration window, double probability, int times, Duration holdEach) {

        public Fault {
            Objects.requireNonNull(mode);
            if (mode == Mode.REFUSE) {
                Objects.requireNonNull(refusal, "REFUSE needs the answer to give");
            }
            if (probability <= 0 || probability > 1) {
                throw new IllegalArgumentException("A probability is in (0, 1], not " + probability);
            }
            if (window != null && (window.isNegative() || window.isZero())) {
                throw new IllegalArgumentException("A fault's window is positive, not " + window);
            }
        }

        public static Fault pass() {
            return new Fault(Mode.PASS, null, null, 1, -1, null);
        }

        public static Fault refuse(Refusal answer) {
            return new Fault(Mode.REFUSE, answer, null, 1, -1, null);
        }

        /** Hangs each request until the fault ends (see {@link #holdingEachFor} for a limit per request). */
        public static Fault hang() {
            return new Fault(Mode.HANG, null, null, 1, -1, null);
        }

        /** In force for {@code duration} from when it is applied, then the proxy passes again. */
        public Fault forDuration(Duration duration) {
            return new Fault(mode, refusal, duration, probability, times, holdEach);
        }

        /** Each faultable request is hit with this probability (the rest pass). */
        public Fault withProbability(double chance) {
            return new Fault(mode, refusal, window, chance, times, holdEach);
        }

        /** Only the next {@code count} requests it hits; then the proxy passes again. */
        public Fault times(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("At least one request, not " + count);
            }
            return new Fault(mode, refusal, window, probability, count, holdEach);
        }

        /** HANG: each request is held at most this long, then its connection is closed without an answer. */
        public Fault holdingEachFor(Duration hold) {
            return new Fault(mode, refusal, window, probability, times, hold);
        }
    }

    /** A request the engine answered with a 2xx: what an {@link Observer} sees. Headers with lower-case names. */
    public record Forwarded(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body, int status,
                            byte[] responseBody) {

        public String path() {
            int query = pathAndQuery.indexOf('?');
            return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        }

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * Sees each request the engine answered with a 2xx, before the client gets that answer. When it throws, the client
     * gets a 500 instead: what it did must not be acknowledged if it was not recorded.
     */
    @FunctionalInterface
    public interface Observer {
        void answered(Forwarded request) throws IOException;
    }

    /** What the proxy did since it started, and how many connections to the engine it opened for it. */
    public record Counts(long forwarded, long refused, long hung, long connectionsOpened) {
    }

    /** The fault in force and its state; replaced whole on each {@link #apply}. */
    private static final class Active {
        final Fault fault;
        final long endsAtNanos;
        final AtomicInteger remaining;
        /** Opened when the fault is replaced: hung requests end then. */
        final CountDownLatch ended = new CountDownLatch(1);

        Active(Fault fault) {
            this.fault = fault;
            this.endsAtNanos = fault.window() == null ? Long.MAX_VALUE : System.nanoTime() + fault.window().toNanos();
            this.remaining = new AtomicInteger(fault.times());
        }

        boolean over() {
            return fault.window() != null && System.nanoTime() - endsAtNanos >= 0;
        }
    }

    private final String name;
    private final URI upstream;
    private final BiPredicate<String, String> faultable;
    private final Observer observer;
    private final HttpServer server;
    private final ExecutorService threads;
    private final AtomicReference<Active> active = new AtomicReference<>(new Active(Fault.pass()));
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong hung = new AtomicLong();
    private final AtomicLong connectionsOpened = new AtomicLong();
    private final java.util.concurrent.ConcurrentLinkedDeque<Upstream> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private FaultProxy(String name, URI upstream, int port, BiPredicate<String, String> faultable, Observer observer) {
        this.name = name;
        this.upstream = upstream;
        this.faultable = faultable;
        this.observer = observer;
        // A thread per request in progress: hung requests hold theirs, and must not stop others being forwarded.
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fault-proxy-" + name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), Math.max(0, port)), 200);
        } catch (IOException e) {
            threads.shutdown();
            throw new IllegalStateException("The " + name + " proxy cannot listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A proxy for {@code name} (used in logs) in front of {@code upstream}; {@link Builder#start()} starts it. */
    public static Builder builder(String name, URI upstream) {
        return new Builder(name, upstream);
    }

    /** Where clients reach the engine through the proxy. */
    public URI endpoint() {
        return URI.create("http://" + HOST + ":" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The engine behind the proxy. */
    public URI upstream() {
        return upstream;
    }

    /** Puts {@code fault} in force from now on, ending the previous one (requests it holds are let go, unanswered). */
    public void apply(Fault fault) {
        Active previous = active.getAndSet(new Active(fault));
        previous.ended.countDown();
        // The mode only: a fault has no personal data, and a switch is rare enough to log.
        LOG.info("{} proxy: {}{}{}{}", name, fault.mode(), fault.window() == null ? "" : " for " + fault.window(),
                fault.probability() < 1 ? " with probability " + fault.probability() : "",
                fault.times() > 0 ? " for " + fault.times() + " request(s)" : "");
    }

    /** Back to forwarding everything. */
    public void pass() {
        apply(Fault.pass());
    }

    /** The fault in force now ({@link Fault#pass()} once a limited fault has run out). */
    public Fault fault() {
        Active current = active.get();
        return current.over() || current.remaining.get() == 0 ? Fault.pass() : current.fault;
    }

    public Counts counts() {
        return new Counts(forwarded.get(), refused.get(), hung.get(), connectionsOpened.get());
    }

    @Override
    public void close() {
        active.get().ended.countDown();
        server.stop(0);
        threads.shutdownNow();
        Upstream connection;
        while ((connection = idle.poll()) != null) {
            connection.close();
        }
    }

    @Override
    public String toString() {
        return "FaultProxy[" + name + " " + endpoint() + " -> " + upstream + ", " + fault().mode() + "]";
    }

    // ------------------------------------------------------------------ handling

    private void handle(HttpExchange exchange) {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod();
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            if (faultable.test(method, exchange.getRequestURI().getRawPath())) {
                Active current = active.get();
                if (hits(current)) {
                    if (current.fault.mode() == Mode.REFUSE) {
                        refused.incrementAndGet();
                        refuse(exchange, method, current.fault.refusal());
                        return;
                    }
                    if (current.fault.mode() == Mode.HANG) {
                        hung.incrementAndGet();
                        hold(current);
                        // Closing the exchange with no response sent closes the connection: the client reads nothing.
                        return;
                    }
                }
            }
            forward(exchange, method, target, body);
        } catch (IOException e) {
            // The client went away, or the engine did not answer; the class only, as requests may hold personal data.
            LOG.debug("{} proxy: a request ended early: {}", name, e.getClass().getName());
        } catch (RuntimeException e) {
            LOG.warn("{} proxy: a request failed: {}", name, e.getClass().getName());
        } finally {
            exchange.close();
        }
    }

    private static boolean hits(Active current) {
        Fault fault = current.fault;
        if (fault.mode() == Mode.PASS || current.over()) {
            return false;
        }
        if (fault.probability() < 1 && ThreadLocalRandom.current().nextDouble() >= fault.probability()) {
            return false;
        }
        if (fault.times() > 0) {
            return current.remaining.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
        }
        return true;
    }

    private static void hold(Active current) {
        long until = current.endsAtNanos;
        if (current.fault.holdEach() != null) {
            until = Math.min(until, System.nanoTime() + current.fault.holdEach().toNanos());
        }
        try {
            if (until == Long.MAX_VALUE) {
                current.ended.await();
            } else {
                current.ended.await(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void refuse(HttpExchange exchange, String method, Refusal refusal) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        refusal.headers().forEach(headers::add);
        headers.add("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
        byte[] body = refusal.body().getBytes(StandardCharsets.UTF_8);
        boolean noBody = "HEAD".equals(method) || body.length == 0;
        exchange.sendResponseHeaders(refusal.status(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private void forward(HttpExchange exchange, String method, String target, byte[] body) throws IOException {
        Map<String, List<String>> requestHeaders = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((header, values) ->
                requestHeaders.put(header.toLowerCase(Locale.ROOT), List.copyOf(values)));
        Response response;
        try {
            response = send(method, target, requestHeaders, body);
        } catch (IOException e) {
            LOG.warn("{} proxy: the engine at {} did not answer: {}", name, upstream, e.getClass().getSimpleName());
            exchange.sendResponseHeaders(502, -1);
            return;
        }
        forwarded.incrementAndGet();
        if (observer != null && response.status() / 100 == 2) {
            try {
                observer.answered(new Forwarded(method, target, requestHeaders, body, response.status(), response.body()));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{} proxy: could not record an answered request ({}): answering 500", name, e.getClass().getSimpleName());
                exchange.sendResponseHeaders(500, -1);
                return;
            }
        }
        Headers headers = exchange.getResponseHeaders();
        response.headers().forEach((header, values) -> {
            if (!HOP_BY_HOP.contains(header.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(header, value));
            }
        });
        boolean noBody = "HEAD".equals(method) || response.status() == 204 || response.status() == 304
                || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    /** An answer of the engine; {@code reusable} when its end was known (length or chunks), not the connection's end. */
    private record Response(int status, Map<String, List<String>> headers, byte[] body, boolean reusable) {
    }

    /** A kept-alive connection to the engine. */
    private static final class Upstream {
        final Socket socket;
        final BufferedInputStream in;
        final OutputStream out;
        long idleSince;

        Upstream(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    /** A reusable connection idle for less than {@link #REUSE_IDLE_MILLIS}, or null; older ones are closed. */
    private Upstream reusable() {
        Upstream connection;
        while ((connection = idle.pollFirst()) != null) {
            if (System.currentTimeMillis() - connection.idleSince < REUSE_IDLE_MILLIS && !connection.socket.isClosed()) {
                return connection;
            }
            connection.close();
        }
        return null;
    }

    private Upstream connect() throws IOException {
        Socket socket = new Socket(upstream.getHost(), upstream.getPort());
        connectionsOpened.incrementAndGet();
        socket.setSoTimeout(UPSTREAM_READ_TIMEOUT_MILLIS);
        socket.setTcpNoDelay(true);
        return new Upstream(socket);
    }

    /** One HTTP/1.1 exchange with the engine, on a kept-alive connection if one is fresh enough. */
    private Response send(String method, String target, Map<String, List<String>> requestHeaders, byte[] body) throws IOException {
        Upstream reused = reusable();
        if (reused != null) {
            try {
                return exchange(reused, method, target, requestHeaders, body);
            } catch (NothingAnswered stale) {
                // Closed by the engine as the request went: it did not read it. Once more on a new connection.
                reused.close();
            }
        }
        Upstream fresh = connect();
        try {
            return exchange(fresh, method, target, requestHeaders, body);
        } catch (NothingAnswered e) {
            fresh.close();
            throw new IOException("The engine closed the connection without answering", e);
        }
    }

    /** The connection failed before the engine sent a byte of its answer. */
    private static final class NothingAnswered extends IOException {
        private static final long serialVersionUID = 1L;

        NothingAnswered(IOException cause) {
            super(cause);
        }
    }

    private Response exchange(Upstream connection, String method, String target, Map<String, List<String>> requestHeaders,
                              byte[] body) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(upstream.getHost()).append(':').append(upstream.getPort()).append("\r\n");
        requestHeaders.forEach((header, values) -> {
            if (!HOP_BY_HOP.contains(header)) {
                values.forEach(value -> head.append(header).append(": ").append(value).append("\r\n"));
            }
        });
        if (body.length > 0 || !("GET".equals(method) || "HEAD".equals(method) || "DELETE".equals(method))) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try {
            connection.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            connection.out.write(body);
            connection.out.flush();
            connection.in.mark(1);
            if (connection.in.read() == -1) {
                throw new java.io.EOFException("closed");
            }
            connection.in.reset();
        } catch (java.net.SocketTimeoutException slow) {
            // The engine took the request and is slow: sending it again could do it twice.
            connection.close();
            throw slow;
        } catch (IOException e) {
            throw new NothingAnswered(e);
        }
        Response response;
        try {
            response = read(connection.in, "HEAD".equals(method));
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
        String connectionHeader = first(response.headers(), "connection");
        if (response.reusable() && (connectionHeader == null || !connectionHeader.equalsIgnoreCase("close"))) {
            connection.idleSince = System.currentTimeMillis();
            idle.addFirst(connection);
        } else {
            connection.close();
        }
        return response;
    }

    private static Response read(InputStream in, boolean headRequest) throws IOException {
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("No HTTP status line");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while ((line = line(in)) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            }
        }
        if (status / 100 == 1) {
            // 100 Continue and the like: the real answer follows.
            return read(in, headRequest);
        }
        if (headRequest || status == 204 || status == 304) {
            return new Response(status, headers, new byte[0], true);
        }
        String encoding = first(headers, "transfer-encoding");
        String length = first(headers, "content-length");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            return new Response(status, headers, chunked(in), true);
        }
        if (length != null) {
            int expected = Integer.parseInt(length.trim());
            byte[] body = in.readNBytes(expected);
            if (body.length < expected) {
                throw new java.io.EOFException("The engine's answer ended early");
            }
            return new Response(status, headers, body, true);
        }
        return new Response(status, headers, in.readAllBytes(), false);
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new IOException("Chunked body ended early");
            }
            int semicolon = size.indexOf(';');
            int count = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (count == 0) {
                String trailer;
                while ((trailer = line(in)) != null && !trailer.isEmpty()) {
                    // trailers are not relayed
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(count));
            line(in);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** A line without its CRLF, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** Port (0 = a free one), which requests faults apply to, and who sees answered requests. */
    public static final class Builder {
        private final String name;
        private final URI upstream;
        private int port;
        private BiPredicate<String, String> faultable = (method, path) -> true;
        private Observer observer;

        private Builder(String name, URI upstream) {
            this.name = name;
            this.upstream = upstream;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Faults apply only to requests whose method and raw path pass this test; the rest always pass. */
        public Builder faultOnly(BiPredicate<String, String> test) {
            this.faultable = test;
            return this;
        }

        public Builder observer(Observer observer) {
            this.observer = observer;
            return this;
        }

        public FaultProxy start() {
            return new FaultProxy(name, upstream, port, faultable, observer);
        }
    }
}
