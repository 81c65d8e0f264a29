package org.advocacyhub.domain.referral;

/** Disability or impairment, for equality monitoring and reports (LLR 26.17). A person may have several. */
public enum Disability implements Choice {
    NONE("No disability or impairment"),
    LEARNING_DISABILITY("Learning disability"),
    MENTAL_HEALTH("Mental health condition"),
    DEMENTIA("Dementia"),
    AUTISM("Autism"),
    ACQUIRED_BRAIN_INJURY("Acquired brain injury"),
    PHYSICAL("Physical impairment"),
    SENSORY("Sensory impairment (sight or hearing)"),
    LONG_TERM_CONDITION("Long-term health condition"),
    OTHER("Other"),
    NOT_KNOWN("Not known");

    private final String displayName;

    Disability(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
