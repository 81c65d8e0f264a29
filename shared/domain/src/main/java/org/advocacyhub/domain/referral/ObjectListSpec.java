package org.advocacyhub.domain.referral;

import java.util.List;

/**
 * A request field that holds a list of objects with the same fields, e.g. an action plan's
 * {@code "goals": [{"text": "...", "status": "IN_PROGRESS"}]}. A JSON body arrives flattened
 * ({@code goals.0.text}, see {@link SubmittedFields#itemCount}); each item's fields get the rules
 * every field gets, and a problem names the item's field: {@code goals.1.status}.
 *
 * @param name           the list's name in the body
 * @param noun           what the list is, to start messages ("Goals")
 * @param items          the fields of one item, named as in the item ({@code text})
 * @param required       whether the list must be given (an empty list {@code []} is a list given)
 * @param maxItems       the most items accepted
 * @param missingMessage the message when a required list is missing
 */
public record ObjectListSpec(String name, String noun, List<FieldSpec> items, boolean required, int maxItems,
                             String missingMessage) {

    public ObjectListSpec {
        items = List.copyOf(items);
        if (maxItems < 1) {
            throw new IllegalArgumentException(name + ": maxItems must be at least 1");
        }
    }

    /** The fields of item {@code index}, named in the flattened body: {@code goals.0.text}. */
    public List<FieldSpec> itemFields(int index) {
        return items.stream().map(item -> item.named(name + "." + index + "." + item.name())).toList();
    }

    /**
     * How a route declares the list among its body's fields (the OpenAPI document): the fields of its
     * first item, {@code goals.0.text}; a {@code .0.} in a field's name marks a list of objects.
     */
    public List<FieldSpec> declared() {
        return itemFields(0);
    }
}
