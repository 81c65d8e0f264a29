package org.advocacyhub.application.port;

import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.dataprotection.DataRequest;

/** Where data protection requests are kept (issue 22), each with its audit trail. */
public interface DataRequestStore {

    /**
     * Records a new request with its audit entry and its clock (the duty managers' reminder at {@code reminderAt} and
     * escalation when it falls due, raised by the alert timer as any clock's), all or nothing; nothing is overwritten.
     *
     * @return false when a request with its id is already recorded (the same recording sent again): nothing written
     */
    boolean create(DataRequest request, java.time.Instant reminderAt, AuditEntry audit);

    Optional<DataRequest> find(String id);

    /**
     * Saves a changed request (its decision) with its audit entry, only if the stored one is still {@code before}'s version; a
     * request answered stops its clock (no reminder or escalation follows).
     *
     * @return false when it changed meanwhile: nothing written
     */
    boolean save(DataRequest before, DataRequest after, AuditEntry audit);

    /** Records that a member of staff read the request or its export. */
    void audit(String id, AuditEntry entry);

    /** The request's audit trail, oldest first. */
    List<AuditEntry> audit(String id);

    /** The open requests, soonest due first, and those decided, newest first; at most {@code limit} of each. */
    List<DataRequest> list(boolean open, int limit);
}
