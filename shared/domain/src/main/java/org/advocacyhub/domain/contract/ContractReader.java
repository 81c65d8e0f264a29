package org.advocacyhub.domain.contract;

import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.advocacyhub.domain.document.BundledDocument;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.retention.RetainedKind;
import org.advocacyhub.domain.retention.RetentionPeriod;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.staff.AllocationRequirement;
import org.advocacyhub.domain.time.ReportDeadlineRule;
import org.advocacyhub.domain.time.ServiceHours;
import org.advocacyhub.domain.time.SlaRule;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads one contract file (YAML) into a {@link Contract}, checking every field. This is the one
 * place that knows the file format; {@code contracts/llr.yaml} is the annotated example.
 */
final class ContractReader {

    /** Clause references start with a specification's short name (specs/README.md). */
    private static final Pattern CLAUSE = Pattern.compile("(LLR|LEW|DERBY|SCIE|LANCS) \\S.*");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern POLICY_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern CLOCK_NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern SUMMARY_ID = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    /** A feedback question's id is the key of its answer in JSON: {@code listenedTo}. */
    private static final Pattern QUESTION_ID = Pattern.compile("[a-z][a-zA-Z0-9]{0,39}");

    private ContractReader() {
    }

    /**
     * Reads and validates {@code file}.
     *
     * @param file     the resource name, used in messages (e.g. {@code contracts/llr.yaml})
     * @param yaml     its content
     * @param calendar the calendar the contract's clocks run on
     * @throws ContractConfigurationException listing every problem found
     */
    static Contract read(String file, Reader yaml, WorkingCalendar calendar) {
        Object document;
        try {
            document = BundledDocument.parse(yaml);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : "line " + (e.getProblemMark().getLine() + 1)
                    + ", column " + (e.getProblemMark().getColumn() + 1) + ": ";
            throw new ContractConfigurationException(List.of(file + ": " + where + "not valid YAML: " + e.getProblem()));
        } catch (YAMLException e) {
            throw new ContractConfigurationException(List.of(file + ": not valid YAML: " + e.getMessage()));
        }
        return read(file, document, calendar);
    }

    /**
     * Validates {@code file}'s parsed content: the YAML as {@link BundledDocument#parse} reads it, or the tree the build
     * compiled from it.
     *
     * @throws ContractConfigurationException listing every problem found
     */
    static Contract read(String file, Object document, WorkingCalendar calendar) {
        if (document == null) {
            throw new ContractConfigurationException(List.of(file + ": the file is empty; expected a contract"));
        }
        List<String> problems = new ArrayList<>();
        Contract contract = contract(ConfigNode.root(file, document, problems), file, calendar);
        if (!problems.isEmpty()) {
            throw new ContractConfigurationException(problems);
        }
        return contract;
    }

    private static Contract contract(ConfigNode root, String file, WorkingCalendar calendar) {
        if (!root.requireMapping("code", "name", "authorities", "serviceHours", "referralSources", "clocks", "services",
                "reportSchedule", "contact", "feedback", "answerphone", "retention")) {
            return null;
        }
        int before = root.problemCount();
        String code = code(root.field("code"));
        String name = root.field("name").text();
        List<Authority> authorities = authorities(root.field("authorities"));
        ConfigNode hoursNode = root.field("serviceHours");
        ServiceHours hours = serviceHours(hoursNode);
        String hoursClause = hoursNode.isPresent() ? clause(hoursNode.field("clause")) : null;
        ConfigNode sourcesNode = root.field("referralSources");
        Set<ReferralSource> sources = referralSources(sourcesNode);
        String sourcesClause = sourcesNode.isPresent() ? clause(sourcesNode.field("clause")) : null;
        List<ClockDefinition> clocks = clocks(root.field("clocks"), false);
        List<ServiceConfig> services = services(root.field("services"));
        ReportSchedule schedule = reportSchedule(root.field("reportSchedule"), authorities);
        ContactDetails contact = contact(root.field("contact"));
        List<FeedbackQuestion> feedback = feedback(root.field("feedback"));
        Optional<AnswerphoneTerms> answerphone = answerphone(root.field("answerphone"), clocks);
        RetentionPolicy retention = retention(root.field("retention"));
        if (root.problemCount() != before) {
            return null;
        }
        return new Contract(code, name, file, authorities, hours, hoursClause, sources, sourcesClause, clocks, services,
                schedule, contact, calendar, feedback, answerphone, retention);
    }

