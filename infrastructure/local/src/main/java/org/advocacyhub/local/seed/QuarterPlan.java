package org.advocacyhub.local.seed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.advocacyhub.domain.contract.Authority;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.FeedbackQuestion;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * Everything a seeded quarter will do, decided before the first request from one {@link Random}: the referrals (who,
 * where from, which service and council, what screening should decide), the staff the volume needs, and each case's
 * casework as timed actions (allocation, contacts, meetings, time, closure, feedback, ...), plus answerphone messages
 * and their responses, awareness sessions, complaints and compliments, case studies with the manager's selection and the
 * service summaries (issue 23). The same seed gives the same plan, so the same requests in the same order.
 *
 * <p>Most deadlines are met, some on purpose are not (an allocation three working days after receipt, a contact two
 * days after allocation, a meeting after seven working days, a late answerphone response), so that every KPI has both.
 */
final class QuarterPlan {

    static final ZoneId LONDON = WorkingCalendar.ZONE;
    /** The lane of requests that must go one at a time in plan order: referrals and answerphone messages get numbers. */
    static final String INTAKE = " intake";

    /** What the walker can do for an action: a staff request as someone, and a count for the summary. */
    interface Hub {
        Map<String, Object> call(String route, String method, String path, String actor, Object body);

        void count(String key, long amount);

        default void count(String key) {
            count(key, 1);
        }
    }

    /** One request (or a few that belong together) to make once the local clock has reached {@code due}. */
    record Action(Instant due, long seq, String lane, SeedCase subject, Op op) {
    }

    interface Op {
        void run(Hub hub);
    }

    /** A member of staff the plan puts in the directory. */
    record Staff(String id, Map<String, Object> body) {
    }

    record Options(List<String> contracts, FinancialQuarter quarter, int cases, long seed) {
    }

    final Options options;
    final List<SeedCase> cases = new ArrayList<>();
    final List<Action> actions = new ArrayList<>();
    final List<Staff> staff = new ArrayList<>();
    /** What the plan means to do, for the summary (the walker counts what it did). */
    final Map<String, Long> intended = new LinkedHashMap<>();

    private final Population p;
    /** The case studies' choices (issue 23). */
    private final Population studies;
    private final WorkingCalendar calendar;
    private final Map<String, Contract> contracts;
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    /** Nothing is planned at or after this: 18:00 London on the quarter's last day. */
    private final Instant end;
    private final List<LocalDate> workingDays = new ArrayList<>();
    private final Map<String, List<String>> advocates = new LinkedHashMap<>();
    private long seq;
    /** The LEW meetings (LEW Appendix 1) a time entry has attended so far: each is made to appear once before chance decides. */
    private final java.util.Set<String> lewMeetingsSeen = new java.util.LinkedHashSet<>();
    private static final List<String> LEW_MEETINGS = List.of("LAC_REVIEW", "CP_CONFERENCE", "PATHWAY_PLAN", "OTHER");

