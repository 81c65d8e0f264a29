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
}
