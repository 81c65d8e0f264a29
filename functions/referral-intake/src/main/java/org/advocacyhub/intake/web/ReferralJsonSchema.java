package org.advocacyhub.intake.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;

/**
 * The JSON Schema (draft 2020-12) of a JSON referral, for partner systems, generated from the same
 * field definitions as the form and the validator, so the three never disagree. The schema
 * describes shape (names, types, codes, lengths); the validator also checks what a schema cannot
 * (a date of birth not in the future, an area that runs the chosen service).
 */
final class ReferralJsonSchema {

    private ReferralJsonSchema() {
    }

    static Map<String, Object> build(List<AuthorityDirectory.Area> areas) {
        Map<String, Object> root = object("A referral to Advocacy Hub (POST /referrals, application/json)");
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "urn:advocacy-hub:schema:referral");
        for (FieldSpec field : ReferralFields.ALL) {
            put(root, field.name(), property(field, areas), field.required());
        }
        // The answers depend on the service: each service's questions, and no others. Only the
        // per-service branch can close the object (additionalProperties does not see into allOf).
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", "object");
        details.put("description", "Answers to the chosen service's questions (requirements §4)");
        properties(root).put("details", details);
        List<Object> perService = new ArrayList<>();
        for (ServiceCode service : ServiceCode.values()) {
            Map<String, Object> answers = object(service.displayName() + " questions");
            for (FieldSpec question : ServiceQuestions.forService(service)) {
                put(answers, question.name().substring(ReferralFields.DETAILS_PREFIX.length()), property(question, areas),
                        question.required());
            }
            Map<String, Object> when = Map.of("properties", Map.of("service", Map.of("const", service.name())));
            Map<String, Object> then = Map.of("properties", Map.of("details", answers));
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("if", when);
            rule.put("then", then);
            perService.add(rule);
        }
        root.put("allOf", perService);
        return root;
    }

    private static Map<String, Object> object(String description) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", description);
        schema.put("additionalProperties", false);
        schema.put("properties", new LinkedHashMap<String, Object>());
        schema.put("required", new ArrayList<String>());
        return schema;
    }

    /** Puts {@code person.name} at properties.person.properties.name, making the objects on the way. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String dottedName, Map<String, Object> property, boolean required) {
        String[] parts = dottedName.split("\\.");
        Map<String, Object> parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (Map<String, Object>) properties(parent).computeIfAbsent(parts[i], k -> object("The " + k));
        }
        properties(parent).put(parts[parts.length - 1], property);
        if (required) {
            ((List<String>) parent.get("required")).add(parts[parts.length - 1]);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Map<String, Object> schema) {
        return (Map<String, Object>) schema.get("properties");
    }

    private static Map<String, Object> property(FieldSpec field, List<AuthorityDirectory.Area> areas) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", field.label());
        if (!field.hint().isEmpty()) {
            p.put("description", field.hint());
        }
        switch (field.kind()) {
            case CHOICE -> {
                p.put("type", "string");
                p.put("enum", field.choices().stream().map(Choice::name).toList());
            }
            case MULTI_CHOICE -> {
                p.put("type", "array");
                p.put("uniqueItems", true);
                p.put("items", Map.of("type", "string", "enum", field.choices().stream().map(Choice::name).toList()));
            }
            case YES_NO -> p.put("type", "boolean");
            case DATE, PAST_DATE -> {
                p.put("type", "string");
                p.put("format", "date");
            }
            case EMAIL -> {
                p.put("type", "string");
                p.put("format", "email");
                p.put("maxLength", field.maxLength());
            }
            case AUTHORITY -> {
                List<String> codes = new ArrayList<>(areas.stream().map(AuthorityDirectory.Area::code).toList());
                codes.add(AuthorityDirectory.OUTSIDE_AREA);
                p.put("type", "string");
                p.put("enum", codes);
            }
            default -> {
                p.put("type", "string");
                p.put("maxLength", field.maxLength());
            }
        }
        return p;
    }
}
