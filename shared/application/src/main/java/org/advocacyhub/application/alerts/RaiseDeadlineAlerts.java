package org.advocacyhub.application.alerts;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.port.Alert;
import org.advocacyhub.application.port.AlertQueue;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.CaseStore.IndexedClock;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The allocation timer's run (issue 9, requirements §5): the clocks whose reminder or escalation
 * is due now, read from the alert index a page at a time (never every open clock), each put on
 * the reminder queue and then moved on to its next alert.
 *
 * <p>Enqueue first, advance second: a run that stops between the two leaves the clock where it
 * was, and the next run enqueues it again. Two runs at once may both enqueue one alert. Either way
 * the reminder-emails function's claim in the alert ledger sends it once.
 */
@Singleton
public final class RaiseDeadlineAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(RaiseDeadlineAlerts.class);
    /** Clocks read per Query, and alerts per batch on the queue. */
    static final int PAGE = 100;
    /** Pages per run: a backlog beyond this (a long outage) drains over the following minutes' runs. */
    static final int MAX_PAGES = 20;

    private final CaseStore store;
    private final AlertQueue queue;
    private final Clock clock;

    public RaiseDeadlineAlerts(CaseStore store, AlertQueue queue, Clock clock) {
        this.store = store;
        this.queue = queue;
        this.clock = clock;
    }

    /** What one run did: clocks read from the index, alerts put on the queue. */
    public record Result(int read, int raised) {
    }

    public Result run() {
        Instant now = clock.instant();
        int read = 0;
        int raised = 0;
        IndexedClock after = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            List<IndexedClock> due = store.alertsDueBy(now, after, PAGE);
            read += due.size();
            List<Alert> alerts = new ArrayList<>();
            List<DeadlineAlerts.Kind> kinds = new ArrayList<>();
            List<IndexedClock> raisedFor = new ArrayList<>();
            for (IndexedClock indexed : due) {
                Optional<DeadlineAlerts.Kind> kind = indexed.waiting() == null ? Optional.empty()
                        : DeadlineAlerts.dueAt(now, indexed.waiting(), indexed.reminderAt(), indexed.dueAt());
                if (kind.isPresent()) {
                    alerts.add(indexed.alert(kind.get()));
                    kinds.add(kind.get());
                    raisedFor.add(indexed);
                }
            }
            if (!alerts.isEmpty()) {
                queue.send(alerts);
            }
            for (int i = 0; i < alerts.size(); i++) {
                // A clock whose deadline moved meanwhile, or that another run moved on, is left as it is now.
                store.advanceAlert(raisedFor.get(i), kinds.get(i));
            }
            raised += alerts.size();
            if (due.size() < PAGE) {
                break;
            }
            after = due.get(due.size() - 1);
        }
        LOG.info("Allocation timer: read {} clock(s), raised {} alert(s)", read, raised);
        return new Result(read, raised);
    }
}
