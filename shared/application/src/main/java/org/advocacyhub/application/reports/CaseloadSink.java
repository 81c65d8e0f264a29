package org.advocacyhub.application.reports;

import java.util.List;
import java.util.Optional;
import org.advocacyhub.application.port.WorkbookWriter;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.reports.CaseloadList;
import org.advocacyhub.domain.reports.QuarterlyReturnBuilder;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.reports.ReturnsSink;
import org.advocacyhub.domain.reports.TimeRow;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * The restricted workbooks of a report, one per council, fed from the same single read as the return: the caseload
 * list with personal data a contract asks for (LEW 17.5) and the reasons given for requests over
 * 20 hours (LLR 26.17: free text, so kept out of emailed workbooks, LLR 26.9, 27.6).
 */
final class CaseloadSink {

    private final CaseloadList list;

    private CaseloadSink(CaseloadList list) {
        this.list = list;
    }

    static CaseloadSink of(Contract contract, FinancialQuarter quarter) {
        return new CaseloadSink(CaseloadList.wanted(contract) ? new CaseloadList(contract, quarter) : null);
    }

    /** One sink feeding the return builder and, where wanted, the restricted list. */
    ReturnsSink feeding(QuarterlyReturnBuilder builder) {
        if (list == null) {
            return builder;
        }
        return new ReturnsSink() {
            @Override
            public void addCase(ReferralCase referralCase) {
                builder.addCase(referralCase);
                list.addCase(referralCase);
            }

            @Override
            public void addTime(TimeRow row) {
                builder.addTime(row);
                list.addTime(row);
            }

            @Override
            public void addRecord(ReturnRecord record) {
                builder.addRecord(record);
            }

            @Override
            public void addCallback(CallbackFigures.Kept kept) {
                builder.addCallback(kept);
            }

            @Override
            public void addCaseStudy(org.advocacyhub.domain.casestudy.CaseStudy study) {
                builder.addCaseStudy(study);
            }

            @Override
            public void addServiceSummary(org.advocacyhub.domain.casestudy.ServiceSummary summary) {
                builder.addServiceSummary(summary);
            }
        };
    }

    /**
     * The restricted workbook of one workbook's council (its own people's rows only), when it has a restricted list this
     * quarter ({@link CaseloadList#workbooks}).
     */
    Optional<byte[]> workbook(String workbookCode, WorkbookWriter writer, String title, java.time.Instant createdAt) {
        if (list == null || !list.workbooks().contains(workbookCode)) {
            return Optional.empty();
        }
        List<ReturnTable> sheets = list.build(workbookCode);
        return sheets.isEmpty() ? Optional.empty() : Optional.of(writer.write(sheets, title, createdAt));
    }
}
