package org.advocacyhub.domain.contract;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.advocacyhub.domain.referral.ServiceCode;

/**
 * One commissioned service as its contract configures it.
 *
 * @param code              the service
 * @param displayName       its name in letters and reports
 * @param eligibilityPolicy id of the eligibility policy that screens its referrals (e.g. {@code imca})
 * @param firstClockName    the clock whose deadline the acknowledgement to the referrer shows
 * @param clocks            its clocks, names unique
 * @param annualTargets     yearly volumes, if the contract sets any
 * @param hourThresholds    hour review, cap and reporting thresholds
 * @param allocation        whether its cases are allocated to an advocate, and what the advocate needs
 */
public record ServiceConfig(
        ServiceCode code,
        String displayName,
        String eligibilityPolicy,
        String firstClockName,
        List<ClockDefinition> clocks,
        Optional<AnnualTargets> annualTargets,
        List<HourThreshold> hourThresholds,
        AllocationPolicy allocation) {

    public ServiceConfig {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(eligibilityPolicy, "eligibilityPolicy");
        Objects.requireNonNull(firstClockName, "firstClockName");
        clocks = List.copyOf(clocks);
        Objects.requireNonNull(annualTargets, "annualTargets");
        hourThresholds = List.copyOf(hourThresholds);
        Objects.requireNonNull(allocation, "allocation");
        if (clocks.stream().noneMatch(clock -> clock.name().equals(firstClockName))) {
            throw new IllegalArgumentException(code + ": first clock '" + firstClockName + "' is not one of its clocks");
        }
    }

    /** A service allocated to any advocate who works in it. */
    public ServiceConfig(ServiceCode code, String displayName, String eligibilityPolicy, String firstClockName,
                         List<ClockDefinition> clocks, Optional<AnnualTargets> annualTargets, List<HourThreshold> hourThresholds) {
        this(code, displayName, eligibilityPolicy, firstClockName, clocks, annualTargets, hourThresholds, AllocationPolicy.ANY_ADVOCATE);
    }

    /**
     * The clock named {@code name}.
     *
     * @throws IllegalArgumentException naming the clocks the service has
     */
    public ClockDefinition clock(String name) {
        return findClock(name).orElseThrow(() -> new IllegalArgumentException(code + " has no clock '" + name + "'; it has "
                + clocks.stream().map(ClockDefinition::name).collect(Collectors.joining(", "))));
    }

    public Optional<ClockDefinition> findClock(String name) {
        return clocks.stream().filter(clock -> clock.name().equals(name)).findFirst();
    }

    /**
     * The clock the acknowledgement shows: allocation (LLR 9.38a) for the LLR services, contact within
     * 72 hours of acceptance (LEW 8.4) for CYP, the offer-or-decline response (DERBY 3.3.1) for
     * ACCOMMODATION. Check its {@link ClockDefinition#start()}: not every first clock starts at receipt.
     */
    public ClockDefinition firstClock() {
        return clock(firstClockName);
    }

    /** The threshold of {@code kind}, if the service has one. */
    public Optional<HourThreshold> hourThreshold(HourThreshold.Kind kind) {
        return hourThresholds.stream().filter(threshold -> threshold.kind() == kind).findFirst();
    }

    /** The clocks started by {@code event}. */
    public List<ClockDefinition> clocksStartedBy(ClockEvent event) {
        return clocks.stream().filter(clock -> clock.start() == event).toList();
    }

    /** The clocks stopped by {@code event}. */
    public List<ClockDefinition> clocksStoppedBy(ClockEvent event) {
        return clocks.stream().filter(clock -> clock.stop() == event).toList();
    }
}
