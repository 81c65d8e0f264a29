package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.RetentionKey;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.answerphone.CallbackAttempt;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.PersonKey;
import org.advocacyhub.domain.retention.Anonymiser;

/**
 * Every record the hub holds about one person, across every contract (issue 22: subject access, rectification, erasure),
 * found by the rule the returns count people by ({@link PersonKey}): the same date of birth and the same name after
 * normalising it. Each case comes with its whole file (timeline, tasks, contacts and meetings, time, audit), the case
 * studies written about it (issue 23: one person's journey, kept in the returns' partitions) and the emails sent about it (acknowledgement, decision letter, alerts); an answerphone message is theirs when its caller's name is theirs
 * (normalised) or when it led to one of their cases.
 *
 * <p>Interpretation: a case anonymised by retention is still about them while the key that made its pseudonym exists
 * (pseudonymised data, UK GDPR recital 26), so it is found by its pseudonym, and shown as anonymised. A message carries no date
 * of birth, so a caller of the same name who is someone else is found too: the export marks messages found by name alone for
 * review before release.
 *
 * <p>Reads every case of every contract (the status index, page by page): a rare request, and no index by person exists on
 * purpose (a name in a key would be personal data in every index read).
 */
@Singleton
public final class FindPerson {

    static final int PAGE = 500;

    private final CaseStore cases;
    private final AnswerphoneStore answerphone;
    private final Outbox outbox;
    private final CaseStudiesOfCase caseStudies;
    private final ContractCatalogue contracts;
    private final RetentionKey key;
    private final Clock clock;

    public FindPerson(CaseStore cases, AnswerphoneStore answerphone, Outbox outbox, CaseStudiesOfCase caseStudies,
                      ContractCatalogue contracts, RetentionKey key, Clock clock) {
        this.cases = cases;
        this.answerphone = answerphone;
        this.outbox = outbox;
        this.caseStudies = caseStudies;
        this.contracts = contracts;
        this.key = key;
        this.clock = clock;
    }

    /** One of their cases, with everything beside it. */
    public record CaseRecords(ReferralCase referral, CaseStore.CaseFile file, List<Outbox.StoredMail> emails,
                              List<org.advocacyhub.domain.casestudy.CaseStudy> caseStudies, boolean anonymised) {
        public CaseRecords {
            emails = List.copyOf(emails);
            caseStudies = List.copyOf(caseStudies);
        }
    }

    /**
     * One answerphone message, with its call-back attempts.
     *
     * @param byNameOnly found by the caller's name alone (not through one of their cases): perhaps someone else of that name
     */
    public record MessageRecords(AnswerphoneMessage message, List<CallbackAttempt> attempts, boolean byNameOnly) {
    }

    public record Found(List<CaseRecords> cases, List<MessageRecords> messages) {
        public Found {
            cases = List.copyOf(cases);
            messages = List.copyOf(messages);
        }

        public List<String> references() {
            return cases.stream().map(c -> c.referral().reference().value()).toList();
        }
    }

    /** Only the cases, without their files: what an erasure acts on and a request's page lists. */
    public List<ReferralCase> cases(String name, LocalDate dateOfBirth) {
        String normalised = PersonKey.normalisedName(name);
        byte[] secret = key.key();
        List<ReferralCase> found = new ArrayList<>();
        Instant now = clock.instant();
        for (Contract contract : contracts.contracts()) {
            String anonymisedName = Anonymiser.anonymisedName(secret, contract.code(), name, dateOfBirth);
            String token = null;
            do {
                CaseStore.Page page = cases.cases(new CaseStore.ByStatus(List.of(contract.code()), Arrays.asList(CaseStatus.values())),
                        CaseStore.CaseFilter.ANY, Instant.EPOCH, now.plusMillis(1), token, PAGE);
                for (ReferralCase c : page.cases()) {
                    String caseName = c.details().person().name();
                    boolean live = caseName != null && dateOfBirth.equals(c.details().person().dateOfBirth())
                            && !normalised.isEmpty() && normalised.equals(PersonKey.normalisedName(caseName));
                    if (live || anonymisedName.equals(caseName)) {
                        found.add(c);
                    }
                }
                token = page.next();
            } while (token != null);
        }
        return found;
    }

    /** Everything about them. */
    public Found find(String name, LocalDate dateOfBirth) {
        List<CaseRecords> found = new ArrayList<>();
        Set<String> references = new HashSet<>();
        for (ReferralCase c : cases(name, dateOfBirth)) {
            CaseStore.CaseFile file = cases.caseFile(c.reference());
            found.add(new CaseRecords(c, file, outbox.mailsOf(new Outbox.CaseOwner(c.reference())), caseStudies.of(c, file.timeline()),
                    Anonymiser.anonymised(c)));
            references.add(c.reference().value());
        }
        String normalised = PersonKey.normalisedName(name);
        List<MessageRecords> messages = new ArrayList<>();
        for (Contract contract : contracts.contracts()) {
            String token = null;
            do {
                AnswerphoneStore.Page page = answerphone.list(contract.code(),
                        List.of(AnswerphoneStore.Listing.OPEN, AnswerphoneStore.Listing.RESPONDED), token, PAGE);
                for (AnswerphoneMessage m : page.messages()) {
                    boolean theirCase = m.reference() != null && references.contains(m.reference().value());
                    boolean theirName = m.callerName() != null && !normalised.isEmpty()
                            && normalised.equals(PersonKey.normalisedName(m.callerName()));
                    if (theirCase || theirName) {
                        messages.add(new MessageRecords(m, answerphone.attempts(m.id()), !theirCase));
                    }
                }
                token = page.next();
            } while (token != null);
        }
        return new Found(found, messages);
    }
}
