package org.advocacyhub.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralFields;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;

/**
 * The JSON Schema (draft 2020-12) of a JSON referral, for partner systems
 * ({@code GET /referrals/schema}, and the body of {@code POST /referrals} in the OpenAPI
 * document), generated from the same field definitions as the form and the validator, so the
 * three never disagree. The schema describes shape (names, types, codes, lengths); the validator
 * also checks what a schema cannot (a date of birth not in the future, an area that runs the
 * chosen service).
 */
public final class ReferralJsonSchema {

    private ReferralJsonSchema() {
    }

    public static Map<String, Object> build(List<AuthorityDirectory.Area> areas) {
        Map<String, Object> root = JsonSchemas.object("A referral to Advocacy Hub (POST /referrals, application/json)");
        root.put("$schema", JsonSchemas.DIALECT);
        root.put("$id", "urn:advocacy-hub:schema:referral");
        for (FieldSpec field : ReferralFields.ALL) {
            JsonSchemas.put(root, field.name(), JsonSchemas.property(field, areas), field.required());
        }
        // The answers depend on the service: each service's questions, and no others. Only the
        // per-service branch can close the object (additionalProperties does not see into allOf).
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", "object");
        details.put("description", "Answers to the chosen service's questions (requirements §4)");
        JsonSchemas.properties(root).put("details", details);
        List<Object> perService = new ArrayList<>();
        for (ServiceCode service : ServiceCode.values()) {
            Map<String, Object> answers = JsonSchemas.object(service.displayName() + " questions");
            for (FieldSpec question : ServiceQuestions.forService(service)) {
                JsonSchemas.put(answers, question.name().substring(ReferralFields.DETAILS_PREFIX.length()),
                        JsonSchemas.property(question, areas), question.required());
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
}
