package org.advocacyhub.domain.answerphone;

import org.advocacyhub.domain.referral.Choice;

/**
 * What one attempt to respond to an answerphone message came to.
 *
 * <p>Interpretation of "messages must be responded to within 24 hours" (LLR 9.23, requirements §5):
 * a message is responded to by an attempt that reached the caller or left them a message they can
 * act on: a conversation, a voicemail, an SMS or an email sent. An attempt with no answer and no
 * way to leave a message, or that could not get through at all, is recorded but is not a response:
 * the callback clock keeps running.
 */
public enum CallbackOutcome implements Choice {
    SPOKE("Spoke to the caller", true),
    LEFT_VOICEMAIL("Left a voicemail", true),
    MESSAGE_SENT("Sent an SMS or email", true),
    NO_ANSWER("No answer, no message left", false),
    COULD_NOT_CONNECT("Could not get through (number not working, email bounced)", false);

    private final String displayName;
    private final boolean responds;

    CallbackOutcome(String displayName, boolean responds) {
        this.displayName = displayName;
        this.responds = responds;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    /** Whether it is a response in LLR 9.23's sense, and so stops the callback clock (see the interpretation above). */
    public boolean responds() {
        return responds;
    }

    /**
     * Whether this outcome can come of {@code method}: a written message is sent or bounces; a call
     * (voice, text relay or video relay) is answered, goes to voicemail, rings out or fails.
     */
    public boolean possibleWith(CallbackMethod method) {
        return switch (this) {
            case MESSAGE_SENT -> method.isWritten();
            case SPOKE, LEFT_VOICEMAIL, NO_ANSWER -> !method.isWritten();
            case COULD_NOT_CONNECT -> true;
        };
    }
}
