package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * The named advocate of a case (LLR 33.7e), from when, and who allocated them.
 *
 * @param advocateId   the staff directory id
 * @param advocateName the advocate's name, for staff screens
 * @param at           when the allocation was made
 * @param by           the staff id of the manager who made it
 */
public record Allocation(String advocateId, String advocateName, Instant at, String by) {

    public Allocation {
        Objects.requireNonNull(advocateId, "advocateId");
        Objects.requireNonNull(advocateName, "advocateName");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
    }
}
