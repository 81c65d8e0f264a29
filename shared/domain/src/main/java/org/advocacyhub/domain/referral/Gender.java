package org.advocacyhub.domain.referral;

/** Gender as the person describes it, for equality monitoring (LLR 26.17, LEW 17.5). */
public enum Gender implements Choice {
    FEMALE("Female"),
    MALE("Male"),
    NON_BINARY("Non-binary"),
    OTHER("Another gender"),
    NOT_KNOWN("Not known"),
    PREFER_NOT_TO_SAY("Prefers not to say");

    private final String displayName;

    Gender(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
