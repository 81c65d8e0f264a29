package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * The headline figures of one workbook, for {@code GET /reports/{id}}: its KPI lines and the
 * referral and people counts. Aggregates only.
 *
 * @param authorityCode             the workbook's authority (or the contract code)
 * @param kpis                      the clock KPIs and KPI 4, per service, in contract order
 * @param awareness                 KPIs 5 and 6 (awareness sessions in the half-year), if the contract has them
 * @param referralsReceived         referrals received in the quarter
 * @param appropriateReferrals      of them, screened eligible
 * @param peopleSupportedQuarter    unique persons supported in the quarter (all services)
 * @param peopleSupportedYearToDate unique persons supported in the financial year to date (all services)
 */
public record ReturnSummary(String contract, String authorityCode, String authorityName, FinancialQuarter quarter, Instant asAt,
                            String softwareVersion, List<KpiLine> kpis, List<AwarenessLine> awareness, long referralsReceived,
                            long appropriateReferrals, long peopleSupportedQuarter, long peopleSupportedYearToDate) {

    public ReturnSummary {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(authorityCode, "authorityCode");
        Objects.requireNonNull(quarter, "quarter");
        Objects.requireNonNull(asAt, "asAt");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        kpis = List.copyOf(kpis);
        awareness = List.copyOf(awareness);
    }

    /** Whether a KPI was met. */
    public enum Verdict {
        MET("Met"),
        NOT_MET("Not met"),
        /** Reported without a target (LEW: % contacted within 72 hours). */
        NO_TARGET("No target"),
        /** Nothing resolved in the quarter to measure. */
        NOTHING_TO_MEASURE("Nothing to measure");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** The verdict of {@code numerator / denominator} against {@code targetPercent}. */
        public static Verdict of(long numerator, long denominator, Optional<BigDecimal> targetPercent) {
            if (denominator == 0) {
                return NOTHING_TO_MEASURE;
            }
            if (targetPercent.isEmpty()) {
                return NO_TARGET;
            }
            // numerator / denominator >= target / 100, in exact arithmetic
            return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                    .compareTo(targetPercent.get().multiply(BigDecimal.valueOf(denominator))) >= 0 ? MET : NOT_MET;
        }
    }

    /**
     * One KPI of one service, or of all the services measuring it ({@code service} null, {@code serviceName} "All
     * services").
     *
     * @param name          as the contract names it (e.g. "KPI 1"), with " (standard)" or " (urgent)" for a split line
     * @param numerator     met
     * @param denominator   met and missed (resolved in the quarter)
     * @param carriedForward clocks still running at quarter end, counted when they resolve (0 for KPI 4)
     */
    public record KpiLine(String name, ServiceCode service, String serviceName, String clause, long numerator, long denominator,
                          long carriedForward, Optional<BigDecimal> targetPercent, Verdict verdict) {
        public KpiLine {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(clause, "clause");
            Objects.requireNonNull(targetPercent, "targetPercent");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * One awareness-session KPI over the half-year to the quarter's end.
     *
     * @param heldInArea   sessions held in this workbook's authority
     * @param heldContract sessions held across the contract (what the KPI is judged on)
     */
    public record AwarenessLine(String name, AwarenessSetting setting, String clause, long heldInArea, long heldContract,
                                int perHalfYear, Verdict verdict) {
    }
}
