package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.CypReturn;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.reports.CountingRules.Resolved;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.time.ReportingPeriod;
import org.advocacyhub.domain.time.SlaClock;

/**
 * One workbook's counters (an authority's, or the contract's when it reports as one): what
 * {@link QuarterlyReturnBuilder} counts case by case and {@link ReturnLayout} lays out. Arrays are
 * indexed by the service's position in the contract; the people sets have one more, all services.
 */
final class WorkbookCounts {

    /** Which clocks a KPI line counts. */
    enum Variant { ALL, STANDARD, URGENT }

    /** One KPI line's counts. */
    static final class Kpi {
        final int service;
        final ClockDefinition definition;
        final Variant variant;
        long met;
        long missed;
        long carried;
        long[] runningDue = new long[0];
        int running;

        Kpi(int service, ClockDefinition definition, Variant variant) {
            this.service = service;
            this.definition = definition;
            this.variant = variant;
        }

        void count(Resolved resolved, SlaClock clock, ReportingPeriod period) {
            if (resolved.countsIn(period)) {
                if (resolved.resolution() == CountingRules.Resolution.MET) {
                    met++;
                } else {
                    missed++;
                }
            } else if (resolved.carriedForwardFrom(period, clock)) {
                carried++;
            }
        }

        /** A running clock due in the quarter: missed if the figures are taken after its due time, else carried forward. */
        void runningDue(Instant due) {
            if (running == runningDue.length) {
                runningDue = Arrays.copyOf(runningDue, Math.max(8, running * 2));
            }
            runningDue[running++] = due.getEpochSecond() * 1_000_000_000L + due.getNano();
        }

        long missedAt(Instant asAt) {
            long at = asAt.getEpochSecond() * 1_000_000_000L + asAt.getNano();
            long late = 0;
            for (int i = 0; i < running; i++) {
                if (at > runningDue[i]) {
                    late++;
                }
            }
            return missed + late;
        }

        long carriedAt(Instant asAt) {
            return carried + running - (missedAt(asAt) - missed);
        }
    }

    /** Counted figures over labels (rows) and services (columns), rows in a fixed order first. */
    static final class Breakdown {
        private final Map<String, long[]> rows = new LinkedHashMap<>();
        private final Map<String, long[]> extra = new TreeMap<>();
        private final int width;

        Breakdown(int width, List<String> fixed) {
            this.width = width;
            for (String label : fixed) {
                rows.put(label, new long[width]);
            }
        }

        void add(String label, int service, long amount) {
            long[] row = rows.get(label);
            if (row == null) {
                row = extra.computeIfAbsent(label, l -> new long[width]);
            }
            row[service] += amount;
        }

        Map<String, long[]> all() {
            Map<String, long[]> all = new LinkedHashMap<>(rows);
            all.putAll(extra);
            return all;
        }
    }

    final String code;
    final String name;
    final int s;
    final long[] received;
    final long[] appropriate;
    final long[] inappropriate;
    final long[] awaiting;
    final long[] carriedAccepted;
    final long[] carriedAwaiting;
    final long[] outOfAreaAppropriate;
    final long[] selfReferrals;
    final long[] participationManager;
    final long[] closed;
    final long[] closedMinutes;
    final long[] goalsAchieved;
    final long[] goalsMarked;
    final long[] waiting;
    final long[] waitingDays;
    final long[] activeAtEnd;
    final long[] overReview;
    final long[] overCap;
    final long[] requests;
    final BigDecimal[] requestedHours;
    final long[] directMinutes;
    final long[] indirectMinutes;
    final long[] minutesYtd;
    final long[][] feedbackAnswered;
    final long[][] feedbackPositive;
    final long[] awarenessHalfYear = new long[AwarenessSetting.values().length];
    final long[] awarenessQuarter = new long[AwarenessSetting.values().length];
    final LongSet[] peopleQuarter;
    final LongSet[] peopleYtd;
    final LongSet[] referralsWithTime;
    /** LEW Appendix 1: time entries of a meeting attended dated in the quarter, by meeting ({@link TimeEntry.Meeting}) and service. */
    final long[][] meetingsAttended;
    /** LEW Appendix 1: the cases with a Pathway Plan meeting attended dated in the quarter, by service. */
    final LongSet[] pathwayPlanCases;
    /** LEW Appendix 1: young people returning once in the year following a case's closure, by service ({@link ReturningPeople}). */
    final long[] returnedOnce;
    /** LEW Appendix 1: young people returning at least twice in the year following a case's closure, by service. */
    final long[] returnedTwice;
    final List<Set<String>> advocatesAllocated = new ArrayList<>();
    final List<Set<String>> timeRecordedBy = new ArrayList<>();
    final Breakdown route;
    final Breakdown decisionType;
    final Breakdown gender;
    final Breakdown ageBand;
    final Breakdown ethnicity;
    final Breakdown disability;
    final Breakdown postcode;
    final Breakdown source;
    final Breakdown outOfArea;
    /** Referrals this council instructed for a person whose figures are another council's, by the person's council. */
    final Breakdown instructedForAnother;
    /** Referrals another council of the contract instructed for a person whose figures are this council's, by that council. */
    final Breakdown instructedByAnother;
    final Breakdown inappropriateOutcome;
    final Breakdown inappropriateSource;
    final Breakdown inappropriateReason;
    final Breakdown awaitingSource;
    final Breakdown closedByReason;
    /** Cases closed in the quarter by case or decision type, and their hours (LLR 26.17). */
    final Breakdown closedByDecisionType;
    final Breakdown closedMinutesByDecisionType;
    /** Referrals waiting for an advocate at quarter end, by source (LLR 26.17: "sources of ... unallocated referrals"). */
    final Breakdown waitingSource;
    /**
     * Each referral's direct and indirect minutes in the quarter (LLR 26.17: "each appropriate referral must have a
     * breakdown (direct ... and indirect ...) of the number of hours"), keyed as {@link #referralsWithTime}:
     * {service index, direct, indirect}.
     */
    final java.util.Map<Long, long[]> referralMinutes = new java.util.HashMap<>();
    final Breakdown closedMinutesByReason;
    final Breakdown activityMinutes;
    final Breakdown activityEntries;
    final Breakdown caseloadGroup;
    final Breakdown primaryReason;
    final List<Kpi> kpis = new ArrayList<>();
    private final Map<String, Kpi> kpiIndex = new HashMap<>();

