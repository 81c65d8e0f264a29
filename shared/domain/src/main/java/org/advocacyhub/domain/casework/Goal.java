package org.advocacyhub.domain.casework;

import java.util.Objects;

/**
 * One outcome the person wants from advocacy, in their action plan (LLR 9.34). At closure each goal
 * is marked achieved, partly achieved or not achieved (KPI 4).
 *
 * @param id   unique within the plan
 * @param text the goal, in the person's words where possible
 */
public record Goal(String id, String text, Status status) {

    public enum Status {
        NOT_STARTED, IN_PROGRESS, ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED;

        /** Whether the goal has its closing mark (KPI 4). */
        public boolean isFinal() {
            return this == ACHIEVED || this == PARTLY_ACHIEVED || this == NOT_ACHIEVED;
        }
    }

    public Goal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
    }
}
