package org.advocacyhub.application.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.referral.FieldError;

/**
 * The page token of a list ordered as a whole before it is paged (the waiting list in the order to allocate, open cases
 * by their next deadline): where the page starts, bound to the list's filters, so that a token of another list is
 * refused rather than read as a place in this one.
 */
public final class OffsetPageToken {

    private OffsetPageToken() {
    }

    public static String of(int offset, String filters) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((offset + ":" + Integer.toHexString(filters.hashCode()))
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Where the page of {@code token} starts, or empty when it is not a token of a list with {@code filters}. */
    public static Optional<Integer> offset(String token, String filters) {
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

    /** Why a list refused a page token: it is not one this list, with these filters, gave. */
    public static final FieldError NOT_THIS_LISTS = new FieldError("pageToken", "Page token is not one this list gave (it was "
            + "changed, or belongs to a list with other filters): start again from the first page, without it");

    /**
     * One page of a list ordered as a whole: the rows from where {@code token} says (the first page without one), at most
     * {@code limit}, with the tokens of the pages before and after; empty when the token is not one of this list.
     */
    public static <T> Optional<Page<T>> page(List<T> all, String token, String filters, int limit) {
        Optional<Integer> offset = token == null ? Optional.of(0) : offset(token, filters);
        return offset.map(start -> {
            int from = Math.min(start, all.size());
            int to = Math.min(from + limit, all.size());
            return new Page<>(List.copyOf(all.subList(from, to)), all.size(), from, to < all.size() ? of(to, filters) : null,
                    from == 0 ? null : of(Math.max(0, from - limit), filters));
        });
    }

    /** A page of a list: its rows, how many the whole list has, where the page starts, and the tokens either side (or null). */
    public record Page<T>(List<T> rows, int total, int offset, String next, String previous) {
    }
}
