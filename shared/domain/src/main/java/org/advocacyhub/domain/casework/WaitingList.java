package org.advocacyhub.domain.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The accepted cases waiting for an advocate, in the order to allocate them (requirements §5):
 * DoLS IMCA first (LLR 5.47-5.48: priority over other IMCA work), then urgent referrals (LEW 8.4),
 * then the earliest fixed date or authorisation deadline, then the earliest allocation due, then
 * the oldest. Pure: the calendar and the time are parameters.
 */
public final class WaitingList {

    private WaitingList() {
    }

    /**
     * One waiting case as the list shows it.
     *
     * @param fixedDate        the fixed date or the DoLS authorisation end, whichever is sooner, or {@code null}
     * @param ageInWorkingDays working days the case has waited since receipt (WorkingCalendar#workingDaysElapsed)
     * @param clocks           every running clock with its due time and time left
     */
    public record Entry(ReferralCase referral, LocalDate fixedDate, Instant allocationDue, long ageInWorkingDays,
                        List<ClockView> clocks) {
    }

    /**
     * A running clock as of {@code now}.
     *
     * @param dueAt    empty while paused
     * @param timeLeft negative once overdue; empty while paused
     */
    public record ClockView(String name, Optional<Instant> dueAt, Optional<Duration> timeLeft, boolean paused) {
    }

    /** The first allocation is given to the case that sorts first. */
    static final Comparator<Entry> ORDER = Comparator
            .comparing((Entry e) -> e.referral().details().service() != ServiceCode.DOLS_IMCA)
            .thenComparing(e -> e.referral().details().urgency() != Urgency.URGENT)
            .thenComparing(Entry::fixedDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Entry::allocationDue, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(e -> e.referral().receivedAt())
            .thenComparing(e -> e.referral().reference().value());

    /** {@code waiting} in allocation order, each with its clocks as of {@code now}. */
    public static List<Entry> order(List<ReferralCase> waiting, Instant now, ContractCatalogue contracts) {
        List<Entry> entries = new ArrayList<>();
        for (ReferralCase referral : waiting) {
            WorkingCalendar calendar = contracts.contractFor(referral.details().service()).calendar();
            List<ClockView> clocks = referral.clocks().stream().filter(c -> !c.isStopped()).map(c -> view(c, now, calendar)).toList();
            Instant allocationDue = referral.clocks().stream().filter(c -> c.name().equals("allocation") && !c.isStopped())
                    .findFirst().flatMap(c -> c.dueAt(calendar))
                    .orElse(clocks.stream().flatMap(c -> c.dueAt().stream()).min(Comparator.naturalOrder()).orElse(null));
            entries.add(new Entry(referral, fixedDate(referral), allocationDue,
                    calendar.workingDaysElapsed(referral.receivedAt(), now), clocks));
        }
        entries.sort(ORDER);
        return entries;
    }

    /** The fixed date given with the referral or the DoLS authorisation end (LLR 5.43-5.44), whichever is sooner. */
    static LocalDate fixedDate(ReferralCase referral) {
        LocalDate fixed = referral.details().fixedDate();
        String end = referral.details().serviceAnswers().get("authorisationEndDate");
        LocalDate authorisation = end == null ? null : LocalDate.parse(end);
        if (fixed == null) {
            return authorisation;
        }
        return authorisation == null || fixed.isBefore(authorisation) ? fixed : authorisation;
    }

    /** A running clock's view, for other lists that show clocks the same way. */
    public static ClockView view(SlaClock clock, Instant now, WorkingCalendar calendar) {
        return new ClockView(clock.name(), clock.dueAt(calendar), clock.remaining(now, calendar), clock.isPaused());
    }
}
