package org.advocacyhub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The mail sent through the local SES engine. For aws-ses-v2-local it reads {@code GET /store} and clears with
 * {@code POST /clear-store}; for LocalStack it reads {@code GET /_aws/ses} and clears with {@code DELETE /_aws/ses}.
 */
public final class SesMailbox {

    /** Which SES emulator answers at the endpoint. */
    public enum Engine { AWS_SES_V2_LOCAL, LOCALSTACK }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final Engine engine;

    public SesMailbox(URI endpoint, Engine engine) {
        this.endpoint = endpoint;
        this.engine = engine;
    }

    public static SesMailbox awsSesV2Local(URI endpoint) {
        return new SesMailbox(endpoint, Engine.AWS_SES_V2_LOCAL);
    }

    public static SesMailbox localStack(URI endpoint) {
        return new SesMailbox(endpoint, Engine.LOCALSTACK);
    }

    /** The web mailbox a person can open (aws-ses-v2-local only). */
    public URI webUrl() {
        return endpoint.resolve("/");
    }

    /** Every email sent since the engine started or was last cleared, oldest first. */
    public List<SentEmail> emails() {
        return engine == Engine.AWS_SES_V2_LOCAL ? readSesV2Local() : readLocalStack();
    }

    /** The emails with {@code address} among their To, Cc or Bcc recipients (case-insensitive). */
    public List<SentEmail> emailsTo(String address) {
        return emails().stream().filter(email -> email.isAddressedTo(address)).toList();
    }

    /**
     * Waits up to {@code timeout} for an email matching {@code filter} (mail sent by a queue consumer arrives
     * asynchronously), failing with the number of emails seen, never their content.
     */
    public SentEmail await(Predicate<SentEmail> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SentEmail> seen;
        do {
            seen = emails();
            for (SentEmail email : seen) {
                if (filter.test(email)) {
                    return email;
                }
            }
            sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No matching email within " + timeout + " (" + seen.size() + " emails in the mailbox)");
    }

    public void clear() {
        HttpRequest request = engine == Engine.AWS_SES_V2_LOCAL
                ? HttpRequest.newBuilder(endpoint.resolve("/clear-store")).POST(HttpRequest.BodyPublishers.noBody()).build()
                : HttpRequest.newBuilder(endpoint.resolve("/_aws/ses")).DELETE().build();
        send(request);
    }

    private List<SentEmail> readSesV2Local() {
        JsonNode store = Json.parse(send(HttpRequest.newBuilder(endpoint.resolve("/store")).GET().build()));
        List<SentEmail> emails = new ArrayList<>();
        for (JsonNode email : store.path("emails")) {
            List<SentEmail.Attachment> attachments = new ArrayList<>();
            for (JsonNode attachment : email.path("attachments")) {
                attachments.add(new SentEmail.Attachment(text(attachment, "filename"), text(attachment, "contentType"),
                        text(attachment, "content")));
            }
            JsonNode destination = email.path("destination");
            JsonNode body = email.path("body");
            emails.add(new SentEmail(text(email, "messageId"), text(email, "from"), strings(email.path("replyTo")),
                    addresses(destination.path("to")), addresses(destination.path("cc")), addresses(destination.path("bcc")),
                    text(email, "subject"), text(body, "text"), text(body, "html"), List.copyOf(attachments),
                    email.has("at") ? Instant.ofEpochSecond(email.path("at").asLong()) : null));
        }
        return List.copyOf(emails);
    }

    /** LocalStack keeps raw messages unparsed; for those only the headers' subject and recipients are read. */
    private List<SentEmail> readLocalStack() {
        JsonNode store = Json.parse(send(HttpRequest.newBuilder(endpoint.resolve("/_aws/ses")).GET().build()));
        List<SentEmail> emails = new ArrayList<>();
        for (JsonNode message : store.path("messages")) {
            JsonNode destination = message.path("Destination");
            String raw = text(message, "RawData");
            String subject = text(message, "Subject");
            List<String> to = strings(destination.path("ToAddresses"));
            if (raw != null && subject == null) {
                subject = header(raw, "Subject");
                String toHeader = header(raw, "To");
                if (to.isEmpty() && toHeader != null) {
                    to = List.of(toHeader.split("\\s*,\\s*"));
                }
            }
            String timestamp = text(message, "Timestamp");
            Instant at = null;
            try {
                at = timestamp == null ? null : Instant.parse(timestamp.endsWith("Z") ? timestamp : timestamp + "Z");
            } catch (RuntimeException unparsable) {
                // keep null: LocalStack's timestamp format is not part of any contract
            }
            emails.add(new SentEmail(text(message, "Id"), text(message, "Source"), List.of(), to,
                    strings(destination.path("CcAddresses")), strings(destination.path("BccAddresses")), subject,
                    raw != null ? raw : text(message.path("Body"), "text_part"), text(message.path("Body"), "html_part"),
                    List.of(), at));
        }
        return List.copyOf(emails);
    }

    private static String header(String raw, String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        for (String line : raw.split("\r?\n")) {
            if (line.isEmpty()) {
                return null;
            }
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    private String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("SES engine at " + endpoint + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isBoolean() ? null : value.asText();
    }

    /**
     * Recipients one per element. aws-ses-v2-local keeps a raw message's header as it was written, so one element may
     * hold several addresses ({@code "a@x.test, b@x.test"}): split at commas outside quotes.
     */
    private static List<String> addresses(JsonNode array) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode value : array) {
            String header = value.asText();
            boolean quoted = false;
            int start = 0;
            for (int i = 0; i <= header.length(); i++) {
                if (i < header.length() && header.charAt(i) == '"') {
                    quoted = !quoted;
                } else if (i == header.length() || (header.charAt(i) == ',' && !quoted)) {
                    String address = header.substring(start, i).trim();
                    if (!address.isEmpty()) {
                        addresses.add(address);
                    }
                    start = i + 1;
                }
            }
        }
        return List.copyOf(addresses);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return List.copyOf(values);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    /**
     * One sent email. {@code text}/{@code html} are null when that part is absent; {@code sentAt} has second precision.
     * Its {@code toString()} shows no addresses or content, so a failing assertion never prints personal data.
     */
    public record SentEmail(String messageId, String from, List<String> replyTo, List<String> to, List<String> cc,
                            List<String> bcc, String subject, String text, String html, List<Attachment> attachments,
                            Instant sentAt) {

        public boolean isAddressedTo(String address) {
            return java.util.stream.Stream.of(to, cc, bcc).flatMap(List::stream)
                    .anyMatch(recipient -> recipient.equalsIgnoreCase(address) || recipient.toLowerCase(Locale.ROOT)
                            .endsWith("<" + address.toLowerCase(Locale.ROOT) + ">"));
        }

        @Override
        public String toString() {
            return "SentEmail[messageId=" + messageId + ", recipients=" + (to.size() + cc.size() + bcc.size())
                    + ", attachments=" + attachments.size() + ", sentAt=" + sentAt + "]";
        }

        /** An attachment; {@code contentBase64} as the engine stores it. */
        public record Attachment(String filename, String contentType, String contentBase64) {
            public byte[] content() {
                return contentBase64 == null ? new byte[0] : Base64.getMimeDecoder().decode(contentBase64);
            }
        }
    }
}
