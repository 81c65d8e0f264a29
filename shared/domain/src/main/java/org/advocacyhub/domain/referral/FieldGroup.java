package org.advocacyhub.domain.referral;

import java.util.List;

/** A group of referral fields shown together in one fieldset on the form. */
public record FieldGroup(String id, String legend, String hint, List<FieldSpec> fields) {
    public FieldGroup {
        fields = List.copyOf(fields);
    }
}
