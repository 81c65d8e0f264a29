package org.advocacyhub.application.casework;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.SlaClock;

/** A case event applied to a case's clocks, with the timeline entries that say what it did: written once for every use case. */
final class ClockChanges {

    private ClockChanges() {
    }

    /**
     * {@code event} happened at {@code at}: the clocks it stops and starts (CaseClocks.on), and a
     * timeline entry for each, recorded at {@code now}.
     */
    static CaseClocks.Applied apply(ReferralCase referral, ContractCatalogue contracts, ClockEvent event, Instant at, Instant now,
                                    List<CaseEvent> events) {
        Contract contract = contracts.contractFor(referral.details().service());
        ServiceConfig service = contract.service(referral.details().service());
        CaseClocks.Applied applied = CaseClocks.on(referral.clocks(), service, event, at, referral.work().milestones(),
                referral.details().urgency() == Urgency.URGENT, contract.calendar());
        describe(applied, service, contract, now, events);
        return applied;
    }

    /** Timeline entries for what {@code applied} did. */
    static void describe(CaseClocks.Applied applied, ServiceConfig service, Contract contract, Instant now, List<CaseEvent> events) {
        applied.stopped().forEach(stopped -> events.add(new CaseEvent(now, CaseEvent.Type.CLOCK_STOPPED, stopped.describe())));
        for (String name : applied.started()) {
            SlaClock clock = applied.clocks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            ClockDefinition definition = service.clock(name);
            if (!clock.isStopped()) {
                events.add(new CaseEvent(now, CaseEvent.Type.CLOCK_STARTED, "Clock '" + name + "' started: "
                        + definition.description() + " by " + clock.dueAt(contract.calendar()).map(Instant::toString).orElse("(paused)")
                        + " (" + definition.clause() + ")"));
            }
        }
    }

    /** The case's running clocks with a due time, soonest first, as a staff email lists them. */
    static List<StaffEmails.Deadline> deadlines(ReferralCase referral, ContractCatalogue contracts) {
        Contract contract = contracts.contractFor(referral.details().service());
        ServiceConfig service = contract.service(referral.details().service());
        return referral.clocks().stream().filter(c -> !c.isStopped())
                .flatMap(c -> c.dueAt(contract.calendar()).flatMap(due -> service.findClock(c.name())
                        .map(d -> new StaffEmails.Deadline(d.description(), due, d.clause()))).stream())
                .sorted(Comparator.comparing(StaffEmails.Deadline::dueAt))
                .toList();
    }

    /** The definition of a case's clock, if its service has one by that name. */
    static Optional<ClockDefinition> definition(ReferralCase referral, ContractCatalogue contracts, String clock) {
        return CaseWork.serviceOf(referral, contracts).findClock(clock);
    }
}
