package org.advocacyhub.domain.time;

/** Where an {@link SlaClock} stands at a given instant. */
public enum ClockStatus {
    /** Running and not yet due. */
    RUNNING,
    /** Paused before reaching its due time: the due time is not known until it resumes. */
    PAUSED,
    /** Not stopped and past its due time: the deadline is being missed. */
    OVERDUE,
    /** Stopped at or before its due time. */
    MET,
    /** Stopped after its due time. */
    MISSED
}
