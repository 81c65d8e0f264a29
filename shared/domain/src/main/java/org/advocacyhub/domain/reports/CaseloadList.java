package org.advocacyhub.domain.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.advocacyhub.domain.casework.CypReturn;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ServiceAnswers;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.ReportingPeriod;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The restricted part of a quarterly return, WITH personal data: never attached to an email, stored encrypted, opened by
 * managers and by each council through the expiring link its report email carries ({@link RestrictedLink}).
 *
 * <ul>
 *   <li>The caseload list (LEW 17.5), for a contract that asks for one
 *       ({@code reportSchedule.caseloadList}): each case open at any time in the quarter with its
 *       case number, referral date, initials, source, date of birth, age, gender, ethnicity,
 *       location, disability, primary and secondary reasons, hours in the quarter and in total, and
 *       its outcome if it closed.</li>
 *   <li>The requests to go past the reporting threshold of hours (LLR 26.17) made in the quarter,
 *       with their reasons.</li>
 * </ul>
 *
 * <p>Interpretation: LLR 26.17 asks for the number of requests of 20 or more hours "along with reasons
 * for the request"; the reasons are free text written by staff about a person's situation and may
 * name or identify them, so they cannot go in the emailed workbook (LLR 26.9: confidential
 * information only through the council's secure system; 27.6: a secure portal where sensitive data
 * is included). The emailed workbook gives the number and the hours asked for; the reasons are here,
 * behind the council's link.
 *
 * <p>Per council (issue 23): the list is split as the workbooks are ({@link CountingRules#workbookOf}: the person's
 * council where the contract reports per council, LLR; else the contract's one workbook, LEW), and each council's list
 * holds only its own people's rows. Interpretation: a council has a restricted list when its contract asks for a caseload
 * list (LEW 17.5: every quarter, even one with no case open, as that is the return it asks for) or when a request over
 * the threshold was made for one of its people in the quarter (LLR 26.17: with none, there are no reasons to give, and
 * the emailed workbook already says 0).
 *
 * <p>It keeps a row only for the cases it lists (a contract's caseload, LEW: tens of young people),
 * not every case it is shown.
 */
public final class CaseloadList {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(WorkingCalendar.ZONE);
    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    private final Contract contract;
    private final FinancialQuarter quarter;
    private final ReportingPeriod period;
    private final boolean caseload;
    private final boolean requestsRecorded;
    /** By workbook code ({@link CountingRules#workbookOf}). */
    private final Map<String, List<Row>> rows = new HashMap<>();
    private final Map<String, List<List<ReturnCell>>> requests = new HashMap<>();
    private final Map<ReferralReference, Long> minutesInQuarter = new HashMap<>();
    private final Map<ReferralReference, Long> travelInQuarter = new HashMap<>();

    /** One listed case, before its hours in the quarter are known. */
    private record Row(ReferralCase referral) {
    }

    public CaseloadList(Contract contract, FinancialQuarter quarter) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.quarter = Objects.requireNonNull(quarter, "quarter");
        this.period = quarter.period();
        this.caseload = contract.reportSchedule().hasCaseloadList();
        this.requestsRecorded = recordsRequests(contract);
    }

    private static boolean recordsRequests(Contract contract) {
        return contract.services().stream().anyMatch(service -> service.hourThreshold(HourThreshold.Kind.RECORD_REQUESTS_OVER).isPresent());
    }

    /** Whether {@code contract} has a restricted list: it asks for a caseload list, or records requests over a threshold of hours. */
    public static boolean wanted(Contract contract) {
        return contract.reportSchedule().hasCaseloadList() || recordsRequests(contract);
    }

    /**
     * What a council's restricted list of {@code contract} holds, in words for the council reading its email or its link's
     * page: no clause (an email cites no contract, issue 23) and no one's details.
     */
    public static String contents(Contract contract) {
        boolean caseloadList = contract.reportSchedule().hasCaseloadList();
        boolean reasons = recordsRequests(contract);
        String list = "the caseload list, with the details of each person supported in the quarter";
        String why = "the reasons given for requests to provide 20 or more hours";
        return caseloadList && reasons ? list + ", and " + why : caseloadList ? list : why;
    }

    /** A case the reader found (as for {@link QuarterlyReturnBuilder#addCase}). */
    public void addCase(ReferralCase c) {
        if (!contract.offers(c.details().service())) {
            return;
        }
        String workbook = CountingRules.workbookOf(contract, c.details().person().authority());
        if (caseload && CountingRules.openDuring(c, period)) {
            rows.computeIfAbsent(workbook, w -> new ArrayList<>()).add(new Row(c));
        }
        for (Hours.Request request : c.work().hours().requests()) {
            if (period.contains(request.at())) {
                requests.computeIfAbsent(workbook, w -> new ArrayList<>()).add(List.of(ReturnCell.text(c.reference().value()), ReturnCell.text(c.details().service().displayName()),
                        ReturnCell.text(String.valueOf(c.details().person().authority())), ReturnCell.text(DATE.format(request.at())),
                        ReturnCell.decimal(request.hours()), ReturnCell.text(request.reasons())));
            }
        }
    }

    /** A time entry (for the hours in the quarter of each listed case). */
    public void addTime(TimeRow row) {
        if (caseload && period.contains(row.date())) {
            minutesInQuarter.merge(row.reference(), (long) row.minutes(), Long::sum);
            if (row.activity() == org.advocacyhub.domain.casework.TimeEntry.Activity.TRAVEL) {
                travelInQuarter.merge(row.reference(), (long) row.minutes(), Long::sum);
            }
        }
    }

    /**
     * The workbooks (their codes, as {@link QuarterlyReturnBuilder}'s workbooks have them, in the contract's order) that
     * have a restricted list this quarter: every one where the contract asks for a caseload list, else those with a request
     * over the threshold (see the class's interpretation).
     */
    public List<String> workbooks() {
        List<String> all = contract.reportSchedule().perAuthority()
                ? contract.authorities().stream().map(org.advocacyhub.domain.contract.Authority::code).toList()
                : List.of(contract.code());
        return all.stream().filter(code -> caseload || requests.containsKey(code)).toList();
    }

    /**
     * The restricted sheets of one workbook's council, holding only its own people's rows: the caseload list (if the
     * contract asks for it) and the requests over the threshold (if any service records them).
     */
    public List<ReturnTable> build(String workbook) {
        List<ReturnTable> tables = new ArrayList<>();
        if (caseload) {
            tables.add(caseloadTable(rows.getOrDefault(workbook, List.of())));
        }
        if (requestsRecorded) {
            tables.add(new ReturnTable("Requests of 20 or more hours", "Requests to provide 20 or more hours, with reasons (restricted)",
                    "LLR 26.17, 26.9, 27.6", List.of("Case", "Service", "Authority", "Requested on", "Hours asked for", "Reasons"),
                    requests.getOrDefault(workbook, List.of()),
                    List.of("Restricted: the reasons may identify a person. Never attached to an email.")));
        }
        return tables;
    }

    private ReturnTable caseloadTable(List<Row> listed) {
        List<List<ReturnCell>> cells = new ArrayList<>();
        List<Row> sorted = new ArrayList<>(listed);
        sorted.sort(Comparator.comparing(row -> row.referral().receivedAt()));
        for (Row row : sorted) {
            ReferralCase c = row.referral();
            Person person = c.details().person();
            CypReturn cyp = c.work().cypReturn();
            ServiceAnswers answers = ServiceAnswers.of(c.details());
            String group = cyp != null ? cyp.group().displayName()
                    : CypReturn.referredGroup(answers).map(CypReturn.Group::displayName).orElse(CountingRules.NOT_GIVEN);
            String primary = cyp != null ? cyp.primary().displayName()
                    : CypReturn.referredReason(answers).map(Choice::displayName).orElse(CountingRules.NOT_GIVEN);
            String secondary = cyp != null && cyp.secondary() != null ? cyp.secondary().displayName() : "";
            boolean closedInQuarter = CountingRules.closedIn(c, period);
            CypReturn.Caseload k = cyp != null ? cyp.caseload() : CypReturn.Caseload.NONE;
            long quarterMinutes = minutesInQuarter.getOrDefault(c.reference(), 0L);
            long travelMinutes = travelInQuarter.getOrDefault(c.reference(), 0L);
            cells.add(List.of(
                    ReturnCell.text(c.reference().value()),
                    ReturnCell.text(DATE.format(c.receivedAt())),
                    ReturnCell.text(person.initials()),
                    ReturnCell.text(c.details().source().displayName()),
                    ReturnCell.text(orBlank(k.socialWorker())),
                    ReturnCell.text(group),
                    person.dateOfBirth() == null ? ReturnCell.blank() : ReturnCell.text(person.dateOfBirth().toString()),
                    person.dateOfBirth() == null ? ReturnCell.blank()
                            : ReturnCell.count(CountingRules.ageAt(person.dateOfBirth(), quarter.end().minusSeconds(1))),
                    ReturnCell.text(label(person.gender())),
                    ReturnCell.text(label(person.ethnicity())),
                    ReturnCell.text(location(person)),
                    ReturnCell.text(person.disabilities().isEmpty() ? CountingRules.NOT_GIVEN
                            : person.disabilities().stream().map(Disability::displayName).sorted().collect(Collectors.joining("; "))),
                    ReturnCell.text(k.asylumSeeker() == null ? CountingRules.NOT_GIVEN : k.asylumSeeker() ? "Yes" : "No"),
                    ReturnCell.text(k.legalStatus() == null ? CountingRules.NOT_GIVEN : k.legalStatus().displayName()),
                    ReturnCell.text(primary),
                    ReturnCell.text(secondary),
                    ReturnCell.text(orBlank(k.outcomesSought())),
                    hours(quarterMinutes - travelMinutes),
                    hours(travelMinutes),
                    hours(quarterMinutes),
                    hours(c.work().hours().totalMinutes()),
                    ReturnCell.text(orBlank(k.summaryOfWork())),
                    k.estimatedHoursRemaining() == null ? ReturnCell.blank() : ReturnCell.decimal(k.estimatedHoursRemaining()),
                    ReturnCell.text(closedInQuarter ? c.work().closure().reason().displayName() : "")));
        }
        return new ReturnTable("Caseload", "Caseload information " + quarter.name() + " (restricted)", "LEW 17.5",
                // LEW 17.5's list, in its order. Interpretation: "hours spent in quarter and total hours (advocacy work and
                // travel hours)": the quarter's hours are split into advocacy and travel (time entries whose activity is
                // travel); the total (cumulative) hours are the case's, all activities.
                List.of("Case number", "Referral date", "Initials", "Referral source", "Social worker", "Service (group)",
                        "Date of birth", "Age at quarter end", "Gender", "Ethnicity", "Location", "Self-reported disability",
                        "Asylum seeker", "Legal status", "Primary reason", "Secondary reason", "Outcomes sought",
                        "Advocacy hours in quarter", "Travel hours in quarter", "Hours in quarter", "Total hours (cumulative)",
                        "Summary of work undertaken", "Estimated hours until closure", "Outcome (if closed)"),
                cells, List.of("Restricted: personal data (LEW 17.5). Stored encrypted; never attached to an email."));
    }

    /**
     * Interpretation: LEW 17.5's "Location (in/out of borough or London)" is "In borough" when the
     * referral names one of the contract's authorities for the young person, else "Out of borough".
     */
    private String location(Person person) {
        return !CountingRules.outOfArea(person.authority()) && contract.authority(person.authority()).isPresent()
                ? "In borough" : "Out of borough";
    }

    private static String orBlank(String text) {
        return text == null ? "" : text;
    }

    private static String label(Choice choice) {
        return choice == null ? CountingRules.NOT_GIVEN : choice.displayName();
    }

    private static ReturnCell hours(long minutes) {
        return ReturnCell.decimal(BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP));
    }
}
