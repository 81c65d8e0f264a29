package org.advocacyhub.domain.referral;

/** One problem with one submitted field, in words the referrer can act on. */
public record FieldError(String field, String message) {

    /** The JSON Pointer (RFC 6901) of the field in a JSON body: dots nest, and {@code ~} and {@code /} are escaped. */
    public String jsonPointer() {
        StringBuilder pointer = new StringBuilder();
        for (String segment : field.split("\\.", -1)) {
            pointer.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }
}
