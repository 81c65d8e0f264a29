package org.advocacyhub.application.casework;

import java.util.Set;

/**
 * The version of a case a change was made from (issue 19): what an {@code If-Match} header names, or the version a
 * console form displayed. A change is made only to the case at one of these versions; {@link #any} (for
 * {@code If-Match: *}) only asks that the case exists.
 *
 * @param versions the versions the change may be made to (none: no version matches, as for a tag that is not ours)
 */
public record ExpectedVersion(boolean any, Set<Long> versions) {

    public ExpectedVersion {
        versions = Set.copyOf(versions);
    }

    public static ExpectedVersion anyVersion() {
        return new ExpectedVersion(true, Set.of());
    }

    public static ExpectedVersion of(Set<Long> versions) {
        return new ExpectedVersion(false, versions);
    }

    public boolean matches(long version) {
        return any || versions.contains(version);
    }
}
