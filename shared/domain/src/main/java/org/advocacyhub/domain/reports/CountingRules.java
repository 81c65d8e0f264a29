package org.advocacyhub.domain.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.Casework;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.ReportingPeriod;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The counting rules of the quarterly returns (requirements §7 and §10), each written once, next
 * to the {@link Definition} that the Definitions sheet shows for it: the sheet's text is the text
 * of these constants, so what the commissioner reads is what the code counts.
 *
 * <p>Every rule is pure: the time is a parameter ({@code asAt}, the quarter), never the system clock.
 */
public final class CountingRules {

    /**
     * How one figure is counted, as the Definitions sheet shows it.
     *
     * @param figure     the figure's name, as the sheets' notes refer to it
     * @param howCounted the rule, in plain English
     * @param clause     where it comes from
     */
    public record Definition(String figure, String howCounted, String clause) {
    }

    /** The label of a figure with no answer. */
    public static final String NOT_GIVEN = "Not given";

    private CountingRules() {
    }

    // ------------------------------------------------------------------ referrals

    public static final Definition REFERRALS_RECEIVED = new Definition("Referrals received",
            "Every referral counts in the financial quarter of the day it was received, by London date (a referral received at "
                    + "23:30 on 31 March counts in Q4, one received at 00:30 on 1 April in Q1).",
            "LLR 26.12, 26.17; LEW Appendix 1; DERBY 3.7.1; requirements §10");

    /** Whether {@code c} was received in {@code period} (its London date). */
    public static boolean receivedIn(ReferralCase c, ReportingPeriod period) {
        return period.contains(c.receivedAt());
    }

    /** What screening made of a referral, for the returns. */
    public enum Decided {
        /** Screened ELIGIBLE. */
        APPROPRIATE,
        /** Screened NOT_ELIGIBLE, INFORMATION_ONLY or SIGNPOSTED. */
        INAPPROPRIATE,
        /** Not screened yet, or waiting for information, or a redirect not yet confirmed. */
        AWAITING_DECISION
    }

    public static final Definition APPROPRIATE_REFERRALS = new Definition("Appropriate referrals",
            "Referrals received in the quarter whose screening decision is 'eligible' (accepted). Each breakdown (decision type, "
                    + "gender, age band, ethnicity, disability, postcode district, source) counts these.",
            "LLR 4.5.5, 26.17; LEW Appendix 1, 17.5");

    public static final Definition INAPPROPRIATE_REFERRALS = new Definition("Inappropriate referrals",
            "Referrals received in the quarter screened 'not eligible', 'information only' or 'signposted', with the source of the "
                    + "referral and each reason given (a decision may give several reasons). They do not count towards the unique-person "
                    + "targets.",
            "LLR 4.5.2, 4.5.5, 26.17; LEW Appendix 1");

    public static final Definition AWAITING_DECISION = new Definition("Awaiting decision",
            "Referrals received in the quarter with no final screening decision when the figures were taken: not screened yet, "
                    + "waiting for information, or redirected to another service and not yet screened again.",
            "LLR 26.17");

    /**
     * What the latest screening decision of {@code c} makes it.
     *
     * <p>Interpretation: a referral is counted by its latest decision as the figures are taken (a
     * referral received on the last day of the quarter and screened on the next working day counts
     * by that decision in the quarter of its receipt); a decision later changed by re-screening
     * counts as changed.
     */
    public static Decided decided(ReferralCase c) {
        if (c.screening() == null) {
            return Decided.AWAITING_DECISION;
        }
        Outcome outcome = c.screening().decision().outcome();
        return switch (outcome) {
            case ELIGIBLE -> Decided.APPROPRIATE;
            case NOT_ELIGIBLE, INFORMATION_ONLY, SIGNPOSTED -> Decided.INAPPROPRIATE;
            case NEEDS_INFORMATION, REDIRECT -> Decided.AWAITING_DECISION;
        };
    }

    // ------------------------------------------------------------------ authority

    public static final Definition AUTHORITY_SPLIT = new Definition("Authority",
            "Each referral belongs to the authority the referral names for the person; its time, closure and clocks go with it. "
                    + "A referral for a person from outside the contract's area goes to the lead authority's workbook.",
            "LLR 7.38, 15.1, 23.1");

