package org.advocacyhub.messaging.email;

/** An email ready to send: plain text and HTML versions of the same words. */
public record Email(String to, String subject, String text, String html) {
}
