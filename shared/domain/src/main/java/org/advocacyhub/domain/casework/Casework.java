package org.advocacyhub.domain.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.contract.ClockEvent;

/**
 * The work on an accepted case after screening (requirements §6): its advocate, the milestones
 * that stop and start its clocks, its time, action plan, closure and the facts the returns count.
 * Immutable; every change returns a new value.
 *
 * @param allocation         the named advocate now (LLR 33.7e), or {@code null} before allocation
 * @param earlierAllocations advocates the case had before a reallocation (LLR 9.32), oldest first
 * @param milestones         when each clock event first happened on the case (first contact, first
 *                           meeting held, eligibility confirmed, report sent...)
 * @param hours              time recorded, and approvals and requests about hour thresholds
 * @param actionPlan         the person's goals (LLR 9.34)
 * @param closure            how it closed, or {@code null} while open
 * @param feedback           the person's answers at closure, or {@code null}
 * @param response           DERBY: the offer or decline to the council, or {@code null}
 * @param placementEnds      DERBY: placements that ended
 * @param cypReturn          LEW: group and reasons for the returns, or {@code null}
 * @param legalHold          kept past its retention period while this holds (issue 22), or {@code null}
 */
public record Casework(
        Allocation allocation,
        List<Allocation> earlierAllocations,
        Map<ClockEvent, Instant> milestones,
        Hours hours,
        List<Goal> actionPlan,
        Closure closure,
        Feedback feedback,
        AccommodationResponse response,
        List<PlacementEnd> placementEnds,
        CypReturn cypReturn,
        LegalHold legalHold) {

    public static final Casework NONE = new Casework(null, List.of(), Map.of(), Hours.NONE, List.of(), null, null, null, List.of(), null,
            null);

    public Casework {
        earlierAllocations = List.copyOf(earlierAllocations);
        milestones = milestones.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(milestones));
        Objects.requireNonNull(hours, "hours");
        actionPlan = List.copyOf(actionPlan);
        placementEnds = List.copyOf(placementEnds);
    }

    /** When {@code event} first happened on the case, if it has. */
    public Optional<Instant> milestone(ClockEvent event) {
        return Optional.ofNullable(milestones.get(event));
    }

    public boolean isClosed() {
        return closure != null;
    }

    /** Allocated to {@code advocate}; a previous advocate joins the earlier ones (reallocation, LLR 9.32). */
    public Casework allocatedTo(Allocation advocate) {
        List<Allocation> earlier = new ArrayList<>(earlierAllocations);
        if (allocation != null) {
            earlier.add(allocation);
        }
        return new Casework(advocate, earlier, milestones, hours, actionPlan, closure, feedback, response, placementEnds,
                cypReturn, legalHold);
    }

    /** {@code event} happened at {@code at}; only its first time is kept (the clocks count the first). */
    public Casework withMilestone(ClockEvent event, Instant at) {
        if (milestones.containsKey(event)) {
            return this;
        }
        Map<ClockEvent, Instant> more = new EnumMap<>(ClockEvent.class);
        more.putAll(milestones);
        more.put(event, at);
        return new Casework(allocation, earlierAllocations, more, hours, actionPlan, closure, feedback, response, placementEnds,
                cypReturn, legalHold);
    }

    public Casework withHours(Hours newHours) {
        return new Casework(allocation, earlierAllocations, milestones, newHours, actionPlan, closure, feedback, response, placementEnds,
                cypReturn, legalHold);
    }

    public Casework withActionPlan(List<Goal> goals) {
        return new Casework(allocation, earlierAllocations, milestones, hours, goals, closure, feedback, response, placementEnds,
                cypReturn, legalHold);
    }

    /** Closed, or reopened with {@code null}. */
    public Casework withClosure(Closure newClosure) {
        return new Casework(allocation, earlierAllocations, milestones, hours, actionPlan, newClosure, feedback, response, placementEnds,
                cypReturn, legalHold);
    }

    public Casework withFeedback(Feedback newFeedback) {
        return new Casework(allocation, earlierAllocations, milestones, hours, actionPlan, closure, newFeedback, response, placementEnds,
                cypReturn, legalHold);
    }

    public Casework withResponse(AccommodationResponse newResponse) {
        return new Casework(allocation, earlierAllocations, milestones, hours, actionPlan, closure, feedback, newResponse, placementEnds,
                cypReturn, legalHold);
    }

    public Casework withPlacementEnd(PlacementEnd end) {
        List<PlacementEnd> more = new ArrayList<>(placementEnds);
        more.add(end);
        return new Casework(allocation, earlierAllocations, milestones, hours, actionPlan, closure, feedback, response, more,
                cypReturn, legalHold);
    }

    public Casework withCypReturn(CypReturn newReturn) {
        return new Casework(allocation, earlierAllocations, milestones, hours, actionPlan, closure, feedback, response, placementEnds,
                newReturn, legalHold);
    }

    /** Held past its retention period ({@code hold}), or the hold lifted ({@code null}): issue 22. */
    public Casework withLegalHold(LegalHold hold) {
        return new Casework(allocation, earlierAllocations, milestones, hours, actionPlan, closure, feedback, response, placementEnds,
                cypReturn, hold);
    }
}
