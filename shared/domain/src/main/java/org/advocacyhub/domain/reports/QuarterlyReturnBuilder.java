package org.advocacyhub.domain.reports;

import static org.advocacyhub.domain.reports.ReturnLayout.SIXTY;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.questions.CypReason;
import org.advocacyhub.domain.reports.CountingRules.Decided;
import org.advocacyhub.domain.reports.CountingRules.Resolved;
import org.advocacyhub.domain.reports.WorkbookCounts.Kpi;
import org.advocacyhub.domain.reports.WorkbookCounts.Variant;
import org.advocacyhub.domain.returns.AwarenessSession;
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
 * {@code long}s, {@link PersonKey}): a {@link WorkbookCounts} per workbook and the contract-wide
 * {@link ContractRecords}. {@link #build} hands them to {@link ReturnLayout}, which lays them out as
 * sheets. The counting rules are {@link CountingRules}'; this class only applies them.
 */
public final class QuarterlyReturnBuilder implements ReturnsSink {

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
    private final Map<String, WorkbookCounts> workbooks = new LinkedHashMap<>();
    private final ContractRecords records;
    private final Map<Instant, Long> waitCache = new HashMap<>();
    /** Each young person's receipts and closures, for LEW Appendix 1's returns after closure; null when not counted. */
    private final ReturningPeople returning;
    /** The year's figures of the annual return (LLR 27.4), counted only with a fourth quarter that carries one; else null. */
    private final AnnualFigures annual;

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
                workbooks.put(authority.code(), new WorkbookCounts(authority.code(), authority.name(), services, questions.size()));
            }
        } else {
            workbooks.put(contract.code(), new WorkbookCounts(contract.code(), contract.name(), services, questions.size()));
        }
        this.records = new ContractRecords(services.size());
        this.returning = CountingRules.countsReturns(contract) ? new ReturningPeople() : null;
        this.annual = AnnualReturns.dueWith(contract, quarter)
                ? new AnnualFigures(quarter.financialYear(), services.size(), questions.size()) : null;
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
        WorkbookCounts w = workbooks.get(CountingRules.workbookOf(contract, person.authority()));
        Decided decided = CountingRules.decided(c);
        ReferralSource source = c.details().source();
        if (returning != null) {
            // LEW Appendix 1: young people returning in the year following a case's closure (ReturningPeople).
            returning.add(PersonKey.of(contract.code(), person, c.reference()), c.receivedAt(), w, si,
                    c.work().closure() == null ? null : c.work().closure().at());
        }

        if (CountingRules.receivedIn(c, period)) {
            w.received[si]++;
            w.route.add(label(c.details().route()), si, 1);
            // LLR 26.17 "sources of out of area referrals": a referral instructed by one council of the contract for a
            // person whose figures are another's is shown to both (CountingRules.instructedBy).
            CountingRules.instructedBy(contract, c).ifPresent(instructing -> {
                WorkbookCounts by = workbooks.get(instructing);
                if (by != null && by != w) {
                    by.instructedForAnother.add(w.name, si, 1);
                    w.instructedByAnother.add(by.name, si, 1);
                }
            });
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
            if (annual != null) {
                // LLR 27.4, Appendix One Annual Return 1: the people supported in each quarter of the year and in it.
                LongSet[][] byQuarter = annual.people(w.code);
                byQuarter[4][si].add(key);
                byQuarter[4][services.size()].add(key);
                for (int q = 0; q < 4; q++) {
                    if (CountingRules.openDuring(c, annual.quarters[q])) {
                        byQuarter[q][si].add(key);
                        byQuarter[q][services.size()].add(key);
                    }
                }
            }
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
            // LLR 26.17: "cases closed, broken down by case/decision type, showing actual number of hours spent".
            String decisionType = decisionType(c);
            w.closedByDecisionType.add(decisionType, si, 1);
            w.closedMinutesByDecisionType.add(decisionType, si, minutes);
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

        if (annual != null && c.work().feedback() != null && CountingRules.closedIn(c, yearToDate)) {
            // LLR 27.4, Appendix One Annual Return 1: the outcomes of the cases closed in the year, contract-wide.
            Map<String, String> answers = c.work().feedback().answers();
            for (int q = 0; q < questions.size(); q++) {
                int question = q;
                CountingRules.positive(questions.get(q), answers.get(questions.get(q).id())).ifPresent(yes -> {
                    annual.answered[question][si]++;
                    if (yes) {
                        annual.positive[question][si]++;
                    }
                });
            }
        }

        if (service.allocation().allocated() && CountingRules.waitingAtEnd(c, quarter)) {
            w.waiting[si]++;
            w.waitingDays[si] += waited(c.receivedAt());
            w.waitingSource.add(label(source), si, 1);
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
        WorkbookCounts w = workbooks.get(CountingRules.workbookOf(contract, row.authority()));
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
        long referral = row.reference().year() * 10_000_000L + row.reference().sequence();
        w.referralsWithTime[si].add(referral);
        long[] split = w.referralMinutes.computeIfAbsent(referral, key -> new long[] {si, 0, 0});
        split[row.kind() == TimeEntry.Kind.DIRECT ? 1 : 2] += row.minutes();
        if (row.meeting() != null) {
            // LEW Appendix 1: the LAC reviews, CP conferences and other meetings attended with young people, an entry each;
            // a Pathway Plan meeting attended is the young person supported to contribute to their plan, once a case.
            w.meetingsAttended[row.meeting().ordinal()][si]++;
            if (row.meeting() == TimeEntry.Meeting.PATHWAY_PLAN) {
                w.pathwayPlanCases[si].add(row.reference().year() * 10_000_000L + row.reference().sequence());
            }
        }
        w.timeRecordedBy.get(si).add(row.recordedBy());
    }

    /** Awareness sessions, complaints, compliments dated in the year to date (the quarter is by date). */
    public void addRecord(ReturnRecord record) {
        if (record instanceof AwarenessSession session) {
            if (halfYear.contains(session.date())) {
                records.awarenessContract[session.setting().ordinal()]++;
                WorkbookCounts w = workbooks.get(CountingRules.workbookOf(contract, session.authority()));
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
                records.complaintsReceived[si][stage]++;
                // LLR 26.17: formal and informal complaints; one recorded before it was asked is "not given".
                records.complaintsByFormality[si][complaint.formality() == null ? 2 : complaint.formality().ordinal()]++;
            }
            if (!complaint.received().isAfter(period.lastDay())
                    && (complaint.closed() == null || !complaint.closed().isBefore(period.firstDay()))) {
                records.complaintsInProcess[si][stage]++;
                records.detailed.add(complaint);
            }
            if (complaint.closed() != null && period.contains(complaint.closed()) && Boolean.TRUE.equals(complaint.resolvedByAdr())) {
                records.complaintsAdr[si]++;
            }
        } else if (record instanceof Compliment compliment) {
            Integer si = serviceIndex.get(compliment.service());
            if (si != null && period.contains(compliment.received())) {
                records.compliments[si]++;
                records.detailed.add(compliment);
            }
        }
    }

    /**
     * Whether this quarter's return needs the staff directory: for the annual staffing update (LLR 26.17: the contract asks,
     * and it is Q4), or for the annual return's qualifications (LLR 27.4, Appendix One Annual Return 6).
     */
    public boolean staffingDue() {
        return contract.reportSchedule().staffingUpdate().isPresent() && quarter.quarter() == 4 || annual != null;
    }

    /** A member of the staff directory: counted in the annual staffing update if they work in the contract and it is due. */
    public void addStaff(org.advocacyhub.domain.staff.StaffRecord member) {
        if (staffingDue() && member.contracts().contains(contract.code())) {
            records.staff.add(member);
        }
    }

    /** Answerphone messages left in the quarter (contract-wide, not per authority). */
    public void addCallback(CallbackFigures.Kept kept) {
        if (period.contains(kept.leftAt())) {
            records.callbacks.add(kept);
        }
    }

    /** Case studies of the quarter's return (contract-wide, like complaints); a reader may pass other quarters'. */
    @Override
    public void addCaseStudy(org.advocacyhub.domain.casestudy.CaseStudy study) {
        if (study.contract().equals(contract.code()) && study.quarter().equals(quarter)) {
            records.caseStudies.add(study);
        }
    }

    /** Service summaries of the quarter's return (contract-wide). */
    @Override
    public void addServiceSummary(org.advocacyhub.domain.casestudy.ServiceSummary summary) {
        if (summary.contract().equals(contract.code()) && summary.quarter().equals(quarter)) {
            records.serviceSummaries.add(summary);
        }
    }

    // ------------------------------------------------------------------ building

    /** The figures. {@code asAt} = when the figures are taken (for "still running" clocks and callbacks). */
    public QuarterlyReturn build(Instant asAt, String softwareVersion) {
        CallbackFigures callbackFigures = records.callbackFigures(contract, quarter, asAt, calendar);
        if (returning != null) {
            for (WorkbookCounts w : workbooks.values()) {
                java.util.Arrays.fill(w.returnedOnce, 0);
                java.util.Arrays.fill(w.returnedTwice, 0);
            }
            returning.count(period, (w, si, twice) -> (twice ? w.returnedTwice : w.returnedOnce)[si]++);
        }
        List<AuthorityReturn> returns = new ArrayList<>();
        for (WorkbookCounts w : workbooks.values()) {
            returns.add(new ReturnLayout(contract, quarter, questions, w, records, callbackFigures, asAt, softwareVersion).workbook());
        }
        return new QuarterlyReturn(contract.code(), quarter, asAt, returns);
    }

    /**
     * The annual return's workbook (LLR 27.4), when this quarter's report carries one ({@link AnnualReturns#dueWith}): for the
     * authority the contract names, from the items written for the year and what this build counted. Call after the reader
     * has passed everything (as {@link #build}).
     */
    public Optional<AnnualReturnWorkbook> buildAnnualReturn(Instant asAt, String softwareVersion) {
        if (annual == null) {
            return Optional.empty();
        }
        org.advocacyhub.domain.contract.ReportSchedule.AnnualReturn asked = AnnualReturns.of(contract).orElseThrow();
        Authority to = contract.authority(asked.authority()).orElseThrow();
        WorkbookCounts w = workbooks.getOrDefault(to.code(), workbooks.values().iterator().next());
        Map<String, String> councils = new LinkedHashMap<>();
        workbooks.values().forEach(book -> councils.put(book.code, book.name));
        ReturnLayout layout = new ReturnLayout(contract, quarter, questions, w, records, null, asAt, softwareVersion);
        return Optional.of(new AnnualReturnSheets(layout, asked, annual, councils).workbook(to));
    }

    // ------------------------------------------------------------------ helpers of addCase

    private void countAllocation(Allocation allocation, WorkbookCounts w, int si) {
        if (allocation == null) {
            return;
        }
        records.allocatedAdvocates.add(allocation.advocateId());
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

    /** Hours ({@code minutes} / 60) per {@code divisor}, two places; null with no divisor. */
    static BigDecimal perPerson(long minutes, long divisor) {
        return divisor == 0 ? null : BigDecimal.valueOf(minutes).divide(SIXTY.multiply(BigDecimal.valueOf(divisor)), 2, RoundingMode.HALF_UP);
    }

    /** Only for tests: how many distinct person keys were counted in the quarter (all services) in {@code authority}'s workbook. */
    int peopleInQuarter(String authority) {
        return workbooks.get(authority).peopleQuarter[services.size()].size();
    }
}
