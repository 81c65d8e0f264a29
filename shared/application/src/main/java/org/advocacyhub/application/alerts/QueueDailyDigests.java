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
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 08:30 run of the allocation timer (issue 9): one digest per duty manager of every contract
 * whose service is open today, put on the reminder queue. Interpretation of "each working day": the
 * contract's own service days, so DERBY's every-day service gets a digest at weekends and the
 * others on their working days only. A duty manager of several contracts gets one digest with a
 * part for each.
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
        LOG.info("Daily digest: queued {} digest(s) for {}", digests.size(), today);
        return digests.size();
    }

    /** The contracts whose service is open on {@code day}: the ones a digest covers that day. */
    static List<Contract> openOn(ContractCatalogue contracts, LocalDate day) {
        return contracts.contracts().stream()
                .filter(contract -> contract.serviceHours().isOpenOn(day, contract.calendar())).toList();
    }
}
