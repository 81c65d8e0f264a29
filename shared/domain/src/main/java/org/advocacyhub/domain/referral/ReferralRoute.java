package org.advocacyhub.domain.referral;

/**
 * How the referral reached the hub (LLR 7.45, 7.47, 9.24, 26.17). The public form always records
 * {@link #ONLINE_FORM}; staff keying in a referral and partner systems state the route.
 */
public enum ReferralRoute implements Choice {
    ONLINE_FORM("Online referral form"),
    TELEPHONE("Telephone"),
    EMAIL("Email"),
    LETTER("Letter"),
    IN_PERSON("In person"),
    TEXT_RELAY_SMS("Text relay or SMS"),
    /**
     * Interpretation: an electronic referral sent by a partner organisation's system straight to
     * the hub's API is its own route; the specifications list only routes people use.
     */
    PARTNER_SYSTEM("Partner organisation's system");

    private final String displayName;

    ReferralRoute(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