    public static final Definition OUT_OF_AREA = new Definition("Out-of-area referrals",
            "Referrals received in the quarter for a person the referral places outside the contract's authorities ('another "
                    + "area'), by source, and how many of them were appropriate. They are reported in the lead authority's workbook. "
                    + "A referral one council instructs for a person whose figures are another council's (a Deprivation of Liberty "
                    + "Safeguards case whose supervisory body is Leicester City for a person placed in Leicestershire) is counted "
                    + "once, in the person's council's figures, and listed in both: 'instructed by this council for a person in "
                    + "another area' in the instructing council's workbook, 'instructed by another council' in the other.",
            "LLR 26.17, 7.38, 23.1");

    /**
     * The council of the contract that instructed the referral, when the referral names one: for a DoLS IMCA referral the
     * supervisory body (LLR 5.42: DoLS referrals come from an LLR authority's DoLS team). Interpretation (LLR 26.17, "number
     * and sources of out of area referrals"): the supervisory body is the council that instructed the case; no other
     * service's referral names an instructing council (its referrer's organisation is free text), so none is inferred.
     */
    public static Optional<String> instructedBy(Contract contract, ReferralCase c) {
        if (!contract.reportSchedule().perAuthority() || c.details().service() != ServiceCode.DOLS_IMCA) {
            return Optional.empty();
        }
        return Optional.ofNullable(c.details().serviceAnswers().get(ServiceQuestions.key(ServiceQuestions.DOLS_SUPERVISORY_BODY)))
                .filter(code -> contract.authority(code).isPresent());
    }

    /** Whether the person of {@code c} is from outside the contract's area. */
    public static boolean outOfArea(String personAuthority) {
        return personAuthority == null || AuthorityDirectory.OUTSIDE_AREA.equals(personAuthority);
    }

    /**
     * The workbook a referral's figures go to: the person's authority when the contract reports per
     * authority, else the one workbook of the contract (its code).
     *
     * <p>Interpretation: a person from outside the area (LLR 7.38: e.g. an IMHA patient placed in a
     * Leicestershire Partnership Trust hospital), or one naming an authority the contract does not
     * have, is reported to the lead authority, which contracts on behalf of all partners (LLR 23.1).
     */
    public static String workbookOf(Contract contract, String personAuthority) {
        if (!contract.reportSchedule().perAuthority()) {
            return contract.code();
        }
        if (!outOfArea(personAuthority) && contract.authority(personAuthority).isPresent()) {
            return personAuthority;
        }
        return contract.leadAuthority().code();
    }

    // ------------------------------------------------------------------ KPI clocks

    public static final Definition KPI_CLOCKS = new Definition("KPI clocks",
            "A KPI clock counts once, in the quarter it is resolved: met in the quarter it stopped, if it stopped (its event "
                    + "happened) on or before its due time; missed in the quarter of its due time, if it was still running then or "
                    + "stopped later. The due time follows the contract's rule in London time (working days end at 17:00; bank "
                    + "holidays and clock changes are the calendar's) and moves by any pause. A clock still running and not yet due at "
                    + "quarter end, or paused, is carried forward and counted when resolved. A clock stopped by the case closing before "
                    + "its event happened is not counted if it was not yet due. Share = met / (met + missed).",
            "LLR Appendix One KPIs 1-3, LEW 8.4, DERBY 3.3.1, 3.7.1; requirements §10");

    /** How a KPI clock stands. */
    public enum Resolution {
        /** Its event happened on or before its due time. */
        MET,
        /** Due and not stopped in time. */
        MISSED,
        /** Still running (or paused) and not yet missed. */
        PENDING,
        /** Stopped by closure before its event happened and before its due time: nothing to measure. */
        NOT_COUNTED
    }

    /**
     * A clock's resolution and when it happened (the stop when met, the due time when missed; {@code null} otherwise).
     */
    public record Resolved(Resolution resolution, Instant at) {
        /** Whether it counts in the KPI of {@code period}. */
        public boolean countsIn(ReportingPeriod period) {
            return (resolution == Resolution.MET || resolution == Resolution.MISSED) && period.contains(at);
        }

        /** Whether it was started before the end of {@code period} and was not resolved by then. */
        public boolean carriedForwardFrom(ReportingPeriod period, SlaClock clock) {
            return clock.startedAt().isBefore(period.end())
                    && (resolution == Resolution.PENDING
                    || (resolution != Resolution.NOT_COUNTED && !at.isBefore(period.end())));
        }
    }

