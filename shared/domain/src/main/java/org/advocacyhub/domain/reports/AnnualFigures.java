package org.advocacyhub.domain.reports;

import java.util.LinkedHashMap;
import java.util.Map;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.ReportingPeriod;

/**
 * The year's figures the annual return shows beside its first item, "a summary of the overall achievement of the service,
 * with reference to the outcomes achieved" (LLR 27.4, Appendix One "Annual Return" 1): what the fourth quarter's builder
 * counts cheaply while it reads the year anyway. The people supported in each quarter of the year, per council and service
 * (person keys, {@link PersonKey}), and the outcome measures of the cases closed in the year, contract-wide per service.
 * Counted only when the quarter's report carries the annual return ({@link AnnualReturns#dueWith}).
 */
final class AnnualFigures {

    final ReportingPeriod[] quarters = new ReportingPeriod[4];
    /** By workbook code: [quarter 0-3, then 4 the year][service, then all services]. */
    final Map<String, LongSet[][]> people = new LinkedHashMap<>();
    /** [question][service]: the answers at closures in the year. */
    final long[][] answered;
    final long[][] positive;
    private final int services;

    AnnualFigures(int financialYear, int services, int questions) {
        for (int q = 0; q < 4; q++) {
            quarters[q] = new FinancialQuarter(financialYear, q + 1).period();
        }
        this.services = services;
        this.answered = new long[questions][services];
        this.positive = new long[questions][services];
    }

    /** The people sets of workbook {@code code}, made when first asked for. */
    LongSet[][] people(String code) {
        return people.computeIfAbsent(code, c -> {
            LongSet[][] sets = new LongSet[5][services + 1];
            for (LongSet[] quarter : sets) {
                for (int i = 0; i <= services; i++) {
                    quarter[i] = new LongSet();
                }
            }
            return sets;
        });
    }
}