    /**
     * {@code retention: {closedCase: {years: 6, untilAge: 25, basis: ...}, complaint: {years: 3, clause: LEW 14.3}, ...}}
     * (issue 22): any of the {@link RetainedKind}s, each citing its clause or giving the provider's basis; a kind not
     * given keeps {@link RetentionPolicy#DEFAULTS}' period.
     */
    private static RetentionPolicy retention(ConfigNode node) {
        if (!node.isPresent() || !node.requireMapping(java.util.Arrays.stream(RetainedKind.values()).map(RetainedKind::key)
                .toArray(String[]::new))) {
            return RetentionPolicy.DEFAULTS;
        }
        java.util.Map<RetainedKind, RetentionPeriod> set = new java.util.EnumMap<>(RetainedKind.class);
        for (RetainedKind kind : RetainedKind.values()) {
            ConfigNode period = node.field(kind.key());
            if (!period.isPresent() || !period.requireMapping("years", "untilAge", "clause", "basis")) {
                continue;
            }
            int before = period.problemCount();
            Integer years = period.field("years").integer(1, 100);
            OptionalInt age = period.field("untilAge").optionalInteger(18, 100);
            ConfigNode clauseNode = period.field("clause");
            ConfigNode basisNode = period.field("basis");
            String clause = clauseNode.isPresent() ? clause(clauseNode) : null;
            String basis = basisNode.isPresent() ? basisNode.text() : null;
            if (period.problemCount() == before && (clause == null) == (basis == null)) {
                period.problem("cites a clause or gives the provider's basis, exactly one");
            }
            if (period.problemCount() == before) {
                set.put(kind, new RetentionPeriod(years, age == null || age.isEmpty() ? null : age.getAsInt(), clause, basis));
            }
        }
        return RetentionPolicy.defaultsWith(set);
    }

    /** {@code answerphone: {retentionDays: 90, clause: ...}}: only with an answerphone-callback clock. */
    private static Optional<AnswerphoneTerms> answerphone(ConfigNode node, List<ClockDefinition> clocks) {
        if (!node.isPresent() || !node.requireMapping("retentionDays", "clause")) {
            return Optional.empty();
        }
        int before = node.problemCount();
        Integer days = node.field("retentionDays").integer(1, 3660);
        String clause = clause(node.field("clause"));
        if (clocks.stream().noneMatch(clock -> clock.name().equals(Contract.ANSWERPHONE_CLOCK))) {
            node.problem("is for a contract with an '" + Contract.ANSWERPHONE_CLOCK + "' clock; this one has none");
        }
        return node.problemCount() == before && days != null && clause != null ? Optional.of(new AnswerphoneTerms(days, clause))
                : Optional.empty();
    }

    private static String code(ConfigNode node) {
        String code = node.text();
        if (code != null && !CODE.matcher(code).matches()) {
            node.problem("expected an upper-case code like LLR but was '" + code + "'");
        }
        return code;
    }

    private static String clause(ConfigNode node) {
        String clause = node.text();
        if (clause != null && !CLAUSE.matcher(clause).matches()) {
            node.problem("expected a clause reference like 'LLR 9.38a' (LLR, LEW, DERBY, SCIE or LANCS and the clause) but was '"
                    + clause + "'");
        }
        return clause;
    }

