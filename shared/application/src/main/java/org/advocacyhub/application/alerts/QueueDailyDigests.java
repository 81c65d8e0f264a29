package org.advocacyhub.application.alerts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertQueue;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.casestudy.CaseStudies;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 08:30 run of the allocation timer (issue 9): one digest per duty manager of every contract
 * whose service is open today, put on the reminder queue. Interpretation of "each working day": the
 * contract's own service days, so DERBY's every-day service gets a digest at weekends and the
 * others on their working days only. A duty manager of several contracts gets one digest with a
 * part for each. The same run puts on the queue the reminders that a quarter's case studies and service summaries are
 * missing (issue 23, {@link #caseStudiesDue}).
 */
@Singleton
public final class QueueDailyDigests {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDailyDigests.class);

    private final ContractCatalogue contracts;
    private final StaffDirectory staff;
    private final AlertQueue queue;
    private final Clock clock;

    public QueueDailyDigests(ContractCatalogue contracts, StaffDirectory staff, AlertQueue queue, Clock clock) {
        this.contracts = contracts;
        this.staff = staff;
        this.queue = queue;
        this.clock = clock;
    }

    /** @return how many digests were queued */
    public int run() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
        Set<String> managers = new LinkedHashSet<>();
        for (Contract contract : openOn(contracts, today)) {
            staff.dutyManagers(contract.code()).stream().map(StaffRecord::id).forEach(managers::add);
        }
        List<Alert.Digest> digests = new ArrayList<>();
        managers.forEach(id -> digests.add(new Alert.Digest(today, id)));
        if (!digests.isEmpty()) {
            queue.send(digests);
        }
        List<Alert.CaseStudiesDue> studies = caseStudiesDue(today);
        if (!studies.isEmpty()) {
            queue.send(studies);
        }
        LOG.info("Daily digest: queued {} digest(s) and {} case studies reminder(s) for {}", digests.size(), studies.size(), today);
        return digests.size();
    }

    /** Days after its due time a case studies reminder is still put on the queue, should a run have failed. */
    static final int CASE_STUDIES_WINDOW_DAYS = 14;

    /**
     * Issue 23: the reminder that the quarter just ended's case studies or service summaries were not all written by their
     * due time ({@link CaseStudies#dueAt}: the close of the third working day after the quarter), for each contract open
     * today whose due time has passed: the first run after it, on a day the service is open. The reminder-emails function
     * decides it once per contract and quarter (the alert ledger), and sends nothing when nothing is missing; a run on a
     * later day of the window puts it on the queue again only to find it decided.
     */
    List<Alert.CaseStudiesDue> caseStudiesDue(LocalDate today) {
        java.time.Instant now = clock.instant();
        FinancialQuarter ended = FinancialQuarter.containing(today).previous();
        List<Alert.CaseStudiesDue> due = new ArrayList<>();
        for (Contract contract : openOn(contracts, today)) {
            CaseStudies.dueAt(contract, ended)
                    .filter(at -> !now.isBefore(at) && !today.isAfter(LocalDate.ofInstant(at, WorkingCalendar.ZONE)
                            .plusDays(CASE_STUDIES_WINDOW_DAYS)))
                    .ifPresent(at -> due.add(new Alert.CaseStudiesDue(contract.code(), ended, at)));
        }
        return due;
    }

    /** The contracts whose service is open on {@code day}: the ones a digest covers that day. */
    static List<Contract> openOn(ContractCatalogue contracts, LocalDate day) {
        return contracts.contracts().stream()
                .filter(contract -> contract.serviceHours().isOpenOn(day, contract.calendar())).toList();
    }
}