    /**
     * @param code      the authority's code, or the contract's for a contract reporting as one
     * @param name      its name
     * @param services  the contract's services, in order
     * @param questions how many feedback questions are counted
     */
    WorkbookCounts(String code, String name, List<ServiceConfig> services, int questions) {
        this.code = code;
        this.name = name;
        this.s = services.size();
        received = new long[s];
        appropriate = new long[s];
        inappropriate = new long[s];
        awaiting = new long[s];
        carriedAccepted = new long[s];
        carriedAwaiting = new long[s];
        outOfAreaAppropriate = new long[s];
        selfReferrals = new long[s];
        participationManager = new long[s];
        closed = new long[s];
        closedMinutes = new long[s];
        goalsAchieved = new long[s];
        goalsMarked = new long[s];
        waiting = new long[s];
        waitingDays = new long[s];
        activeAtEnd = new long[s];
        overReview = new long[s];
        overCap = new long[s];
        requests = new long[s];
        requestedHours = new BigDecimal[s];
        directMinutes = new long[s];
        indirectMinutes = new long[s];
        minutesYtd = new long[s];
        feedbackAnswered = new long[questions][s];
        feedbackPositive = new long[questions][s];
        peopleQuarter = new LongSet[s + 1];
        peopleYtd = new LongSet[s + 1];
        referralsWithTime = new LongSet[s];
        meetingsAttended = new long[TimeEntry.Meeting.values().length][s];
        pathwayPlanCases = new LongSet[s];
        returnedOnce = new long[s];
        returnedTwice = new long[s];
        route = new Breakdown(s, labels(ReferralRoute.values()));
        decisionType = new Breakdown(s, List.of());
        gender = new Breakdown(s, labels(Gender.values()));
        ageBand = new Breakdown(s, CountingRules.AGE_BANDS);
        ethnicity = new Breakdown(s, labels(Ethnicity.values()));
        disability = new Breakdown(s, labels(Disability.values()));
        postcode = new Breakdown(s, List.of());
        source = new Breakdown(s, labels(ReferralSource.values()));
        outOfArea = new Breakdown(s, List.of());
        instructedForAnother = new Breakdown(s, List.of());
        instructedByAnother = new Breakdown(s, List.of());
        inappropriateOutcome = new Breakdown(s, List.of("Not eligible", "Information only", "Signposted"));
        inappropriateSource = new Breakdown(s, List.of());
        inappropriateReason = new Breakdown(s, List.of());
        awaitingSource = new Breakdown(s, List.of());
        closedByReason = new Breakdown(s, labels(ClosureReason.values()));
        closedByDecisionType = new Breakdown(s, List.of());
        closedMinutesByDecisionType = new Breakdown(s, List.of());
        waitingSource = new Breakdown(s, List.of());
        closedMinutesByReason = new Breakdown(s, labels(ClosureReason.values()));
        activityMinutes = new Breakdown(s, labels(TimeEntry.Activity.values()));
        activityEntries = new Breakdown(s, labels(TimeEntry.Activity.values()));
        caseloadGroup = new Breakdown(s, labels(CypReturn.Group.values()));
        primaryReason = new Breakdown(s, labels(CypReason.values()));
        for (int i = 0; i <= s; i++) {
            peopleQuarter[i] = new LongSet();
            peopleYtd[i] = new LongSet();
        }
        for (int i = 0; i < s; i++) {
            referralsWithTime[i] = new LongSet();
            pathwayPlanCases[i] = new LongSet();
            advocatesAllocated.add(new HashSet<>());
            timeRecordedBy.add(new HashSet<>());
            requestedHours[i] = BigDecimal.ZERO;
            for (ClockDefinition clock : services.get(i).clocks()) {
                if (clock.kpi().isEmpty()) {
                    continue;
                }
                addKpi(i, clock, Variant.ALL);
                if (hasUrgentSplit(clock)) {
                    addKpi(i, clock, Variant.STANDARD);
                    addKpi(i, clock, Variant.URGENT);
                }
            }
        }
    }

    /** Whether {@code clock} has an urgent limit of its own, reported on lines of its own (CountingRules.URGENT_SPLIT). */
    static boolean hasUrgentSplit(ClockDefinition clock) {
        return clock.urgentRule().filter(rule -> !rule.equals(clock.rule())).isPresent();
    }

    private void addKpi(int service, ClockDefinition clock, Variant variant) {
        Kpi kpi = new Kpi(service, clock, variant);
        kpis.add(kpi);
        kpiIndex.put(service + "|" + clock.name() + "|" + variant, kpi);
    }

    Kpi kpi(int service, String clock, Variant variant) {
        return kpiIndex.get(service + "|" + clock + "|" + variant);
    }

    private static List<String> labels(Choice[] values) {
        List<String> labels = new ArrayList<>();
        for (Choice value : values) {
            labels.add(value.displayName());
        }
        return labels;
    }
}
