package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.CaseStudyStore;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.retention.Anonymiser;

/**
 * The case studies written about one case (issue 22 with issue 23: a case study tells one person's journey, so it is
 * theirs to see in a subject access export and goes with their case's words when it is anonymised or erased).
 *
 * <p>A case study is kept in its contract's returns partition of the quarter the case closed in, under one id a case
 * ({@link CaseStudy#idOf}); a case closed, reopened and closed again in a later quarter may have one in each of those
 * quarters. So the quarters looked in are those of every closure on the case's timeline, and of its closure now.
 */
@Singleton
public final class CaseStudiesOfCase {

    private static final int ATTEMPTS = 3;

    private final CaseStore cases;
    private final CaseStudyStore studies;

    public CaseStudiesOfCase(CaseStore cases, CaseStudyStore studies) {
        this.cases = cases;
        this.studies = studies;
    }

    /** The case's case studies, in the order its closures happened. */
    public List<CaseStudy> of(ReferralCase c, List<CaseEvent> timeline) {
        Set<FinancialQuarter> quarters = new LinkedHashSet<>();
        timeline.stream().filter(e -> e.type() == CaseEvent.Type.CLOSED).forEach(e -> quarters.add(FinancialQuarter.containing(e.at())));
        if (c.work().closure() != null) {
            quarters.add(FinancialQuarter.containing(c.work().closure().at()));
        }
        String contract = c.reference().contract();
        List<CaseStudy> found = new ArrayList<>();
        for (FinancialQuarter quarter : quarters) {
            studies.caseStudy(contract, quarter, CaseStudy.idOf(c.reference())).ifPresent(found::add);
        }
        return found;
    }

    /**
     * Removes the text of each of the case's case studies ({@link Anonymiser#REMOVED}), each by a write conditional on the
     * revision read (a study rewritten or selected meanwhile is read again, at most three times). Safe to run again: a study
     * whose text is gone already is left as it is, so a run stopped between the case and its studies finishes on the next.
     *
     * @return how many studies still hold their text (changed each time they were read); 0 when all are done
     */
    public int removeText(ReferralCase c) {
        int left = 0;
        for (CaseStudy study : of(c, cases.timeline(c.reference()))) {
            CaseStudy read = study;
            boolean done = false;
            for (int attempt = 0; attempt < ATTEMPTS && !done; attempt++) {
                if (Anonymiser.REMOVED.equals(read.text())
                        || studies.save(read, read.withTextRemoved(Anonymiser.REMOVED)) == CaseStudyStore.Write.WRITTEN) {
                    done = true;
                } else {
                    Optional<CaseStudy> now = studies.caseStudy(read.contract(), read.quarter(), read.id());
                    if (now.isEmpty()) {
                        done = true;
                    } else {
                        read = now.get();
                    }
                }
            }
            if (!done) {
                left++;
            }
        }
        return left;
    }
}
