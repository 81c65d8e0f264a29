package org.advocacyhub.domain.answerphone;

import org.advocacyhub.domain.referral.Choice;

/**
 * How a caller is answered, or asked to be (LLR 9.24: people who cannot use a voice call reach the
 * service by text relay, SMS, email and video relay too).
 */
public enum CallbackMethod implements Choice {
    PHONE("Phone call"),
    SMS("Text message (SMS)"),
    EMAIL("Email"),
    TEXT_RELAY("Text relay (Relay UK, NGT)"),
    VIDEO_RELAY("Video relay (BSL interpreter)");

    private final String displayName;

    CallbackMethod(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** Whether it sends a written message rather than calling. */
    public boolean isWritten() {
        return this == SMS || this == EMAIL;
    }
}
