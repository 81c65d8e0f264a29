package org.advocacyhub.application.retention;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.application.port.ReportArchive;
import org.advocacyhub.application.port.ReportStore;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.CaseloadList;
import org.advocacyhub.domain.retention.RetainedKind;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The restricted workbooks of quarterly reports, deleted before any case on them is anonymised (issue 22: "no personal value
 * of an anonymised case remains anywhere in ... the buckets"). A caseload list (LEW 17.5) names the people of the cases open
 * in its quarter, and a restricted workbook also holds the reasons given for more hours (LLR 26.17): copies of the cases'
 * personal data, kept beside the reports (template.yaml ReportsBucket, {@code restricted/}).
 *
 * <p>Interpretation: a case on a quarter's list was open or decided in that quarter, so its time runs from that quarter's
 * first day or later; the list goes once the contract's shortest case period ({@code closedCase} or {@code declinedReferral},
 * without an age floor) counted from that first day has passed, which is never after any case on it goes. The bucket's
 * lifecycle forgets a deleted restricted object's earlier versions after a day (template.yaml
 * {@code ForgetDeletedRestrictedWorkbooks}). The report keeps its record; asking for the list then says it is no longer kept,
 * and a council's link to it (issue 23, long expired by then) opens nothing. A report keeps one restricted workbook per
 * council ({@code QuarterlyReport.Workbook#restrictedKey}); one built before issue 23 kept one for the contract
 * ({@code caseloadKey}): each goes.
 */
@Singleton
public final class ExpireCaseloadLists {

    /** More reports than a contract asks for in many years. */
    static final int MOST_READ = 2_000;

    private final ReportStore reports;
    private final ReportArchive archive;
    private final ContractCatalogue contracts;
    private final Clock clock;

    public ExpireCaseloadLists(ReportStore reports, ReportArchive archive, ContractCatalogue contracts, Clock clock) {
        this.reports = reports;
        this.archive = archive;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** The last day a restricted workbook of a quarter beginning {@code firstDay} is kept under {@code policy}. */
    static LocalDate keptUntil(LocalDate firstDay, RetentionPolicy policy) {
        LocalDate closed = policy.period(RetainedKind.CLOSED_CASE).keptUntil(firstDay, null);
        LocalDate declined = policy.period(RetainedKind.DECLINED_REFERRAL).keptUntil(firstDay, null);
        return closed.isBefore(declined) ? closed : declined;
    }

    /** Every restricted workbook of {@code report}: each council's, and the contract-wide one of a report built before issue 23. */
    static List<String> restrictedKeys(QuarterlyReport report) {
        List<String> keys = new ArrayList<>();
        if (report.caseloadKey() != null) {
            keys.add(report.caseloadKey());
        }
        report.workbooks().stream().map(QuarterlyReport.Workbook::restrictedKey).filter(java.util.Objects::nonNull).forEach(keys::add);
        return keys;
    }

    /** Deletes each restricted workbook past its time and still kept (in a dry run: lists them); their keys. */
    public List<String> run(boolean dryRun) {
        LocalDate today = clock.instant().atZone(WorkingCalendar.ZONE).toLocalDate();
        List<String> deleted = new ArrayList<>();
        for (Contract contract : contracts.contracts()) {
            if (!CaseloadList.wanted(contract)) {
                continue;
            }
            RetentionPolicy policy = contracts.retention(contract.code());
            for (QuarterlyReport report : reports.recent(contract.code(), MOST_READ)) {
                if (!today.isAfter(keptUntil(report.quarter().firstDay(), policy))) {
                    continue;
                }
                for (String key : restrictedKeys(report)) {
                    // Past its time and still there (once deleted, a read of it is a quick "no such key" each day after).
                    if (archive.get(key).isPresent()) {
                        if (!dryRun) {
                            archive.delete(key); // deleting what is already gone is no error: a rerun is safe
                        }
                        deleted.add(key);
                    }
                }
            }
        }
        return deleted;
    }
}
