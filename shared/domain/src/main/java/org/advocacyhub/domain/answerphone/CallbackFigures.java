package org.advocacyhub.domain.answerphone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * A contract's answerphone figures for one quarter, for the quarterly report (issue 10 item 6):
 * messages received, responded to within 24 working hours (LLR 9.23), missed, and the median
 * response time. Counted from what is kept after the caller's details are deleted ({@link Kept}).
 *
 * @param received           messages left in the quarter
 * @param respondedInTime    responded to by their due time
 * @param missed             responded to after their due time, or past it with no response yet
 * @param open               not yet responded to and not yet due (at the time counted)
 * @param medianResponseTime the median working time from message to response (LLR 9.23 counts working
 *                           hours), over the messages responded to; {@code null} when none was
 */
public record CallbackFigures(FinancialQuarter quarter, int received, int respondedInTime, int missed, int open,
                              Duration medianResponseTime) {

    /**
     * What the returns keep of one message once the caller's details are gone: no personal data.
     *
     * @param respondedAt the first response (the clock's stop), or {@code null}
     */
    public record Kept(String messageId, Instant leftAt, Instant dueAt, Instant respondedAt) {
        public Kept {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(leftAt, "leftAt");
            Objects.requireNonNull(dueAt, "dueAt");
        }

        /** Met exactly at the due time too (requirements §5). */
        boolean metInTime() {
            return respondedAt != null && !respondedAt.isAfter(dueAt);
        }

        boolean missedAt(Instant now) {
            return respondedAt != null ? respondedAt.isAfter(dueAt) : now.isAfter(dueAt);
        }
    }

    /** The figures of {@code quarter} from the messages left in it, as they stand at {@code now}. */
    public static CallbackFigures of(FinancialQuarter quarter, List<Kept> messages, Instant now, WorkingCalendar calendar) {
        int inTime = 0;
        int missed = 0;
        int open = 0;
        List<Duration> times = new java.util.ArrayList<>();
        for (Kept kept : messages) {
            if (kept.metInTime()) {
                inTime++;
            } else if (kept.missedAt(now)) {
                missed++;
            } else {
                open++;
            }
            if (kept.respondedAt() != null) {
                times.add(calendar.workingTimeBetween(kept.leftAt(), kept.respondedAt()));
            }
        }
        return new CallbackFigures(quarter, messages.size(), inTime, missed, open, median(times));
    }

    /** The middle value; of an even number, the mean of the two middle ones. */
    static Duration median(List<Duration> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
