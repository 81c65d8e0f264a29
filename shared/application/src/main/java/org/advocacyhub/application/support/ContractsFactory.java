package org.advocacyhub.application.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The contracts every use case reads, loaded once per execution environment. A one-off bank
 * holiday announced after a release goes in {@code EXTRA_BANK_HOLIDAYS} (comma-separated ISO
 * dates): no release needed.
 */
@Factory
public class ContractsFactory {

    @Singleton
    ContractCatalogue contracts(@Value("${extra.bank.holidays:}") String extraBankHolidays) {
        ContractCatalogue bundled = ContractCatalogue.bundled();
        if (extraBankHolidays.isBlank()) {
            return bundled;
        }
        return bundled.withCalendar(WorkingCalendar.englandAndWales(WorkingCalendar.parseDates(extraBankHolidays)));
    }
}
