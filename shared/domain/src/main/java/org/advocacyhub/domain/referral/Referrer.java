package org.advocacyhub.domain.referral;

/** Who made the referral. Personal data: never logged. Optional fields are {@code null} when not given. */
public record Referrer(
        ReferrerRelationship relationship,
        String name,
        String role,
        String organisation,
        String email,
        String phone) {

    public boolean hasEmail() {
        return email != null;
    }
}
