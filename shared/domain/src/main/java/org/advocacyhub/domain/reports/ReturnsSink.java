package org.advocacyhub.domain.reports;

import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.returns.ReturnRecord;

/**
 * What takes a quarter's items one at a time as they are read (issue 11 item 7): the return builder,
 * and whatever else is fed from the same read. Nothing is handed over as a whole.
 */
public interface ReturnsSink {

    void addCase(ReferralCase referralCase);

    void addTime(TimeRow row);

    void addRecord(ReturnRecord record);

    void addCallback(CallbackFigures.Kept kept);

    /**
     * A case study of the quarter's return (LLR 27.3, Appendix One). No default: a sink that hands items on to a builder
     * must hand these on too, and one that does not report them says so by ignoring it in its own body.
     */
    void addCaseStudy(org.advocacyhub.domain.casestudy.CaseStudy study);

    /** A service summary of the quarter's return (LLR Appendix One; LEW 17.2), as {@link #addCaseStudy}. */
    void addServiceSummary(org.advocacyhub.domain.casestudy.ServiceSummary summary);
}
