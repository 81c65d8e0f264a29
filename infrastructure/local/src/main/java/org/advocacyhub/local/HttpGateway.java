package org.advocacyhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.advocacyhub.testing.ApiRoutes;

/**
 * A local stand-in for API Gateway's REST API: matches each request against the routes
 * template.yaml declares, applies the route's authorizer, turns the request into a REST proxy
 * event for the function behind the route and the function's answer back into HTTP. Its own
 * answers (401, 404, 405, 413, 502) take the template's GatewayResponses, as API Gateway's do.
 * In {@code ./run-local} it also answers {@code /_local/clock} itself ({@link LocalClockEndpoint}):
 * the local stack's control of its clock, and {@code /_local/cognito} ({@link LocalCognito}), the stand-in for
 * Cognito's hosted sign-in; neither is a route of template.yaml, so neither ever exists in AWS.
 *
 * <p>Header names pass unchanged both ways, as API Gateway passes them: to the function as the
 * client wrote them, to the client as the function set them. Netty serves it because it keeps
 * them; the JDK's HTTP server re-capitalises every name, and Jetty every name it knows
 * ({@code content-type} becomes {@code Content-Type}).
 */
final class HttpGateway implements AutoCloseable {

    /** API Gateway's own limit on a request payload. */
    private static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    /** Requests answered at once unless told otherwise: well above every function's instances added up. */
    static final int DEFAULT_MAX_WORKERS = 128;
    /** API Gateway's limit on the request line and headers. */
    private static final int MAX_HEADERS = 10 * 1024;

    /** The functions behind the routes, by logical id: warm {@code FunctionInvoker}s in run-local. */
    @FunctionalInterface
    interface Functions {
        APIGatewayProxyResponseEvent invoke(String functionId, APIGatewayProxyRequestEvent event);
    }

    private final ApiRoutes routes;
    private final Functions functions;
    private final LocalJwt jwt;
    /** {@code /_local/clock}, served by the gateway itself (never a template route), or {@code null}. */
    private final LocalClockEndpoint localClock;
    /** {@code /_local/cognito}, served by the gateway itself (never a template route), or {@code null}. */
    private final LocalCognito localCognito;
    private final String host;
    private final int requestedPort;
    /** Reads and writes the connections; never waits for a function. */
    private final EventLoopGroup network;
    /**
     * Runs the functions, which block: a thread per request in progress, up to a cap well above the functions' combined
     * concurrency, so a request waits only for an instance of its own function (intake never queues behind twenty staff
     * reads, as it would behind a small fixed pool); past the cap requests queue. Idle threads end after a while.
     */
    private final ExecutorService workers;
    /** {@code /_local/faults}, the chaos command's switch ({@link LocalFaultsEndpoint}), or {@code null}. */
    private volatile LocalFaultsEndpoint localFaults;
    private Channel listener;

    HttpGateway(ApiRoutes routes, Functions functions, LocalJwt jwt, String host, int port) {
        this(routes, functions, jwt, null, host, port);
    }

    /** A gateway that also serves {@code localClock} on {@link LocalClockEndpoint#PATH}, as {@code ./run-local}'s does. */
    HttpGateway(ApiRoutes routes, Functions functions, LocalJwt jwt, LocalClockEndpoint localClock, String host, int port) {
        this(routes, functions, jwt, localClock, null, host, port);
    }

    /** {@code ./run-local}'s gateway: also the local clock and the local sign-in ({@link LocalCognito#PATH}). */
    HttpGateway(ApiRoutes routes, Functions functions, LocalJwt jwt, LocalClockEndpoint localClock, LocalCognito localCognito,
                String host, int port) {
        this(routes, functions, jwt, localClock, localCognito, host, port, DEFAULT_MAX_WORKERS);
    }

