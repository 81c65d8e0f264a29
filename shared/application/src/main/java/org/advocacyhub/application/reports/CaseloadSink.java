package org.advocacyhub.application.reports;

import java.util.Optional;
import org.advocacyhub.application.port.ReturnsSource;
import org.advocacyhub.application.port.WorkbookWriter;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.reports.QuarterlyReturnBuilder;
import org.advocacyhub.domain.reports.TimeRow;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/** The caseload list of a contract that asks for one (LEW 17.5), fed from the same read as the return (placeholder until merged). */
final class CaseloadSink {

    private CaseloadSink() {
    }

    static CaseloadSink of(Contract contract, FinancialQuarter quarter, WorkingCalendar calendar) {
        return new CaseloadSink();
    }

    /** One sink feeding the return builder and the caseload list alike. */
    ReturnsSource.Sink feeding(QuarterlyReturnBuilder builder) {
        return new ReturnsSource.Sink() {
            @Override
            public void addCase(ReferralCase referralCase) {
                builder.addCase(referralCase);
            }

            @Override
            public void addTime(TimeRow row) {
                builder.addTime(row);
            }

            @Override
            public void addRecord(ReturnRecord record) {
                builder.addRecord(record);
            }

            @Override
            public void addCallback(CallbackFigures.Kept kept) {
                builder.addCallback(kept);
            }
        };
    }

    Optional<byte[]> workbook(WorkbookWriter writer) {
        return Optional.empty();
    }
}