    /**
     * How {@code clock} of {@code definition} on a case with {@code work} stands at {@code asAt}.
     *
     * <p>Interpretation: a clock stopped before its due time only counts as met when its own event
     * happened (the case's milestone for the definition's stop event, at or before the stop); a
     * clock the closure stopped first (CaseClocks.stopAll: the person declined before an advocate
     * was allocated) measured nothing and is not counted, but one already past its due time when the
     * closure stopped it was missed. "Missed at its due time": an event exactly at the due time
     * still meets it (requirements §5).
     */
    public static Resolved resolve(SlaClock clock, ClockDefinition definition, Casework work, Instant asAt, WorkingCalendar calendar) {
        return resolve(clock, definition, work, asAt, clock.dueAt(calendar));
    }

    /**
     * As {@link #resolve(SlaClock, ClockDefinition, Casework, Instant, WorkingCalendar)}, with the clock's due time
     * ({@code clock.dueAt(calendar)}) already worked out: working it out is most of the cost of counting a clock, and the
     * builder needs it first.
     */
    static Resolved resolve(SlaClock clock, ClockDefinition definition, Casework work, Instant asAt, Optional<Instant> due) {
        if (clock.isStopped()) {
            Instant stopped = clock.stoppedAt();
            // As SlaClock#status: a stopped clock has no open pause, so its due time is known; met when stopped at or before it.
            if (due.filter(d -> !stopped.isAfter(d)).isEmpty()) {
                return new Resolved(Resolution.MISSED, due.orElseThrow());
            }
            boolean eventHappened = work.milestone(definition.stop()).filter(at -> !at.isAfter(stopped)).isPresent();
            return eventHappened ? new Resolved(Resolution.MET, stopped) : new Resolved(Resolution.NOT_COUNTED, null);
        }
        if (due.isPresent() && asAt.isAfter(due.get())) {
            return new Resolved(Resolution.MISSED, due.get());
        }
        return new Resolved(Resolution.PENDING, null);
    }

    public static final Definition URGENT_SPLIT = new Definition("Standard and urgent",
            "For a clock with a shorter limit for urgent referrals (for example an offer or decline within 24 hours, 1 hour "
                    + "when urgent), each limit is reported on its own line as well as together; each clock counts under the limit it "
                    + "ran on.", "DERBY 3.3.1, 3.7.1");

    /** Whether {@code clock} ran under its definition's urgent rule (and that rule differs from the standard one). */
    public static boolean ranUrgent(SlaClock clock, ClockDefinition definition) {
        return definition.urgentRule().filter(rule -> rule.equals(clock.rule()) && !rule.equals(definition.rule())).isPresent();
    }

    public static final Definition GOALS_KPI = new Definition("Goals achieved (KPI 4)",
            "Of the action plan goals of the cases closed in the quarter, the share marked 'achieved' at closure. A goal 'partly "
                    + "achieved' or 'not achieved' counts against; a goal without a closing mark is not counted.",
            "LLR Appendix One KPI 4, 9.34");

    /**
     * Interpretation: KPI 4 ("a person's advocacy goals achieved as set out in their action plan,
     * 95%") is counted per goal, not per person: every goal the person set counts, and a goal partly
     * achieved is not achieved.
     *
     * @return {achieved, marked} over the goals of {@code work}
     */
    public static long[] goals(Casework work) {
        long achieved = 0;
        long marked = 0;
        for (var goal : work.actionPlan()) {
            if (goal.status().isFinal()) {
                marked++;
                if (goal.status() == org.advocacyhub.domain.casework.Goal.Status.ACHIEVED) {
                    achieved++;
                }
            }
        }
        return new long[] {achieved, marked};
    }

    // ------------------------------------------------------------------ open, closed, carried forward, waiting

    public static final Definition CASES_CLOSED = new Definition("Cases closed",
            "Cases whose closure is dated in the quarter, by reason (outcome) and by case or decision type, with the total hours "
                    + "recorded on each case, and the action-plan goals marked achieved of those marked at closure (the summary of "
                    + "outcomes). A case reopened (its closure removed) is not closed; it counts when it closes again.",
            "LLR 26.17, LEW Appendix 1, LEW 8.12");

    /** Whether {@code c} is closed, and its closure falls in {@code period}. */
    public static boolean closedIn(ReferralCase c, ReportingPeriod period) {
        return c.work().closure() != null && period.contains(c.work().closure().at());
    }