    /** As above, running at most {@code maxWorkers} requests at once (the rest queue). */
    HttpGateway(ApiRoutes routes, Functions functions, LocalJwt jwt, LocalClockEndpoint localClock, LocalCognito localCognito,
                String host, int port, int maxWorkers) {
        this.routes = routes;
        this.functions = functions;
        this.jwt = jwt;
        this.localClock = localClock;
        this.localCognito = localCognito;
        this.host = host;
        this.requestedPort = port;
        this.network = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("local-gateway-io", true),
                NioIoHandler.newFactory());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxWorkers, maxWorkers, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), new DefaultThreadFactory("local-gateway", true));
        // Threads are made as requests come, up to the cap, and end when idle: a quiet gateway holds none.
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
    }

    /** Serves {@code faults} on {@link LocalFaultsEndpoint#PATH} too, as {@code ./run-local}'s gateway does (issue 19). */
    HttpGateway serveFaults(LocalFaultsEndpoint faults) {
        this.localFaults = faults;
        return this;
    }

    void start() throws InterruptedException {
        listener = new ServerBootstrap()
                .group(network)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(MAX_HEADERS).setMaxHeaderSize(MAX_HEADERS)))
                                .addLast(new HttpServerExpectContinueHandler())
                                .addLast(new Exchange());
                    }
                })
                .bind(host, requestedPort).sync().channel();
    }

    int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** An answer to send: status, headers in order with their names as given, body. */
    private record Reply(int status, Map<String, List<String>> headers, byte[] body) {
        static Reply of(ApiRoutes.GatewayAnswer answer) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            answer.headers().forEach((name, value) -> headers.put(name, List.of(value)));
            return new Reply(answer.statusCode(), headers, answer.body().getBytes(StandardCharsets.UTF_8));
        }

        /** A function's answer (or the local clock's), as API Gateway turns it into HTTP. */
        static Reply of(APIGatewayProxyResponseEvent response) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (response.getHeaders() != null) {
                response.getHeaders().forEach((k, v) -> headers.put(k, List.of(v)));
            }
            if (response.getMultiValueHeaders() != null) {
                response.getMultiValueHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            }
            byte[] out = response.getBody() == null ? new byte[0]
                    : Boolean.TRUE.equals(response.getIsBase64Encoded()) ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
            return new Reply(response.getStatusCode() == null ? 200 : response.getStatusCode(), headers, out);
        }
    }

    /**
     * One connection: collects each request's body (up to API Gateway's limit; the rest is read and dropped so
     * the client can read the 413), then answers it on a worker. Reading pauses while a request is answered, so
     * answers go out in the order the requests came.
     */
    private final class Exchange extends SimpleChannelInboundHandler<HttpObject> {
        private HttpRequest request;
        private ByteArrayOutputStream body;
        private long started;

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (message instanceof HttpRequest head) {
                started = System.nanoTime();
                request = head;
                body = HttpUtil.getContentLength(head, 0L) > MAX_PAYLOAD ? null : new ByteArrayOutputStream();
                if (head.decoderResult().isFailure()) {
                    // A request line or headers HTTP cannot read, or over the limit: nothing to route.
                    request = null;
                    write(context, head, new Reply(400, json(), "{\"message\":\"Bad Request\"}".getBytes(StandardCharsets.UTF_8)),
                            false);
                    return;
                }
            }
            if (message instanceof HttpContent content && request != null) {
                ByteBuf bytes = content.content();
                if (body != null && body.size() + bytes.readableBytes() > MAX_PAYLOAD) {
                    body = null;
                }
                if (body != null) {
                    try {
                        bytes.readBytes(body, bytes.readableBytes());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                if (content instanceof LastHttpContent) {
                    HttpRequest head = request;
                    byte[] payload = body == null ? null : body.toByteArray();
                    long begin = started;
                    request = null;
                    body = null;
                    context.channel().config().setAutoRead(false);
                    String sourceIp = ((InetSocketAddress) context.channel().remoteAddress()).getAddress().getHostAddress();
                    workers.execute(() -> {
                        Reply reply;
                        boolean keepAlive = HttpUtil.isKeepAlive(head);
                        try {
                            reply = respond(head, payload, sourceIp);
                        } catch (IllegalArgumentException e) {
                            // A path or query that does not decode, such as a broken percent-escape. The class only:
                            // the message would quote the request.
                            System.err.println("Local API gateway refused a request: " + e.getClass().getName());
                            reply = new Reply(400, json(), "{\"message\":\"Bad Request\"}".getBytes(StandardCharsets.UTF_8));
                            keepAlive = false;
                        } catch (RuntimeException e) {
                            System.err.println("Local API gateway failed: " + e.getClass().getName());
                            reply = new Reply(500, json(), "{\"message\":\"Internal server error\"}".getBytes(StandardCharsets.UTF_8));
                            keepAlive = false;
                        }
                        write(context, head, reply, keepAlive);
                        // Method, path and status only: paths hold references, never personal data.
                        System.out.printf("%s %s -> %d (%d ms)%n", head.method(), path(head.uri()), reply.status(),
                                (System.nanoTime() - begin) / 1_000_000);
                    });
                }
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            System.err.println("Local API gateway connection failed: " + cause.getClass().getName());
            context.close();
        }
    }

    private Reply respond(HttpRequest head, byte[] body, String sourceIp) {
        String method = head.method().name();
        String path = path(head.uri());
        if (!path.startsWith("/")) {
            // Absolute or asterisk form: what a proxy is sent, never API Gateway.
            return new Reply(400, json(), "{\"message\":\"Bad Request\"}".getBytes(StandardCharsets.UTF_8));
        }
        if (localCognito != null && LocalCognito.serves(path)) {
            // The local stand-in for Cognito's hosted sign-in: no route of template.yaml, no authorizer.
            return body == null ? new Reply(413, json(), "{\"message\":\"Request Too Long\"}".getBytes(StandardCharsets.UTF_8))
                    : Reply.of(localCognito.answer(method, head.uri(), head.headers().get("Host"), head.headers().get("X-Amz-Target"), body));
        }
        if (localClock != null && path.equals(LocalClockEndpoint.PATH)) {
            // The local stack's own control: no route of template.yaml, no authorizer; the gateway listens on loopback only.
            return body == null ? new Reply(413, json(), "{\"message\":\"Request Too Long\"}".getBytes(StandardCharsets.UTF_8))
                    : Reply.of(localClock.answer(method, headers(head.headers()), body));
        }
        if (localFaults != null && path.equals(LocalFaultsEndpoint.PATH)) {
            // The chaos command's switch: no route of template.yaml, no authorizer; the gateway listens on loopback only.
            return body == null ? new Reply(413, json(), "{\"message\":\"Request Too Long\"}".getBytes(StandardCharsets.UTF_8))
                    : Reply.of(localFaults.answer(method, body));
        }
        ApiRoutes.Match match = routes.match(method, path);
        if (match instanceof ApiRoutes.NoRoute) {
            // API Gateway answers 403 Missing Authentication Token here; locally a 404 that says why is more use.
            return Reply.of(routes.gatewayAnswer(match, "MISSING_AUTHENTICATION_TOKEN", 404,
                    "No route in template.yaml for " + method + " " + path));
        }
        if (match instanceof ApiRoutes.MethodNotAllowed notAllowed) {
            return Reply.of(routes.gatewayAnswer(match, "MISSING_AUTHENTICATION_TOKEN", 405,
                    "Method not allowed; allowed: " + notAllowed.allowedMethods()));
        }
        ApiRoutes.Found found = (ApiRoutes.Found) match;
        if (body == null) {
            return Reply.of(routes.gatewayAnswer(match, "REQUEST_TOO_LARGE", 413, "Request Too Long"));
        }
        ApiRoutes.Request request = routes.request(method, head.uri())
                .headers(headers(head.headers()))
                .sourceIp(sourceIp);
        if (body.length > 0) {
            request.body(body);
        }
        if (found.route().authorized()) {
            Optional<Map<String, String>> claims = jwt.verify(head.headers().get("Authorization"));
            if (claims.isEmpty()) {
                // What API Gateway answers when a Cognito authorizer rejects or misses the token.
                return Reply.of(routes.gatewayAnswer(match, "UNAUTHORIZED", 401, "Unauthorized"));
            }
            request.claims(claims.get());
        }
        APIGatewayProxyRequestEvent event = routes.event(found, request);
        APIGatewayProxyResponseEvent response;
        try {
            response = functions.invoke(found.functionId(), event);
        } catch (RuntimeException | Error e) {
            // An Error too: a function that dies (out of memory, or the chaos command's simulated crash) is a 502 in API
            // Gateway, not a connection left without an answer.
            System.err.println("Function " + found.functionId() + " failed: " + e.getClass().getName());
            if (!(e instanceof org.advocacyhub.testing.LocalFaults.SimulatedCrash)) {
                e.printStackTrace();
            }
            // A function error has no response type of its own: DEFAULT_5XX shapes it.
            return Reply.of(routes.gatewayAnswer(match, "DEFAULT_5XX", 502, "Internal server error"));
        }
        return Reply.of(response);
    }

    /** Request headers with their names as the client wrote them, values in order. */
    private static Map<String, List<String>> headers(HttpHeaders received) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        received.forEach(header -> headers.computeIfAbsent(header.getKey(), name -> new ArrayList<>()).add(header.getValue()));
        return headers;
    }

    /** The path of an origin-form request target ({@code /path?query}), still percent-encoded. */
    private static String path(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static Map<String, List<String>> json() {
        return Map.of("Content-Type", List.of("application/json"));
    }

    private static void write(ChannelHandlerContext context, HttpRequest request, Reply reply, boolean keepAlive) {
        boolean head = "HEAD".equals(request.method().name());
        boolean noBody = head || reply.status() == 204 || reply.status() == 304;
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(reply.status()),
                noBody ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(reply.body()));
        HttpHeaders headers = response.headers();
        // Names exactly as given: API Gateway returns them as the function set them.
        reply.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        if (!headers.contains("Date")) {
            headers.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
        }
        if (!headers.contains("Content-Length") && reply.status() != 204 && reply.status() != 304) {
            // For HEAD, the length the body would have had, as HTTP says.
            headers.set("Content-Length", reply.body().length);
        }
        if (!keepAlive) {
            headers.set("Connection", "close");
        } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
            headers.set("Connection", "keep-alive");
        }
        ChannelFuture written = context.writeAndFlush(response);
        if (keepAlive) {
            written.addListener(done -> context.channel().config().setAutoRead(true));
        } else {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void close() {
        try {
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
            // Requests already taken finish and are written while the event loops still run: a response written to a
            // terminated loop is refused, and Netty logs that at ERROR.
            workers.shutdown();
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            network.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownNow();
        }
    }
}
