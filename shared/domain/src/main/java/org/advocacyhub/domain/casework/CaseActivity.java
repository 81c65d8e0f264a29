package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.Objects;

/**
 * A contact with the person or a meeting, as recorded by staff (LLR 9.38b-c, 7.25, 26.17).
 *
 * @param kind       a contact or a meeting
 * @param at         when it happened (staff may record it afterwards)
 * @param how        for a contact its method ({@code PHONE}, {@code VISIT}...), for a meeting its kind
 * @param withPerson whether it was with the person themselves (only then does it stop the contact clock)
 * @param achieved   a contact that reached them, or a meeting that was held
 * @param by         the staff id who recorded it
 * @param recordedAt when it was recorded
 */
public record CaseActivity(String id, Kind kind, Instant at, String how, boolean withPerson, boolean achieved, String by,
                           Instant recordedAt) implements CaseRecord {

    public enum Kind { CONTACT, MEETING }

    public CaseActivity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