    private static List<Authority> authorities(ConfigNode node) {
        List<Authority> authorities = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int leads = 0;
        for (ConfigNode item : node.list()) {
            if (!item.requireMapping("code", "name", "lead", "reportRecipients")) {
                continue;
            }
            int before = item.problemCount();
            String code = code(item.field("code"));
            if (code != null && !codes.add(code)) {
                item.field("code").problem("duplicate authority code '" + code + "'");
            }
            String name = item.field("name").text();
            Boolean lead = item.field("lead").bool();
            if (Boolean.TRUE.equals(lead)) {
                leads++;
            }
            List<String> recipients = new ArrayList<>();
            for (ConfigNode recipient : item.field("reportRecipients").list()) {
                String email = recipient.text();
                if (email != null && !EMAIL.matcher(email).matches()) {
                    recipient.problem("expected an email address but was '" + email + "'");
                }
                recipients.add(email);
            }
            if (item.problemCount() == before) {
                authorities.add(new Authority(code, name, lead, recipients));
            }
        }
        if (node.isPresent() && leads != 1) {
            node.problem("exactly one authority must have lead: true, but " + leads + " do");
        }
        return authorities;
    }

    private static ServiceHours serviceHours(ConfigNode node) {
        if (!node.requireMapping("opens", "closes", "days", "clause")) {
            return null;
        }
        LocalTime opens = node.field("opens").time();
        LocalTime closes = node.field("closes").time();
        ServiceHours.Days days = node.field("days").enumValue(ServiceHours.Days.class);
        if (opens == null || closes == null || days == null) {
            return null;
        }
        if (!closes.isAfter(opens)) {
            node.field("closes").problem("must be after opens (" + opens + ") but was " + closes);
            return null;
        }
        return new ServiceHours(opens, closes, days);
    }

    private static Set<ReferralSource> referralSources(ConfigNode node) {
        if (!node.requireMapping("allowed", "clause")) {
            return Set.of();
        }
        ConfigNode allowed = node.field("allowed");
        if (allowed.isText()) {
            String text = allowed.text();
            if ("ALL".equals(text)) {
                return EnumSet.allOf(ReferralSource.class);
            }
            allowed.problem("expected ALL or a list of referral sources but was '" + text + "'");
            return Set.of();
        }
        Set<ReferralSource> sources = EnumSet.noneOf(ReferralSource.class);
        for (ConfigNode item : allowed.list()) {
            ReferralSource source = item.enumValue(ReferralSource.class);
            if (source != null && !sources.add(source)) {
                item.problem("duplicate referral source " + source);
            }
        }
        return sources;
    }

    private static List<ServiceConfig> services(ConfigNode node) {
        List<ServiceConfig> services = new ArrayList<>();
        Set<ServiceCode> seen = EnumSet.noneOf(ServiceCode.class);
        for (ConfigNode item : node.list()) {
            if (!item.requireMapping("code", "name", "eligibilityPolicy", "firstClock", "clocks", "annualTargets", "hourThresholds",
                    "allocation")) {
                continue;
            }
            int before = item.problemCount();
            ServiceCode code = item.field("code").enumValue(ServiceCode.class);
            if (code != null && !seen.add(code)) {
                item.field("code").problem("service " + code + " is listed twice");
            }
            String name = item.field("name").text();
            ConfigNode policyNode = item.field("eligibilityPolicy");
            String policy = policyNode.text();
            if (policy != null && !POLICY_ID.matcher(policy).matches()) {
                policyNode.problem("expected a lower-case policy id like 'care-act' but was '" + policy + "'");
            }
            List<ClockDefinition> clocks = clocks(item.field("clocks"), true);
            ConfigNode firstNode = item.field("firstClock");
            String first = firstNode.text();
            if (first != null && item.problemCount() == before && clocks.stream().noneMatch(clock -> clock.name().equals(first))) {
                firstNode.problem("no clock named '" + first + "' in this service; its clocks are "
                        + String.join(", ", clocks.stream().map(ClockDefinition::name).toList()));
            }
            Optional<AnnualTargets> targets = annualTargets(item.field("annualTargets"));
            List<HourThreshold> thresholds = hourThresholds(item.field("hourThresholds"));
            AllocationPolicy allocation = allocation(item.field("allocation"));
            if (item.problemCount() == before) {
                services.add(new ServiceConfig(code, name, policy, first, clocks, targets, thresholds, allocation));
            }
        }
        return services;
    }

