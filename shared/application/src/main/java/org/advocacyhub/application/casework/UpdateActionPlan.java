package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ObjectListSpec;
import org.advocacyhub.domain.referral.SubmittedFields;

/**
 * The person's action plan (LLR 9.34): the goals they want from advocacy, each with its status.
 * The request gives the whole plan; it replaces the one before. A goal keeps the id it is given
 * (so its outcome can be marked at closure, KPI 4) and a new goal without one gets one. The case's
 * advocate or a manager sets it, on an accepted case that is open.
 */
@Singleton
public final class UpdateActionPlan {

    /** A goal's id: what the closure names it by. */
    private static final Pattern GOAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    /** Generous for one person's plan; a body is at most 64 KB anyway. */
    private static final int MOST_GOALS = 50;

    public static final ObjectListSpec GOALS = new ObjectListSpec("goals", "Goals", List.of(
            new FieldSpec("id", "Goal id", "Keep a goal's id when it changes; leave it out for a new goal", FieldKind.TEXT, false, 40,
                    List.of(), "", "A goal's id"),
            new FieldSpec("text", "Goal", "What the person wants to achieve, in their words where possible", FieldKind.TEXTAREA, true, 500,
                    List.of(), "Enter the goal", "A goal"),
            new FieldSpec("status", "Status", "", FieldKind.CHOICE, true, 40, List.of(Goal.Status.values()), "Select the goal's status",
                    "A goal's status")),
            true, MOST_GOALS, "Give the goals: a list of {\"text\", \"status\"}, or [] for none");
    /** The body's fields as the route declares them: {@code goals.0.id}, {@code goals.0.text}, {@code goals.0.status}. */
    public static final List<FieldSpec> FIELDS = GOALS.declared();

    private final CaseWork work;

    public UpdateActionPlan(CaseWork work) {
        this.work = work;
    }

    /** {@code PUT /cases/{reference}/action-plan} with {@code {"goals": [{"id"?, "text", "status"}]}}. */
    public CaseWork.Outcome update(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE,
                values -> "updated the action plan", List.of(), List.of(GOALS), UpdateActionPlan::idProblems, body, "an action plan",
                (values, referral, now) -> {
                    if (!referral.status().isOpenCasework()) {
                        return new CaseWork.Stop(new CaseWork.Conflict("An action plan belongs to an accepted case; this one is: "
                                + referral.status().description()));
                    }
                    List<Map<String, Object>> items = items(values);
                    Set<String> taken = new HashSet<>();
                    items.forEach(item -> {
                        if (item.get("id") instanceof String id) {
                            taken.add(id);
                        }
                    });
                    List<Goal> goals = new ArrayList<>();
                    for (Map<String, Object> item : items) {
                        String id = item.get("id") instanceof String given ? given : newId(taken);
                        goals.add(new Goal(id, (String) item.get("text"), (Goal.Status) item.get("status")));
                    }
                    List<CaseEvent> events = List.of(new CaseEvent(now, CaseEvent.Type.ACTION_PLAN_UPDATED, describe(referral, goals)));
                    return CaseWork.Change.of(referral.worked(referral.status(), referral.clocks(), referral.work().withActionPlan(goals)),
                            events);
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> values) {
        return (List<Map<String, Object>>) values.get(GOALS.name());
    }

    /** The goals' ids: each one a closure can name, none given twice. */
    private static List<FieldError> idProblems(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> given = new HashSet<>();
        List<Map<String, Object>> items = items(values);
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).get("id") instanceof String id) {
                String field = GOALS.name() + "." + i + ".id";
                if (!GOAL_ID.matcher(id).matches()) {
                    errors.add(new FieldError(field, "A goal's id must be letters, digits, - or _ (at most 40)"));
                } else if (!given.add(id)) {
                    errors.add(new FieldError(field, "Goal '" + id + "' is given twice"));
                }
            }
        }
        return errors;
    }

    /** A new goal's id, unlike any given: the first 8 hex digits of a random UUID. */
    private static String newId(Set<String> taken) {
        String id;
        do {
            id = UUID.randomUUID().toString().substring(0, 8);
        } while (!taken.add(id));
        return id;
    }

    /** "Action plan updated (LLR 9.34): 2 goals: a1 In progress, b2 Not started; added b2; removed c3" (ids, not the goals' words). */
    private static String describe(ReferralCase referral, List<Goal> goals) {
        Set<String> before = referral.work().actionPlan().stream().map(Goal::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<String> after = goals.stream().map(Goal::id).collect(Collectors.toCollection(LinkedHashSet::new));
        StringBuilder text = new StringBuilder("Action plan updated (LLR 9.34): ").append(goals.size()).append(goals.size() == 1 ? " goal" : " goals");
        if (!goals.isEmpty()) {
            text.append(": ").append(goals.stream().map(g -> g.id() + " " + g.status().displayName()).collect(Collectors.joining(", ")));
        }
        List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
        List<String> removed = before.stream().filter(id -> !after.contains(id)).toList();
        if (!added.isEmpty()) {
            text.append("; added ").append(String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            text.append("; removed ").append(String.join(", ", removed));
        }
        return text.toString();
    }
}
