package org.advocacyhub.application.reports;

/**
 * The hub's public address, without a trailing slash (template.yaml {@code PUBLIC_BASE_URL}: the API's custom domain or
 * its stage address, the console's address), for the links a council's report email carries (issue 23).
 */
public record PublicAddress(String baseUrl) {

    /** The public route of a restricted list's link: {@code /restricted-lists/{token}} (the web layer's {@code ReportsApi}). */
    public static final String RESTRICTED_LISTS = "/restricted-lists";

    public PublicAddress {
        baseUrl = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
    }

    /** The link with {@code token}; an address that is not configured stops the email before anything is claimed. */
    String restrictedList(String token) {
        if (baseUrl.isEmpty()) {
            throw new IllegalStateException("PUBLIC_BASE_URL is not set: the link to a restricted list cannot be made");
        }
        return baseUrl + RESTRICTED_LISTS + "/" + token;
    }
}
