package org.advocacyhub.application.port;

import java.util.List;
import java.util.Objects;

/**
 * An email ready to send: the recipients and the same words as plain text and HTML. It is written
 * when the hub decides to send it (a referral stored, a decision made, an advocate allocated) and
 * kept in the outbox with that decision, so a retry never writes it differently.
 */
public record Mail(List<String> to, String subject, String text, String html) {

    public Mail {
        to = List.copyOf(to);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
    }

    public Mail(String to, String subject, String text, String html) {
        this(List.of(to), subject, text, html);
    }
}