    public static final Definition PEOPLE_SUPPORTED = new Definition("People supported",
            "Unique persons with an appropriate referral open at any time in the period: received before the period ended and not "
                    + "closed before it began. A person referred more than once counts once (same date of birth and same name, ignoring "
                    + "case, accents, punctuation, spacing and the order of names; a referral without a date of birth is its own "
                    + "person). Quarter and financial year to date; the year to date is set against the contract's annual minimum.",
            "LLR 4.5, 4.5.1, 4.5.2, 26.17; LEW 7.2, Appendix 1");

    /**
     * Whether {@code c} was an open appropriate referral at any time in {@code period}.
     *
     * <p>Interpretation: support starts when the referral is accepted (LLR 4.5.1) but counts from
     * its receipt for the period: a referral received on the last day and accepted the next working
     * day was open in the period. A reopened case has no closure, so it counts as open since its receipt.
     */
    public static boolean openDuring(ReferralCase c, ReportingPeriod period) {
        return decided(c) == Decided.APPROPRIATE && c.receivedAt().isBefore(period.end())
                && (c.work().closure() == null || !c.work().closure().at().isBefore(period.start()));
    }

    public static final Definition CARRIED_FORWARD = new Definition("Carried forward",
            "Referrals received before the quarter began and still open when it began: accepted and not closed before the quarter "
                    + "(carried forward accepted), or with no decision made by the time the quarter began (carried forward awaiting "
                    + "decision).",
            "LLR 26.17");

    /**
     * Whether {@code c} was carried into {@code quarter} from before it, and as what; empty when not.
     *
     * <p>Interpretation: only the latest screening decision is on the case; a referral whose latest
     * decision was made on or after the quarter's start was still undecided when the quarter began.
     */
    public static Optional<Decided> carriedForwardInto(ReferralCase c, FinancialQuarter quarter) {
        Instant start = quarter.start();
        if (!c.receivedAt().isBefore(start) || (c.work().closure() != null && c.work().closure().at().isBefore(start))) {
            return Optional.empty();
        }
        if (c.screening() == null || !c.screening().decidedAt().isBefore(start) || decided(c) == Decided.AWAITING_DECISION) {
            return Optional.of(Decided.AWAITING_DECISION);
        }
        return decided(c) == Decided.APPROPRIATE ? Optional.of(Decided.APPROPRIATE) : Optional.empty();
    }

    /** The first time {@code work} was allocated to an advocate (the earliest of its allocations), if ever. */
    public static Optional<Instant> firstAllocation(Casework work) {
        Instant first = work.allocation() == null ? null : work.allocation().at();
        for (Allocation earlier : work.earlierAllocations()) {
            if (first == null || earlier.at().isBefore(first)) {
                first = earlier.at();
            }
        }
        return Optional.ofNullable(first);
    }

    public static final Definition WAITING_LIST = new Definition("Waiting list at quarter end",
            "Appropriate referrals received before the quarter ended, not closed by then, and with no advocate allocated by then "
                    + "(the first allocation counts; a case later reallocated is not waiting). Average wait: working days from receipt "
                    + "to the end of the quarter, counting each working day whose 17:00 passed (as the waiting list screen counts age). "
                    + "By the source of the referral, as the sources of unallocated referrals.",
            "LLR 26.17, 4.5, 9.38a");

    /** Whether {@code c} was waiting for an advocate at the end of {@code quarter}. */
    public static boolean waitingAtEnd(ReferralCase c, FinancialQuarter quarter) {
        Instant end = quarter.end();
        return decided(c) == Decided.APPROPRIATE && c.receivedAt().isBefore(end)
                && (c.work().closure() == null || !c.work().closure().at().isBefore(end))
                && firstAllocation(c.work()).filter(at -> at.isBefore(end)).isEmpty();
    }

    /** Working days a referral received at {@code receivedAt} had waited at {@code end} (WorkingCalendar#workingDaysElapsed). */
    public static long workingDaysWaited(Instant receivedAt, Instant end, WorkingCalendar calendar) {
        return calendar.workingDaysElapsed(receivedAt, end);
    }

    // ------------------------------------------------------------------ breakdowns