    private QuarterPlan(Options options, Map<String, Contract> contracts, WorkingCalendar calendar) {
        this.options = options;
        this.p = new Population(new Random(options.seed()));
        // Case studies draw from their own stream, so that adding them left the rest of a seed's plan as it was.
        this.studies = new Population(new Random(options.seed() * 31 + 23));
        this.calendar = calendar;
        this.contracts = contracts;
        this.firstDay = options.quarter().firstDay();
        this.lastDay = options.quarter().lastDay();
        this.end = at(lastDay, 18, 0);
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day)) {
                workingDays.add(day);
            }
        }
    }

    /** The plan for {@code options}; {@code contracts} by code, each of {@code options.contracts()} present. */
    static QuarterPlan make(Options options, Map<String, Contract> contracts, WorkingCalendar calendar) {
        QuarterPlan plan = new QuarterPlan(options, contracts, calendar);
        for (String code : options.contracts()) {
            plan.staffFor(contracts.get(code));
        }
        for (String code : options.contracts()) {
            plan.referrals(contracts.get(code));
        }
        for (SeedCase c : plan.cases) {
            if (c.accepted()) {
                if (c.service.equals("ACCOMMODATION")) {
                    plan.accommodation(c);
                } else {
                    plan.casework(c, contracts.get(c.contract));
                }
            }
        }
        for (String code : options.contracts()) {
            plan.returns(contracts.get(code));
            plan.caseStudySelectionsAndSummaries(contracts.get(code));
            if (contracts.get(code).answerphoneClock().isPresent()) {
                plan.answerphone(contracts.get(code));
            }
        }
        plan.actions.sort(Comparator.comparing(Action::due).thenComparingLong(Action::seq));
        return plan;
    }

    /**
     * The latest the local clock may be when seeding starts: 08:45 London on the quarter's first day (the plan does nothing
     * before 09:00, and the clock ticks on while the hub starts).
     */
    static Instant opening(FinancialQuarter quarter) {
        return quarter.firstDay().atTime(8, 45).atZone(LONDON).toInstant();
    }

    /** When to start the local clock for a quarter: 08:00 London on its first day. */
    static Instant suggestedStart(FinancialQuarter quarter) {
        return quarter.firstDay().atTime(8, 0).atZone(LONDON).toInstant();
    }

    // ------------------------------------------------------------------ staff

    /**
     * Advocates for the volume: about 40 cases a quarter each, per service, besides the demo team's (who take a share).
     * The IMCA advocates are DoLS-qualified too (LLR 5.49, 13.3-13.4); each has the units their services need (LLR 13.1-13.6).
     */
    private void staffFor(Contract contract) {
        LocalDate longAgo = firstDay.minusYears(4);
        LocalDate yearsAgo = firstDay.minusYears(2);
        for (var service : contract.services()) {
            String code = service.code().name();
            if (code.equals("ACCOMMODATION")) {
                continue;
            }
            List<String> pool = advocates.computeIfAbsent(code, k -> new ArrayList<>());
            switch (code) {
                case "IMCA", "DOLS_IMCA" -> pool.add("ira-imca");
                case "IMHA", "CARE_ACT" -> pool.add("hana-imha");
                case "CYP" -> pool.add("cai-cyp");
                default -> {
                }
            }
            double share = shareOf(contract.code(), code);
            int needed = Math.max(1, (int) Math.round(options.cases() * share / 40.0));
            for (int i = 1; i <= needed; i++) {
                String id = "seed-" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + String.format("%02d", i);
                pool.add(id);
                Map<String, Object> body = new LinkedHashMap<>();
                String gender = p.chance(0.7) ? "FEMALE" : "MALE";
                body.put("name", p.name(gender));
                body.put("email", id + "@advocacy-hub.localhost");
                body.put("role", "ADVOCATE");
                body.put("active", true);
                body.put("contracts", List.of(contract.code()));
                Map<String, Object> qualifications = new LinkedHashMap<>();
                qualifications.put("NQIA_LEVEL_3", longAgo.toString());
                List<String> services = new ArrayList<>(List.of(code));
                switch (code) {
                    case "IMCA", "DOLS_IMCA" -> {
                        services = new ArrayList<>(List.of("IMCA", "DOLS_IMCA"));
                        qualifications.put("UNIT_305_IMCA", longAgo.toString());
                        qualifications.put("UNIT_310_DOLS_TRAINING", yearsAgo.toString());
                        qualifications.put("UNIT_310_DOLS_ASSESSMENT", yearsAgo.toString());
                        body.put("imcaSince", longAgo.toString());
                    }
                    case "IMHA" -> {
                        qualifications.put("UNIT_306_IMHA", longAgo.toString());
                        body.put("imhaSince", longAgo.toString());
                    }
                    case "CARE_ACT" -> qualifications.put("UNIT_313_CARE_ACT", longAgo.toString());
                    default -> {
                    }
                }
                body.put("services", services);
                if (p.chance(0.3)) {
                    body.put("languages", List.of(p.pick(List.of("Gujarati", "Punjabi", "Polish", "Urdu", "Somali", "Arabic"))));
                }
                body.put("qualifications", qualifications);
                body.put("appointedOn", longAgo.plusMonths(p.between(0, 30)).toString());
                body.put("loginSubjects", List.of("seed-login-" + id));
                staff.add(new Staff(id, body));
            }
        }
    }

    // ------------------------------------------------------------------ referrals

    private static double shareOf(String contract, String service) {
        return switch (contract) {
            case "LLR" -> switch (service) {
                case "IMHA" -> 0.36;
                case "CARE_ACT" -> 0.25;
                case "IMCA" -> 0.18;
                case "DOLS_IMCA" -> 0.08;
                default -> 0.13;
            };
            default -> 1.0;
        };
    }

    private String service(Contract contract) {
        return switch (contract.code()) {
            case "LLR" -> p.weighted("IMHA", 36, "CARE_ACT", 25, "IMCA", 18, "DOLS_IMCA", 8, "ICAS", 13);
            default -> contract.services().get(0).code().name();
        };
    }

    private String authority(Contract contract) {
        return switch (contract.code()) {
            case "LLR" -> p.weighted("LEICESTER", 42, "LEICESTERSHIRE", 48, "RUTLAND", 6, "OTHER", 4);
            case "LEW" -> p.weighted("LEWISHAM", 94, "OTHER", 6);
            case "DERBY" -> p.weighted("DERBY", 45, "DERBYSHIRE", 25, "NOTTINGHAM", 15, "NOTTINGHAMSHIRE", 12, "OTHER", 3);
            default -> p.pick(contract.authorities()).code();
        };
    }

    /** When a referral arrives: mostly in service hours on a working day; some in the evening or at the weekend. */
    private Instant receipt() {
        if (p.chance(0.86)) {
            LocalDate day = p.pick(workingDays);
            return at(day, p.between(9, 16), 0);
        }
        LocalDate day = firstDay.plusDays(p.between(0, (int) (lastDay.toEpochDay() - firstDay.toEpochDay())));
        return calendar.isWorkingDay(day) ? at(day, p.between(17, 21), 0) : at(day, p.between(9, 20), 0);
    }

    private void referrals(Contract contract) {
        List<SeedCase> mine = new ArrayList<>();
        for (int i = 0; i < options.cases(); i++) {
            Instant received = receipt();
            SeedCase again = null;
            if (mine.size() > 10 && p.chance(0.03)) {
                // The same person referred again (same name and date of birth): a re-referral to the same service.
                SeedCase earlier = p.pick(mine);
                if (earlier.receivedAt.isBefore(received) && earlier.samePersonAs == null) {
                    again = earlier;
                }
            }
            // The first referrals cover every service (from the lead council), then every council and out of area, so
            // that even a small quarter has each of them.
            List<String> services = contract.services().stream().map(s -> s.code().name()).toList();
            List<String> areas = new ArrayList<>(contract.authorities().stream().map(Authority::code).toList());
            areas.add("OTHER");
            String service = i < services.size() ? services.get(i) : null;
            String area = i < services.size() ? contract.leadAuthority().code()
                    : i < services.size() + areas.size() ? areas.get(i - services.size()) : null;
            SeedCase made = again != null ? referAgain(contract, again, received) : refer(contract, received, service, area);
            mine.add(made);
            cases.add(made);
            intended.merge("referrals", 1L, Long::sum);
        }
    }

    private SeedCase referAgain(Contract contract, SeedCase earlier, Instant received) {
        Map<String, Object> body = new LinkedHashMap<>(earlier.referral);
        String professional = (String) ((Map<?, ?>) earlier.referral.get("referrer")).get("relationship");
        body.put("route", p.route(!professional.equals("SELF") && !professional.equals("FAMILY_OR_FRIEND")));
        body.put("reason", "Referred again: " + earlier.referral.get("reason"));
        intended.merge("people referred twice", 1L, Long::sum);
        return new SeedCase(cases.size() + 1, contract.code(), earlier.service, earlier.authority, received, body, earlier.expected,
                earlier);
    }

    private SeedCase refer(Contract contract, Instant received, String forcedService, String forcedArea) {
        String authority = forcedArea != null ? forcedArea : authority(contract);
        String service = forcedService != null ? forcedService : service(contract);
        if (contract.code().equals("LLR") && authority.equals("OTHER")) {
            // Out of area: detained in a Leicestershire Partnership Trust hospital (IMHA, LLR 7.38), a DoLS team's
            // cross-border request (LLR 5.46), or an IMCA or complaint that belongs to the home area's service.
            service = p.weighted("IMHA", 50, "DOLS_IMCA", 20, "IMCA", 15, "ICAS", 15);
        }
        LocalDate day = received.atZone(LONDON).toLocalDate();
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        String expected = "AWAITING_ALLOCATION";
        String source;
        String relationship;
        String residence;
        String place = null;
        int age;
        String urgency = "STANDARD";
        String awareness = "AWARE_AND_AGREES";
        String reason;
        switch (service) {
            case "IMCA" -> {
                boolean nhs = p.chance(0.4);
                source = nhs ? "NHS_PROFESSIONAL" : "ADULT_SOCIAL_CARE";
                relationship = "DECISION_MAKER";
                age = p.chance(0.7) ? p.between(65, 96) : p.between(20, 64);
                String decision = nhs ? p.weighted("SERIOUS_MEDICAL_TREATMENT", 45, "NHS_HOSPITAL_ACCOMMODATION", 25,
                        "NHS_CARE_HOME_ACCOMMODATION", 30) : p.weighted("COUNCIL_CARE_HOME_ACCOMMODATION", 55, "CARE_REVIEW", 25,
                        "ADULT_SAFEGUARDING", 20);
                if (authority.equals("OTHER") || p.chance(0.07)) {
                    expected = "NOT_ACCEPTED";
                    if (!authority.equals("OTHER")) {
                        decision = "OTHER";
                    }
                }
                details.put("decisionType", decision);
                switch (decision) {
                    case "NHS_HOSPITAL_ACCOMMODATION" -> details.put("stayDuration", p.weighted("MORE_THAN_28_DAYS_UP_TO_8_WEEKS", 60,
                            "MORE_THAN_8_WEEKS", 40));
                    case "NHS_CARE_HOME_ACCOMMODATION", "COUNCIL_CARE_HOME_ACCOMMODATION" -> details.put("stayDuration", "MORE_THAN_8_WEEKS");
                    default -> {
                    }
                }
                details.put("capacityJudgement", "LACKS_CAPACITY");
                details.put("capacityAssessed", true);
                details.put("familyOrFriendToConsult", "NO");
                if (decision.startsWith("SERIOUS") || decision.startsWith("NHS")) {
                    residence = "GENERAL_HOSPITAL";
                    place = p.pick(List.of("Leicester Royal Infirmary, Ward 21", "Glenfield Hospital, Ward 15", "Leicester General Hospital, Ward 7",
                            "Loughborough Community Hospital", "Hinckley and Bosworth Community Hospital"));
                } else {
                    residence = p.weighted("CARE_HOME", 45, "OWN_HOME", 35, "SUPPORTED_LIVING", 20);
                    if (residence.equals("CARE_HOME")) {
                        place = p.pick(List.of("Example Court Care Home", "Sample House Nursing Home", "Placeholder Lodge", "Test Meadows Care Home"));
                    }
                }
                awareness = p.weighted("UNABLE_TO_AGREE", 80, "NOT_AWARE", 10, "AWARE_AND_AGREES", 10);
                reason = p.sentence(List.of("A decision is needed about a long-term move to a care home; no family or friends to consult.",
                        "Serious medical treatment is being considered; the person lacks capacity to decide and has nobody to consult.",
                        "Care review due; there is no one appropriate to consult about the arrangements.",
                        "Safeguarding concerns; the person lacks capacity about the protective measures proposed."));
            }
            case "DOLS_IMCA" -> {
                source = "DOLS_TEAM";
                relationship = "PROFESSIONAL";
                age = p.chance(0.75) ? p.between(70, 97) : p.between(25, 69);
                String body2 = authority.equals("OTHER") ? p.pick(List.of("LEICESTERSHIRE", "LEICESTER")) : authority;
                if (p.chance(0.05)) {
                    expected = "NOT_ACCEPTED";
                    body2 = p.pick(List.of("DERBYSHIRE", "NOTTINGHAMSHIRE"));
                }
                String authorisation = p.weighted("STANDARD", 75, "URGENT", 25);
                details.put("dolsRole", p.weighted("SECTION_39A", 70, "SECTION_39D", 20, "SECTION_39C", 10));
                details.put("authorisationType", authorisation);
                details.put("supervisoryBody", body2);
                urgency = authorisation.equals("URGENT") ? "URGENT" : "STANDARD";
                residence = p.weighted("CARE_HOME", 80, "GENERAL_HOSPITAL", 15, "SUPPORTED_LIVING", 5);
                place = residence.equals("CARE_HOME") ? p.pick(List.of("Example Court Care Home", "Sample House Nursing Home",
                        "Placeholder Lodge")) : residence.equals("GENERAL_HOSPITAL") ? "Leicester General Hospital, Ward 7" : null;
                awareness = "UNABLE_TO_AGREE";
                reason = p.sentence(List.of("Standard authorisation requested; a section 39A IMCA is needed as there is nobody to consult.",
                        "Urgent authorisation granted; the person has no one to represent them during the assessment.",
                        "Authorisation in place; the relevant person's representative needs support."));
            }
            case "IMHA" -> {
                source = p.weighted("MENTAL_HEALTH_SERVICES", 55, "SELF", 25, "FAMILY_OR_FRIEND", 12, "NHS_PROFESSIONAL", 8);
                relationship = switch (source) {
                    case "SELF" -> "SELF";
                    case "FAMILY_OR_FRIEND" -> "FAMILY_OR_FRIEND";
                    default -> "PROFESSIONAL";
                };
                age = p.between(18, 75);
                String status = p.weighted("SECTION_2", 36, "SECTION_3", 46, "SECTION_37", 5, "SECTION_37_41", 3, "LEAVE_OF_ABSENCE", 4,
                        "SECTION_4_AFTER_SECOND_RECOMMENDATION", 2);
                if (!authority.equals("OTHER") && p.chance(0.07)) {
                    expected = "NOT_ACCEPTED";
                    status = p.pick(List.of("SECTION_136", "SECTION_5_2", "SECTION_135"));
                }
                details.put("legalStatus", status);
                details.put("hospital", "LEICESTERSHIRE_PARTNERSHIP_TRUST");
                details.put("treatment", "NONE");
                residence = status.equals("LEAVE_OF_ABSENCE") ? "OWN_HOME" : "MENTAL_HEALTH_HOSPITAL";
                if (residence.equals("MENTAL_HEALTH_HOSPITAL")) {
                    place = p.pick(List.of("Bradgate Mental Health Unit, Ward 3", "Bradgate Mental Health Unit, Ward 1", "Herschel Prince Ward",
                            "Stewart House", "Evington Centre", "The Willows"));
                }
                awareness = relationship.equals("SELF") ? "AWARE_AND_AGREES" : p.weighted("AWARE_AND_AGREES", 78, "UNABLE_TO_AGREE", 22);
                reason = p.sentence(List.of("Detained and would like help preparing for a tribunal.",
                        "Wants support at a ward round and to understand their rights under the Act.",
                        "Would like help to ask for leave and to raise concerns about treatment.",
                        "Wants to appeal against detention and needs help with the hospital managers' hearing."));
            }
            case "CARE_ACT" -> {
                source = p.weighted("ADULT_SOCIAL_CARE", 85, "LA_CUSTOMER_SERVICE_CENTRE", 15);
                relationship = "PROFESSIONAL";
                age = p.between(18, 94);
                String process = p.weighted("NEEDS_ASSESSMENT", 35, "CARE_AND_SUPPORT_PLANNING", 20, "PLAN_REVIEW", 20, "CARERS_ASSESSMENT", 8,
                        "SAFEGUARDING_ENQUIRY", 15, "SAFEGUARDING_ADULT_REVIEW", 2);
                details.put("process", process);
                details.put("personKind", process.equals("CARERS_ASSESSMENT") ? "CARER" : "ADULT_WITH_NEEDS");
                List<String> difficulty = new ArrayList<>(List.of("UNDERSTANDING", "RETAINING", "USING_OR_WEIGHING", "COMMUNICATING"));
                java.util.Collections.shuffle(difficulty, p.random());
                details.put("substantialDifficulty", List.copyOf(difficulty.subList(0, p.between(1, 3))));
                details.put("appropriateIndividual", "NO");
                boolean resident = !p.chance(0.07);
                details.put("ordinarilyResident", resident ? "YES" : "NO");
                if (!resident) {
                    expected = "NOT_ACCEPTED";
                }
                details.put("prison", "NOT_IN_PRISON");
                residence = p.weighted("OWN_HOME", 55, "SUPPORTED_LIVING", 20, "CARE_HOME", 15, "GENERAL_HOSPITAL", 10);
                awareness = p.weighted("AWARE_AND_AGREES", 75, "UNABLE_TO_AGREE", 25);
                reason = p.sentence(List.of("Needs assessment starting soon; substantial difficulty being involved and no appropriate person.",
                        "Support plan being prepared; needs help to weigh up the options and say what they want.",
                        "Safeguarding enquiry under way; no appropriate individual to support involvement.",
                        "Care and support plan review; struggles to retain and communicate information."));
            }
            case "ICAS" -> {
                source = p.weighted("SELF", 55, "FAMILY_OR_FRIEND", 25, "VOLUNTARY_ORGANISATION", 10, "NHS_PROFESSIONAL", 10);
                relationship = switch (source) {
                    case "SELF" -> "SELF";
                    case "FAMILY_OR_FRIEND" -> "FAMILY_OR_FRIEND";
                    default -> "PROFESSIONAL";
                };
                age = p.between(25, 88);
                String role = source.equals("SELF") ? p.weighted("PATIENT", 70, "FOR_SOMEONE_WHO_DIED", 20, "FOR_SOMEONE_UNABLE", 10) : "PATIENT";
                String support = "ADVOCATE";
                if (authority.equals("OTHER")) {
                    expected = "NOT_ACCEPTED";
                } else {
                    expected = p.weighted("AWAITING_ALLOCATION", 77, "INFORMATION_ONLY", 10, "SIGNPOSTED", 8, "NOT_ACCEPTED", 5);
                    switch (expected) {
                        case "INFORMATION_ONLY" -> support = "INFORMATION_ONLY";
                        case "SIGNPOSTED" -> support = p.pick(List.of("COMPENSATION", "PROFESSIONAL_CONDUCT", "QUICK_RESOLUTION"));
                        case "NOT_ACCEPTED" -> role = "FOR_SOMEONE_ABLE";
                        default -> {
                        }
                    }
                }
                details.put("serviceKind", p.weighted("HOSPITAL", 45, "GP", 20, "MENTAL_HEALTH", 12, "COMMUNITY_HEALTH", 8, "DENTIST", 5,
                        "AMBULANCE_OR_111", 5, "PHARMACY", 3, "OPTICIAN", 2));
                details.put("nhsFunded", "YES");
                details.put("complainantRole", role);
                details.put("placedInHospitalOutsideArea", false);
                details.put("supportWanted", support);
                residence = "OWN_HOME";
                reason = p.sentence(List.of("Wants to complain about hospital care and needs help writing the complaint.",
                        "Unhappy with the response to a complaint about a GP practice; wants support at a local resolution meeting.",
                        "Wants to complain about discharge arrangements and needs help understanding the process.",
                        "Would like support to take a complaint to the Parliamentary and Health Service Ombudsman."));
            }
            case "CYP" -> {
                String status = p.weighted("LOOKED_AFTER", 55, "CHILD_PROTECTION_PLAN", 20, "CARE_LEAVER", 20, "CARE_LEAVER_PERSONAL_ADVISER", 5);
                String cypReason;
                switch (status) {
                    case "LOOKED_AFTER" -> {
                        age = p.between(8, 16);
                        cypReason = p.weighted("FORMAL_MEETING", 60, "CONCERN_ABOUT_CARE", 40);
                        residence = "FOSTER_OR_RESIDENTIAL_CARE";
                    }
                    case "CHILD_PROTECTION_PLAN" -> {
                        age = p.between(11, 15);
                        cypReason = "CHILD_PROTECTION_CONFERENCE";
                        residence = "OWN_HOME";
                    }
                    case "CARE_LEAVER" -> {
                        age = p.between(18, 19);
                        cypReason = "CARE_LEAVER_CONCERN";
                        residence = p.weighted("OWN_HOME", 50, "SUPPORTED_LIVING", 35, "TEMPORARY_OR_NO_FIXED_ADDRESS", 15);
                    }
                    default -> {
                        age = p.between(19, 23);
                        cypReason = "CARE_LEAVER_CONCERN";
                        residence = p.weighted("OWN_HOME", 60, "SUPPORTED_LIVING", 40);
                    }
                }
                if (p.chance(0.07)) {
                    expected = "NOT_ACCEPTED";
                    status = "NONE_OF_THESE";
                    cypReason = "OTHER";
                    age = p.between(12, 16);
                    residence = "OWN_HOME";
                }
                source = age >= 12 && p.chance(0.35) ? "SELF" : "PARTICIPATION_MANAGER";
                relationship = source.equals("SELF") ? "SELF" : "PROFESSIONAL";
                details.put("cypStatus", status);
                details.put("cypReason", cypReason);
                details.put("secureProvisionWithAdvocacy", false);
                details.put("mayNeedImcaOrImha", false);
                reason = p.sentence(List.of("Wants support to give their views at their next review.",
                        "Has a concern about their placement and wants help to raise it.",
                        "Wants an advocate at the child protection conference.",
                        "Care leaver unhappy with the support from the leaving care team."));
                if (cypReason.equals("FORMAL_MEETING") && p.chance(0.3)) {
                    body.put("fixedDate", day.plusDays(p.between(10, 30)).toString());
                    body.put("fixedDateReason", "Looked-after child review");
                }
            }
            default -> { // ACCOMMODATION
                String category = p.weighted("CARE_LEAVER", 45, "LOOKED_AFTER_LEAVING_CARE", 25, "HOMELESS_16_17", 30);
                switch (category) {
                    case "CARE_LEAVER" -> {
                        age = p.between(18, 19);
                        residence = p.weighted("SUPPORTED_LIVING", 40, "TEMPORARY_OR_NO_FIXED_ADDRESS", 35, "OTHER", 25);
                    }
                    case "LOOKED_AFTER_LEAVING_CARE" -> {
                        age = p.between(16, 17);
                        residence = "FOSTER_OR_RESIDENTIAL_CARE";
                    }
                    default -> {
                        age = 16;
                        residence = "TEMPORARY_OR_NO_FIXED_ADDRESS";
                        urgency = p.chance(0.6) ? "URGENT" : "STANDARD";
                    }
                }
                if (!category.equals("HOMELESS_16_17") && p.chance(0.1)) {
                    urgency = "URGENT";
                }
                source = p.weighted("CHILDRENS_SOCIAL_CARE", 75, "LA_CUSTOMER_SERVICE_CENTRE", 10, "OTHER", 15);
                double r = p.random().nextDouble();
                if (r < 0.06) {
                    expected = "SIGNPOSTED";
                    source = p.pick(List.of("SELF", "FAMILY_OR_FRIEND"));
                } else if (r < 0.11) {
                    expected = "NOT_ACCEPTED";
                    category = "NONE_OF_THESE";
                    age = p.between(17, 19);
                }
                relationship = switch (source) {
                    case "SELF" -> "SELF";
                    case "FAMILY_OR_FRIEND" -> "FAMILY_OR_FRIEND";
                    default -> "PROFESSIONAL";
                };
                details.put("accommodationCategory", category);
                reason = p.sentence(List.of("Needs accommodation with support on leaving care.", "Homeless 16 year old needing accommodation.",
                        "Placement ending; needs semi-independent accommodation.", "Care leaver needing a move-on placement."));
            }
        }
        Map<String, Object> person = p.person(contract.code(), service, authority, age, day, residence, place);
        body.put("service", service);
        boolean professional = relationship.equals("PROFESSIONAL") || relationship.equals("DECISION_MAKER");
        body.put("route", p.route(professional));
        body.put("source", source);
        body.put("person", person);
        body.put("referrer", p.referrer(contract.code(), relationship, source, person));
        body.put("urgency", urgency);
        body.put("awareness", awareness);
        body.put("reason", reason);
        body.put("details", details);
        intended.merge("referrals expected " + expected, 1L, Long::sum);
        return new SeedCase(cases.size() + 1, contract.code(), service, authority, received, body, expected, null);
    }

    // ------------------------------------------------------------------ casework

    /** Allocation, contact, meeting, plan, time, closure, feedback and the service's own milestones for one accepted case. */
    private void casework(SeedCase c, Contract contract) {
        LocalDate receivedDay = c.receivedAt.atZone(LONDON).toLocalDate();
        LocalDate firstWorking = calendar.isWorkingDay(receivedDay) && c.receivedAt.atZone(LONDON).getHour() < 17
                ? receivedDay : calendar.nextWorkingDay(receivedDay);
        // Allocation: most within the two working days (LLR 9.38a, KPI 1); some late; some still waiting at quarter end.
        boolean dols = c.service.equals("DOLS_IMCA");
        boolean late = p.chance(dols ? 0.03 : 0.06);
        boolean held = p.chance(0.03);
        LocalDate allocationDay = late ? calendar.plusWorkingDays(firstWorking, p.between(3, 4))
                : calendar.plusWorkingDays(firstWorking, dols ? p.between(0, 1) : p.between(0, 2));
        Instant allocation = at(allocationDay, p.between(9, 16), 0);
        if (!allocation.isAfter(c.receivedAt.plusSeconds(3600))) {
            allocation = at(calendar.nextWorkingDay(allocationDay), p.between(9, 12), 0);
        }
        if (held || !allocation.isBefore(end)) {
            intended.merge("left on the waiting list at quarter end", 1L, Long::sum);
            return;
        }
        List<String> pool = advocates.get(c.service);
        c.advocate = pool.get(p.random().nextInt(pool.size()));
        String lane = c.advocate;
        if (late) {
            intended.merge("allocations late (KPI 1 missed)", 1L, Long::sum);
        }
        add(allocation, lane, c, hub -> {
            hub.call("POST /cases/{reference}/allocation", "POST", c.path("/allocation"), "morgan-manager", Map.of("advocateId", c.advocate));
            hub.count("allocated");
        });
        if (c.service.equals("CYP") && p.chance(0.7)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("secondaryReason", p.pick(List.of("CONCERN_ABOUT_CARE", "FORMAL_MEETING", "OTHER")));
            if (details.get("secondaryReason").equals(((Map<?, ?>) c.referral.get("details")).get("cypReason"))) {
                details.put("secondaryReason", "OTHER");
            }
            // LEW 17.5: the caseload information the referral does not give (restricted list only).
            details.put("socialWorker", p.pick(List.of("Alex Morgan", "Priya Shah", "Tom Okafor", "Jess Lee")));
            details.put("asylumSeeker", p.chance(0.1));
            details.put("legalStatus", p.pick(List.of("ACCOMMODATED_SECTION_20", "CARE_ORDER", "CARE_LEAVER",
                    "CHILD_IN_NEED_OR_PROTECTION")));
            details.put("outcomesSought", p.pick(List.of("To have a say in the review.", "To see my brother more often.",
                    "To stay in my placement.", "Help with my pathway plan.")));
            details.put("summaryOfWork", p.pick(List.of("Met twice; supported at the review.", "Phone calls and a letter to the team.",
                    "Visited and helped prepare for the meeting.")));
            details.put("estimatedHoursRemaining", p.between(1, 6));
            add(allocation.plusSeconds(3600), lane, c, hub -> {
                hub.call("PUT /cases/{reference}/return-details", "PUT", c.path("/return-details"), c.advocate, details);
                hub.count("return details recorded");
            });
        }

        // First contact: most within a working day of allocation (LLR 9.38b, KPI 2; CYP within 72 hours, LEW 8.4).
        boolean contactLate = p.chance(0.06);
        Instant contact = contactLate ? workingTime(calendar.plusWorkingDays(allocationDay, 2 + p.random().nextInt(2)))
                : laterSameOrNextWorkingDay(allocation);
        if (!contact.isBefore(end)) {
            return;
        }
        if (contactLate) {
            intended.merge("first contacts late (KPI 2 missed)", 1L, Long::sum);
        }
        if (p.chance(0.15)) {
            Instant attempt = allocation.plusSeconds(60L * p.between(20, 50));
            if (attempt.isBefore(contact)) {
                add(attempt, lane, c, hub -> {
                    hub.call("POST /cases/{reference}/contacts", "POST", c.path("/contacts"), c.advocate,
                            Map.of("at", attempt.toString(), "method", "PHONE", "withPerson", true, "successful", false));
                    hub.count("contact attempts that did not reach the person");
                });
            }
        }
        String method = p.weighted("PHONE", 50, "VISIT", 25, "VIDEO", 8, "TEXT_MESSAGE", 8, "EMAIL", 5, "LETTER", 4);
        add(contact, lane, c, hub -> {
            hub.call("POST /cases/{reference}/contacts", "POST", c.path("/contacts"), c.advocate,
                    Map.of("at", contact.toString(), "method", method, "withPerson", true, "successful", true));
            hub.count("first contacts");
        });
        if (c.service.equals("IMHA")) {
            // LLR 7.48: eligibility confirmed with the person within 3 days of the referral; later when the contact was.
            Instant confirmed = contact.plusSeconds(600);
            add(confirmed, lane, c, hub -> {
                hub.call("POST /cases/{reference}/eligibility-confirmation", "POST", c.path("/eligibility-confirmation"), c.advocate,
                        Map.of("at", confirmed.toString()));
                hub.count("IMHA eligibility confirmed");
            });
        }

        // First meeting: most within seven working days of allocation (LLR 9.38c, KPI 3).
        LocalDate contactDay = contact.atZone(LONDON).toLocalDate();
        boolean meetingLate = p.chance(0.06);
        LocalDate meetingDay = meetingLate ? calendar.plusWorkingDays(allocationDay, p.between(8, 11))
                : calendar.plusWorkingDays(contactDay, p.between(1, 4));
        if (!meetingLate && calendar.workingDaysBetween(allocationDay, meetingDay) > 6) {
            meetingDay = calendar.plusWorkingDays(allocationDay, 6);
        }
        Instant meeting = workingTime(meetingDay);
        if (!meeting.isAfter(contact)) {
            meeting = contact.plusSeconds(7200);
        }
        if (c.service.equals("DOLS_IMCA")) {
            // LLR 5.45: the DoLS report, usually within three working days of the referral.
            boolean reportLate = p.chance(0.08);
            Instant report = reportLate ? workingTime(calendar.plusWorkingDays(firstWorking, 4 + p.random().nextInt(2)))
                    : laterSameOrNextWorkingDay(contact);
            if (report.isBefore(end)) {
                add(report, lane, c, hub -> {
                    hub.call("POST /cases/{reference}/report-sent", "POST", c.path("/report-sent"), c.advocate, Map.of("at", report.toString()));
                    hub.count("reports sent");
                });
            }
        }
        if (!meeting.isBefore(end)) {
            return;
        }
        if (meetingLate) {
            intended.merge("first meetings late (KPI 3 missed)", 1L, Long::sum);
        }
        if (p.chance(0.08)) {
            Instant cancelled = meeting.minusSeconds(86_400L * 2);
            if (cancelled.isAfter(contact)) {
                add(cancelled, lane, c, hub -> {
                    hub.call("POST /cases/{reference}/meetings", "POST", c.path("/meetings"), c.advocate,
                            Map.of("at", cancelled.toString(), "held", false, "kind", "WITH_PERSON"));
                    hub.count("meetings not held");
                });
            }
        }
        String kind = p.weighted("WITH_PERSON", 70, "WITH_PERSON_AND_OTHERS", 30);
        Instant met = meeting;
        add(met, lane, c, hub -> {
            hub.call("POST /cases/{reference}/meetings", "POST", c.path("/meetings"), c.advocate,
                    Map.of("at", met.toString(), "held", true, "kind", kind));
            hub.count("first meetings");
        });

        // The person's action plan (LLR 9.34), written after the first meeting.
        List<String> goals = new ArrayList<>();
        if (p.chance(0.85)) {
            int count = p.between(1, 3);
            List<Map<String, Object>> plan = new ArrayList<>();
            for (int g = 1; g <= count; g++) {
                goals.add("g" + g);
                plan.add(Map.of("id", "g" + g, "text", p.pick(goalTexts(c.service)), "status", p.weighted("IN_PROGRESS", 70, "NOT_STARTED", 30)));
            }
            Instant planned = grid(met).plusSeconds(3600);
            add(planned, lane, c, hub -> {
                hub.call("PUT /cases/{reference}/action-plan", "PUT", c.path("/action-plan"), c.advocate, Map.of("goals", plan));
                hub.count("action plans");
            });
        }

        // Closure, or still open at quarter end (carried forward).
        int[] workingDaysOpen = switch (c.service) {
            case "IMHA" -> new int[]{5, 25};
            case "DOLS_IMCA" -> new int[]{4, 15};
            case "IMCA" -> new int[]{8, 35};
            case "CARE_ACT" -> new int[]{10, 45};
            case "ICAS" -> new int[]{15, 60};
            default -> new int[]{8, 40};
        };
        LocalDate meetDay = met.atZone(LONDON).toLocalDate();
        LocalDate closeDay = calendar.plusWorkingDays(meetDay, Math.max(2, p.between(workingDaysOpen[0], workingDaysOpen[1])
                - (int) calendar.workingDaysBetween(allocationDay, meetDay)));
        Instant closure = at(closeDay, p.between(10, 16), 0);
        boolean closes = closure.isBefore(end);
        LocalDate lastTimeDay = closes ? closeDay.minusDays(1) : lastDay;

        // Time (LLR 26.17, LEW 17.5): entries dated between the first meeting and the closure.
        time(c, contract, lane, met, lastTimeDay, closes);

        if (!closes) {
            intended.merge("open at quarter end (allocated)", 1L, Long::sum);
            return;
        }
        String reason = closureReason(c.service);
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (String goal : goals) {
            outcomes.add(Map.of("id", goal, "outcome", p.weighted("ACHIEVED", 60, "PARTLY_ACHIEVED", 25, "NOT_ACHIEVED", 15)));
        }
        String summary = p.pick(List.of("Supported the person to take part in the decision; their views were recorded and considered.",
                "Helped the person prepare for and attend their meetings; outcome agreed.",
                "Raised the person's concerns in writing and at the review; a response was received.",
                "Represented the person's wishes and feelings; the decision reflects them in part."));
        Map<String, Object> closeBody = new LinkedHashMap<>();
        closeBody.put("reason", reason);
        closeBody.put("goals", outcomes);
        closeBody.put("summary", summary);
        add(closure, lane, c, hub -> {
            hub.call("POST /cases/{reference}/closure", "POST", c.path("/closure"), c.advocate, closeBody);
            hub.count("closed");
            hub.count("closed: " + reason);
        });
        caseStudy(c, contract, closure, reason, lane);
        if (c.service.equals("IMCA")) {
            // LLR 5.23: the report within five working days of the instruction's end (the closure); some late.
            boolean reportLate = p.chance(0.07);
            Instant report = workingTime(calendar.plusWorkingDays(closeDay, reportLate ? p.between(6, 8) : p.between(1, 4)));
            if (report.isBefore(end)) {
                add(report, lane, c, hub -> {
                    hub.call("POST /cases/{reference}/report-sent", "POST", c.path("/report-sent"), c.advocate, Map.of("at", report.toString()));
                    hub.count("reports sent");
                });
            }
        }
        if (!reason.equals("PERSON_DIED") && !contract.feedback().isEmpty() && p.chance(0.55)) {
            Map<String, Object> answers = new LinkedHashMap<>();
            for (FeedbackQuestion question : contract.feedback()) {
                if (question.askedOf() == FeedbackQuestion.AskedOf.ADVOCATE) {
                    // LEW Appendix 1: the advocate answers what they saw, nearly always; a referral to the participation
                    // forum (no target) is the exception rather than the rule.
                    if (p.chance(0.95)) {
                        answers.put(question.id(), p.chance(question.targetPercent().isPresent() ? 0.8 : 0.25));
                    }
                    continue;
                }
                if (p.chance(0.2)) {
                    continue;
                }
                switch (question.answer()) {
                    case YES_NO -> answers.put(question.id(), p.chance(0.82));
                    case SCALE_1_TO_5 -> answers.put(question.id(), p.weighted(5, 45, 4, 35, 3, 12, 2, 5, 1, 3));
                    default -> {
                        if (p.chance(0.4)) {
                            answers.put(question.id(), p.pick(List.of("The advocate really listened.", "Helpful and patient.",
                                    "I felt heard for the first time.", "Would have liked more visits.", "Thank you for your help.")));
                        }
                    }
                }
            }
            if (!answers.isEmpty()) {
                Instant given = closure.plusSeconds(3600L * p.between(1, 20));
                if (given.isBefore(end)) {
                    add(given, lane, c, hub -> {
                        hub.call("POST /cases/{reference}/feedback", "POST", c.path("/feedback"), c.advocate, Map.of("answers", answers));
                        hub.count("feedback recorded");
                    });
                }
            }
        }
        if (p.chance(0.015)) {
            // A case reopened (new information), then closed again.
            Instant reopen = workingTime(calendar.plusWorkingDays(closeDay, 2));
            Instant again = workingTime(calendar.plusWorkingDays(closeDay, 6));
            if (again.isBefore(end)) {
                add(reopen, lane, c, hub -> {
                    hub.call("POST /cases/{reference}/reopen", "POST", c.path("/reopen"), "morgan-manager",
                            Map.of("reason", "New information: the decision is to be reconsidered."));
                    hub.count("reopened");
                });
                Map<String, Object> closeAgain = new LinkedHashMap<>(closeBody);
                closeAgain.put("summary", "Reopened for a reconsidered decision; supported the person again and closed.");
                add(again, lane, c, hub -> {
                    hub.call("POST /cases/{reference}/closure", "POST", c.path("/closure"), c.advocate, closeAgain);
                    hub.count("closed again after reopening");
                });
            }
        }
    }

    /** Time entries for a case, with a request for more hours (LLR 26.17) or the Service Manager's approval (LEW 8.11) when past the limit. */
    private void time(SeedCase c, Contract contract, String lane, Instant from, LocalDate lastDayOfWork, boolean closes) {
        double target = switch (c.service) {
            case "IMCA" -> 4 + p.random().nextDouble() * 12;
            case "DOLS_IMCA" -> 3 + p.random().nextDouble() * 9;
            case "IMHA" -> 1 + p.random().nextDouble() * 4;
            case "CARE_ACT" -> 3 + p.random().nextDouble() * 13;
            case "ICAS" -> 2 + p.random().nextDouble() * 11;
            default -> 2 + p.random().nextDouble() * 8;
        };
        boolean llr = contract.code().equals("LLR");
        // A child protection conference case may have 15 hours before an approval is needed (LEW 7.16): kept under 12 here.
        boolean conference = "CHILD_PROTECTION_CONFERENCE".equals(((Map<?, ?>) c.referral.get("details")).get("cypReason"));
        boolean over = llr ? !c.service.equals("IMHA") && p.chance(0.025)
                : contract.code().equals("LEW") && !conference && p.chance(0.05);
        if (over) {
            target = llr ? 21 + p.random().nextDouble() * 7 : 12.5 + p.random().nextDouble() * 2;
        }
        if (!closes) {
            target *= 0.6;
        }
        LocalDate fromDay = from.atZone(LONDON).toLocalDate();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = fromDay; !d.isAfter(lastDayOfWork) && !d.isAfter(lastDay); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days.add(d);
            }
        }
        if (days.isEmpty()) {
            return;
        }
        int totalMinutes = (int) Math.round(target * 60 / 5) * 5;
        int entries = Math.max(2, Math.min(14, (int) Math.round(target / 1.6)));
        int limit = llr ? 20 * 60 : 12 * 60;
        int sum = 0;
        boolean asked = false;
        Map<LocalDate, Integer> perDay = new java.util.HashMap<>();
        for (int e = 0; e < entries && sum < totalMinutes; e++) {
            int minutes = e == entries - 1 ? totalMinutes - sum
                    : Math.max(15, Math.min(480, (int) Math.round(totalMinutes / (double) entries * (0.5 + p.random().nextDouble()) / 5) * 5));
            minutes = Math.min(minutes, Math.min(720, totalMinutes - sum));
            if (minutes <= 0) {
                break;
            }
            LocalDate day = days.get(Math.min(days.size() - 1, (int) ((long) e * days.size() / entries)));
            // A case holds at most 24 hours for one date (issue 20).
            minutes = Math.min(minutes, 24 * 60 - perDay.getOrDefault(day, 0));
            if (minutes <= 0) {
                continue;
            }
            perDay.merge(day, minutes, Integer::sum);
            boolean direct = p.chance(0.6);
            String activity = direct ? p.weighted("FACE_TO_FACE", 45, "PHONE_OR_VIDEO", 35, "MEETING_ATTENDANCE", 20)
                    : p.weighted("CORRESPONDENCE", 25, "REPORT_WRITING", 20, "RESEARCH", 15, "ADMIN", 25, "TRAVEL", 15);
            // LEW Appendix 1: a meeting attended says which (reviews, conferences, Pathway Plans, others); until each has
            // appeared once, a direct entry attends the next one still missing, so a small quarter has them all.
            String meeting = null;
            if (contract.code().equals("LEW") && direct && (activity.equals("MEETING_ATTENDANCE")
                    || lewMeetingsSeen.size() < LEW_MEETINGS.size())) {
                activity = "MEETING_ATTENDANCE";
                meeting = lewMeetingsSeen.size() < LEW_MEETINGS.size() ? LEW_MEETINGS.get(lewMeetingsSeen.size()) : lewMeeting(c);
                lewMeetingsSeen.add(meeting);
            }
            Instant due = at(day, 16, 30);
            if (!due.isAfter(from)) {
                due = grid(from).plusSeconds(3600);
            }
            if (!due.isBefore(end)) {
                break;
            }
            // LLR 26.17: reaching 20 hours needs a request; LEW 7.2: 12 hours may be reached without an approval.
            if ((llr ? sum + minutes >= limit : sum + minutes > limit) && !asked) {
                asked = true;
                int more = (int) Math.ceil((totalMinutes - limit) / 60.0) + 2;
                if (llr) {
                    Map<String, Object> request = Map.of("hours", more, "reasons",
                            "Complex decision with several meetings still to come; the person needs continued support.");
                    add(due, lane, c, hub -> {
                        hub.call("POST /cases/{reference}/hour-requests", "POST", c.path("/hour-requests"), c.advocate, request);
                        hub.count("requests of 20 or more hours");
                    });
                } else {
                    Map<String, Object> approval = Map.of("approvedBy", p.pick(List.of("LAC Service Manager", "Leaving Care Service Manager")),
                            "limitHours", 12 + more, "reason", "Further meetings are planned and the young person wants continued support.");
                    add(due, lane, c, hub -> {
                        hub.call("POST /cases/{reference}/hour-approvals", "POST", c.path("/hour-approvals"), "morgan-manager", approval);
                        hub.count("hour approvals");
                    });
                }
            }
            sum += minutes;
            Map<String, Object> entry = new LinkedHashMap<>(Map.of("date", day.toString(), "minutes", minutes, "kind",
                    direct ? "DIRECT" : "INDIRECT", "activity", activity));
            if (meeting != null) {
                entry.put("meeting", meeting);
            }
            int m = minutes;
            String attended = meeting;
            add(due, lane, c, hub -> {
                hub.call("POST /cases/{reference}/time", "POST", c.path("/time"), c.advocate, entry);
                hub.count("time entries");
                hub.count(direct ? "minutes direct" : "minutes indirect", m);
                if (attended != null) {
                    hub.count("meetings attended: " + attended);
                }
            });
        }
    }

    /** The meeting a young person's advocate attends, as their group makes likely (LEW Appendix 1's kinds of meeting). */
    private String lewMeeting(SeedCase c) {
        Object status = ((Map<?, ?>) c.referral.get("details")).get("cypStatus");
        return switch (String.valueOf(status)) {
            case "LOOKED_AFTER" -> p.weighted("LAC_REVIEW", 65, "PATHWAY_PLAN", 5, "OTHER", 30);
            case "CHILD_PROTECTION_PLAN" -> p.weighted("CP_CONFERENCE", 70, "OTHER", 30);
            case "CARE_LEAVER", "CARE_LEAVER_PERSONAL_ADVISER" -> p.weighted("PATHWAY_PLAN", 70, "OTHER", 30);
            default -> "OTHER";
        };
    }

    private String closureReason(String service) {
        return switch (service) {
            case "IMCA" -> p.weighted("OUTCOME_REACHED", 80, "INSTRUCTION_WITHDRAWN", 10, "PERSON_DIED", 6, "MOVED_OUT_OF_AREA", 4);
            case "DOLS_IMCA" -> p.weighted("OUTCOME_REACHED", 82, "INSTRUCTION_WITHDRAWN", 10, "PERSON_DIED", 8);
            case "IMHA" -> p.weighted("OUTCOME_REACHED", 65, "SELF_ADVOCATING", 12, "PERSON_DECLINED", 10, "NO_LONGER_WANTS_SUPPORT", 8,
                    "MOVED_OUT_OF_AREA", 5);
            case "CYP" -> p.weighted("OUTCOME_REACHED", 70, "SELF_ADVOCATING", 12, "NO_LONGER_WANTS_SUPPORT", 13, "MOVED_OUT_OF_AREA", 5);
            default -> p.weighted("OUTCOME_REACHED", 78, "SELF_ADVOCATING", 7, "NO_LONGER_WANTS_SUPPORT", 10, "MOVED_OUT_OF_AREA", 3,
                    "PERSON_DIED", 2);
        };
    }

    private static List<String> goalTexts(String service) {
        return switch (service) {
            case "IMHA" -> List.of("Prepare for the tribunal", "Ask for more leave", "Understand my rights under the Act",
                    "Raise concerns about medication at the ward round");
            case "ICAS" -> List.of("Write the complaint letter", "Get a response to the complaint", "Attend a local resolution meeting",
                    "Decide whether to go to the Ombudsman");
            case "CYP" -> List.of("Have my views heard at my review", "Change my contact arrangements", "Get help with my pathway plan",
                    "Say what I want at the conference");
            case "CARE_ACT" -> List.of("Take part in the needs assessment", "Have a say in my support plan", "Understand the options for support",
                    "Be involved in the safeguarding enquiry");
            default -> List.of("Make sure the person's wishes are known to the decision maker", "Challenge the decision if needed",
                    "Check the least restrictive options were considered", "Report to the decision maker");
        };
    }

    /** DERBY 3.3.1: the answer to the council within 24 hours (1 hour if urgent); some late; offers and declines; some placements end. */
    private void accommodation(SeedCase c) {
        boolean urgent = "URGENT".equals(c.referral.get("urgency"));
        boolean late = p.chance(0.07);
        long minutes = urgent ? (late ? p.between(70, 150) : p.between(15, 55)) : (late ? p.between(25 * 60, 40 * 60) : p.between(60, 20 * 60));
        Instant answered = c.receivedAt.plusSeconds(60 * minutes);
        if (!answered.isBefore(end)) {
            intended.merge("accommodation referrals not yet answered at quarter end", 1L, Long::sum);
            return;
        }
        if (late) {
            intended.merge("accommodation answers late (Access KPI missed)", 1L, Long::sum);
        }
        String lane = "derby-" + (c.number % 3);
        boolean offer = p.chance(0.72);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", offer ? "OFFER" : "DECLINE");
        body.put("at", answered.toString());
        body.put("details", offer ? p.pick(List.of("Room offered in a supported house with daily key-worker sessions.",
                "Semi-independent flat offered with floating support.", "Emergency bed offered tonight, with a move-on plan."))
                : p.pick(List.of("No suitable vacancy in the area this week.", "The support needs are higher than our placements can meet.",
                "No vacancy that meets the risk assessment.")));
        if (offer || p.chance(0.5)) {
            int putForward = p.between(1, 4);
            body.put("placementsPutForward", putForward);
            body.put("suitablePlacementsAvailable", offer ? p.between(1, putForward) : 0);
        }
        add(answered, lane, c, hub -> {
            hub.call("POST /cases/{reference}/response", "POST", c.path("/response"), "morgan-manager", body);
            hub.count("accommodation answers");
            hub.count(offer ? "accommodation offers" : "accommodation declines");
        });
        if (offer && p.chance(0.15)) {
            Instant ended = answered.plusSeconds(86_400L * p.between(10, 40));
            if (ended.isBefore(end)) {
                Map<String, Object> ending = Map.of("at", ended.toString(), "instigator", p.weighted("PROVIDER", 40, "COUNCIL", 60),
                        "unexpected", p.chance(0.5));
                add(ended, lane, c, hub -> {
                    hub.call("POST /cases/{reference}/placement-ends", "POST", c.path("/placement-ends"), "morgan-manager", ending);
                    hub.count("placements ended");
                });
            }
        }
        Instant closure = grid(answered).plusSeconds(86_400L * p.between(2, 10));
        if (p.chance(0.7) && closure.isBefore(end)) {
            Map<String, Object> close = Map.of("reason", "OUTCOME_REACHED", "goals", List.of(), "summary",
                    offer ? "Placement offered to the council; referral complete." : "Declined; the council was told the same day.");
            add(closure, lane, c, hub -> {
                hub.call("POST /cases/{reference}/closure", "POST", c.path("/closure"), "morgan-manager", close);
                hub.count("closed");
                hub.count("closed: OUTCOME_REACHED");
            });
        }
    }

    // ------------------------------------------------------------------ returns and answerphone

    /** Plain, non-identifying journeys (LLR Appendix One B); one whose words meet the person's name is not used for them. */
    private static final List<String> JOURNEYS = List.of(
            "The person was supported to take part in the decision about where to live. Their wishes were put at the best "
                    + "interests meeting and the decision reflected them.",
            "With the advocate's support the person asked questions about their treatment and had their views recorded at the review.",
            "The advocate helped the person understand the care and support planning process; they now say what support they need "
                    + "themselves.",
            "The person felt listened to for the first time. Their concerns were raised in writing and a response came within the month.",
            "The person could not take part in the decision; the advocate represented their known wishes and feelings, and the "
                    + "decision followed them in part.");

    /**
     * LLR 26.16, 27.3, Appendix One B: the person's journey to their outcomes, written by their advocate a few hours after a
     * closure, for about two in five closed cases of a contract that asks for case studies.
     */
    private void caseStudy(SeedCase c, Contract contract, Instant closure, String reason, String lane) {
        if (contract.reportSchedule().caseStudies().isEmpty() || reason.equals("PERSON_DIED") || !studies.chance(0.4)) {
            return;
        }
        @SuppressWarnings("unchecked")
        String name = String.valueOf(((Map<String, Object>) c.referral.get("person")).get("name"));
        List<String> journeys = JOURNEYS.stream()
                .filter(text -> org.advocacyhub.domain.reports.IdentifyingDetails.in(text, List.of(name)).isEmpty()).toList();
        Instant written = closure.plusSeconds(3600L * studies.between(1, 3));
        if (journeys.isEmpty() || !written.isBefore(end)) {
            return;
        }
        List<String> measures = new ArrayList<>(org.advocacyhub.domain.casestudy.CaseStudies.measures(contract).stream()
                .map(FeedbackQuestion::id).toList());
        java.util.Collections.shuffle(measures, new Random(studies.between(0, 1_000_000)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("revision", 0);
        // The people the IMCA services support mostly lack capacity for the decision: shared in their best interests.
        body.put("consent", c.service.equals("IMCA") || c.service.equals("DOLS_IMCA") ? "BEST_INTERESTS" : "GIVEN");
        body.put("measures", measures.subList(0, Math.min(measures.size(), studies.between(1, 2))));
        body.put("text", studies.pick(journeys));
        intended.merge("case studies", 1L, Long::sum);
        add(written, lane, c, hub -> {
            hub.call("POST /cases/{reference}/case-study", "POST", c.path("/case-study"), c.advocate, body);
            hub.count("case studies written");
        });
    }

    /** What each service summary says (LLR Appendix One i-vii; LEW 17.2), naming no one. */
    private static final Map<String, String> SUMMARIES = Map.of(
            "harderToReach", "Two sessions with community groups in the city; three people referred themselves after them.",
            "involvement", "A person who used the service sat on the interview panel for a new advocate.",
            "rightsAndIndependence", "Most people whose cases closed said they understood their rights better; several now speak up "
                    + "at their own reviews.",
            "goodPractice", "Feedback asked for easy read letters; the acknowledgement letter now has an easy read version.",
            "networking", "Attended the county's voluntary sector forum and two hospital discharge team meetings.",
            "trends", "More DoLS referrals from care homes; IMHA referrals steady; waits for allocation fell over the quarter.",
            "areasForDevelopment", "Young people asked to be contacted by text; advocates now offer it, and their feedback on it will "
                    + "be looked at next quarter.");

    /** What each annual return item says (LLR 27.4, Appendix One "Annual Return" 1-6), naming no one. */
    private static final Map<String, String> ANNUAL_ITEMS = Map.of(
            "achievement", "Each service met most of its outcome targets over the year; IMHA waits fell after the spring.",
            "consultation", "A survey of ward staff, social work teams and people who used the service in the autumn: most were "
                    + "satisfied and asked for quicker first contact.",
            "developments", "After the consultation, first contact by text was offered and an easy read acknowledgement letter added.",
            "qpm", "The Quality Performance Mark was retained at the assessment in the year.",
            "qualifications", "Every advocate holds or is working towards the Level 3 qualification; two completed unit 310.");

    /**
     * On the quarter's last working day (issue 23): the manager selects the contract's case studies, up to the number the
     * return takes a service (LLR Appendix One: four), among those written; and writes each service summary, the second
     * (peer support, for LLR) recorded as not completed this quarter (Appendix One D).
     */
    private void caseStudySelectionsAndSummaries(Contract contract) {
        if (workingDays.isEmpty()) {
            return;
        }
        org.advocacyhub.domain.contract.ReportSchedule schedule = contract.reportSchedule();
        LocalDate lastWorking = workingDays.get(workingDays.size() - 1);
        String quarter = options.quarter().key();
        schedule.caseStudies().ifPresent(required -> intake(at(lastWorking, 17, 0), hub -> {
            Map<String, Object> listed = hub.call("GET /case-studies", "GET", "/case-studies?contract=" + contract.code()
                    + "&quarter=" + quarter, "morgan-manager", null);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> written = (List<Map<String, Object>>) listed.getOrDefault("caseStudies", List.of());
            Map<String, Integer> chosen = new LinkedHashMap<>();
            written.stream().filter(study -> Boolean.TRUE.equals(study.get("selected")))
                    .forEach(study -> chosen.merge((String) study.get("service"), 1, Integer::sum));
            for (Map<String, Object> study : written) {
                if (Boolean.TRUE.equals(study.get("selected")) || chosen.getOrDefault((String) study.get("service"), 0)
                        >= required.perService()) {
                    continue;
                }
                chosen.merge((String) study.get("service"), 1, Integer::sum);
                hub.call("POST /case-studies/{id}/selection", "POST", "/case-studies/" + study.get("id") + "/selection", "morgan-manager",
                        Map.of("contract", contract.code(), "quarter", quarter, "revision", study.get("revision"), "selected", true));
                hub.count("case studies selected");
            }
        }));
        List<org.advocacyhub.domain.contract.ReportSchedule.ServiceSummary> summaries = schedule.serviceSummaries();
        for (int i = 0; i < summaries.size(); i++) {
            String id = summaries.get(i).id();
            boolean notCompleted = summaries.size() > 1 && i == 1;
            Map<String, Object> body = new LinkedHashMap<>(Map.of("contract", contract.code(), "quarter", quarter, "summary", id,
                    "revision", 0));
            if (notCompleted) {
                body.put("notCompleted", true);
            } else {
                body.put("text", SUMMARIES.getOrDefault(id, "Work on this activity went on through the quarter."));
            }
            intended.merge("service summaries", 1L, Long::sum);
            intake(at(lastWorking, 17, 0), hub -> {
                hub.call("PUT /service-summaries", "PUT", "/service-summaries", "morgan-manager", body);
                hub.count(notCompleted ? "service summaries not completed" : "service summaries written");
            });
        }
        // LLR 27.4: a fourth quarter's seed also writes the year's annual return items, the fourth (improvements) recorded as
        // not completed this year, so the seeded Q4 report carries a full annual return.
        if (options.quarter().quarter() == 4) {
            schedule.annualReturn().ifPresent(annual -> {
                for (int i = 0; i < annual.items().size(); i++) {
                    String id = annual.items().get(i).id();
                    boolean notCompleted = i == 3;
                    Map<String, Object> body = new LinkedHashMap<>(Map.of("contract", contract.code(), "year", "FY"
                            + options.quarter().financialYear(), "item", id, "revision", 0));
                    if (notCompleted) {
                        body.put("notCompleted", true);
                    } else {
                        body.put("text", ANNUAL_ITEMS.getOrDefault(id, "Work on this went on through the year."));
                    }
                    intended.merge("annual return items", 1L, Long::sum);
                    intake(at(lastWorking, 17, 5), hub -> {
                        hub.call("PUT /annual-return-items", "PUT", "/annual-return-items", "morgan-manager", body);
                        hub.count(notCompleted ? "annual return items not completed" : "annual return items written");
                    });
                }
            });
        }
    }

    /** Awareness sessions (KPIs 5 and 6) per council, complaints and compliments, each on a working day of the quarter. */
    private void returns(Contract contract) {
        for (Authority authority : contract.authorities()) {
            int sessions = p.between(4, 7);
            for (int s = 0; s < sessions; s++) {
                LocalDate day = p.pick(workingDays);
                String setting = s % 3 == 2 ? "COMMUNITY" : "PROFESSIONAL";
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("date", day.toString());
                body.put("contract", contract.code());
                body.put("authority", authority.code());
                body.put("setting", setting);
                if (p.chance(0.8)) {
                    body.put("attendees", p.between(5, 45));
                }
                intake(at(day, 17, 0), hub -> {
                    hub.call("POST /awareness-sessions", "POST", "/awareness-sessions", "morgan-manager", body);
                    hub.count("awareness sessions (" + setting.toLowerCase(java.util.Locale.ROOT) + ")");
                });
            }
        }
        List<String> services = contract.services().stream().map(s -> s.code().name()).toList();
        int complaints = Math.max(2, (int) Math.round(options.cases() * 0.012));
        for (int i = 0; i < complaints; i++) {
            LocalDate day = p.pick(workingDays);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("received", day.toString());
            body.put("contract", contract.code());
            body.put("service", p.pick(services));
            // LLR 26.17: formal and informal complaints, both seeded.
            body.put("formality", i % 2 == 0 ? "FORMAL" : "INFORMAL");
            int stage = p.weighted(1, 80, 2, 15, 3, 5);
            body.put("stage", stage);
            if (contract.code().equals("LEW") && p.chance(0.3)) {
                body.put("resolvedByAdr", true);
            }
            LocalDate closed = calendar.plusWorkingDays(day, p.between(5, 20));
            LocalDate posted = day;
            if (p.chance(0.7) && !closed.isAfter(lastDay)) {
                body.put("closed", closed.toString());
                posted = closed;
            }
            body.put("summary", p.pick(List.of("Unhappy with how long it took to get an advocate.", "Felt not listened to at a meeting.",
                    "Advocate missed an appointment.", "Disagreed with the decision not to accept a referral.")));
            // LLR 26.17: progress on ongoing enquiries: most complaints still open get an update from the manager.
            boolean progress = !body.containsKey("closed") && p.chance(0.6);
            String progressText = p.pick(List.of("Investigation under way; a meeting with the service manager is arranged.",
                    "Acknowledged in writing; the team leader is reviewing the case notes.",
                    "Response drafted and awaiting sign-off by the service manager."));
            intake(at(posted, 17, 0), hub -> {
                Map<String, Object> made = hub.call("POST /complaints", "POST", "/complaints", "morgan-manager", body);
                hub.count("complaints (stage " + stage + ")");
                if (progress && made != null && made.get("id") != null) {
                    Map<String, Object> update = new LinkedHashMap<>(Map.of("contract", contract.code(), "received", body.get("received"),
                            "revision", 1, "stage", stage, "progress", progressText));
                    hub.call("POST /complaints/{id}/progress", "POST", "/complaints/" + made.get("id") + "/progress", "morgan-manager",
                            update);
                    hub.count("complaints with progress recorded");
                }
            });
        }
        int compliments = Math.max(3, (int) Math.round(options.cases() * 0.04));
        for (int i = 0; i < compliments; i++) {
            LocalDate day = p.pick(workingDays);
            Map<String, Object> body = Map.of("received", day.toString(), "contract", contract.code(), "service", p.pick(services),
                    "summary", p.pick(List.of("Thank-you card from a family.", "Praise from a ward team for the advocate's work.",
                            "Email from a social worker thanking the service.", "A person wrote to say the advocate made all the difference.")));
            intake(at(day, 17, 0), hub -> {
                hub.call("POST /compliments", "POST", "/compliments", "morgan-manager", body);
                hub.count("compliments");
            });
        }
    }

    /** Messages left on the answerphone (LLR 9.23-9.24), mostly out of hours, and the responses: most within 24 working hours. */
    private void answerphone(Contract contract) {
        int messages = Math.max(3, (int) Math.round(options.cases() * 0.06));
        for (int i = 0; i < messages; i++) {
            LocalDate day = firstDay.plusDays(p.between(0, (int) (lastDay.toEpochDay() - firstDay.toEpochDay())));
            Instant left = calendar.isWorkingDay(day)
                    ? (p.chance(0.75) ? at(day, p.between(17, 21), p.between(5, 55)) : at(day, p.between(9, 16), p.between(5, 55)))
                    : at(day, p.between(9, 20), p.between(5, 55));
            String gender = p.chance(0.5) ? "FEMALE" : "MALE";
            String preferred = p.weighted("PHONE", 70, "SMS", 12, "EMAIL", 10, "TEXT_RELAY", 5, "VIDEO_RELAY", 3);
            String name = p.name(gender);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("contract", contract.code());
            body.put("leftAt", left.toString());
            body.put("callerName", name);
            if (preferred.equals("EMAIL")) {
                body.put("callbackEmail", name.toLowerCase(java.util.Locale.ROOT).replace("'", "").replace(' ', '.') + "@mail.example");
            } else {
                body.put("callbackNumber", p.phone());
            }
            body.put("preferredMethod", preferred);
            if (p.chance(0.6)) {
                body.put("service", p.pick(contract.services()).code().name());
            }
            body.put("summary", p.pick(List.of("Asking how to refer their mother for an advocate.", "Wants to know what happens next with a referral.",
                    "Would like help with a complaint about a hospital.", "Asking for a call back about a meeting next week.")));
            if (preferred.equals("TEXT_RELAY") || preferred.equals("VIDEO_RELAY")) {
                body.put("accessNeeds", preferred.equals("TEXT_RELAY") ? "Uses Relay UK" : "BSL user; video relay please");
            }
            body.put("sourceId", "seed-" + options.seed() + "-" + contract.code() + "-" + options.quarter().key() + "-" + (i + 1));
            String[] id = new String[1];
            intake(grid(left), hub -> {
                Map<String, Object> created = hub.call("POST /answerphone-messages", "POST", "/answerphone-messages", "morgan-manager", body);
                id[0] = (String) created.get("id");
                hub.count("answerphone messages");
            });
            // The response: next working morning mostly (24 working hours, LLR 9.23); some late; some still open at quarter end.
            LocalDate leftDay = left.atZone(LONDON).toLocalDate();
            boolean late = p.chance(0.08);
            LocalDate respondDay = late ? calendar.plusWorkingDays(leftDay, p.between(3, 4)) : calendar.nextWorkingDay(leftDay);
            Instant respond = at(respondDay, p.between(9, 11), p.between(0, 59));
            if (!respond.isBefore(end)) {
                continue;
            }
            if (late) {
                intended.merge("answerphone responses late", 1L, Long::sum);
            }
            String method = preferred;
            String outcome = switch (method) {
                case "PHONE" -> p.weighted("SPOKE", 70, "LEFT_VOICEMAIL", 30);
                case "SMS", "EMAIL" -> "MESSAGE_SENT";
                default -> "SPOKE";
            };
            boolean tryFirst = method.equals("PHONE") && p.chance(0.2);
            boolean referral = outcome.equals("SPOKE") && p.chance(0.15);
            add(respond, "answerphone", null, hub -> {
                String path = "/answerphone-messages/" + id[0] + "/responses";
                if (tryFirst) {
                    hub.call("POST /answerphone-messages/{id}/responses", "POST", path, "morgan-manager",
                            Map.of("at", respond.minusSeconds(1800).toString(), "method", "PHONE", "outcome", "NO_ANSWER"));
                    hub.count("answerphone attempts with no answer");
                }
                Map<String, Object> response = new LinkedHashMap<>();
                response.put("at", respond.toString());
                response.put("method", method);
                response.put("outcome", outcome);
                if (referral) {
                    response.put("referralTaken", true);
                }
                hub.call("POST /answerphone-messages/{id}/responses", "POST", path, "morgan-manager", response);
                hub.count("answerphone responses");
            });
        }
    }

    // ------------------------------------------------------------------ time

    private void add(Instant due, String lane, SeedCase subject, Op op) {
        actions.add(new Action(grid(due), ++seq, lane, subject, op));
    }

    private void intake(Instant due, Op op) {
        add(due, INTAKE, null, op);
    }

    /** Referrals go through intake one at a time in plan order, so that references are given in the same order every time. */
    void referralActions(java.util.function.Consumer<SeedCase> refer) {
        for (SeedCase c : cases) {
            actions.add(new Action(grid(c.receivedAt), ++seq, INTAKE, c, hub -> refer.accept(c)));
        }
        actions.sort(Comparator.comparing(Action::due).thenComparingLong(Action::seq));
    }

    /** The local clock is moved a whole hour at a time: each action waits for the first hour at or after it. */
    static Instant grid(Instant instant) {
        long hour = 3600;
        long seconds = instant.getEpochSecond();
        long rounded = (seconds + hour - 1) / hour * hour;
        return Instant.ofEpochSecond(rounded);
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(LONDON).toInstant();
    }

    private Instant workingTime(LocalDate day) {
        LocalDate working = calendar.isWorkingDay(day) ? day : calendar.nextWorkingDay(day);
        return at(working, p.between(9, 16), p.pick(List.of(0, 10, 15, 20, 30, 40, 45, 50)));
    }

    /** Later the same working day if there is time, else the next working day's morning. */
    private Instant laterSameOrNextWorkingDay(Instant after) {
        var local = after.atZone(LONDON);
        if (local.getHour() < 15 && calendar.isWorkingDay(local.toLocalDate())) {
            return after.plusSeconds(60L * p.between(60, 150));
        }
        return at(calendar.nextWorkingDay(local.toLocalDate()), p.between(9, 12), p.pick(List.of(0, 15, 30, 45)));
    }
}
