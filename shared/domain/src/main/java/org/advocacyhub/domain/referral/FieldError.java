package org.advocacyhub.domain.referral;

/** One problem with one submitted field, in words the referrer can act on. */
public record FieldError(String field, String message) {

    /** The JSON Pointer (RFC 6901) of the field in a JSON referral. */
    public String jsonPointer() {
        return "/" + field.replace('.', '/');
    }
}
