package org.advocacyhub.domain.contract;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When staff are warned that a clock's deadline is near (requirements §5: "an email before a
 * deadline, configurable lead time"), as a contract file may set per clock ({@code warn:}). A
 * clock without one gets {@link #defaultFor}.
 *
 * @param kind     how the warning time is found
 * @param fraction for {@link Kind#FRACTION_ELAPSED}: the share of the time limit gone when the
 *                 warning goes (0.75: with a quarter left); {@code null} otherwise
 */
public record Warning(Kind kind, BigDecimal fraction) {

    /** The configuration names: {@code opening-on-due-day}, {@code elapsed-fraction}. */
    public enum Kind {
        /** At the start of service hours on the day the deadline falls (day rules). */
        OPENING_ON_DUE_DAY("opening-on-due-day"),
        /** When a share of the time limit has gone (hour rules). */
        FRACTION_ELAPSED("elapsed-fraction");

        private final String configName;

        Kind(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }
    }

    public static final Warning OPENING_ON_DUE_DAY = new Warning(Kind.OPENING_ON_DUE_DAY, null);
    public static final Warning THREE_QUARTERS_GONE = new Warning(Kind.FRACTION_ELAPSED, new BigDecimal("0.75"));

    public Warning {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FRACTION_ELAPSED) != (fraction != null)) {
            throw new IllegalArgumentException("a fraction is given for elapsed-fraction warnings and only for them");
        }
        if (fraction != null && (fraction.signum() <= 0 || fraction.compareTo(BigDecimal.ONE) >= 0)) {
            throw new IllegalArgumentException("the fraction must be between 0 and 1: " + fraction);
        }
    }

    /**
     * The warning of a clock whose contract sets none (issue 9): day rules ("N working days",
     * "N days") warn at the start of service hours on the day the deadline falls; hour rules
     * ("N hours", "N working hours") when three quarters of the time has gone (DERBY's urgent
     * hour: at 45 minutes).
     */
    public static Warning defaultFor(String ruleKind) {
        return ruleKind.endsWith("days") ? OPENING_ON_DUE_DAY : THREE_QUARTERS_GONE;
    }
}
