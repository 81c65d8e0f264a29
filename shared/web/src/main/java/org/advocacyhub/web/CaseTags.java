package org.advocacyhub.web;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.casework.ExpectedVersion;

/**
 * A case's version as an HTTP entity tag, and {@code If-Match} read back into the version a change expects (issue 19:
 * optimistic concurrency the HTTP way). {@code GET /cases/{reference}} and every case change's answer carry the tag;
 * a change sent with {@code If-Match} is made only to the case at that version (else 412).
 *
 * <p>The tag is strong ({@code "7"}, not {@code W/"7"}) although two answers at one version may differ in bytes (the
 * audit trail of reads, the working time left, an email's fate on the timeline): it names the version of the case that
 * changes are checked against, which every staff change and screening moves on, and RFC 9110 section 13.1.1 has
 * {@code If-Match} compare tags strongly, so a weak tag could never be matched. The answers are {@code no-store}: no
 * cache holds one to serve by its tag.
 */
public final class CaseTags {

    public static final String ETAG = "ETag";
    public static final String IF_MATCH = "If-Match";

    private CaseTags() {
    }

    /** The entity tag of a case at {@code version}. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an {@code If-Match} header names: any for {@code *}; otherwise each strong tag of ours. A weak tag, or
     * one this hub never gave, matches no version (strong comparison, RFC 9110 section 13.1.1).
     */
    public static Optional<ExpectedVersion> ifMatch(HttpRequest request) {
        Optional<String> header = request.header(IF_MATCH);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        if (header.get().strip().equals("*")) {
            return Optional.of(ExpectedVersion.anyVersion());
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : header.get().split(",")) {
            String strong = tag.strip();
            if (strong.matches("\"[0-9]{1,18}\"")) {
                versions.add(Long.parseLong(strong.substring(1, strong.length() - 1)));
            }
        }
        return Optional.of(ExpectedVersion.of(versions));
    }
}
