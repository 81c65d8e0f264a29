package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ObjectListSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.junit.jupiter.api.Test;

/** Request fields as JSON Schema: each kind as the field rules read it from JSON, nested objects and lists of objects. */
class JsonSchemasTest {

    private static FieldSpec field(String name, FieldKind kind, boolean required) {
        return new FieldSpec(name, name, "", kind, required, 40, kind == FieldKind.CHOICE ? List.of(ServiceCode.values()) : List.of(),
                "", name, kind == FieldKind.INTEGER ? FieldSpec.Range.of(1, 3) : null);
    }

    @Test
    void issue8EachKindIsTheJsonTypeTheFieldRulesAccept() {
        assertEquals(Map.of("title", "n", "type", "integer", "minimum", BigDecimal.ONE, "maximum", BigDecimal.valueOf(3)),
                JsonSchemas.property(field("n", FieldKind.INTEGER, true), List.of()));
        assertEquals("boolean", JsonSchemas.property(field("b", FieldKind.YES_NO, true), List.of()).get("type"));
        assertEquals("date-time", JsonSchemas.property(field("at", FieldKind.DATE_TIME, true), List.of()).get("format"));
        assertEquals("date", JsonSchemas.property(field("on", FieldKind.PAST_DATE, true), List.of()).get("format"));
        assertEquals(Map.of("type", "string", "maxLength", 40), JsonSchemas.property(field("l", FieldKind.TEXT_LIST, true), List.of())
                .get("items"));
        assertEquals(List.of("IMCA", "DOLS_IMCA", "IMHA", "CARE_ACT", "ICAS", "CYP", "ACCOMMODATION"),
                JsonSchemas.property(field("s", FieldKind.CHOICE, true), List.of()).get("enum"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void issue8DottedNamesNestAndAListOfObjectsIsAnArrayOfItsItemsFields() {
        ObjectListSpec goals = new ObjectListSpec("goals", "Goals", List.of(field("id", FieldKind.TEXT, true),
                field("outcome", FieldKind.CHOICE, false)), false, 50, "");
        List<FieldSpec> fields = new java.util.ArrayList<>(List.of(field("reason", FieldKind.TEXT, true), field("person.name", FieldKind.TEXT, false)));
        fields.addAll(goals.declared());
        Map<String, Object> body = JsonSchemas.body("a closure", fields, List.of());

        assertEquals(List.of("reason"), body.get("required"));
        assertEquals(false, body.get("additionalProperties"));
        Map<String, Object> properties = JsonSchemas.properties(body);
        assertEquals(List.of("reason", "person", "goals"), List.copyOf(properties.keySet()));
        assertEquals("object", ((Map<String, Object>) properties.get("person")).get("type"));
        Map<String, Object> list = (Map<String, Object>) properties.get("goals");
        assertEquals("array", list.get("type"));
        Map<String, Object> item = (Map<String, Object>) list.get("items");
        assertEquals("object", item.get("type"));
        assertEquals(false, item.get("additionalProperties"));
        assertEquals(List.of("id", "outcome"), List.copyOf(JsonSchemas.properties(item).keySet()));
        assertEquals(List.of("id"), item.get("required"));
    }
}
