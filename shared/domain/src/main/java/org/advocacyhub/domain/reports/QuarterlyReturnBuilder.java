package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.CypReturn;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.contract.KpiTarget;
import org.advocacyhub.domain.contract.ReportSchedule;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.reports.CountingRules.Decided;
import org.advocacyhub.domain.reports.CountingRules.Definition;
import org.advocacyhub.domain.reports.CountingRules.Resolved;
import org.advocacyhub.domain.reports.ReturnSummary.AwarenessLine;
import org.advocacyhub.domain.reports.ReturnSummary.KpiLine;
import org.advocacyhub.domain.reports.ReturnSummary.Verdict;
import org.advocacyhub.domain.returns.AwarenessSession;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.ReportingPeriod;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * Streams a contract's cases, time rows, return records and kept callbacks for one quarter; never
 * holds every case. Each {@code add} call updates counters and compact sets (person keys as
 * {@code long}s, {@link PersonKey}); {@link #build} lays the figures out as sheets. The counting
 * rules are {@link CountingRules}'; this class only applies them.
 */
public final class QuarterlyReturnBuilder implements ReturnsSink {

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
    private static final DateTimeFormatter LONDON_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(WorkingCalendar.ZONE);
    private static final Map<ServiceCode, FieldSpec> DECISION_TYPE = new EnumMap<>(Map.of(
            ServiceCode.IMCA, ServiceQuestions.IMCA_DECISION,
            ServiceCode.DOLS_IMCA, ServiceQuestions.DOLS_ROLE,
            ServiceCode.IMHA, ServiceQuestions.MHA_STATUS,
            ServiceCode.CARE_ACT, ServiceQuestions.CARE_ACT_PROCESS,
            ServiceCode.ICAS, ServiceQuestions.ICAS_SERVICE_KIND,
            ServiceCode.CYP, ServiceQuestions.CYP_REASON,
            ServiceCode.ACCOMMODATION, ServiceQuestions.ACCOMMODATION_CATEGORY));

    private final Contract contract;
    private final FinancialQuarter quarter;
    private final WorkingCalendar calendar;
    private final ReportingPeriod period;
    private final ReportingPeriod yearToDate;
    private final ReportingPeriod halfYear;
    private final List<ServiceConfig> services;
    private final Map<ServiceCode, Integer> serviceIndex = new EnumMap<>(ServiceCode.class);
    private final List<FeedbackQuestion> questions;
    private final Map<String, Counts> workbooks = new LinkedHashMap<>();
    private final Set<String> allocatedAdvocates = new HashSet<>();
    private final Map<Instant, Long> waitCache = new HashMap<>();
    // contract-wide records
    private final long[][] complaintsReceived;
    private final long[][] complaintsInProcess;
    private final long[] complaintsAdr;
    private final long[] compliments;
    private final long[] awarenessContract = new long[AwarenessSetting.values().length];
    private final List<CallbackFigures.Kept> callbacks = new ArrayList<>();

    public QuarterlyReturnBuilder(Contract contract, FinancialQuarter quarter, WorkingCalendar calendar) {
        this.contract = contract;
        this.quarter = quarter;
        this.calendar = calendar;
        this.period = quarter.period();
        this.yearToDate = quarter.yearToDate();
        this.halfYear = new ReportingPeriod(CountingRules.halfYearStart(quarter), quarter.lastDay());
        this.services = contract.services();
        for (int i = 0; i < services.size(); i++) {
            serviceIndex.put(services.get(i).code(), i);
        }
        this.questions = contract.feedback().stream().filter(q -> q.answer() != FeedbackQuestion.AnswerKind.SHORT_TEXT).toList();
        if (contract.reportSchedule().perAuthority()) {
            for (Authority authority : contract.authorities()) {
                workbooks.put(authority.code(), new Counts(authority.code(), authority.name()));
            }
        } else {
            workbooks.put(contract.code(), new Counts(contract.code(), contract.name()));
        }
        int s = services.size();
        complaintsReceived = new long[s][3];
        complaintsInProcess = new long[s][3];
        complaintsAdr = new long[s];
        compliments = new long[s];
    }

    // ------------------------------------------------------------------ streaming in

    /**
     * Any case the reader found for the financial year to date up to the quarter's end: received in
     * the year to date, or open/closed since the year started. The builder ignores what does not
     * count and may see a case that is irrelevant; the reader passes each case at most once.
     */
    public void addCase(ReferralCase c) {
        Integer si = serviceIndex.get(c.details().service());
        if (si == null) {
            return;
        }
        ServiceConfig service = services.get(si);
        Person person = c.details().person();
        Counts w = workbooks.get(CountingRules.workbookOf(contract, person.authority()));
        Decided decided = CountingRules.decided(c);
        ReferralSource source = c.details().source();

        if (CountingRules.receivedIn(c, period)) {
            w.received[si]++;
            w.route.add(label(c.details().route()), si, 1);
            if (CountingRules.outOfArea(person.authority())) {
                w.outOfArea.add(label(source), si, 1);
                if (decided == Decided.APPROPRIATE) {
                    w.outOfAreaAppropriate[si]++;
                }
            }
            if (source == ReferralSource.SELF) {
                w.selfReferrals[si]++;
            } else if (source == ReferralSource.PARTICIPATION_MANAGER) {
                w.participationManager[si]++;
            }
            switch (decided) {
                case APPROPRIATE -> {
                    w.appropriate[si]++;
                    w.decisionType.add(decisionType(c), si, 1);
                    w.gender.add(label(person.gender()), si, 1);
                    w.ageBand.add(CountingRules.ageBand(person.dateOfBirth(), c.receivedAt()), si, 1);
                    w.ethnicity.add(label(person.ethnicity()), si, 1);
                    if (person.disabilities().isEmpty()) {
                        w.disability.add(CountingRules.NOT_GIVEN, si, 1);
                    }
                    for (Disability disability : person.disabilities()) {
                        w.disability.add(disability.displayName(), si, 1);
                    }
                    w.postcode.add(CountingRules.postcodeDistrict(person.postcode()), si, 1);
                    w.source.add(label(source), si, 1);
                }
                case INAPPROPRIATE -> {
                    w.inappropriate[si]++;
                    w.inappropriateOutcome.add(outcomeLabel(c), si, 1);
                    w.inappropriateSource.add(label(source), si, 1);
                    for (Reason reason : c.screening().decision().reasons()) {
                        w.inappropriateReason.add(reason.plainEnglish() + " (" + reason.clause() + ")", si, 1);
                    }
                }
                case AWAITING_DECISION -> {
                    w.awaiting[si]++;
                    w.awaitingSource.add(label(source), si, 1);
                }
            }
        }

        CountingRules.carriedForwardInto(c, quarter).ifPresent(as -> {
            if (as == Decided.APPROPRIATE) {
                w.carriedAccepted[si]++;
            } else {
                w.carriedAwaiting[si]++;
            }
        });

        if (CountingRules.openDuring(c, yearToDate)) {
            long key = PersonKey.of(contract.code(), person, c.reference());
            w.peopleYtd[si].add(key);
            w.peopleYtd[services.size()].add(key);
            if (CountingRules.openDuring(c, period)) {
                w.peopleQuarter[si].add(key);
                w.peopleQuarter[services.size()].add(key);
                primaryReason(c).ifPresent(reason -> w.primaryReason.add(reason, si, 1));
            }
        }

        if (CountingRules.closedIn(c, period)) {
            ClosureReason reason = c.work().closure().reason();
            int minutes = c.work().hours().totalMinutes();
            w.closed[si]++;
            w.closedMinutes[si] += minutes;
            w.closedByReason.add(reason.displayName(), si, 1);
            w.closedMinutesByReason.add(reason.displayName(), si, minutes);
            long[] goals = CountingRules.goals(c.work());
            w.goalsAchieved[si] += goals[0];
            w.goalsMarked[si] += goals[1];
            if (c.work().feedback() != null) {
                Map<String, String> answers = c.work().feedback().answers();
                for (int q = 0; q < questions.size(); q++) {
                    int question = q;
                    CountingRules.positive(questions.get(q), answers.get(questions.get(q).id())).ifPresent(yes -> {
                        w.feedbackAnswered[question][si]++;
                        if (yes) {
                            w.feedbackPositive[question][si]++;
                        }
                    });
                }
            }
        }

        if (service.allocation().allocated() && CountingRules.waitingAtEnd(c, quarter)) {
            w.waiting[si]++;
            w.waitingDays[si] += waited(c.receivedAt());
        }

        if (activeAtEnd(c)) {
            w.activeAtEnd[si]++;
            w.caseloadGroup.add(group(c), si, 1);
            int totalMinutes = c.work().hours().totalMinutes();
            service.hourThreshold(HourThreshold.Kind.REVIEW).ifPresent(t -> {
                if (over(totalMinutes, t.hours())) {
                    w.overReview[si]++;
                }
            });
            service.hourThreshold(HourThreshold.Kind.CAP).ifPresent(t -> {
                if (over(totalMinutes, t.hours())) {
                    w.overCap[si]++;
                }
            });
        }

        countAllocation(c.work().allocation(), w, si);
        for (Allocation earlier : c.work().earlierAllocations()) {
            countAllocation(earlier, w, si);
        }

        for (Hours.Request request : c.work().hours().requests()) {
            if (period.contains(request.at())) {
                w.requests[si]++;
                w.requestedHours[si] = w.requestedHours[si].add(request.hours());
            }
        }

        for (SlaClock clock : c.clocks()) {
            Optional<ClockDefinition> definition = service.findClock(clock.name()).filter(d -> d.kpi().isPresent());
            if (definition.isEmpty()) {
                continue;
            }
            Kpi all = w.kpi(si, clock.name(), Variant.ALL);
            Kpi split = definition.get().urgentRule().isPresent()
                    ? w.kpi(si, clock.name(), CountingRules.ranUrgent(clock, definition.get()) ? Variant.URGENT : Variant.STANDARD)
                    : null;
            // The figures' time is not known until build(): a running clock due in the quarter is kept by its due time.
            Optional<Instant> due = clock.dueAt(calendar);
            if (!clock.isStopped() && due.isPresent() && period.contains(due.get())) {
                all.runningDue(due.get());
                if (split != null) {
                    split.runningDue(due.get());
                }
                continue;
            }
            Resolved resolved = CountingRules.resolve(clock, definition.get(), c.work(), period.end(), due);
            all.count(resolved, clock, period);
            if (split != null) {
                split.count(resolved, clock, period);
            }
        }
    }

    /** A time entry dated in the year to date. */
    public void addTime(TimeRow row) {
        Integer si = serviceIndex.get(row.service());
        if (si == null) {
            return;
        }
        Counts w = workbooks.get(CountingRules.workbookOf(contract, row.authority()));
        if (yearToDate.contains(row.date())) {
            w.minutesYtd[si] += row.minutes();
        }
        if (!period.contains(row.date())) {
            return;
        }
        if (row.kind() == TimeEntry.Kind.DIRECT) {
            w.directMinutes[si] += row.minutes();
        } else {
            w.indirectMinutes[si] += row.minutes();
        }
        w.activityMinutes.add(row.activity().displayName(), si, row.minutes());
        w.activityEntries.add(row.activity().displayName(), si, 1);
        w.referralsWithTime[si].add(row.reference().year() * 10_000_000L + row.reference().sequence());
        w.timeRecordedBy.get(si).add(row.recordedBy());
    }

    /** Awareness sessions, complaints, compliments dated in the year to date (the quarter is by date). */
    public void addRecord(ReturnRecord record) {
        if (record instanceof AwarenessSession session) {
            if (halfYear.contains(session.date())) {
                awarenessContract[session.setting().ordinal()]++;
                Counts w = workbooks.get(CountingRules.workbookOf(contract, session.authority()));
                w.awarenessHalfYear[session.setting().ordinal()]++;
                if (period.contains(session.date())) {
                    w.awarenessQuarter[session.setting().ordinal()]++;
                }
            }
        } else if (record instanceof Complaint complaint) {
            Integer si = serviceIndex.get(complaint.service());
            if (si == null) {
                return;
            }
            int stage = complaint.stage() - 1;
            if (period.contains(complaint.received())) {
                complaintsReceived[si][stage]++;
            }
            if (!complaint.received().isAfter(period.lastDay())
                    && (complaint.closed() == null || !complaint.closed().isBefore(period.firstDay()))) {
                complaintsInProcess[si][stage]++;
            }
            if (complaint.closed() != null && period.contains(complaint.closed()) && Boolean.TRUE.equals(complaint.resolvedByAdr())) {
                complaintsAdr[si]++;
            }
        } else if (record instanceof Compliment compliment) {
            Integer si = serviceIndex.get(compliment.service());
            if (si != null && period.contains(compliment.received())) {
                compliments[si]++;
            }
        }
    }

    /** Answerphone messages left in the quarter (contract-wide, not per authority). */
    public void addCallback(CallbackFigures.Kept kept) {
        if (period.contains(kept.leftAt())) {
            callbacks.add(kept);
        }
    }

    // ------------------------------------------------------------------ building

    /** The figures. {@code asAt} = when the figures are taken (for "still running" clocks and callbacks). */
    public QuarterlyReturn build(Instant asAt, String softwareVersion) {
        CallbackFigures callbackFigures = contract.answerphoneClock().isPresent()
                ? CallbackFigures.of(quarter, callbacks, asAt, calendar) : null;
        List<AuthorityReturn> returns = new ArrayList<>();
        for (Counts w : workbooks.values()) {
            returns.add(new Sheets(w, asAt, softwareVersion, callbackFigures).workbook());
        }
        return new QuarterlyReturn(contract.code(), quarter, asAt, returns);
    }

    // ------------------------------------------------------------------ helpers of addCase

    private void countAllocation(Allocation allocation, Counts w, int si) {
        if (allocation == null) {
            return;
        }
        allocatedAdvocates.add(allocation.advocateId());
        if (period.contains(allocation.at())) {
            w.advocatesAllocated.get(si).add(allocation.advocateId());
        }
    }

    private boolean activeAtEnd(ReferralCase c) {
        Instant end = period.end();
        return CountingRules.decided(c) == Decided.APPROPRIATE && c.receivedAt().isBefore(end)
                && (c.work().closure() == null || !c.work().closure().at().isBefore(end));
    }

    private long waited(Instant receivedAt) {
        // Cached by the first working-day end after receipt: the count depends only on it.
        Instant firstEnd = calendar.nextWorkingDayEnd(receivedAt);
        return waitCache.computeIfAbsent(firstEnd, start -> CountingRules.workingDaysWaited(receivedAt, period.end(), calendar));
    }

    private static boolean over(int minutes, BigDecimal hours) {
        return BigDecimal.valueOf(minutes).compareTo(hours.multiply(SIXTY)) > 0;
    }

    private static String decisionType(ReferralCase c) {
        FieldSpec question = DECISION_TYPE.get(c.details().service());
        String raw = question == null ? null : c.details().serviceAnswers().get(ServiceQuestions.key(question));
        if (raw == null || raw.isBlank()) {
            return CountingRules.NOT_GIVEN;
        }
        for (Choice choice : question.choices()) {
            if (((Enum<?>) choice).name().equals(raw)) {
                return choice.displayName();
            }
        }
        return CountingRules.NOT_GIVEN;
    }

    private static String outcomeLabel(ReferralCase c) {
        return switch (c.screening().decision().outcome()) {
            case NOT_ELIGIBLE -> "Not eligible";
            case INFORMATION_ONLY -> "Information only";
            case SIGNPOSTED -> "Signposted";
            default -> c.screening().decision().outcome().name();
        };
    }

    /** The LEW caseload group: as recorded on the case, else as the referral gives it. */
    private static String group(ReferralCase c) {
        if (c.work().cypReturn() != null) {
            return c.work().cypReturn().group().displayName();
        }
        return CypReturn.referredGroup(ServiceAnswers.of(c.details())).map(CypReturn.Group::displayName).orElse(CountingRules.NOT_GIVEN);
    }

    private static Optional<String> primaryReason(ReferralCase c) {
        if (c.details().service() != ServiceCode.CYP) {
            return Optional.empty();
        }
        if (c.work().cypReturn() != null) {
            return Optional.of(c.work().cypReturn().primary().displayName());
        }
        return Optional.of(CypReturn.referredReason(ServiceAnswers.of(c.details())).map(CypReason::displayName)
                .orElse(CountingRules.NOT_GIVEN));
    }

    private static String label(Choice choice) {
        return choice == null ? CountingRules.NOT_GIVEN : choice.displayName();
    }

    private static List<String> labels(Choice[] values) {
        List<String> labels = new ArrayList<>();
        for (Choice value : values) {
            labels.add(value.displayName());
        }
        return labels;
    }

    // ------------------------------------------------------------------ the counters

    /** Which clocks a KPI line counts. */
    private enum Variant { ALL, STANDARD, URGENT }

    /** One KPI line's counts. */
    private static final class Kpi {
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
    private static final class Breakdown {
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

    /** One workbook's counters. */
    private final class Counts {
        final String code;
        final String name;
        final int s = services.size();
        final long[] received = new long[s];
        final long[] appropriate = new long[s];
        final long[] inappropriate = new long[s];
        final long[] awaiting = new long[s];
        final long[] carriedAccepted = new long[s];
        final long[] carriedAwaiting = new long[s];
        final long[] outOfAreaAppropriate = new long[s];
        final long[] selfReferrals = new long[s];
        final long[] participationManager = new long[s];
        final long[] closed = new long[s];
        final long[] closedMinutes = new long[s];
        final long[] goalsAchieved = new long[s];
        final long[] goalsMarked = new long[s];
        final long[] waiting = new long[s];
        final long[] waitingDays = new long[s];
        final long[] activeAtEnd = new long[s];
        final long[] overReview = new long[s];
        final long[] overCap = new long[s];
        final long[] requests = new long[s];
        final BigDecimal[] requestedHours = new BigDecimal[s];
        final long[] directMinutes = new long[s];
        final long[] indirectMinutes = new long[s];
        final long[] minutesYtd = new long[s];
        final long[][] feedbackAnswered = new long[questions.size()][s];
        final long[][] feedbackPositive = new long[questions.size()][s];
        final long[] awarenessHalfYear = new long[AwarenessSetting.values().length];
        final long[] awarenessQuarter = new long[AwarenessSetting.values().length];
        final LongSet[] peopleQuarter = new LongSet[s + 1];
        final LongSet[] peopleYtd = new LongSet[s + 1];
        final LongSet[] referralsWithTime = new LongSet[s];
        final List<Set<String>> advocatesAllocated = new ArrayList<>();
        final List<Set<String>> timeRecordedBy = new ArrayList<>();
        final Breakdown route = new Breakdown(s, labels(ReferralRoute.values()));
        final Breakdown decisionType = new Breakdown(s, List.of());
        final Breakdown gender = new Breakdown(s, labels(Gender.values()));
        final Breakdown ageBand = new Breakdown(s, CountingRules.AGE_BANDS);
        final Breakdown ethnicity = new Breakdown(s, labels(Ethnicity.values()));
        final Breakdown disability = new Breakdown(s, labels(Disability.values()));
        final Breakdown postcode = new Breakdown(s, List.of());
        final Breakdown source = new Breakdown(s, labels(ReferralSource.values()));
        final Breakdown outOfArea = new Breakdown(s, List.of());
        final Breakdown inappropriateOutcome = new Breakdown(s, List.of("Not eligible", "Information only", "Signposted"));
        final Breakdown inappropriateSource = new Breakdown(s, List.of());
        final Breakdown inappropriateReason = new Breakdown(s, List.of());
        final Breakdown awaitingSource = new Breakdown(s, List.of());
        final Breakdown closedByReason = new Breakdown(s, labels(ClosureReason.values()));
        final Breakdown closedMinutesByReason = new Breakdown(s, labels(ClosureReason.values()));
        final Breakdown activityMinutes = new Breakdown(s, labels(TimeEntry.Activity.values()));
        final Breakdown activityEntries = new Breakdown(s, labels(TimeEntry.Activity.values()));
        final Breakdown caseloadGroup = new Breakdown(s, labels(CypReturn.Group.values()));
        final Breakdown primaryReason = new Breakdown(s, labels(CypReason.values()));
        final List<Kpi> kpis = new ArrayList<>();
        final Map<String, Kpi> kpiIndex = new HashMap<>();

        Counts(String code, String name) {
            this.code = code;
            this.name = name;
            for (int i = 0; i <= s; i++) {
                peopleQuarter[i] = new LongSet();
                peopleYtd[i] = new LongSet();
            }
            for (int i = 0; i < s; i++) {
                referralsWithTime[i] = new LongSet();
                advocatesAllocated.add(new HashSet<>());
                timeRecordedBy.add(new HashSet<>());
                requestedHours[i] = BigDecimal.ZERO;
                for (ClockDefinition clock : services.get(i).clocks()) {
                    if (clock.kpi().isEmpty()) {
                        continue;
                    }
                    addKpi(i, clock, Variant.ALL);
                    if (clock.urgentRule().filter(rule -> !rule.equals(clock.rule())).isPresent()) {
                        addKpi(i, clock, Variant.STANDARD);
                        addKpi(i, clock, Variant.URGENT);
                    }
                }
            }
        }

        private void addKpi(int service, ClockDefinition clock, Variant variant) {
            Kpi kpi = new Kpi(service, clock, variant);
            kpis.add(kpi);
            kpiIndex.put(service + "|" + clock.name() + "|" + variant, kpi);
        }

        Kpi kpi(int service, String clock, Variant variant) {
            return kpiIndex.get(service + "|" + clock + "|" + variant);
        }
    }

    // ------------------------------------------------------------------ the sheets

    /** Lays one workbook's counters out as sheets. */
    private final class Sheets {
        private final Counts w;
        private final Instant asAt;
        private final String version;
        private final CallbackFigures callbackFigures;
        private final int s = services.size();
        private final List<ReturnTable> tables = new ArrayList<>();

        Sheets(Counts w, Instant asAt, String version, CallbackFigures callbackFigures) {
            this.w = w;
            this.asAt = asAt;
            this.version = version;
            this.callbackFigures = callbackFigures;
        }

        AuthorityReturn workbook() {
            List<KpiLine> kpiLines = kpiLines();
            List<AwarenessLine> awarenessLines = awarenessLines();
            tables.add(summary(kpiLines, awarenessLines));
            tables.add(kpiSheet(kpiLines));
            tables.add(referrals());
            tables.add(breakdown("By decision type", "Appropriate referrals by case or decision type", "LLR 26.17", "Decision type",
                    w.decisionType, CountingRules.DECISION_TYPE));
            tables.add(breakdown("By gender", "Appropriate referrals by gender", "LLR 26.17", "Gender", w.gender, CountingRules.GENDER));
            tables.add(breakdown("By age band", "Appropriate referrals by age band", "LLR 26.17", "Age band", w.ageBand,
                    CountingRules.AGE_BAND));
            tables.add(breakdown("By ethnicity", "Appropriate referrals by ethnicity", "LLR 26.17", "Ethnicity", w.ethnicity,
                    CountingRules.ETHNICITY));
            tables.add(breakdown("By disability", "Appropriate referrals by disability or impairment", "LLR 26.17", "Disability",
                    w.disability, CountingRules.DISABILITY));
            tables.add(breakdown("By postcode district", "Appropriate referrals by postcode district", "LLR 26.17",
                    "Postcode district", w.postcode, CountingRules.POSTCODE_DISTRICT));
            tables.add(breakdown("By source", "Appropriate referrals by referral source", "LLR 26.17", "Source", w.source,
                    CountingRules.SOURCE));
            tables.add(breakdown("By route", "All referrals received by referral route", "LLR 26.17, 7.45", "Route", w.route,
                    CountingRules.ROUTE));
            tables.add(breakdown("Inappropriate by outcome", "Inappropriate referrals by decision", "LLR 4.5.2, 4.5.5, 26.17",
                    "Decision", w.inappropriateOutcome, CountingRules.INAPPROPRIATE_REFERRALS));
            tables.add(breakdown("Inappropriate by source", "Inappropriate referrals by referral source", "LLR 26.17", "Source",
                    w.inappropriateSource, CountingRules.INAPPROPRIATE_REFERRALS));
            tables.add(breakdown("Inappropriate reasons", "Reasons given for inappropriate referrals", "LLR 26.17, 6.10, 8.35",
                    "Reason (clause)", w.inappropriateReason, CountingRules.INAPPROPRIATE_REFERRALS));
            tables.add(breakdown("Awaiting decision by source", "Referrals awaiting a decision by referral source", "LLR 26.17",
                    "Source", w.awaitingSource, CountingRules.AWAITING_DECISION));
            tables.add(waitingList());
            tables.add(hours());
            tables.add(activities());
            tables.add(people());
            tables.add(advocates());
            tables.add(closedCases());
            if (!questions.isEmpty()) {
                tables.add(outcomes());
            }
            if (services.stream().anyMatch(svc -> svc.hourThreshold(HourThreshold.Kind.RECORD_REQUESTS_OVER).isPresent())) {
                tables.add(requests());
            }
            tables.add(outOfArea());
            if (!contract.reportSchedule().awarenessKpis().isEmpty()) {
                tables.add(awareness(awarenessLines));
            }
            tables.add(complaints());
            if (callbackFigures != null) {
                tables.add(callbacks());
            }
            if (serviceIndex.containsKey(ServiceCode.CYP)) {
                tables.add(lewOutputs(kpiLines));
            }
            tables.add(definitionsSheet());
            ReturnSummary summary = new ReturnSummary(contract.code(), w.code, w.name, quarter, asAt, version, kpiLines, awarenessLines,
                    sum(w.received), sum(w.appropriate), w.peopleQuarter[s].size(), w.peopleYtd[s].size());
            return new AuthorityReturn(w.code, w.name, tables, summary);
        }

        // ---------------------------------------------------------- figures

        List<KpiLine> kpiLines() {
            List<KpiLine> lines = new ArrayList<>();
            for (int i = 0; i < s; i++) {
                ServiceConfig service = services.get(i);
                for (Kpi kpi : w.kpis) {
                    if (kpi.service != i) {
                        continue;
                    }
                    KpiTarget target = kpi.definition.kpi().orElseThrow();
                    String name = switch (kpi.variant) {
                        case ALL -> target.name();
                        case STANDARD -> target.name() + " (standard, " + kpi.definition.rule().describe() + ")";
                        case URGENT -> target.name() + " (urgent, " + kpi.definition.rule(true).describe() + ")";
                    };
                    long met = kpi.met;
                    long resolved = met + kpi.missedAt(asAt);
                    lines.add(new KpiLine(name, service.code(), service.displayName(), target.clause() + ", " + kpi.definition.clause(),
                            met, resolved, kpi.carriedAt(asAt), target.targetPercent(), Verdict.of(met, resolved, target.targetPercent())));
                }
                Optional<KpiTarget> goals = contract.reportSchedule().goalsKpi();
                if (goals.isPresent() && service.allocation().allocated()) {
                    lines.add(new KpiLine(goals.get().name(), service.code(), service.displayName(), goals.get().clause(), w.goalsAchieved[i],
                            w.goalsMarked[i], 0, goals.get().targetPercent(),
                            Verdict.of(w.goalsAchieved[i], w.goalsMarked[i], goals.get().targetPercent())));
                }
            }
            return lines;
        }

        List<AwarenessLine> awarenessLines() {
            List<AwarenessLine> lines = new ArrayList<>();
            for (ReportSchedule.AwarenessKpi kpi : contract.reportSchedule().awarenessKpis()) {
                long held = awarenessContract[kpi.setting().ordinal()];
                lines.add(new AwarenessLine(kpi.name(), kpi.setting(), kpi.clause(), w.awarenessHalfYear[kpi.setting().ordinal()], held,
                        kpi.perHalfYear(), held >= kpi.perHalfYear() ? Verdict.MET : Verdict.NOT_MET));
            }
            return lines;
        }

        // ---------------------------------------------------------- sheets

        ReturnTable summary(List<KpiLine> kpiLines, List<AwarenessLine> awarenessLines) {
            List<String> headings = List.of("Figure", "Service", "Clause", "Value", "Out of", "Share", "Target", "Result");
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(info("Period", quarter.name() + ": " + quarter.firstDay() + " to " + quarter.lastDay(), "LLR 26.12"));
            rows.add(info("Authority", w.name, "LLR 7.38, 15.1"));
            rows.add(info("Generated (London time)", LONDON_TIME.format(asAt), CountingRules.GENERATED.clause()));
            rows.add(info("Software version", version, CountingRules.GENERATED.clause()));
            for (KpiLine line : kpiLines) {
                rows.add(List.of(text(line.name()), text(line.serviceName()), text(line.clause()), count(line.numerator()),
                        count(line.denominator()), ReturnCell.share(line.numerator(), line.denominator()), targetCell(line.targetPercent()),
                        text(line.verdict().text())));
            }
            for (AwarenessLine line : awarenessLines) {
                rows.add(List.of(text(line.name() + ": sessions in the half-year (contract)"), text("All services"), text(line.clause()),
                        count(line.heldContract()), ReturnCell.blank(), ReturnCell.blank(), text("At least " + line.perHalfYear()),
                        text(line.verdict().text())));
            }
            for (int i = 0; i <= s; i++) {
                String serviceName = i == s ? "All services" : services.get(i).displayName();
                rows.add(List.of(text("People supported in the quarter"), text(serviceName), text(CountingRules.PEOPLE_SUPPORTED.clause()),
                        count(w.peopleQuarter[i].size()), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank(),
                        ReturnCell.blank()));
                Optional<Integer> minimum = i == s ? Optional.empty() : services.get(i).annualTargets()
                        .filter(t -> t.uniquePersonsMinimum().isPresent()).map(t -> t.uniquePersonsMinimum().getAsInt());
                long ytd = w.peopleYtd[i].size();
                rows.add(List.of(text("People supported in the year to date"), text(serviceName),
                        text(CountingRules.PEOPLE_SUPPORTED.clause()), count(ytd),
                        minimum.<ReturnCell>map(m -> count(m)).orElse(ReturnCell.blank()),
                        ReturnCell.blank(), minimum.<ReturnCell>map(m -> text("At least " + m + " a year")).orElse(ReturnCell.blank()),
                        minimum.<ReturnCell>map(m -> text(percent(ytd, m) + "% of the annual minimum so far"))
                                .orElse(ReturnCell.blank())));
                if (i < s) {
                    Optional<BigDecimal> guide = services.get(i).annualTargets().flatMap(t -> t.guideHoursPerPerson());
                    if (guide.isPresent()) {
                        rows.add(List.of(text("Hours per person in the year to date"), text(serviceName), text("LLR 4.5"),
                                decimalOrBlank(perPerson(w.minutesYtd[i], ytd)), ReturnCell.blank(), ReturnCell.blank(),
                                text("Guide " + guide.get().stripTrailingZeros().toPlainString() + " hours"), ReturnCell.blank()));
                    }
                }
            }
            rows.add(List.of(text("Referrals received"), text("All services"), text(CountingRules.REFERRALS_RECEIVED.clause()),
                    count(sum(w.received)), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank()));
            rows.add(List.of(text("Appropriate referrals"), text("All services"), text(CountingRules.APPROPRIATE_REFERRALS.clause()),
                    count(sum(w.appropriate)), count(sum(w.received)), ReturnCell.share(sum(w.appropriate), sum(w.received)),
                    ReturnCell.blank(), ReturnCell.blank()));
            return table("Summary", contract.name() + ": quarterly return " + quarter.name() + ", " + w.name, "LLR 26.12, 26.13, 26.17",
                    headings, rows, CountingRules.KPI_CLOCKS, CountingRules.GOALS_KPI, CountingRules.PEOPLE_SUPPORTED,
                    CountingRules.AWARENESS, CountingRules.GENERATED);
        }

        private List<ReturnCell> info(String figure, String value, String clause) {
            return List.of(text(figure), text(value), text(clause), ReturnCell.blank(), ReturnCell.blank(), ReturnCell.blank(),
                    ReturnCell.blank(), ReturnCell.blank());
        }

        ReturnTable kpiSheet(List<KpiLine> kpiLines) {
            List<List<ReturnCell>> rows = new ArrayList<>();
            for (KpiLine line : kpiLines) {
                rows.add(List.of(text(line.name()), text(line.serviceName()), text(line.clause()), count(line.numerator()),
                        count(line.denominator() - line.numerator()), ReturnCell.share(line.numerator(), line.denominator()),
                        count(line.carriedForward()), targetCell(line.targetPercent()), text(line.verdict().text())));
            }
            return table("KPIs", "Key performance indicators: clocks resolved in the quarter", "LLR Appendix One, LEW Appendix 1, DERBY 3.7.1",
                    List.of("KPI", "Service", "Clause", "Met", "Missed", "Share met", "Carried forward", "Target", "Result"), rows,
                    CountingRules.KPI_CLOCKS, CountingRules.URGENT_SPLIT, CountingRules.GOALS_KPI);
        }

        ReturnTable referrals() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(serviceRow("Referrals received", w.received));
            rows.add(serviceRow("Appropriate (accepted)", w.appropriate));
            rows.add(serviceRow("Inappropriate", w.inappropriate));
            rows.add(serviceRow("Awaiting decision", w.awaiting));
            rows.add(serviceRow("Carried forward from the previous quarter: accepted", w.carriedAccepted));
            rows.add(serviceRow("Carried forward from the previous quarter: awaiting decision", w.carriedAwaiting));
            rows.add(serviceRow("Carried forward from the previous quarter: total", add(w.carriedAccepted, w.carriedAwaiting)));
            return table("Referrals", "Referrals received, decisions and referrals carried forward", "LLR 26.17, 4.5.5",
                    serviceHeadings("Figure"), rows, CountingRules.REFERRALS_RECEIVED, CountingRules.APPROPRIATE_REFERRALS,
                    CountingRules.INAPPROPRIATE_REFERRALS, CountingRules.AWAITING_DECISION, CountingRules.CARRIED_FORWARD,
                    CountingRules.AUTHORITY_SPLIT);
        }

        ReturnTable breakdown(String sheet, String title, String clause, String heading, Breakdown breakdown, Definition... definitions) {
            List<List<ReturnCell>> rows = new ArrayList<>();
            breakdown.all().forEach((label, counts) -> rows.add(serviceRow(label, counts)));
            return table(sheet, title, clause, serviceHeadings(heading), rows, definitions);
        }

        ReturnTable waitingList() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(serviceRow("Waiting for an advocate at quarter end", w.waiting));
            List<ReturnCell> average = new ArrayList<>();
            average.add(text("Average wait (working days)"));
            for (int i = 0; i < s; i++) {
                average.add(decimalOrBlank(ratio(w.waitingDays[i], w.waiting[i])));
            }
            average.add(decimalOrBlank(ratio(sum(w.waitingDays), sum(w.waiting))));
            rows.add(average);
            return table("Waiting list", "Waiting list at the end of the quarter (unallocated referrals)", "LLR 26.17, 4.5",
                    serviceHeadings("Figure"), rows, CountingRules.WAITING_LIST);
        }

        ReturnTable hours() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(hoursRow("Direct hours", w.directMinutes));
            rows.add(hoursRow("Indirect hours", w.indirectMinutes));
            long[] total = add(w.directMinutes, w.indirectMinutes);
            rows.add(hoursRow("Total hours", total));
            long[] withTime = new long[s];
            for (int i = 0; i < s; i++) {
                withTime[i] = w.referralsWithTime[i].size();
            }
            rows.add(serviceRow("Referrals with time recorded", withTime));
            rows.add(perRow("Hours per referral", total, withTime));
            long[] peopleQ = sizes(w.peopleQuarter);
            rows.add(perRow("Hours per person supported", total, peopleQ, w.peopleQuarter[s].size()));
            rows.add(hoursRow("Hours in the year to date", w.minutesYtd));
            long[] peopleY = sizes(w.peopleYtd);
            rows.add(perRow("Hours per person in the year to date", w.minutesYtd, peopleY, w.peopleYtd[s].size()));
            List<ReturnCell> guide = new ArrayList<>();
            guide.add(text("Guide hours per person (LLR 4.5)"));
            for (ServiceConfig service : services) {
                guide.add(service.annualTargets().flatMap(t -> t.guideHoursPerPerson()).<ReturnCell>map(ReturnCell::decimal)
                        .orElse(ReturnCell.blank()));
            }
            guide.add(ReturnCell.blank());
            rows.add(guide);
            return table("Hours", "Hours of advocacy, direct and indirect, per referral and per person", "LLR 26.17, 4.5; LEW 17.5",
                    serviceHeadings("Figure"), rows, CountingRules.HOURS);
        }

        ReturnTable activities() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            Map<String, long[]> entries = w.activityEntries.all();
            w.activityMinutes.all().forEach((label, minutes) -> {
                List<ReturnCell> row = new ArrayList<>(hoursRow(label, minutes));
                row.add(count(sum(entries.get(label))));
                rows.add(row);
            });
            List<String> headings = new ArrayList<>(serviceHeadings("Activity (hours)"));
            headings.add("Entries");
            return table("Activities", "How advocates supported people: hours by activity", "LLR 26.17", headings, rows,
                    CountingRules.ACTIVITIES);
        }

        ReturnTable people() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(peopleRow("People supported in the quarter", w.peopleQuarter));
            rows.add(peopleRow("People supported in the year to date", w.peopleYtd));
            List<ReturnCell> minimum = new ArrayList<>();
            minimum.add(text("Annual minimum (LLR 4.5)"));
            for (ServiceConfig service : services) {
                minimum.add(service.annualTargets().filter(t -> t.uniquePersonsMinimum().isPresent())
                        .<ReturnCell>map(t -> count(t.uniquePersonsMinimum().getAsInt())).orElse(ReturnCell.blank()));
            }
            minimum.add(ReturnCell.blank());
            rows.add(minimum);
            return table("People supported", "Unique people supported, quarter and year to date", "LLR 4.5, 26.17; LEW 7.2",
                    serviceHeadings("Figure"), rows, CountingRules.PEOPLE_SUPPORTED);
        }

        ReturnTable advocates() {
            long[] active = new long[s];
            Set<String> all = new HashSet<>();
            for (int i = 0; i < s; i++) {
                Set<String> ids = new HashSet<>(w.advocatesAllocated.get(i));
                for (String recorder : w.timeRecordedBy.get(i)) {
                    if (allocatedAdvocates.contains(recorder)) {
                        ids.add(recorder);
                    }
                }
                active[i] = ids.size();
                all.addAll(ids);
            }
            List<ReturnCell> row = new ArrayList<>(serviceRow("Advocates active in the quarter", active));
            row.set(row.size() - 1, count(all.size()));
            return table("Advocates active", "Number of advocates supporting people", "LLR 26.17", serviceHeadings("Figure"),
                    List.of(row), CountingRules.ADVOCATES_ACTIVE);
        }

        ReturnTable closedCases() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(serviceRow("Cases closed", w.closed));
            rows.add(hoursRow("Hours on the cases closed", w.closedMinutes));
            Map<String, long[]> minutes = w.closedMinutesByReason.all();
            w.closedByReason.all().forEach((label, counts) -> {
                rows.add(serviceRow("Closed: " + label, counts));
                rows.add(hoursRow("Hours: " + label, minutes.get(label)));
            });
            return table("Cases closed", "Cases closed, hours spent and outcomes", "LLR 26.17; LEW Appendix 1, 8.12",
                    serviceHeadings("Figure"), rows, CountingRules.CASES_CLOSED);
        }

        ReturnTable outcomes() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            for (int q = 0; q < questions.size(); q++) {
                FeedbackQuestion question = questions.get(q);
                List<ReturnCell> row = new ArrayList<>();
                row.add(text(question.text() + " (" + question.clause() + ")"));
                for (int i = 0; i < s; i++) {
                    row.add(ReturnCell.share(w.feedbackPositive[q][i], w.feedbackAnswered[q][i]));
                }
                row.add(ReturnCell.share(sum(w.feedbackPositive[q]), sum(w.feedbackAnswered[q])));
                rows.add(row);
            }
            return table("Outcomes", "Outcomes the people reported at closure (share positive of those answering)",
                    "LEW 13.3, Appendix 1; LLR Appendix One", serviceHeadings("Question"), rows, CountingRules.OUTCOMES);
        }

        ReturnTable requests() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(serviceRow("Requests to provide more than the threshold hours", w.requests));
            List<ReturnCell> hoursAsked = new ArrayList<>();
            hoursAsked.add(text("Hours asked for"));
            BigDecimal total = BigDecimal.ZERO;
            for (int i = 0; i < s; i++) {
                hoursAsked.add(ReturnCell.decimal(w.requestedHours[i]));
                total = total.add(w.requestedHours[i]);
            }
            hoursAsked.add(ReturnCell.decimal(total));
            rows.add(hoursAsked);
            return table("Requests over 20 hours", "Requests to provide 20 or more hours for one person", "LLR 26.17",
                    serviceHeadings("Figure"), rows, CountingRules.REQUESTS_OVER);
        }

        ReturnTable outOfArea() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            w.outOfArea.all().forEach((label, counts) -> rows.add(serviceRow("Source: " + label, counts)));
            long[] total = new long[s];
            w.outOfArea.all().values().forEach(counts -> {
                for (int i = 0; i < s; i++) {
                    total[i] += counts[i];
                }
            });
            rows.add(serviceRow("Out-of-area referrals received", total));
            rows.add(serviceRow("Of which appropriate", w.outOfAreaAppropriate));
            return table("Out of area", "Out-of-area referrals and their sources", "LLR 26.17, 7.38, 23.1", serviceHeadings("Figure"),
                    rows, CountingRules.OUT_OF_AREA, CountingRules.AUTHORITY_SPLIT);
        }

        ReturnTable awareness(List<AwarenessLine> lines) {
            List<List<ReturnCell>> rows = new ArrayList<>();
            for (AwarenessLine line : lines) {
                rows.add(List.of(text(line.name()), text(line.setting().displayName()), count(w.awarenessQuarter[line.setting().ordinal()]),
                        count(line.heldInArea()), count(line.heldContract()), count(line.perHalfYear()), text(line.verdict().text())));
            }
            return table("Awareness sessions", "Awareness-raising sessions (KPIs 5 and 6)", "LLR 5.26, 9.47, Appendix One",
                    List.of("KPI", "Setting", "In this area in the quarter", "In this area in the half-year",
                            "Contract-wide in the half-year", "At least (a half-year)", "Result"), rows, CountingRules.AWARENESS);
        }

        ReturnTable complaints() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            for (int stage = 0; stage < 3; stage++) {
                rows.add(serviceRow("Complaints received: stage " + (stage + 1), column(complaintsReceived, stage)));
            }
            for (int stage = 0; stage < 3; stage++) {
                rows.add(serviceRow("In the complaints process in the quarter: stage " + (stage + 1), column(complaintsInProcess, stage)));
            }
            rows.add(serviceRow("Resolved by alternative dispute resolution", complaintsAdr));
            rows.add(serviceRow("Compliments received", compliments));
            return table("Complaints", "Complaints and compliments (contract-wide)", "LLR 26.17, Appendix One; LEW Appendix 1",
                    serviceHeadings("Figure (contract-wide)"), rows, CountingRules.COMPLAINTS);
        }

        ReturnTable callbacks() {
            CallbackFigures f = callbackFigures;
            List<List<ReturnCell>> rows = List.of(
                    List.of(text("Messages left on the answerphone"), count(f.received())),
                    List.of(text("Responded to within 24 working hours"), ReturnCell.share(f.respondedInTime(), f.received())),
                    List.of(text("Missed"), count(f.missed())),
                    List.of(text("Not yet responded to and not yet due"), count(f.open())),
                    List.of(text("Median response time (working hours)"), f.medianResponseTime() == null ? ReturnCell.blank()
                            : ReturnCell.decimal(BigDecimal.valueOf(f.medianResponseTime().toMinutes()).divide(SIXTY, 2,
                            RoundingMode.HALF_UP))));
            return table("Answerphone", "Answerphone callbacks within 24 working hours (contract-wide)", "LLR 9.23",
                    List.of("Figure (contract-wide)", "Value"), rows, CountingRules.CALLBACKS);
        }

        ReturnTable lewOutputs(List<KpiLine> kpiLines) {
            int i = serviceIndex.get(ServiceCode.CYP);
            ServiceConfig service = services.get(i);
            List<List<ReturnCell>> rows = new ArrayList<>();
            rows.add(List.of(text("Number of hours delivered"), hoursCell(w.directMinutes[i] + w.indirectMinutes[i])));
            rows.add(List.of(text("Number of individual young people supported"), count(w.peopleQuarter[i].size())));
            rows.add(List.of(text("Active caseload at end of quarter"), count(w.activeAtEnd[i])));
            w.caseloadGroup.all().forEach((label, counts) -> rows.add(List.of(text("Active caseload: " + label), count(counts[i]))));
            rows.add(List.of(text("Number of new self-referrals"), count(w.selfReferrals[i])));
            rows.add(List.of(text("Number of new referrals from Participation Manager"), count(w.participationManager[i])));
            rows.add(List.of(text("Number of referrals accepted"), count(w.appropriate[i])));
            rows.add(List.of(text("Number of referrals rejected"), count(w.inappropriate[i])));
            rows.add(List.of(text("Number of cases closed"), count(w.closed[i])));
            kpiLines.stream().filter(line -> line.service() == ServiceCode.CYP && line.clause().startsWith("LEW"))
                    .findFirst().ifPresent(line -> rows.add(List.of(text("Percentage of young people contacted within 72 hours"),
                            ReturnCell.share(line.numerator(), line.denominator()))));
            String review = service.hourThreshold(HourThreshold.Kind.REVIEW).map(t -> t.hours().toPlainString()).orElse("8");
            String cap = service.hourThreshold(HourThreshold.Kind.CAP).map(t -> t.hours().toPlainString()).orElse("12");
            rows.add(List.of(text("Number of active cases exceeding " + review + " hours"), count(w.overReview[i])));
            rows.add(List.of(text("Number of active cases exceeding " + cap + " hours"), count(w.overCap[i])));
            w.primaryReason.all().forEach((label, counts) -> rows.add(List.of(text("Primary reason: " + label), count(counts[i]))));
            for (int stage = 0; stage < 3; stage++) {
                rows.add(List.of(text("Number of cases in complaints process: stage " + (stage + 1)), count(complaintsInProcess[i][stage])));
            }
            rows.add(List.of(text("Number of complaints resolved by alternative dispute resolution"), count(complaintsAdr[i])));
            return table("Outputs (LEW)", "Outcomes and outputs framework: outputs", "LEW Appendix 1, 17.2", List.of("Output", "Value"),
                    rows, CountingRules.LEW_OUTPUTS, CountingRules.KPI_CLOCKS, CountingRules.COMPLAINTS);
        }

        ReturnTable definitionsSheet() {
            List<List<ReturnCell>> rows = new ArrayList<>();
            for (Definition definition : CountingRules.definitions()) {
                rows.add(List.of(text(definition.figure()), text(definition.howCounted()), text(definition.clause())));
            }
            return new ReturnTable("Definitions", "How each figure is counted", "LLR 26.13, 26.17; requirements §10",
                    List.of("Figure", "How it is counted", "Clause"), rows, List.of());
        }

        // ---------------------------------------------------------- cells

        ReturnTable table(String sheet, String title, String clause, List<String> headings, List<List<ReturnCell>> rows,
                          Definition... definitions) {
            List<String> notes = new ArrayList<>();
            StringBuilder names = new StringBuilder("Definitions: ");
            for (int d = 0; d < definitions.length; d++) {
                names.append(d == 0 ? "" : "; ").append(definitions[d].figure());
            }
            notes.add(names.toString());
            return new ReturnTable(sheet, title, clause, headings, rows, notes);
        }

        List<String> serviceHeadings(String first) {
            List<String> headings = new ArrayList<>();
            headings.add(first);
            services.forEach(service -> headings.add(service.displayName()));
            headings.add("All services");
            return headings;
        }

        List<ReturnCell> serviceRow(String label, long[] counts) {
            List<ReturnCell> row = new ArrayList<>();
            row.add(text(label));
            for (long value : counts) {
                row.add(count(value));
            }
            row.add(count(sum(counts)));
            return row;
        }

        List<ReturnCell> hoursRow(String label, long[] minutes) {
            List<ReturnCell> row = new ArrayList<>();
            row.add(text(label));
            for (long value : minutes) {
                row.add(hoursCell(value));
            }
            row.add(hoursCell(sum(minutes)));
            return row;
        }

        List<ReturnCell> perRow(String label, long[] minutes, long[] divisors) {
            return perRow(label, minutes, divisors, sum(divisors));
        }

        List<ReturnCell> perRow(String label, long[] minutes, long[] divisors, long totalDivisor) {
            List<ReturnCell> row = new ArrayList<>();
            row.add(text(label));
            for (int i = 0; i < s; i++) {
                row.add(decimalOrBlank(perPerson(minutes[i], divisors[i])));
            }
            row.add(decimalOrBlank(perPerson(sum(minutes), totalDivisor)));
            return row;
        }

        List<ReturnCell> peopleRow(String label, LongSet[] sets) {
            List<ReturnCell> row = new ArrayList<>();
            row.add(text(label));
            for (int i = 0; i <= s; i++) {
                row.add(count(sets[i].size()));
            }
            return row;
        }

        long[] sizes(LongSet[] sets) {
            long[] sizes = new long[s];
            for (int i = 0; i < s; i++) {
                sizes[i] = sets[i].size();
            }
            return sizes;
        }
    }

    // ------------------------------------------------------------------ arithmetic

    private static ReturnCell text(String value) {
        return ReturnCell.text(value);
    }

    private static ReturnCell count(long value) {
        return ReturnCell.count(value);
    }

    private static ReturnCell hoursCell(long minutes) {
        return ReturnCell.decimal(BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP));
    }

    private static ReturnCell targetCell(Optional<BigDecimal> target) {
        return target.<ReturnCell>map(t -> text(t.stripTrailingZeros().toPlainString() + "%")).orElse(text("No target"));
    }

    private static ReturnCell decimalOrBlank(BigDecimal value) {
        return value == null ? ReturnCell.blank() : ReturnCell.decimal(value);
    }

    /** Hours ({@code minutes} / 60) per {@code divisor}, two places; null with no divisor. */
    static BigDecimal perPerson(long minutes, long divisor) {
        return divisor == 0 ? null : BigDecimal.valueOf(minutes).divide(SIXTY.multiply(BigDecimal.valueOf(divisor)), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal ratio(long numerator, long divisor) {
        return divisor == 0 ? null : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(divisor), 1, RoundingMode.HALF_UP);
    }

    private static String percent(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator * 100).divide(BigDecimal.valueOf(denominator), 0, RoundingMode.HALF_UP).toPlainString();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    private static long[] add(long[] a, long[] b) {
        long[] total = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            total[i] = a[i] + b[i];
        }
        return total;
    }

    private static long[] column(long[][] table, int column) {
        long[] values = new long[table.length];
        for (int i = 0; i < table.length; i++) {
            values[i] = table[i][column];
        }
        return values;
    }

    /** Only for tests: how many distinct person keys were counted in the quarter (all services) in {@code authority}'s workbook. */
    int peopleInQuarter(String authority) {
        return workbooks.get(authority).peopleQuarter[services.size()].size();
    }
}
