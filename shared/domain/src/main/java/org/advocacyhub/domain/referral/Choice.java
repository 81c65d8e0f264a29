package org.advocacyhub.domain.referral;

/** An enum value offered as a choice on the form and accepted in JSON by its {@code name()}. */
public interface Choice {
    String name();

    String displayName();
}
