package org.advocacyhub.domain.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An awareness-raising session held (LLR 5.26, 9.47; KPIs 5 and 6: at least four a half-year in
 * professional settings and four with community groups).
 *
 * @param attendees how many came, or {@code null} when not counted
 */
public record AwarenessSession(String id, String contract, LocalDate date, String authority, AwarenessSetting setting,
                               Integer attendees, String recordedBy, Instant recordedAt) implements ReturnRecord {

    public AwarenessSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }

    @Override
    public Kind kind() {
        return Kind.AWARENESS_SESSION;
    }
}
