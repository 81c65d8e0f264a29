package org.advocacyhub.application.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;

/** A {@link CaseStore} in memory, for unit tests of use cases. */
final class InMemoryCaseStore implements CaseStore {

    final Map<String, Long> sequences = new HashMap<>();
    final Map<ReferralReference, ReferralCase> cases = new LinkedHashMap<>();
    final Map<ReferralReference, List<CaseEvent>> events = new HashMap<>();
    final Map<String, IdempotencyRecord> idempotency = new HashMap<>();
    final Map<ReferralReference, Instant> pendingSince = new LinkedHashMap<>();
    /** The emails written into the outbox with the cases. */
    final List<org.advocacyhub.application.port.Outbox.OutboxMail> outbox = new ArrayList<>();
    /** When set, the next recordNewCase finds this record already stored (a concurrent twin won). */
    IdempotencyRecord raceWinner;

    @Override
    public long nextSequence(String contract, int year) {
        return sequences.merge(contract + year, 1L, Long::sum);
    }

    @Override
    public Recorded recordNewCase(ReferralCase newCase, CaseEvent received, Optional<IdempotencyRecord> record,
                                  List<org.advocacyhub.application.port.Outbox.OutboxMail> mails) {
        if (raceWinner != null) {
            idempotency.put(raceWinner.key(), raceWinner);
            IdempotencyRecord winner = raceWinner;
            raceWinner = null;
            return new KeyAlreadyUsed(winner);
        }
        cases.put(newCase.reference(), newCase);
        events.computeIfAbsent(newCase.reference(), r -> new ArrayList<>()).add(received);
        record.ifPresent(r -> idempotency.put(r.key(), r));
        pendingSince.put(newCase.reference(), newCase.receivedAt());
        outbox.addAll(mails);
        return new Stored();
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String key) {
        return Optional.ofNullable(idempotency.get(key));
    }

    @Override
    public boolean changedBy(ReferralReference reference, String requestId) {
        return false;
    }

    @Override
    public Optional<ReferralCase> findCase(ReferralReference reference) {
        return Optional.ofNullable(cases.get(reference));
    }

    @Override
    public List<CaseEvent> timeline(ReferralReference reference) {
        return List.copyOf(events.getOrDefault(reference, List.of()));
    }

    @Override
    public void appendEvent(ReferralReference reference, CaseEvent event) {
        events.computeIfAbsent(reference, r -> new ArrayList<>()).add(event);
    }

    @Override
    public List<ReferralReference> awaitingScreeningSince(Instant cutoff, int limit) {
        return pendingSince.entrySet().stream().filter(e -> !e.getValue().isAfter(cutoff)).map(Map.Entry::getKey)
                .limit(limit).toList();
    }

    @Override
    public boolean markRequeued(ReferralReference reference, Instant at, CaseEvent event) {
        if (cases.get(reference).status().isScreened() || pendingSince.replace(reference, at) == null) {
            return false;
        }
        appendEvent(reference, event);
        return true;
    }

    @Override
    public boolean save(CaseChange change) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public boolean anonymise(ReferralCase before, ReferralCase after, CaseEvent event, org.advocacyhub.domain.casework.AuditEntry audit,
                             String removed) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public <T extends org.advocacyhub.domain.casework.CaseRecord> List<T> records(ReferralReference reference, Class<T> kind) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public Map<String, Integer> minutesRecorded(java.time.LocalDate from, java.time.LocalDate to) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public void audit(ReferralReference reference, org.advocacyhub.domain.casework.AuditEntry entry) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public Page casesWithStatus(String contract, CaseStatus status, Instant from, Instant to, String pageToken, int limit) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public Page casesAllocatedTo(String advocateId, Instant from, Instant to, String pageToken, int limit) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public Page casesReceived(String contract, String authority, Instant from, Instant to, String pageToken, int limit) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public Page cases(CaseSource source, CaseFilter filter, Instant from, Instant to, String pageToken, int limit) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public List<IndexedClock> clocksDueBy(Instant bound, int limit) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public List<IndexedClock> alertsDueBy(Instant now, IndexedClock after, int limit) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public boolean advanceAlert(IndexedClock seen, org.advocacyhub.domain.casework.DeadlineAlerts.Kind raised) {
        throw new UnsupportedOperationException("not used by intake");
    }

    @Override
    public List<CaseTask> tasks(ReferralReference reference) {
        return List.of();
    }
}
