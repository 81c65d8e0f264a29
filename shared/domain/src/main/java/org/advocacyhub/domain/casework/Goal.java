package org.advocacyhub.domain.casework;

import java.util.List;
import java.util.Objects;
import org.advocacyhub.domain.referral.Choice;

/**
 * One outcome the person wants from advocacy, in their action plan (LLR 9.34). At closure each goal
 * is marked achieved, partly achieved or not achieved (KPI 4).
 *
 * @param id   unique within the plan
 * @param text the goal, in the person's words where possible
 */
public record Goal(String id, String text, Status status) {

    public enum Status implements Choice {
        NOT_STARTED("Not started"),
        IN_PROGRESS("In progress"),
        ACHIEVED("Achieved"),
        PARTLY_ACHIEVED("Partly achieved"),
        NOT_ACHIEVED("Not achieved");

        /** The marks a goal gets at closure (LLR Appendix One KPI 4). */
        public static final List<Status> OUTCOMES = List.of(ACHIEVED, PARTLY_ACHIEVED, NOT_ACHIEVED);

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }

        /** Whether the goal has its closing mark (KPI 4). */
        public boolean isFinal() {
            return OUTCOMES.contains(this);
        }
    }

    public Goal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(status, "status");
    }

    /** The same goal with another status. */
    public Goal withStatus(Status newStatus) {
        return new Goal(id, text, newStatus);
    }
}