    /**
     * {@code allocation: {allocated: true, advocateNeeds: [UNIT_305_IMCA, ...]}}; absent means
     * allocated to any advocate who works in the service.
     */
    private static AllocationPolicy allocation(ConfigNode node) {
        if (!node.isPresent()) {
            return AllocationPolicy.ANY_ADVOCATE;
        }
        if (!node.requireMapping("allocated", "advocateNeeds")) {
            return AllocationPolicy.ANY_ADVOCATE;
        }
        Boolean allocated = node.field("allocated").bool();
        List<AllocationRequirement> needs = new ArrayList<>();
        for (ConfigNode need : node.field("advocateNeeds").optionalList()) {
            AllocationRequirement requirement = need.enumValue(AllocationRequirement.class);
            if (requirement != null && needs.contains(requirement)) {
                need.problem("duplicate requirement " + requirement);
            } else if (requirement != null) {
                needs.add(requirement);
            }
        }
        if (Boolean.FALSE.equals(allocated) && !needs.isEmpty()) {
            node.field("advocateNeeds").problem("a service that is not allocated to an advocate cannot list what its advocates need");
            return AllocationPolicy.ANY_ADVOCATE;
        }
        return allocated == null ? AllocationPolicy.ANY_ADVOCATE : new AllocationPolicy(allocated, needs);
    }

