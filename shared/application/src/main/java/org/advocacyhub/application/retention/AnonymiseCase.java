package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.RetentionKey;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.retention.Anonymiser;

/**
 * Anonymises one case, written once for the two that do it (issue 22): the daily retention run ({@link ApplyRetention})
 * and an erasure (UK GDPR Art. 17, "Erasure uses the same anonymisation as retention"). The case's words go and the case
 * is saved anonymised with its timeline entry and audit record, each write conditional on the case as read
 * ({@link CaseStore#anonymise}); a case changed meanwhile is read again and decided again, at most three times. Its case
 * studies' text goes after it ({@link CaseStudiesOfCase#removeText}); a case found anonymised already has that step done
 * again, so a run stopped between the two finishes it.
 */
@Singleton
public final class AnonymiseCase {

    /** What became of a case. */
    public enum Result {
        /** Anonymised now. */
        DONE,
        /** Under a legal hold: left whole. */
        HELD,
        /** Anonymised already, gone, or (decided again) no longer to be anonymised. */
        KEPT,
        /** Changed each time it was read: the next run takes it. */
        LEFT
    }

    private static final int ATTEMPTS = 3;

    private final CaseStore store;
    private final CaseStudiesOfCase caseStudies;
    private final RetentionKey key;
    private final Clock clock;

    public AnonymiseCase(CaseStore store, CaseStudiesOfCase caseStudies, RetentionKey key, Clock clock) {
        this.store = store;
        this.caseStudies = caseStudies;
        this.key = key;
        this.clock = clock;
    }

    /**
     * @param read  the case as read
     * @param rule  the rule under which the case as it now is goes (for its timeline and audit trail), or empty when it is
     *              no longer to go
     * @param by    who the audit record names
     */
    public Result anonymise(ReferralCase read, Function<ReferralCase, Optional<String>> rule, String by) {
        ReferralCase c = read;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (Anonymiser.anonymised(c)) {
                // Its case studies' text goes with its words: a run stopped between the case and them finishes here.
                return caseStudies.removeText(c) == 0 ? Result.KEPT : Result.LEFT;
            }
            if (c.work().legalHold() != null) {
                return Result.HELD;
            }
            Optional<String> why = rule.apply(c);
            if (why.isEmpty()) {
                return Result.KEPT;
            }
            Instant at = clock.instant();
            CaseEvent event = new CaseEvent(at, CaseEvent.Type.ANONYMISED, "Anonymised under " + why.get()
                    + ". The figures the returns count are kept; the person's details and the case's notes are not.");
            AuditEntry audit = new AuditEntry(UUID.randomUUID().toString().substring(0, 8), at, by, "anonymised the case (" + why.get() + ")");
            if (store.anonymise(c, Anonymiser.anonymise(c, key.key()), event, audit, Anonymiser.REMOVED)) {
                // Then the text of its case studies (issue 23), kept in the returns' partitions.
                return caseStudies.removeText(c) == 0 ? Result.DONE : Result.LEFT;
            }
            Optional<ReferralCase> now = store.findCase(c.reference());
            if (now.isEmpty()) {
                return Result.KEPT;
            }
            c = now.get();
        }
        return Result.LEFT;
    }
}
