package org.advocacyhub.application.port;

import java.util.List;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * Storage of what the quarterly returns count beside cases: awareness sessions, complaints and
 * compliments. One contract's quarter is kept together, so the report reads it with one Query.
 */
public interface ReturnsStore {

    /**
     * Stores a new record in its contract's quarter; a record kept for a set time carries when it may be deleted.
     *
     * @return false when a record with its id is stored already (nothing written): the same staff request, run again
     *         after its function stopped (its id comes from the request's key, issue 19)
     */
    boolean save(ReturnRecord record);

    /**
     * One contract's records of a financial quarter, by date: of one kind, or of every kind when
     * {@code kind} is {@code null}. One Query, never a Scan.
     */
    List<ReturnRecord> quarter(String contract, FinancialQuarter quarter, ReturnRecord.Kind kind);

    /** The complaint {@code id} of {@code contract} received on {@code received}, if there is one. One GetItem. */
    java.util.Optional<org.advocacyhub.domain.returns.Complaint> complaint(String contract, java.time.LocalDate received, String id);

    /**
     * Replaces a complaint with its next revision, if it is still at {@code before}'s revision.
     *
     * @return false when another change came first (nothing written)
     */
    boolean replace(org.advocacyhub.domain.returns.Complaint before, org.advocacyhub.domain.returns.Complaint after);
}