    private static List<ClockDefinition> clocks(ConfigNode node, boolean required) {
        List<ClockDefinition> clocks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode item : required ? node.list() : node.optionalList()) {
            if (!item.requireMapping("name", "description", "start", "stop", "rule", "amount", "urgent", "clause", "kpi", "warn")) {
                continue;
            }
            int before = item.problemCount();
            ConfigNode nameNode = item.field("name");
            String name = nameNode.text();
            if (name != null && !CLOCK_NAME.matcher(name).matches()) {
                nameNode.problem("expected a lower-case name like 'first-contact' but was '" + name + "'");
            } else if (name != null && !names.add(name)) {
                nameNode.problem("duplicate clock name '" + name + "'");
            }
            String description = item.field("description").text();
            ClockEvent start = item.field("start").enumValue(ClockEvent.class);
            ClockEvent stop = item.field("stop").enumValue(ClockEvent.class);
            if (start != null && start == stop) {
                item.field("stop").problem("a clock cannot stop on the event that starts it (" + start + ")");
            }
            SlaRule rule = rule(item);
            Optional<SlaRule> urgent = Optional.empty();
            ConfigNode urgentNode = item.field("urgent");
            if (urgentNode.isPresent() && urgentNode.requireMapping("rule", "amount")) {
                urgent = Optional.ofNullable(rule(urgentNode));
            }
            String clause = clause(item.field("clause"));
            Optional<KpiTarget> kpi = kpi(item.field("kpi"));
            Optional<Warning> warning = warning(item.field("warn"), rule, urgent);
            if (item.problemCount() == before) {
                clocks.add(new ClockDefinition(name, description, start, stop, rule, urgent, clause, kpi, warning));
            }
        }
        return clocks;
    }

    /** The {@code rule} and {@code amount} fields of {@code node}. */
    private static SlaRule rule(ConfigNode node) {
        ConfigNode ruleNode = node.field("rule");
        String kind = ruleNode.text();
        Integer amount = node.field("amount").integer(1, 8784);
        if (kind == null) {
            return null;
        }
        if (!SlaRule.KINDS.contains(kind)) {
            ruleNode.problem("unknown rule '" + kind + "'; expected one of " + String.join(", ", SlaRule.KINDS));
            return null;
        }
        if (amount == null) {
            return null;
        }
        try {
            return SlaRule.of(kind, amount);
        } catch (IllegalArgumentException e) {
            node.field("amount").problem(e.getMessage());
            return null;
        }
    }

    /** {@code warn: {rule: opening-on-due-day}} or {@code warn: {rule: elapsed-fraction, fraction: 0.75}}; absent: the default. */
    private static Optional<Warning> warning(ConfigNode node, SlaRule rule, Optional<SlaRule> urgent) {
        if (!node.isPresent() || !node.requireMapping("rule", "fraction")) {
            return Optional.empty();
        }
        ConfigNode ruleNode = node.field("rule");
        String kind = ruleNode.text();
        ConfigNode fractionNode = node.field("fraction");
        Optional<BigDecimal> fraction = fractionNode.optionalDecimal(new BigDecimal("0.01"), new BigDecimal("0.99"));
        for (Warning.Kind candidate : Warning.Kind.values()) {
            if (candidate.configName().equals(kind)) {
                if (candidate == Warning.Kind.FRACTION_ELAPSED && fraction.isEmpty()) {
                    if (!fractionNode.isPresent()) {
                        // given but out of range or not a number: that problem is already recorded
                        fractionNode.problem("is required for elapsed-fraction warnings");
                    }
                    return Optional.empty();
                }
                if (candidate == Warning.Kind.OPENING_ON_DUE_DAY && fractionNode.isPresent()) {
                    fractionNode.problem("is only for elapsed-fraction warnings");
                    return Optional.empty();
                }
                if (candidate == Warning.Kind.FRACTION_ELAPSED && rule != null && rule.kind().endsWith("days")) {
                    ruleNode.problem("an elapsed-fraction warning needs an hour rule; '" + rule.kind()
                            + "' counts days: use opening-on-due-day");
                    return Optional.empty();
                }
                if (candidate == Warning.Kind.FRACTION_ELAPSED && urgent.isPresent() && urgent.get().kind().endsWith("days")) {
                    ruleNode.problem("an elapsed-fraction warning needs an hour rule; the urgent rule '" + urgent.get().kind()
                            + "' counts days: use opening-on-due-day");
                    return Optional.empty();
                }
                return Optional.of(new Warning(candidate, fraction.orElse(null)));
            }
        }
        if (kind != null) {
            ruleNode.problem("unknown warning '" + kind + "'; expected opening-on-due-day or elapsed-fraction");
        }
        return Optional.empty();
    }

    private static Optional<KpiTarget> kpi(ConfigNode node) {
        if (!node.isPresent() || !node.requireMapping("name", "targetPercent", "clause")) {
            return Optional.empty();
        }
        int before = node.problemCount();
        String name = node.field("name").text();
        Optional<BigDecimal> target = node.field("targetPercent").optionalDecimal(BigDecimal.ZERO, BigDecimal.valueOf(100));
        String clause = clause(node.field("clause"));
        return node.problemCount() == before ? Optional.of(new KpiTarget(name, target, clause)) : Optional.empty();
    }

    private static Optional<AnnualTargets> annualTargets(ConfigNode node) {
        if (!node.isPresent() || !node.requireMapping("uniquePersonsMinimum", "uniquePersonsMaximum", "guideHoursPerPerson",
                "blockHours", "clause")) {
            return Optional.empty();
        }
        int before = node.problemCount();
        OptionalInt minimum = node.field("uniquePersonsMinimum").optionalInteger(0, 1_000_000);
        OptionalInt maximum = node.field("uniquePersonsMaximum").optionalInteger(0, 1_000_000);
        if (minimum.isPresent() && maximum.isPresent() && maximum.getAsInt() < minimum.getAsInt()) {
            node.field("uniquePersonsMaximum").problem("must not be less than uniquePersonsMinimum (" + minimum.getAsInt() + ")");
        }
        Optional<BigDecimal> guide = node.field("guideHoursPerPerson").optionalDecimal(BigDecimal.ZERO, BigDecimal.valueOf(1000));
        OptionalInt block = node.field("blockHours").optionalInteger(1, 1_000_000);
        String clause = clause(node.field("clause"));
        return node.problemCount() == before ? Optional.of(new AnnualTargets(minimum, maximum, guide, block, clause)) : Optional.empty();
    }

    private static List<HourThreshold> hourThresholds(ConfigNode node) {
        List<HourThreshold> thresholds = new ArrayList<>();
        Set<HourThreshold.Kind> kinds = EnumSet.noneOf(HourThreshold.Kind.class);
        for (ConfigNode item : node.optionalList()) {
            if (!item.requireMapping("kind", "hours", "clause")) {
                continue;
            }
            int before = item.problemCount();
            HourThreshold.Kind kind = item.field("kind").enumValue(HourThreshold.Kind.class);
            if (kind != null && !kinds.add(kind)) {
                item.field("kind").problem("duplicate threshold " + kind);
            }
            BigDecimal hours = item.field("hours").decimal(new BigDecimal("0.25"), BigDecimal.valueOf(1000));
            String clause = clause(item.field("clause"));
            if (item.problemCount() == before) {
                thresholds.add(new HourThreshold(kind, hours, clause));
            }
        }
        return thresholds;
    }

    private static ReportSchedule reportSchedule(ConfigNode node, List<Authority> authorities) {
        if (!node.requireMapping("due", "perAuthority", "clause", "goalsKpi", "awarenessKpis", "caseloadList", "start", "caseStudies",
                "serviceSummaries", "staffingUpdate", "annualReturn")) {
            return null;
        }
        Optional<ReportDeadlineRule> due = Optional.empty();
        ConfigNode dueNode = node.field("due");
        if (dueNode.isPresent() && dueNode.requireMapping("rule", "amount")) {
            ConfigNode ruleNode = dueNode.field("rule");
            String kind = ruleNode.text();
            Integer amount = dueNode.field("amount").integer(1, 92);
            if (kind != null && !ReportDeadlineRule.KINDS.contains(kind)) {
                ruleNode.problem("unknown report deadline '" + kind + "'; expected one of " + String.join(", ", ReportDeadlineRule.KINDS));
            } else if (kind != null && amount != null) {
                try {
                    due = Optional.of(ReportDeadlineRule.of(kind, amount));
                } catch (IllegalArgumentException e) {
                    dueNode.field("amount").problem(e.getMessage());
                }
            }
        }
        Boolean perAuthority = node.field("perAuthority").bool();
        String clause = clause(node.field("clause"));
        Optional<KpiTarget> goalsKpi = kpi(node.field("goalsKpi"));
        List<ReportSchedule.AwarenessKpi> awarenessKpis = new ArrayList<>();
        for (ConfigNode item : node.field("awarenessKpis").optionalList()) {
            if (!item.requireMapping("name", "setting", "perHalfYear", "clause")) {
                continue;
            }
            int before = item.problemCount();
            String name = item.field("name").text();
            String setting = item.field("setting").text();
            Integer perHalfYear = item.field("perHalfYear").integer(1, 1000);
            String kpiClause = clause(item.field("clause"));
            AwarenessSetting awarenessSetting = null;
            try {
                awarenessSetting = setting == null ? null : AwarenessSetting.valueOf(setting);
            } catch (IllegalArgumentException e) {
                item.field("setting").problem("unknown setting '" + setting + "'; expected one of PROFESSIONAL, COMMUNITY");
            }
            if (item.problemCount() == before && name != null && awarenessSetting != null && perHalfYear != null && kpiClause != null) {
                awarenessKpis.add(new ReportSchedule.AwarenessKpi(name, awarenessSetting, perHalfYear, kpiClause));
            }
        }
        Optional<String> caseloadList = Optional.empty();
        ConfigNode caseloadNode = node.field("caseloadList");
        if (caseloadNode.isPresent() && caseloadNode.requireMapping("clause")) {
            caseloadList = Optional.ofNullable(clause(caseloadNode.field("clause")));
        }
        Optional<ReportSchedule.Start> start = Optional.empty();
        ConfigNode startNode = node.field("start");
        if (startNode.isPresent() && startNode.requireMapping("date", "clause")) {
            String date = startNode.field("date").text();
            String startClause = clause(startNode.field("clause"));
            try {
                start = date == null || startClause == null ? Optional.empty()
                        : Optional.of(new ReportSchedule.Start(java.time.LocalDate.parse(date), startClause));
            } catch (java.time.format.DateTimeParseException e) {
                startNode.field("date").problem("'" + date + "' is not a date like 2024-04-01");
            }
        }
        Optional<ReportSchedule.CaseStudies> caseStudies = Optional.empty();
        ConfigNode studiesNode = node.field("caseStudies");
        if (studiesNode.isPresent() && studiesNode.requireMapping("perService", "clause")) {
            Integer perService = studiesNode.field("perService").integer(1, 100);
            String studiesClause = clause(studiesNode.field("clause"));
            if (perService != null && studiesClause != null) {
                caseStudies = Optional.of(new ReportSchedule.CaseStudies(perService, studiesClause));
            }
        }
        List<ReportSchedule.ServiceSummary> summaries = serviceSummaries(node.field("serviceSummaries"));
        Optional<ReportSchedule.AnnualReturn> annualReturn = annualReturn(node.field("annualReturn"), authorities, summaries);
        return perAuthority == null || clause == null ? null : new ReportSchedule(due, perAuthority, clause, goalsKpi,
                awarenessKpis, caseloadList, start, caseStudies, summaries, staffingUpdate(node.field("staffingUpdate")),
                annualReturn);
    }

    /**
     * {@code annualReturn: {authority, due: {month, day}, clause, items: [{id, title, clause}], notHeld: [{title, clause,
     * heldIn}]}} (LLR 27.4, Appendix One "Annual Return", 26.4): absent when the contract asks for none. The due day is kept
     * as the contract writes it ("31st April": month 4, day 31); {@code AnnualReturns.dueDate} says which day that is. The
     * items' ids follow the service summaries' rule and differ from theirs: both are stored as a contract's summaries.
     */
    private static Optional<ReportSchedule.AnnualReturn> annualReturn(ConfigNode node, List<Authority> authorities,
                                                                      List<ReportSchedule.ServiceSummary> summaries) {
        if (!node.isPresent() || !node.requireMapping("authority", "due", "clause", "items", "notHeld")) {
            return Optional.empty();
        }
        int before = node.problemCount();
        String authority = node.field("authority").text();
        if (authority != null && authorities.stream().noneMatch(a -> a.code().equals(authority))) {
            node.field("authority").problem("'" + authority + "' is not one of the contract's authorities");
        }
        Integer month = null;
        Integer day = null;
        ConfigNode dueNode = node.field("due");
        if (dueNode.requireMapping("month", "day")) {
            month = dueNode.field("month").integer(1, 12);
            day = dueNode.field("day").integer(1, 31);
        }
        String clause = clause(node.field("clause"));
        List<ReportSchedule.ServiceSummary> items = serviceSummaries(node.field("items"));
        for (ReportSchedule.ServiceSummary item : items) {
            if (summaries.stream().anyMatch(s -> s.id().equals(item.id()))) {
                node.field("items").problem("annual return item id '" + item.id() + "' is a service summary's id too");
            }
        }
        List<ReportSchedule.NotHeld> notHeld = new ArrayList<>();
        for (ConfigNode item : node.field("notHeld").optionalList()) {
            if (!item.requireMapping("title", "clause", "heldIn")) {
                continue;
            }
            String title = item.field("title").text();
            String itemClause = clause(item.field("clause"));
            String heldIn = item.field("heldIn").text();
            if (title != null && itemClause != null && heldIn != null) {
                notHeld.add(new ReportSchedule.NotHeld(title, itemClause, heldIn));
            }
        }
        if (node.problemCount() != before || authority == null || month == null || day == null || clause == null) {
            return Optional.empty();
        }
        return Optional.of(new ReportSchedule.AnnualReturn(authority, month, day, clause, items, notHeld));
    }

    /** {@code staffingUpdate: {clause: ...}}: the annual staffing update (LLR 26.17), absent when the contract asks for none. */
    private static Optional<String> staffingUpdate(ConfigNode node) {
        if (!node.isPresent() || !node.requireMapping("clause")) {
            return Optional.empty();
        }
        return Optional.ofNullable(clause(node.field("clause")));
    }

    /**
     * {@code serviceSummaries: [{id, title, clause}]}: the service activity summaries the return includes each quarter (LLR
     * Appendix One i-vii; LEW 17.2), absent when the contract asks for none. Each id is how requests name the summary: a
     * letter, then letters and digits, once in the contract.
     */
    private static List<ReportSchedule.ServiceSummary> serviceSummaries(ConfigNode node) {
        List<ReportSchedule.ServiceSummary> summaries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode item : node.optionalList()) {
            if (!item.requireMapping("id", "title", "clause")) {
                continue;
            }
            int before = item.problemCount();
            String id = item.field("id").text();
            if (id != null && !SUMMARY_ID.matcher(id).matches()) {
                item.field("id").problem("expected an id of letters and digits starting with a letter, like harderToReach, but was '"
                        + id + "'");
            } else if (id != null && !ids.add(id)) {
                item.field("id").problem("duplicate service summary id '" + id + "'");
            }
            String title = item.field("title").text();
            String summaryClause = clause(item.field("clause"));
            if (item.problemCount() == before && id != null && title != null && summaryClause != null) {
                summaries.add(new ReportSchedule.ServiceSummary(id, title, summaryClause));
            }
        }
        return summaries;
    }

    /**
     * {@code feedback: [{id, question, answer, clause, required?, measure?, targetPercent?, askedOf?}]}: the questions
     * asked at closure (LEW 13.3); absent when the contract collects none. A question that measures an outcome KPI names it
     * and its target (LLR Appendix One outcomes 1-11, LEW Appendix 1): the return sets the share against the target.
     * {@code askedOf: ADVOCATE} marks a measure the advocate reports (LEW Appendix 1); left out, the person answers it.
     * {@code issueRaised: <category>} marks a yes-or-no question whose yes counts one issue of that category raised by the
     * person (LEW Appendix 1, "Count of issues raised by young people").
     */
    private static List<FeedbackQuestion> feedback(ConfigNode node) {
        List<FeedbackQuestion> questions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode item : node.optionalList()) {
            if (!item.requireMapping("id", "question", "answer", "clause", "required", "measure", "targetPercent", "askedOf",
                    "issueRaised")) {
                continue;
            }
            int before = item.problemCount();
            ConfigNode idNode = item.field("id");
            String id = idNode.text();
            if (id != null && !QUESTION_ID.matcher(id).matches()) {
                idNode.problem("expected an id like 'listenedTo' (a lower-case letter, then letters and digits, at most 40) but was '"
                        + id + "'");
            } else if (id != null && !ids.add(id)) {
                idNode.problem("duplicate question id '" + id + "'");
            }
            String text = item.field("question").text();
            FeedbackQuestion.AnswerKind answer = item.field("answer").enumValue(FeedbackQuestion.AnswerKind.class);
            String clause = clause(item.field("clause"));
            ConfigNode requiredNode = item.field("required");
            Boolean required = requiredNode.isPresent() ? requiredNode.bool() : Boolean.FALSE;
            ConfigNode measureNode = item.field("measure");
            String measure = measureNode.isPresent() ? measureNode.text() : null;
            Optional<BigDecimal> target = item.field("targetPercent").optionalDecimal(BigDecimal.ZERO, BigDecimal.valueOf(100));
            if (target.isPresent() && answer == FeedbackQuestion.AnswerKind.SHORT_TEXT) {
                item.field("targetPercent").problem("a question answered in words has no share to set a target against");
            }
            ConfigNode askedOfNode = item.field("askedOf");
            FeedbackQuestion.AskedOf askedOf = askedOfNode.isPresent() ? askedOfNode.enumValue(FeedbackQuestion.AskedOf.class)
                    : FeedbackQuestion.AskedOf.PERSON;
            ConfigNode issueNode = item.field("issueRaised");
            String issue = issueNode.isPresent() ? issueNode.text() : null;
            if (issue != null && answer != FeedbackQuestion.AnswerKind.YES_NO) {
                issueNode.problem("an issue raised is counted from a yes, so the question is answered YES_NO");
            }
            if (item.problemCount() == before) {
                questions.add(new FeedbackQuestion(id, text, answer, clause, required, Optional.ofNullable(measure), target, askedOf,
                        Optional.ofNullable(issue)));
            }
        }
        return questions;
    }

    private static ContactDetails contact(ConfigNode node) {
        if (!node.requireMapping("serviceHoursText", "phone", "email")) {
            return null;
        }
        String hoursText = node.field("serviceHoursText").text();
        String phone = node.field("phone").text();
        ConfigNode emailNode = node.field("email");
        String email = emailNode.text();
        if (email != null && !EMAIL.matcher(email).matches()) {
            emailNode.problem("expected an email address but was '" + email + "'");
        }
        return hoursText == null || phone == null || email == null ? null : new ContactDetails(hoursText, phone, email);
    }
}
