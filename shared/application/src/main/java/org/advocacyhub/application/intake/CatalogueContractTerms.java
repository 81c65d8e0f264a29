package org.advocacyhub.application.intake;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.Deadline;
import org.advocacyhub.domain.time.SlaClock;

/** {@link ContractTerms} read from the contract files bundled with the domain (LLR, LEW, DERBY). */
@Singleton
public final class CatalogueContractTerms implements ContractTerms {

    private final ContractCatalogue catalogue;
    private final List<Area> areas;

    public CatalogueContractTerms(ContractCatalogue catalogue) {
        this.catalogue = catalogue;
        this.areas = catalogue.contracts().stream()
                .flatMap(c -> c.authorities().stream().map(a -> new Area(a.code(), a.name(), c.code())))
                .toList();
    }

    @Override
    public List<Area> areas() {
        return areas;
    }

    @Override
    public boolean covers(ServiceCode service, String authorityCode) {
        return catalogue.contractFor(service).authority(authorityCode).isPresent();
    }

    @Override
    public String contractFor(ServiceCode service) {
        return catalogue.contractFor(service).code();
    }

    /**
     * Only a clock that starts when the referral arrives has a deadline at intake. A first clock
     * started by acceptance (CYP contact within 72 hours of acceptance, LEW 8.4) is promised in the
     * decision letter instead.
     */
    @Override
    public Optional<ReceiptDeadline> firstDeadline(ServiceCode service, Urgency urgency, Instant receivedAt) {
        Contract contract = catalogue.contractFor(service);
        ServiceConfig config = contract.service(service);
        ClockDefinition clock = config.clocks().stream().filter(c -> c.name().equals(config.firstClockName()))
                .findFirst().orElseThrow();
        if (clock.start() != ClockEvent.REFERRAL_RECEIVED) {
            return Optional.empty();
        }
        Deadline deadline = clock.deadline(receivedAt, urgency == Urgency.URGENT, contract.calendar());
        return Optional.of(new ReceiptDeadline(clock.name(), clock.description(), deadline.due(), deadline.takenAsDay(),
                clock.clause()));
    }

    @Override
    public List<SlaClock> clocksStartedAtReceipt(ServiceCode service, Urgency urgency, Instant receivedAt) {
        return catalogue.contractFor(service).service(service).clocksStartedBy(ClockEvent.REFERRAL_RECEIVED).stream()
                .map(clock -> clock.startClock(receivedAt, urgency == Urgency.URGENT))
                .toList();
    }

    @Override
    public String serviceHours(ServiceCode service) {
        return catalogue.contractFor(service).contact().serviceHoursText();
    }
}
