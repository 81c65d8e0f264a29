package org.advocacyhub.domain.casework;

import java.util.Objects;

/**
 * A rule of the contract a request would break, with the clause it comes from: an allocation to
 * an advocate without unit 310 (LLR 5.49), hours past the cap (LEW 8.11). Shown to staff as a 422
 * naming each rule.
 *
 * @param rule   a stable code, e.g. {@code UNIT_310_DOLS_TRAINING}
 * @param clause where the rule comes from
 * @param detail what is wrong, in words for staff (ids, never personal data)
 */
public record BrokenRule(String rule, String clause, String detail) {

    public BrokenRule {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(detail, "detail");
    }
}