    public static final Definition DECISION_TYPE = new Definition("Decision type",
            "The case or decision type the referral gives for its service: IMCA the decision, DoLS IMCA the role, IMHA the legal "
                    + "status, Care Act the process, NHS complaints what the complaint is about, children and young people the reason, "
                    + "accommodation the young person's category. 'Not given' when the referral does not say.",
            "LLR 26.17; LEW 17.5");

    public static final Definition GENDER = new Definition("Gender", "The gender the referral gives for the person.", "LLR 26.17; LEW 17.5");

    /** The age bands, youngest first. */
    public static final List<String> AGE_BANDS = List.of("Under 11", "11 to 15", "16 to 17", "18 to 24", "25 to 34", "35 to 44",
            "45 to 54", "55 to 64", "65 to 74", "75 to 84", "85 and over", NOT_GIVEN);

    public static final Definition AGE_BAND = new Definition("Age band",
            "The person's age in whole years on the day the referral was received (London date), from the date of birth the "
                    + "referral gives, in the bands Under 11, 11 to 15, 16 to 17, 18 to 24, then ten-year bands to 75 to 84, and 85 and "
                    + "over. 'Not given' without a date of birth.",
            "LLR 26.17; LEW 17.5");

    /** The age band of a person born {@code dateOfBirth} referred at {@code receivedAt}. */
    public static String ageBand(LocalDate dateOfBirth, Instant receivedAt) {
        if (dateOfBirth == null) {
            return NOT_GIVEN;
        }
        int age = ageAt(dateOfBirth, receivedAt);
        if (age < 11) {
            return AGE_BANDS.get(0);
        }
        if (age < 16) {
            return AGE_BANDS.get(1);
        }
        if (age < 18) {
            return AGE_BANDS.get(2);
        }
        if (age < 25) {
            return AGE_BANDS.get(3);
        }
        if (age >= 85) {
            return AGE_BANDS.get(10);
        }
        return AGE_BANDS.get(4 + (age - 25) / 10);
    }

    /** Age in whole years on the London date of {@code at}. */
    public static int ageAt(LocalDate dateOfBirth, Instant at) {
        return Math.max(0, Period.between(dateOfBirth, at.atZone(WorkingCalendar.ZONE).toLocalDate()).getYears());
    }

    public static final Definition ETHNICITY = new Definition("Ethnicity", "The ethnic group the referral gives for the person.",
            "LLR 26.17; LEW 17.5");

    public static final Definition DISABILITY = new Definition("Disability",
            "The disabilities or impairments the referral gives; a person may have several, so the rows may add up to more than "
                    + "the referrals. 'Not given' when none is given.", "LLR 26.17; LEW 17.5");

    public static final Definition POSTCODE_DISTRICT = new Definition("Postcode district",
            "The outward part of the person's postcode (e.g. LE1 of LE1 6ZG), upper case; 'Not given' without a postcode or with "
                    + "one that is not a UK postcode. Never the full postcode.", "LLR 26.17");

    private static final Pattern OUTWARD = Pattern.compile("[A-Z]{1,2}[0-9][A-Z0-9]?");

    /** The postcode district (outward code) of {@code postcode}, or "Not given". */
    public static String postcodeDistrict(String postcode) {
        if (postcode == null) {
            return NOT_GIVEN;
        }
        String compact = postcode.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        String outward = compact.length() >= 5 ? compact.substring(0, compact.length() - 3) : compact;
        boolean fullPostcode = compact.length() >= 5 && compact.substring(compact.length() - 3).matches("[0-9][A-Z]{2}");
        return (fullPostcode || compact.length() < 5) && OUTWARD.matcher(outward).matches() ? outward : NOT_GIVEN;
    }

    public static final Definition SOURCE = new Definition("Referral source",
            "Who made the referral (the source the referral records).", "LLR 8.33-8.34, 26.17; LEW 8.2, 17.5");

    public static final Definition ROUTE = new Definition("Referral route",
            "How every referral received in the quarter arrived (online form, telephone, email...), whatever the decision.",
            "LLR 7.45, 9.24, 26.17");

    // ------------------------------------------------------------------ time

    public static final Definition HOURS = new Definition("Hours",
            "Time entries dated in the quarter (London date), direct (face to face, calls, meetings) and indirect (admin, travel, "
                    + "research, writing), per service. Per referral: hours / referrals with time in the quarter. Per person: hours / "
                    + "people supported in the quarter. Year to date likewise, set against the guide hours per person. Hours by referral: each "
                    + "referral with time in the quarter, its direct and indirect hours, numbered within its service (no reference).",
            "LLR 26.17, 4.5; LEW 17.5, Appendix 1");

