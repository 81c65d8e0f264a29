package org.advocacyhub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for SES's mailbox simulator and event publishing (issue 24). aws-ses-v2-local takes every email;
 * SES would bounce one to {@value #BOUNCE} and report one to {@value #COMPLAINT} as spam, and publish the bounce or
 * complaint through the send's configuration set. This watches the SES proxy ({@link FaultProxy.Observer}): for each
 * SendEmail the engine accepted that names a configuration set (as SES publishes only for those) and is addressed to
 * one of the two, it publishes the event SES would, in EventBridge's envelope as template.yaml's rule delivers it, to
 * whoever {@link #publishTo} names (./run-local: the mail feedback queue), so the function's path is the deployed one.
 */
public final class SesSimulator implements FaultProxy.Observer {

    private static final Logger LOG = LoggerFactory.getLogger(SesSimulator.class);
    public static final String BOUNCE = "bounce@simulator.amazonses.com";
    public static final String COMPLAINT = "complaint@simulator.amazonses.com";
    /** SES v2 SendEmail. */
    private static final String SEND_EMAIL = "/v2/email/outbound-emails";

    private volatile Consumer<String> sink;

    /** Where the events go: until this is called, nowhere. */
    public void publishTo(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void answered(FaultProxy.Forwarded request) {
        Consumer<String> to = sink;
        if (to == null || !"POST".equals(request.method()) || !SEND_EMAIL.equals(request.path())) {
            return;
        }
        for (String event : events(new String(request.body(), StandardCharsets.UTF_8), SesJournal.messageId(request.responseBody()),
                Instant.now())) {
            to.accept(event);
        }
    }

    /** The events SES would publish for one SendEmail's body and the message id it answered with. */
    static List<String> events(String sendEmailBody, String messageId, Instant at) {
        List<String> events = new ArrayList<>();
        JsonNode send;
        try {
            send = Json.parse(sendEmailBody);
        } catch (RuntimeException e) {
            return events;
        }
        String configurationSet = send.path("ConfigurationSetName").asText("");
        if (messageId == null || configurationSet.isBlank()) {
            return events;
        }
        List<String> addresses = new ArrayList<>();
        for (String field : List.of("ToAddresses", "CcAddresses", "BccAddresses")) {
            send.path("Destination").path(field).forEach(a -> addresses.add(a.asText()));
        }
        for (String address : addresses) {
            String lower = address.strip().toLowerCase(Locale.ROOT);
            if (!lower.equals(BOUNCE) && !lower.equals(COMPLAINT)) {
                continue;
            }
            boolean bounce = lower.equals(BOUNCE);
            Map<String, Object> mail = new LinkedHashMap<>();
            mail.put("timestamp", at.toString());
            mail.put("source", send.path("FromEmailAddress").asText(""));
            mail.put("messageId", messageId);
            mail.put("destination", addresses);
            mail.put("tags", Map.of("ses:configuration-set", List.of(configurationSet)));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("eventType", bounce ? "Bounce" : "Complaint");
            if (bounce) {
                detail.put("bounce", Map.of("bounceType", "Permanent", "bounceSubType", "General", "timestamp", at.toString(),
                        "feedbackId", "local-" + messageId, "bouncedRecipients", List.of(Map.of("emailAddress", address, "action", "failed",
                                "status", "5.1.1", "diagnosticCode", "smtp; 550 5.1.1 user unknown"))));
            } else {
                detail.put("complaint", Map.of("timestamp", at.toString(), "feedbackId", "local-" + messageId,
                        "complaintFeedbackType", "abuse", "complainedRecipients", List.of(Map.of("emailAddress", address))));
            }
            detail.put("mail", mail);
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("version", "0");
            envelope.put("id", "local-" + messageId + "-" + (bounce ? "bounce" : "complaint"));
            envelope.put("detail-type", bounce ? "Email Bounced" : "Email Complaint Received");
            envelope.put("source", "aws.ses");
            envelope.put("time", at.toString());
            envelope.put("detail", detail);
            events.add(Json.write(envelope));
            LOG.info("SES simulator: {} for message {}", bounce ? "bounce" : "complaint", messageId);
        }
        return events;
    }

    /** Both observers, the first first (the journal, then the simulator): either throwing fails the request. */
    static FaultProxy.Observer both(FaultProxy.Observer first, FaultProxy.Observer second) {
        if (first == null) {
            return second;
        }
        return request -> {
            first.answered(request);
            second.answered(request);
        };
    }
}
