package org.advocacyhub.domain.contract;

import java.util.Objects;

/**
 * What letters and emails say about reaching the service.
 *
 * @param serviceHoursText e.g. "Monday to Friday, 9am to 5pm, except bank holidays"
 * @param phone            the service's phone number (a placeholder until the provider sets it)
 * @param email            the service's email address (a placeholder until the provider sets it)
 */
public record ContactDetails(String serviceHoursText, String phone, String email) {

    public ContactDetails {
        Objects.requireNonNull(serviceHoursText, "serviceHoursText");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
    }
}