    public static final Definition ACTIVITIES = new Definition("How advocates supported people",
            "Hours recorded in the quarter by activity (face to face, phone or video, meetings, correspondence, report writing, "
                    + "research, admin, travel) and how many entries.", "LLR 26.17");

    public static final Definition ADVOCATES_ACTIVE = new Definition("Advocates active",
            "Distinct advocates who were allocated a case in the quarter, or recorded time in the quarter on a case of the service "
                    + "while being an advocate the hub allocates cases to. A number only: no names.", "LLR 26.17");

    public static final Definition REQUESTS_OVER = new Definition("Requests of 20 or more hours",
            "Requests made in the quarter to provide 20 or more hours for one person (a case reaching 20 hours needs one first), "
                    + "and the hours asked for. The reasons are written by staff and may name people: they are in the restricted "
                    + "caseload list for managers, not in this workbook.", "LLR 26.17, 26.9, 27.6");

    // ------------------------------------------------------------------ feedback, returns, callbacks

    public static final Definition OUTCOMES = new Definition("Outcomes reported at closure",
            "From the answers at closure of the cases closed in the quarter: for a yes-or-no question the share answering "
                    + "yes among those who answered it; for a 1 to 5 question the share answering 4 or 5. Free-text answers are never "
                    + "reported. The person answers most questions; a measure that begins 'Advocate reports' is the advocate's "
                    + "answer about the person, recorded with the person's feedback.", "LEW 13.3, Appendix 1; LLR Appendix One outcomes, 26.17");

    /**
     * Whether {@code answer} to {@code question} is a positive one; empty when it is not counted
     * (unanswered, unreadable, or a free-text question).
     *
     * <p>Interpretation: on the 1 to 5 scale, 4 ("mostly") and 5 ("completely") are positive; free
     * text can name people and is never reported (LLR 26.9).
     */
    public static Optional<Boolean> positive(FeedbackQuestion question, String answer) {
        if (answer == null) {
            return Optional.empty();
        }
        return switch (question.answer()) {
            case YES_NO -> "true".equals(answer) ? Optional.of(true) : "false".equals(answer) ? Optional.of(false) : Optional.empty();
            case SCALE_1_TO_5 -> switch (answer.trim()) {
                case "4", "5" -> Optional.of(true);
                case "1", "2", "3" -> Optional.of(false);
                default -> Optional.empty();
            };
            case SHORT_TEXT -> Optional.empty();
        };
    }

    public static final Definition AWARENESS = new Definition("Awareness sessions (KPIs 5 and 6)",
            "Awareness-raising sessions held, by setting, in the half-year the quarter is in (April to September, or October to "
                    + "March) up to the quarter's end, against the least number a half-year. Each workbook shows its authority's "
                    + "sessions and the contract's total; the KPI is met on the contract's total.",
            "LLR 5.26, 9.47, Appendix One KPIs 5-6");

    /** The first day of the half-year (April or October) that {@code quarter} is in. */
    public static LocalDate halfYearStart(FinancialQuarter quarter) {
        return quarter.quarter() <= 2 ? LocalDate.of(quarter.financialYear(), 4, 1) : LocalDate.of(quarter.financialYear(), 10, 1);
    }

    public static final Definition COMPLAINTS = new Definition("Complaints and compliments",
            "Complaints received in the quarter, formal and informal, and by stage (1, 2 or 3, the stage a complaint is at when the "
                    + "figures are taken); complaints in the complaints process at any time in the "
                    + "quarter by stage; complaints closed in the quarter and resolved by alternative dispute resolution; compliments "
                    + "received in the quarter. Complaints and compliments are recorded for the contract and a service, not an "
                    + "authority: every workbook shows the contract's figures.",
            "LLR 26.17, Appendix One; LEW Appendix 1, 7.11");

    public static final Definition STAFFING = new Definition("Staffing (annual update)",
            "In the fourth quarter's return, for the financial year: the contract's staff in the staff directory at the year's "
                    + "end (advocates and managers, and how many were not active then); the advocates holding the Level 3 "
                    + "Independent Advocacy Qualification on that day, and those without it appointed less than a year before "
                    + "(working towards it), each of all the contract's advocates; the qualifications and units recorded as "
                    + "achieved in the year. Volunteers, leavers, other training and supervisions are not recorded in the hub.",
            "LLR 26.17, 13.1");

