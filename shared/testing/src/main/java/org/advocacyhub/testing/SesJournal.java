package org.advocacyhub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local mailbox's memory across restarts. aws-ses-v2-local keeps sent mail in memory only, so the SES
 * {@link FaultProxy} in front of it hands this journal every SES API request that changed the engine (a send, a template
 * change) once the engine answered it with a 2xx, and this appends it, as sent, to a file and forces it to disk before
 * the client gets its answer: an email the function was told was sent is in the journal even if the stack is killed the
 * next instant. At start {@link #replay} sends every entry to the fresh engine in order, with the time and message id it
 * first had, so the mailbox lists every email sent before. {@code POST /clear-store} empties the journal too, or a
 * restart would bring back what the mailbox page's "clear" removed.
 *
 * <p>One JSON line per entry. A line cut short by a kill is one whose client never had an answer: it is dropped.
 */
public final class SesJournal implements FaultProxy.Observer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SesJournal.class);
    /** Requests that change nothing. */
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    static final String CLEAR_STORE = "/clear-store";
    /** Read by the Node side of {@link LocalEngines}: the time (epoch seconds) an email replayed was first sent at. */
    static final String REPLAY_AT_HEADER = "x-local-replay-at";
    /** Read by the Node side of {@link LocalEngines}: the message id an email replayed was first given. */
    static final String REPLAY_MESSAGE_ID_HEADER = "x-local-replay-message-id";
    private static final Pattern JSON_MESSAGE_ID = Pattern.compile("\"MessageId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern XML_MESSAGE_ID = Pattern.compile("<MessageId>([^<]+)</MessageId>");

    private final Path file;
    private final FileChannel channel;

    private SesJournal(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (or creates) the journal at {@code file}, dropping a last line a kill cut short. */
    public static SesJournal open(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            long whole = wholeLinesLength(file);
            if (whole < channel.size()) {
                LOG.info("SES journal: dropping {} byte(s) of an entry cut short (its sender had no answer)", channel.size() - whole);
                channel.truncate(whole);
                channel.force(true);
            }
            channel.position(channel.size());
            return new SesJournal(file, channel);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the SES journal " + file, e);
        }
    }

    /**
     * Whether a request to aws-ses-v2-local is a call of SES's API (v1's {@code POST /}, v2's {@code /v2/...}), not of
     * the engine's own mailbox ({@code /}, {@code /store}, {@code /clear-store}, {@code /health-check}...).
     */
    public static boolean isSesApiCall(String method, String path) {
        return "/".equals(path) ? "POST".equals(method) : path.startsWith("/v2/");
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void answered(FaultProxy.Forwarded request) throws IOException {
        if ("POST".equals(request.method()) && CLEAR_STORE.equals(request.path())) {
            channel.truncate(0);
            channel.force(true);
            LOG.info("SES journal emptied with the mailbox");
            return;
        }
        if (READ_METHODS.contains(request.method()) || !isSesApiCall(request.method(), request.path())) {
            return;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("at", Instant.now().getEpochSecond());
        entry.put("method", request.method());
        entry.put("path", request.pathAndQuery());
        String contentType = request.header("content-type");
        if (contentType != null) {
            entry.put("contentType", contentType);
        }
        String messageId = messageId(request.responseBody());
        if (messageId != null) {
            entry.put("messageId", messageId);
        }
        entry.put("body", Base64.getEncoder().encodeToString(request.body()));
        ByteBuffer line = ByteBuffer.wrap((Json.write(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            channel.write(line);
        }
        // On disk before the client hears "sent": a kill after this keeps the email, one before it was never acknowledged.
        channel.force(false);
    }

    /** The one message id of a send's answer (SES v2 JSON or v1 XML), or null (bulk sends, templates). */
    static String messageId(byte[] responseBody) {
        String text = new String(responseBody, StandardCharsets.UTF_8);
        Matcher json = JSON_MESSAGE_ID.matcher(text);
        if (json.find()) {
            String id = json.group(1);
            return json.find() ? null : id;
        }
        Matcher xml = XML_MESSAGE_ID.matcher(text);
        if (xml.find()) {
            String id = xml.group(1);
            return xml.find() ? null : id;
        }
        return null;
    }

    /**
     * Sends every entry, in order, to the engine at {@code engine} (a fresh aws-ses-v2-local): returns how many. An
     * entry the engine refuses stops the replay with an error naming its position, never its content.
     */
    public synchronized int replay(URI engine) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int replayed = 0;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode entry = Json.parse(line);
                HttpRequest.Builder request = HttpRequest.newBuilder(engine.resolve(entry.path("path").asText()))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/replay")
                        .header(REPLAY_AT_HEADER, entry.path("at").asText())
                        .method(entry.path("method").asText(),
                                HttpRequest.BodyPublishers.ofByteArray(Base64.getDecoder().decode(entry.path("body").asText())));
                if (entry.hasNonNull("contentType")) {
                    request.header("Content-Type", entry.path("contentType").asText());
                }
                if (entry.hasNonNull("messageId")) {
                    request.header(REPLAY_MESSAGE_ID_HEADER, entry.path("messageId").asText());
                }
                HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 != 2) {
                    throw new IllegalStateException("The SES engine refused entry " + (replayed + 1) + " of the journal " + file
                            + " with " + answer.statusCode());
                }
                replayed++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot replay the SES journal " + file + " into " + engine, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying the SES journal", e);
        }
        return replayed;
    }

    /** The length of the file up to and including its last newline. */
    private static long wholeLinesLength(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        return end;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("Closing the SES journal failed: {}", e.getClass().getSimpleName());
        }
    }
}
