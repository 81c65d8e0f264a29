package org.advocacyhub.local.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.CaseClocks;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.Closure;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.Feedback;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.ScreeningRecord;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.eligibility.InformationNeeded;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.reports.ReturnsSink;
import org.advocacyhub.domain.returns.AwarenessSession;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A deterministic, realistic quarter of one contract made in memory for {@link ReportBenchmark}:
 * what the returns reader would hand the report function, streamed into a {@link ReturnsSink}
 * one item at a time. Nothing is kept between cases (a repeat referral of a person is recognised by
 * re-deriving that person from its index), so generating 100,000 cases holds no more than one.
 *
 * <p>Cases are moved along as the use cases move them (the clocks with {@link CaseClocks}, as in the
 * domain's report test fixtures): every service and authority of the contract and people from outside
 * the area; about 70% received in the quarter, 22% earlier in the financial year and 8% in the year
 * before (open or closed since the year began); decisions of every outcome and some still awaiting one;
 * allocations (a few reallocated), first contacts, meetings, IMHA eligibility and IMCA reports, so KPI
 * clocks are met, missed and still running; hours, action-plan goals, requests of 20 or more hours;
 * closures of every reason, most with closure feedback, some reopened; about 3 time entries a case
 * (the TimeRows of the year to date); then awareness sessions, complaints, compliments and answerphone
 * messages with kept callbacks. The same {@code seed} and size make the same quarter.
 */
final class ReturnQuarter {

    private static final Map<ServiceCode, FieldSpec> DECISION_TYPE = new EnumMap<>(Map.of(
            ServiceCode.IMCA, ServiceQuestions.IMCA_DECISION,
            ServiceCode.DOLS_IMCA, ServiceQuestions.DOLS_ROLE,
            ServiceCode.IMHA, ServiceQuestions.MHA_STATUS,
            ServiceCode.CARE_ACT, ServiceQuestions.CARE_ACT_PROCESS,
            ServiceCode.ICAS, ServiceQuestions.ICAS_SERVICE_KIND,
            ServiceCode.CYP, ServiceQuestions.CYP_REASON,
            ServiceCode.ACCOMMODATION, ServiceQuestions.ACCOMMODATION_CATEGORY));
    private static final String[] FIRST = {"Alex", "Sam", "Jo", "Chris", "Pat", "Jamie", "Robin", "Priya", "Aisha", "Mohammed", "Ravi",
            "Zoë", "Seán", "Mary", "John", "Margaret", "David", "Susan", "Peter", "Janet", "Amrit", "Harjit", "Fatima", "Yusuf", "Grace",
            "Olu", "Kofi", "Ewa", "Tomasz", "Irena", "Siobhán", "Dylan", "Megan", "Ellis", "Noor", "Hannah", "Ruth", "Ann", "Derek",
            "Gwen"};
    private static final String[] LAST = {"Smith", "Jones", "Patel", "Mistry", "Khan", "O'Brien", "Taylor", "Brown", "Wilson", "Evans",
            "Thomas", "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall", "Wood",
            "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Clark", "Turner", "Hill", "Scott", "Cooper", "Morris", "Ward", "Moore",
            "King", "Watson", "Baker", "Harrison", "Morgan", "Chauhan", "Parmar", "Lad", "Kaur", "Singh", "Nowak", "Kowalski", "Okafor",
            "Mensah", "Ahmed", "Ali", "Hussain", "Begum", "Gill", "Sharma", "Lee", "Chen", "Murphy", "Kelly", "Price"};
    private static final Referrer[] REFERRERS = {
            new Referrer(ReferrerRelationship.PROFESSIONAL, "Sam Social", "Social worker", "Leicestershire County Council",
                    "sam@council.example", null),
            new Referrer(ReferrerRelationship.DECISION_MAKER, "Dr Decider", "Consultant", "University Hospitals of Leicester",
                    "decider@nhs.example", null),
            new Referrer(ReferrerRelationship.FAMILY_OR_FRIEND, "Fran Family", "Daughter", null, "fran@family.example", null),
            new Referrer(ReferrerRelationship.SELF, "Self", "Self", null, "self@person.example", null)};
    private static final ReferralSource[] SOURCES = ReferralSource.values();
    private static final ReferralRoute[] ROUTES = ReferralRoute.values();
    private static final Gender[] GENDERS = Gender.values();
    private static final Ethnicity[] ETHNICITIES = Ethnicity.values();
    private static final Disability[] DISABILITIES = Disability.values();
    private static final Residence[] RESIDENCES = Residence.values();
    private static final ClosureReason[] CLOSURE_REASONS = ClosureReason.values();
    private static final TimeEntry.Activity[] ACTIVITIES = TimeEntry.Activity.values();
    private static final Goal.Status[] GOAL_STATUSES = {Goal.Status.ACHIEVED, Goal.Status.PARTLY_ACHIEVED, Goal.Status.NOT_ACHIEVED,
            Goal.Status.IN_PROGRESS, Goal.Status.NOT_STARTED};
    private static final int[] GOAL_WEIGHTS = {85, 6, 4, 3, 2};
    private static final int ADVOCATES = 150;
    private static final Reason ELIGIBLE = new Reason("Meets the criteria for the service", "LLR 5.2");
    private static final Reason[] DECLINED = {new Reason("Has an appropriate family member to consult", "LLR 5.2"),
            new Reason("Another organisation already supports the person", "LLR 4.5.2"),
            new Reason("The person lives outside the area and no partner authority funds it", "LLR 7.38"),
            new Reason("No decision or process that advocacy supports", "LLR 8.35")};

    private final Contract contract;
    private final FinancialQuarter quarter;
    private final Instant asAt;
    private final long seed;
    private final WorkingCalendar calendar;
    private final List<ServiceConfig> services;
    private final List<String> authorities = new ArrayList<>();
    private final List<FeedbackQuestion> questions;
    private final Map<String, String[]> districts = new HashMap<>();

    ReturnQuarter(Contract contract, FinancialQuarter quarter, Instant asAt, long seed) {
        this.contract = contract;
        this.quarter = quarter;
        this.asAt = asAt;
        this.seed = seed;
        this.calendar = contract.calendar();
        this.services = contract.services();
        for (Authority authority : contract.authorities()) {
            authorities.add(authority.code());
        }
        this.questions = contract.feedback();
        districts.put("LEICESTER", new String[] {"LE1", "LE2", "LE3", "LE4", "LE5"});
        districts.put("LEICESTERSHIRE", new String[] {"LE7", "LE8", "LE9", "LE10", "LE11", "LE12", "LE13", "LE16", "LE17", "LE65",
                "LE67", "DE74"});
        districts.put("RUTLAND", new String[] {"LE15", "PE9"});
        districts.put(AuthorityDirectory.OUTSIDE_AREA, new String[] {"NG7", "CV1", "DE1", "PE1", "B15"});
    }

    /** What was generated (a check that two runs made the same quarter, and the generation-only sink's work). */
    record Made(long cases, long timeRows, long records, long callbacks) {
    }

    /** Streams {@code cases} cases (each followed by its time rows), then the quarter's records and kept callbacks. */
    Made generate(int cases, ReturnsSink sink) {
        Random random = new Random(seed);
        long rows = 0;
        for (int i = 0; i < cases; i++) {
            rows += oneCase(i, random, sink);
        }
        long records = records(cases, random, sink);
        long callbacks = callbacks(cases, random, sink);
        return new Made(cases, rows, records, callbacks);
    }

    // ------------------------------------------------------------------ one case

    private int oneCase(int index, Random random, ReturnsSink sink) {
        ServiceConfig service = services.get(pick(random, serviceWeights()));
        // About 6% are a person referred before (a repeat referral, the name sometimes typed differently).
        int personIndex = index > 100 && random.nextInt(100) < 6 ? random.nextInt(index) : index;
        Person person = person(personIndex, personIndex != index && random.nextBoolean());
        Instant received = receivedAt(random);
        boolean urgent = random.nextInt(100) < 8;
        ReferralSource source = SOURCES[random.nextInt(SOURCES.length)];
        ReferralRoute route = ROUTES[pick(random, new int[] {30, 25, 30, 2, 3, 1, 9})];
        Map<String, String> answers = new HashMap<>();
        FieldSpec decisionQuestion = DECISION_TYPE.get(service.code());
        if (decisionQuestion != null && random.nextInt(100) < 92) {
            List<? extends Choice> choices = decisionQuestion.choices();
            answers.put(ServiceQuestions.key(decisionQuestion), ((Enum<?>) choices.get(random.nextInt(choices.size()))).name());
        }
        ReferralDetails details = new ReferralDetails(service.code(), route, source, person, REFERRERS[random.nextInt(REFERRERS.length)],
                urgent ? Urgency.URGENT : Urgency.STANDARD, null, null, Awareness.AWARE_AND_AGREES, "Needs an advocate", answers);
        List<SlaClock> clocks = new ArrayList<>();
        for (ClockDefinition definition : service.clocksStartedBy(ClockEvent.REFERRAL_RECEIVED)) {
            clocks.add(definition.startClock(received, urgent));
        }
        int year = received.atZone(WorkingCalendar.ZONE).getYear();
        ReferralCase c = ReferralCase.received(new ReferralReference(contract.code(), year, index + 1), details, received, null, clocks);

        // The decision: most eligible, every other outcome, some not yet decided.
        int roll = random.nextInt(1000);
        Instant decidedAt = received.plus(minutes(random, 5, 60 * 6));
        if (roll < 40 || decidedAt.isAfter(asAt)) {
            return emit(c, List.of(), sink); // awaiting a decision
        }
        if (roll >= 820) {
            Outcome outcome = roll < 880 ? Outcome.NOT_ELIGIBLE : roll < 920 ? Outcome.INFORMATION_ONLY : roll < 960 ? Outcome.SIGNPOSTED
                    : roll < 985 ? Outcome.NEEDS_INFORMATION : Outcome.REDIRECT;
            return emit(screened(c, service, outcome, DECLINED[random.nextInt(DECLINED.length)], decidedAt), List.of(), sink);
        }
        c = eligible(c, service, decidedAt, urgent);

        // Allocation (KPI 1: 2 working days): most in time, some late, some still waiting at the quarter's end.
        int allocationRoll = random.nextInt(100);
        Instant allocatedAt = allocationRoll < 96 ? decidedAt.plus(minutes(random, 10, 60 * 16))
                : allocationRoll < 98 ? decidedAt.plus(minutes(random, 60 * 60, 60 * 200)) : null;
        if (allocatedAt == null || allocatedAt.isAfter(asAt) || !service.allocation().allocated()) {
            return emit(c, List.of(), sink);
        }
        String advocate = advocate(random);
        c = allocated(c, service, allocatedAt, advocate, urgent);
        if (random.nextInt(100) < 3) {
            // Reallocated (LLR 9.32): the first advocate becomes an earlier allocation.
            Instant again = allocatedAt.plus(minutes(random, 60 * 24, 60 * 24 * 20));
            if (again.isBefore(asAt)) {
                advocate = advocate(random);
                c = c.worked(c.status(), c.clocks(), c.work().allocatedTo(new Allocation(advocate, "Advocate " + advocate, again, "manager-1")));
            }
        }

        // Contact (KPI 2: 1 working day), meeting (KPI 3: 7 working days), IMHA eligibility, the IMCA report.
        Instant last = allocatedAt;
        if (random.nextInt(100) < 98) {
            Instant contact = allocatedAt.plus(random.nextInt(100) < 95 ? minutes(random, 5, 60 * 6) : minutes(random, 60 * 30, 60 * 120));
            if (contact.isBefore(asAt)) {
                c = event(c, service, ClockEvent.FIRST_CONTACT, contact, urgent);
                last = contact;
                if (service.code() == ServiceCode.IMHA && random.nextInt(100) < 85) {
                    Instant confirmed = contact.plus(minutes(random, 30, 60 * 72));
                    if (confirmed.isBefore(asAt)) {
                        c = event(c, service, ClockEvent.ELIGIBILITY_CONFIRMED, confirmed, urgent);
                    }
                }
                if (random.nextInt(100) < 97) {
                    Instant meeting = contact.plus(random.nextInt(100) < 94 ? minutes(random, 60, 60 * 24 * 5)
                            : minutes(random, 60 * 24 * 9, 60 * 24 * 20));
                    if (meeting.isBefore(asAt)) {
                        c = event(c, service, ClockEvent.FIRST_MEETING_HELD, meeting, urgent);
                        last = meeting;
                    }
                }
            }
        }

        // Time entries (about 3 a case), the case's hours being their sum; the rows of the year to date are streamed.
        int entries = 1 + random.nextInt(8);
        List<TimeRow> rows = new ArrayList<>(entries);
        int direct = 0;
        int indirect = 0;
        LocalDate firstDay = allocatedAt.atZone(WorkingCalendar.ZONE).toLocalDate();
        LocalDate lastDay = asAt.atZone(WorkingCalendar.ZONE).toLocalDate().minusDays(1);
        long span = Math.max(1, ChronoUnit.DAYS.between(firstDay, lastDay));
        for (int e = 0; e < entries; e++) {
            LocalDate date = firstDay.plusDays(Math.min(span, (long) (random.nextDouble() * random.nextDouble() * Math.min(span, 120))));
            int minutes = 15 * (1 + random.nextInt(12));
            boolean isDirect = random.nextInt(100) < 60;
            TimeEntry.Activity activity = ACTIVITIES[random.nextInt(ACTIVITIES.length)];
            if (isDirect) {
                direct += minutes;
            } else {
                indirect += minutes;
            }
            rows.add(new TimeRow(date, minutes, isDirect ? TimeEntry.Kind.DIRECT : TimeEntry.Kind.INDIRECT, activity, advocate));
        }
        c = c.worked(c.status(), c.clocks(), c.work().withHours(c.work().hours().withMinutes(direct, indirect)));
        if (random.nextInt(100) < 2) {
            Instant asked = last.plus(minutes(random, 60, 60 * 24 * 30));
            if (asked.isBefore(asAt)) {
                Hours more = c.work().hours().withRequest(new Hours.Request(BigDecimal.valueOf(20 + random.nextInt(25)),
                        "Several best-interests meetings and a complex dispute about where the person lives", asked, advocate));
                c = c.worked(c.status(), c.clocks(), c.work().withHours(more));
            }
        }
        int goals = random.nextInt(4);
        if (goals > 0) {
            List<Goal> plan = new ArrayList<>();
            for (int g = 0; g < goals; g++) {
                plan.add(new Goal("g" + g, "Goal " + (g + 1), GOAL_STATUSES[pick(random, GOAL_WEIGHTS)]));
            }
            c = c.worked(c.status(), c.clocks(), c.work().withActionPlan(plan));
        }

        // The IMCA instruction ends and the report is sent (LLR 5.23), for some.
        if (service.code() == ServiceCode.IMCA && random.nextInt(100) < 60) {
            Instant ended = last.plus(minutes(random, 60 * 24, 60 * 24 * 30));
            if (ended.isBefore(asAt)) {
                c = event(c, service, ClockEvent.INSTRUCTION_ENDED, ended, urgent);
                last = ended;
                Instant sent = ended.plus(random.nextInt(100) < 90 ? minutes(random, 60, 60 * 24 * 6) : minutes(random, 60 * 24 * 8,
                        60 * 24 * 15));
                if (sent.isBefore(asAt)) {
                    c = event(c, service, ClockEvent.REPORT_SENT, sent, urgent);
                    last = sent;
                }
            }
        }

        // Closure (about half the allocated cases, later for the earlier ones), most with feedback; a few reopened.
        if (random.nextInt(100) < 55) {
            Instant closedAt = last.plus(minutes(random, 60 * 24, 60 * 24 * 60));
            if (closedAt.isBefore(asAt)) {
                if (random.nextInt(100) < 70) {
                    Map<String, String> feedback = new HashMap<>();
                    for (FeedbackQuestion question : questions) {
                        int answer = random.nextInt(100);
                        if (answer < 80) {
                            feedback.put(question.id(), question.answer() == FeedbackQuestion.AnswerKind.YES_NO ? "true"
                                    : question.answer() == FeedbackQuestion.AnswerKind.SCALE_1_TO_5 ? String.valueOf(4 + random.nextInt(2))
                                    : "Helpful");
                        } else if (answer < 92) {
                            feedback.put(question.id(), question.answer() == FeedbackQuestion.AnswerKind.YES_NO ? "false"
                                    : question.answer() == FeedbackQuestion.AnswerKind.SCALE_1_TO_5 ? String.valueOf(1 + random.nextInt(3))
                                    : "Not sure");
                        }
                    }
                    c = c.worked(c.status(), c.clocks(), c.work().withFeedback(new Feedback(closedAt, advocate, feedback)));
                }
                c = closed(c, service, closedAt, CLOSURE_REASONS[pick(random, new int[] {55, 12, 10, 8, 6, 5, 4})]);
                if (random.nextInt(100) < 3) {
                    c = c.worked(CaseStatus.ALLOCATED, c.clocks(), c.work().withClosure(null)); // reopened
                }
            }
        }
        return emit(c, rows, sink);
    }

    /** One time entry before its case is known (the case's reference, service and authority are added when emitted). */
    private record TimeRow(LocalDate date, int minutes, TimeEntry.Kind kind, TimeEntry.Activity activity, String by) {
    }

    private int emit(ReferralCase c, List<TimeRow> rows, ReturnsSink sink) {
        sink.addCase(c);
        int emitted = 0;
        for (TimeRow row : rows) {
            if (quarter.yearToDate().contains(row.date()) && !row.date().isAfter(quarter.lastDay())) {
                sink.addTime(new org.advocacyhub.domain.reports.TimeRow(c.reference(), c.details().service(),
                        c.details().person().authority(), row.date(), row.minutes(), row.kind(), row.activity(), null, row.by()));
                emitted++;
            }
        }
        return emitted;
    }

    // ------------------------------------------------------------------ the case moved along (as the use cases do)

    private ReferralCase eligible(ReferralCase c, ServiceConfig service, Instant at, boolean urgent) {
        CaseClocks.Applied applied = CaseClocks.on(c.clocks(), service, ClockEvent.REFERRAL_ACCEPTED, at, c.work().milestones(), urgent,
                calendar);
        ReferralCase screened = c.screened(CaseStatus.AWAITING_ALLOCATION, new ScreeningRecord(decision(Outcome.ELIGIBLE, ELIGIBLE), at,
                "bench"), applied.clocks(), null);
        return screened.worked(screened.status(), screened.clocks(), screened.work().withMilestone(ClockEvent.REFERRAL_ACCEPTED, at));
    }

    private ReferralCase screened(ReferralCase c, ServiceConfig service, Outcome outcome, Reason reason, Instant at) {
        if (outcome == Outcome.ELIGIBLE) {
            throw new IllegalArgumentException("use eligible()");
        }
        CaseStatus status = CaseStatus.after(outcome);
        List<SlaClock> clocks = outcome == Outcome.NEEDS_INFORMATION ? c.clocks().stream().map(k -> k.pause(at, "Waiting")).toList()
                : outcome == Outcome.REDIRECT ? c.clocks() : List.of();
        return c.screened(status, new ScreeningRecord(decision(outcome, reason), at, "bench"), clocks, null);
    }

    private static ScreeningDecision decision(Outcome outcome, Reason reason) {
        return new ScreeningDecision(outcome, List.of(reason), List.of(), outcome == Outcome.REDIRECT ? ServiceCode.CARE_ACT : null, Set.of(),
                outcome == Outcome.NEEDS_INFORMATION ? List.of(new InformationNeeded("the decision", "the decision maker")) : List.of());
    }

    private ReferralCase event(ReferralCase c, ServiceConfig service, ClockEvent event, Instant at, boolean urgent) {
        CaseClocks.Applied applied = CaseClocks.on(c.clocks(), service, event, at, c.work().milestones(), urgent, calendar);
        return c.worked(c.status(), applied.clocks(), c.work().withMilestone(event, at));
    }

    private ReferralCase allocated(ReferralCase c, ServiceConfig service, Instant at, String advocateId, boolean urgent) {
        ReferralCase after = event(c, service, ClockEvent.ALLOCATED, at, urgent);
        return after.worked(CaseStatus.ALLOCATED, after.clocks(),
                after.work().allocatedTo(new Allocation(advocateId, "Advocate " + advocateId, at, "manager-1")));
    }

    private ReferralCase closed(ReferralCase c, ServiceConfig service, Instant at, ClosureReason reason) {
        CaseClocks.Applied applied = CaseClocks.stopAll(c.clocks(), service, at, ClockEvent.REPORT_SENT, calendar);
        return c.worked(CaseStatus.CLOSED, applied.clocks(), c.work().withClosure(new Closure(reason, at, "manager-1", "Outcome reached")));
    }

    // ------------------------------------------------------------------ people, times, picks

    /** Person {@code index}, derived from the index alone (so a repeat referral is the same person without keeping anyone). */
    private Person person(int index, boolean typedDifferently) {
        Random r = new Random(seed * 1_000_003L + index);
        String first = FIRST[r.nextInt(FIRST.length)];
        String last = LAST[r.nextInt(LAST.length)];
        String name = first + " " + (r.nextInt(10) == 0 ? LAST[r.nextInt(LAST.length)] + "-" : "") + last;
        if (typedDifferently) {
            name = last.toUpperCase(java.util.Locale.ROOT) + ",  " + first.toLowerCase(java.util.Locale.ROOT);
        }
        // Intake requires a date of birth (ReferralFields.PERSON_DOB), so every stored case has one.
        r.nextInt(100); // kept: the same seed makes the same people as before
        LocalDate born = LocalDate.of(1925, 1, 1).plusDays(r.nextInt(30_000));
        int authorityRoll = r.nextInt(100);
        String authority = authorities.size() == 1 ? authorities.get(0)
                : authorityRoll < 5 ? AuthorityDirectory.OUTSIDE_AREA
                : authorities.get(Math.min(authorities.size() - 1, authorityRoll < 55 ? 0 : authorityRoll < 93 ? 1 : 2));
        String[] near = districts.getOrDefault(authority, districts.get("LEICESTERSHIRE"));
        String postcode = r.nextInt(100) < 3 ? null
                : near[r.nextInt(near.length)] + " " + (1 + r.nextInt(9)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        Set<Disability> disabilities = EnumSet.noneOf(Disability.class);
        int howMany = r.nextInt(3);
        for (int d = 0; d < howMany; d++) {
            disabilities.add(DISABILITIES[r.nextInt(DISABILITIES.length)]);
        }
        Ethnicity ethnicity = r.nextInt(100) < 60 ? Ethnicity.WHITE_BRITISH : ETHNICITIES[r.nextInt(ETHNICITIES.length)];
        Gender gender = r.nextInt(100) < 90 ? (r.nextBoolean() ? Gender.FEMALE : Gender.MALE) : GENDERS[r.nextInt(GENDERS.length)];
        return new Person(name, born, gender, ethnicity, disabilities, RESIDENCES[r.nextInt(RESIDENCES.length)], null, postcode, authority,
                null, null, false);
    }

    /** 70% in the quarter, 22% earlier in the financial year, 8% in the year before; mostly in office hours, London time. */
    private Instant receivedAt(Random random) {
        int roll = random.nextInt(100);
        LocalDate from;
        LocalDate to;
        if (roll < 70) {
            from = quarter.firstDay();
            to = quarter.lastDay();
        } else if (roll < 92) {
            from = quarter.yearToDate().firstDay();
            to = quarter.firstDay().minusDays(1);
        } else {
            from = quarter.yearToDate().firstDay().minusYears(1);
            to = quarter.yearToDate().firstDay().minusDays(1);
        }
        if (to.isBefore(from)) { // Q1: no earlier quarter in the year
            from = quarter.firstDay();
            to = quarter.lastDay();
        }
        LocalDate day = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
        LocalTime time = random.nextInt(100) < 90 ? LocalTime.of(8, 30).plusMinutes(random.nextInt(9 * 60))
                : LocalTime.of(random.nextInt(24), random.nextInt(60));
        return ZonedDateTime.of(day, time, WorkingCalendar.ZONE).toInstant();
    }

    private static Duration minutes(Random random, int min, int max) {
        return Duration.ofMinutes(min + random.nextInt(max - min + 1));
    }

    private static String advocate(Random random) {
        return "advocate-" + (1 + random.nextInt(ADVOCATES));
    }

    /** LLR's mix (IMHA the largest, LLR 4.5); any other contract's services evenly. */
    private int[] serviceWeights() {
        int[] weights = new int[services.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = switch (services.get(i).code()) {
                case IMHA -> 35;
                case CARE_ACT -> 25;
                case IMCA -> 15;
                case ICAS -> 15;
                case DOLS_IMCA -> 10;
                default -> 20;
            };
        }
        return weights;
    }

    private static int pick(Random random, int[] weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int roll = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            roll -= weights[i];
            if (roll < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    // ------------------------------------------------------------------ the contract-wide records

    /** Awareness sessions of the half-year, complaints and compliments of the year to date (about one per 400 and 250 cases). */
    private long records(int cases, Random random, ReturnsSink sink) {
        long made = 0;
        LocalDate from = quarter.yearToDate().firstDay();
        int days = (int) ChronoUnit.DAYS.between(from, quarter.lastDay()) + 1;
        Instant recordedAt = quarter.end();
        for (String authority : authorities) {
            for (int s = 0; s < 3 * (days / 30); s++) {
                LocalDate date = from.plusDays(random.nextInt(days));
                sink.addRecord(new AwarenessSession("AW-" + authority + "-" + s, contract.code(), date, authority,
                        random.nextBoolean() ? AwarenessSetting.PROFESSIONAL : AwarenessSetting.COMMUNITY, 5 + random.nextInt(40),
                        "manager-1", recordedAt));
                made++;
            }
        }
        for (int i = 0; i < Math.max(3, cases / 400); i++) {
            LocalDate received = from.plusDays(random.nextInt(days));
            LocalDate closed = random.nextInt(100) < 70 ? received.plusDays(random.nextInt(60)) : null;
            if (closed != null && closed.isAfter(quarter.lastDay())) {
                closed = null;
            }
            sink.addRecord(new Complaint("CMP-" + i, contract.code(), received, services.get(random.nextInt(services.size())).code(),
                    1 + pick(random, new int[] {80, 15, 5}), closed == null ? null : random.nextInt(100) < 20, closed, null, "manager-1",
                    recordedAt));
            made++;
        }
        for (int i = 0; i < Math.max(3, cases / 250); i++) {
            sink.addRecord(new Compliment("CPL-" + i, contract.code(), from.plusDays(random.nextInt(days)),
                    services.get(random.nextInt(services.size())).code(), null, "manager-1", recordedAt));
            made++;
        }
        return made;
    }

    /** Answerphone messages left in the quarter (one per 20 cases), most called back within 24 working hours. */
    private long callbacks(int cases, Random random, ReturnsSink sink) {
        ClockDefinition clock = contract.answerphoneClock().orElse(null);
        if (clock == null) {
            return 0;
        }
        long made = 0;
        int days = (int) ChronoUnit.DAYS.between(quarter.firstDay(), quarter.lastDay()) + 1;
        for (int i = 0; i < cases / 20; i++) {
            Instant left = ZonedDateTime.of(quarter.firstDay().plusDays(random.nextInt(days)),
                    LocalTime.of(random.nextInt(24), random.nextInt(60)), WorkingCalendar.ZONE).toInstant();
            Instant due = clock.startClock(left, false).dueAt(calendar).orElseThrow();
            int roll = random.nextInt(100);
            Instant responded = roll < 90 ? left.plus(minutes(random, 10, 60 * 20)) : roll < 97 ? due.plus(minutes(random, 30, 60 * 48)) : null;
            if (responded != null && responded.isAfter(asAt)) {
                responded = null;
            }
            sink.addCallback(new CallbackFigures.Kept("MSG-" + i, left, due, responded));
            made++;
        }
        return made;
    }
}