    public static final Definition COMPLAINT_DETAILS = new Definition("Complaint details",
            "Each complaint in the complaints process at any time in the quarter (received by its last day and not closed before "
                    + "its first), and each compliment received in it: formal or informal, service, stage, whether it was open or "
                    + "closed at the quarter's end, and the brief details and progress of the enquiry staff wrote for the council. "
                    + "They name no one: text with an email address, telephone number, full postcode, full date, case reference or a "
                    + "title with a name is refused when written and withheld here.",
            "LLR 26.17, 26.9; LEW Appendix 1, 14.3");

    public static final Definition CALLBACKS = new Definition("Answerphone callbacks",
            "Messages left on the answerphone in the quarter, responded to within 24 hours excluding weekends and bank holidays, "
                    + "missed (responded to late or past due with no response), and still open. The answerphone serves the whole "
                    + "contract: every workbook shows the contract-wide figures.",
            "LLR 9.23");

    public static final Definition CASE_STUDIES = new Definition("Case studies",
            "The outcome case studies a manager selected for the quarter's return, for each service: each the journey of one "
                    + "person to their outcomes, written on their case once it closed, in the quarter it closed. Each gives the "
                    + "outcome measures it evidences, on what footing it is shared (the person agreed, or could not consent and it "
                    + "is shared in their best interests with no identifying details) and the text. When fewer are selected than "
                    + "the contract asks for, each missing one reads 'Not completed this quarter'. They name no one: no case "
                    + "reference, and text with the person's name, an email address, telephone number, full postcode, full date, "
                    + "case reference or a title with a name is refused when written and withheld here.",
            "LLR 26.16, 27.3, Appendix One");

    public static final Definition SERVICE_SUMMARIES = new Definition("Service summaries",
            "Each service activity summary the contract asks for, as a manager wrote it for the quarter: the work done on the "
                    + "activity, or 'Not completed this quarter' when the manager said it was not completed or nothing was written. "
                    + "Text that could identify someone is refused when written and withheld here.",
            "LLR 26.17, Appendix One; LEW 17.2");

    // ------------------------------------------------------------------ the annual return (LLR 27.4)

    public static final Definition ANNUAL_ITEMS = new Definition("Annual return items",
            "The items of Appendix One's annual return, each as a manager wrote it for the financial year (April to March), or "
                    + "'Not completed this year' when the manager said it was not completed or nothing was written. Text that "
                    + "could identify someone is refused when written and withheld here. The annual budget is kept in the "
                    + "provider's finance records, not the hub. Interpretation: '31st April' is taken as 30 April, the last day "
                    + "of April.",
            "LLR 27.4, Appendix One, 26.4");

    public static final Definition ANNUAL_PEOPLE = new Definition("People supported in the year",
            "As People supported, for each quarter of the financial year and for the whole year: unique persons with a case "
                    + "open at any time in the period, per council and service. A person supported in several quarters counts once "
                    + "in the year, so the year is not the sum of its quarters.",
            "LLR 27.4, Appendix One Annual Return 1, 26.17");

    public static final Definition ANNUAL_OUTCOMES = new Definition("Outcomes in the year",
            "As Outcomes, over the cases closed in the financial year rather than the quarter, for every council together (the "
                    + "annual return is of the whole service), per service and for all services.",
            "LLR 27.4, Appendix One Annual Return 1, Appendix One");

    public static final Definition QUALIFICATIONS = new Definition("Qualifications",
            "The contract's staff in the staff directory when the return is built: for each qualification and unit the directory "
                    + "records, the advocates and the managers holding it on the financial year's last day, and those of them who "
                    + "achieved it in the year. Other training courses are not recorded in the hub.",
            "LLR 27.4, Appendix One Annual Return 6, 13.1");

    // ------------------------------------------------------------------ LEW outputs

    public static final Definition LEW_OUTPUTS = new Definition("Outputs (LEW)",
            "Hours delivered: hours recorded in the quarter. Young people supported: as People supported. Active caseload at "
                    + "quarter end: accepted, received before the end and not closed by it, by group (the group recorded on the case, "
                    + "else the one the referral gives). New self-referrals and referrals from the Participation Manager: received in "
                    + "the quarter by source. Accepted and rejected: received in the quarter, screened eligible or not. Closed: as "
                    + "Cases closed. Contacted within 72 hours: the contact clock's KPI. Active cases over 8 and over 12 hours: active "
                    + "at quarter end with more total hours on the case than the review and cap thresholds. Primary reasons: of the "
                    + "cases open in the quarter.",
            "LEW Appendix 1 Outputs, 7.3, 8.4, 8.9, 8.11");

