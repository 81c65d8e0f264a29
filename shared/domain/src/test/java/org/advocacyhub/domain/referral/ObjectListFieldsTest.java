package org.advocacyhub.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Lists of objects in a request body (an action plan's goals, LLR 9.34): every item's fields get the rules every field gets. */
class ObjectListFieldsTest {

    private enum Status implements Choice {
        OPEN, DONE;

        @Override
        public String displayName() {
            return name();
        }
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final FieldRules RULES = new FieldRules(new AuthorityDirectory() {
        @Override
        public List<Area> areas() {
            return List.of();
        }

        @Override
        public boolean covers(ServiceCode service, String authority) {
            return true;
        }
    });
    private static final FieldSpec NOTE = new FieldSpec("note", "Note", "", FieldKind.TEXT, false, 100, List.of(), "", "Note");
    private static final ObjectListSpec GOALS = new ObjectListSpec("goals", "Goals", List.of(
            new FieldSpec("id", "Id", "", FieldKind.TEXT, false, 40, List.of(), "", "A goal's id"),
            new FieldSpec("text", "Goal", "", FieldKind.TEXT, true, 20, List.of(), "Enter the goal", "A goal"),
            new FieldSpec("status", "Status", "", FieldKind.CHOICE, true, 20, List.of(Status.values()), "Select the status", "A goal's status")),
            true, 3, "Give the goals: a list, [] for none");

    private static FieldRules.Checked check(Map<String, Object> json) {
        return RULES.check(List.of(NOTE), List.of(GOALS), SubmittedFields.fromJsonObject(json), TODAY, "an action plan");
    }

    private static Map<String, String> errors(Map<String, Object> json) {
        return check(json).errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, Object> goal(Object text, Object status) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("text", text);
        goal.put("status", status);
        return goal;
    }

    @Test
    @DisplayName("each item's values are typed by its fields, in order")
    void itemsAreRead() {
        FieldRules.Checked checked = check(Map.of("note", "n", "goals", List.of(goal("Move home", "OPEN"),
                Map.of("id", "g7", "text", "See family", "status", "DONE"))));
        assertTrue(checked.valid(), checked.errors().toString());
        assertEquals(List.of(Map.of("text", "Move home", "status", Status.OPEN), Map.of("id", "g7", "text", "See family", "status", Status.DONE)),
                checked.values().get("goals"));
        assertEquals("n", checked.values().get("note"));
    }

    @Test
    @DisplayName("an empty list is a list given, with no items")
    void emptyList() {
        FieldRules.Checked checked = check(Map.of("goals", List.of()));
        assertTrue(checked.valid(), checked.errors().toString());
        assertEquals(List.of(), checked.values().get("goals"));
    }

    @Test
    @DisplayName("a problem in an item names the item's field: goals.1.status; an unknown key in an item is named too")
    void itemProblemsNameTheirField() {
        Map<String, Object> extra = new LinkedHashMap<>(goal("See family", "OPEN"));
        extra.put("owner", "me");
        Map<String, String> errors = errors(Map.of("goals", List.of(goal("Move home", "OPEN"), goal(12, "LATER"), goal(null, "OPEN"), extra)));
        assertEquals(Map.of("goals", "Goals must have 3 items or fewer"), errors, "too many: the list is named once, not each item");

        errors = errors(Map.of("goals", List.of(goal("Move home", "LATER"), goal(12, "OPEN"), extra)));
        assertEquals("A goal's status must be one of: OPEN, DONE", errors.get("goals.0.status"));
        assertEquals("A goal must be text, not a number", errors.get("goals.1.text"));
        assertEquals("'goals.2.owner' is not a field of an action plan", errors.get("goals.2.owner"));
        assertEquals(3, errors.size(), errors.toString());

        assertEquals(Map.of("goals.0.text", "Enter the goal"), errors(Map.of("goals", List.of(goal(null, "OPEN")))));
        assertEquals(Map.of("goals.0.text", "A goal must be 20 characters or fewer"),
                errors(Map.of("goals", List.of(goal("A goal much longer than twenty", "OPEN")))));
    }

    @Test
    @DisplayName("a list that is not a list of objects, or a required list missing, is named")
    void notAList() {
        String expected = "Goals must be a list of objects, like [{\"id\": ...}], not ";
        assertEquals(Map.of("goals", expected + "text"), errors(Map.of("goals", "Move home")));
        assertEquals(Map.of("goals", expected + "a list"), errors(Map.of("goals", List.of("Move home"))));
        assertEquals(Map.of("goals", expected + "a list"), errors(Map.of("goals", List.of(goal("Move home", "OPEN"), 3))));
        assertEquals(Map.of("goals", expected + "an object"), errors(Map.of("goals", goal("Move home", "OPEN"))));
        assertEquals(Map.of("goals", "Give the goals: a list, [] for none"), errors(Map.of("note", "n")));
    }
}
