package org.advocacyhub.application.casework;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The page token of a list ordered as a whole before it is paged (the waiting list in the order to allocate, open cases
 * by their next deadline): where the page starts, bound to the list's filters, so that a token of another list is
 * refused rather than read as a place in this one.
 */
final class OffsetPageToken {

    private OffsetPageToken() {
    }

    static String of(int offset, String filters) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((offset + ":" + Integer.toHexString(filters.hashCode()))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page of {@code token} starts, or empty when it is not a token of a list with {@code filters}. */
    static Optional<Integer> offset(String token, String filters) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && parts[0].matches("\\d{1,6}") && parts[1].equals(Integer.toHexString(filters.hashCode()))) {
                return Optional.of(Integer.parseInt(parts[0]));
            }
        } catch (IllegalArgumentException notBase64) {
            // not a token: refused as one of another list
        }
        return Optional.empty();
    }
}
