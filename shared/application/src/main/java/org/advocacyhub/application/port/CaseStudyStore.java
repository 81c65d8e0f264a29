package org.advocacyhub.application.port;

import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * Storage of a quarter's case studies and service summaries (LLR 26.16, 26.17, 27.3, Appendix One; LEW 17.2), in the
 * contract's returns partition of that quarter beside its complaints, so the report reads them with the same Query. Every
 * change is conditional on the revision it was made from.
 */
public interface CaseStudyStore {

    /** What a conditional write came to. */
    enum Write {
        /** Written. */
        WRITTEN,
        /** The item is not at the revision the change was made from (or a new one exists already): nothing written. */
        STALE,
        /** Selecting it would take the service past the number the return takes: nothing written. */
        LIMIT
    }

    /** The quarter's case studies of {@code contract}, every service, by service then id. One Query. */
    List<CaseStudy> caseStudies(String contract, FinancialQuarter quarter);

    /** The case study {@code id} of the quarter, if there is one. */
    Optional<CaseStudy> caseStudy(String contract, FinancialQuarter quarter, String id);

    /**
     * Writes {@code after}: a new case study when {@code before} is null (only if none is stored), else the next revision of
     * {@code before} (only if it is still at {@code before}'s revision).
     */
    Write save(CaseStudy before, CaseStudy after);

    /**
     * Writes {@code after}, {@code before} with its selection changed, in one transaction with the quarter's selection of
     * its service: selecting it holds only while fewer than {@code perService} others are selected.
     */
    Write select(CaseStudy before, CaseStudy after, int perService);

    /** The quarter's service summaries of {@code contract}, as written. One Query. */
    List<ServiceSummary> serviceSummaries(String contract, FinancialQuarter quarter);

    /** Writes {@code after}: new when {@code before} is null, else the next revision of {@code before}. */
    Write save(ServiceSummary before, ServiceSummary after);
}