    public static final Definition LEW_OUTCOMES = new Definition("Outcomes (LEW)",
            "Young people supported to contribute to a Pathway Plan: cases with a time entry of a Pathway Plan meeting attended, "
                    + "dated in the quarter (each case counts once, however many such meetings). LAC reviews, CP conferences and "
                    + "other meetings attended with young people: time entries of attending that meeting dated in the quarter, one "
                    + "meeting an entry; a meeting entry that does not say which meeting is not counted here. Young people "
                    + "referred to the participation forum or service: the advocate's yes answers in the feedback of the cases "
                    + "closed in the quarter. Issues raised by young people: the advocate's yes answers, category by category, "
                    + "in the feedback of the cases closed in the quarter: a case counts once in each category the young person "
                    + "raised, however often they raised it; all categories is their sum. The categories are the provider's "
                    + "until the Council confirms its own (Appendix 1: 'categories to be confirmed'). Young people returning to the service: those with a referral received in the quarter "
                    + "(whatever its screening) who had an earlier case of the contract closed no more than a year before it (the "
                    + "same person as People supported counts them); once, or at least twice when two or more of their referrals "
                    + "were received in the year after that closure by the quarter's end; target 0. Closures are read back to a "
                    + "year before the quarter; a referral from before the financial year that was never accepted is not read, so "
                    + "it does not add to 'at least twice'. The percentages of Appendix 1 against their targets, what the young "
                    + "person and what the advocate reported, are on the Outcomes sheet.",
            "LEW Appendix 1");

    /**
     * Whether {@code contract}'s return counts the young people returning to the service after a case's closure (LEW
     * Appendix 1, {@link ReturningPeople}): a contract offering the children and young people's service, whose return has
     * LEW's outcome sheet.
     */
    public static boolean countsReturns(Contract contract) {
        return contract.offers(org.advocacyhub.domain.referral.ServiceCode.CYP);
    }

    /**
     * The first quarter whose closures the reader passes to the return of {@code quarter}: the financial year's first, as
     * every figure of the year to date needs; for a contract that counts returns after a closure (LEW Appendix 1, "in the
     * year following case closure"), the same quarter a year earlier, so that a return early in the year is matched to a
     * closure in the previous financial year ({@link ReturningPeople}).
     */
    public static FinancialQuarter closuresReadFrom(Contract contract, FinancialQuarter quarter) {
        return countsReturns(contract) ? new FinancialQuarter(quarter.financialYear() - 1, quarter.quarter())
                : new FinancialQuarter(quarter.financialYear(), 1);
    }

    public static final Definition GENERATED = new Definition("Generated",
            "When the figures were taken (London time) and by which version of the software. Clocks still running and callbacks "
                    + "not yet made are judged at that time.", "LLR 26.12, 26.13");

    /** Every definition, in the order the Definitions sheet lists them. */
    public static List<Definition> definitions() {
        return List.of(REFERRALS_RECEIVED, APPROPRIATE_REFERRALS, INAPPROPRIATE_REFERRALS, AWAITING_DECISION, AUTHORITY_SPLIT,
                OUT_OF_AREA, KPI_CLOCKS, URGENT_SPLIT, GOALS_KPI, CASES_CLOSED, PEOPLE_SUPPORTED, CARRIED_FORWARD, WAITING_LIST,
                DECISION_TYPE, GENDER, AGE_BAND, ETHNICITY, DISABILITY, POSTCODE_DISTRICT, SOURCE, ROUTE, HOURS, ACTIVITIES,
                ADVOCATES_ACTIVE, REQUESTS_OVER, OUTCOMES, AWARENESS, COMPLAINTS, COMPLAINT_DETAILS, STAFFING, CALLBACKS,
                CASE_STUDIES, SERVICE_SUMMARIES, ANNUAL_ITEMS, ANNUAL_PEOPLE, ANNUAL_OUTCOMES, QUALIFICATIONS, LEW_OUTPUTS,
                LEW_OUTCOMES, GENERATED);
    }
}
