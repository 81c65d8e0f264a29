package org.advocacyhub.application.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.ReportStore;
import org.advocacyhub.application.port.RestrictedLinks;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.reports.ReportDeadline;
import org.advocacyhub.domain.reports.RestrictedLink;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * The report items of the table in memory, as {@code DynamoReportStore} and {@code DynamoRestrictedLinks} keep them: the
 * conditional save, each email's claim (never taken over), and the links by hash, written with their email's claim.
 */
public final class InMemoryReports implements ReportStore, RestrictedLinks {

    private final Map<String, QuarterlyReport> reports = new LinkedHashMap<>();
    private final Map<String, SendRecord> sends = new HashMap<>();
    final Map<String, RestrictedLink> links = new LinkedHashMap<>();
    final List<AuditEntry> audits = new ArrayList<>();

    public void put(QuarterlyReport report) {
        reports.put(report.id(), report);
    }

    @Override
    public boolean create(QuarterlyReport report) {
        return reports.putIfAbsent(report.id(), report) == null;
    }

    @Override
    public Optional<QuarterlyReport> find(String reportId) {
        return Optional.ofNullable(reports.get(reportId));
    }

    @Override
    public List<QuarterlyReport> recent(String contract, int limit) {
        return reports.values().stream().filter(r -> r.contract().equals(contract)).limit(limit).toList();
    }

    @Override
    public boolean save(QuarterlyReport report) {
        QuarterlyReport stored = reports.get(report.id());
        if (stored == null || stored.version() != report.version()) {
            return false;
        }
        reports.put(report.id(), report.nextVersion());
        return true;
    }

    @Override
    public boolean claimSend(String reportId, String authority, Instant now) {
        return sends.putIfAbsent(reportId + "#" + authority, new SendRecord(Outbox.Status.SENDING, now, null)) == null;
    }

    @Override
    public boolean claimSendWithLink(String reportId, String sendKey, Instant now, RestrictedLink link) {
        if (!claimSend(reportId, sendKey, now)) {
            return false;
        }
        links.put(link.tokenHash(), link);
        return true;
    }

    @Override
    public void releaseSendWithLink(String reportId, String sendKey, String tokenHash) {
        releaseSend(reportId, sendKey);
        links.remove(tokenHash);
    }

    @Override
    public Optional<RestrictedLink> byHash(String tokenHash) {
        return Optional.ofNullable(links.get(tokenHash));
    }

    @Override
    public void markSent(String reportId, String authority, String messageId, Instant at) {
        sends.put(reportId + "#" + authority, new SendRecord(Outbox.Status.SENT, null, messageId));
    }

    @Override
    public void releaseSend(String reportId, String authority) {
        sends.remove(reportId + "#" + authority);
    }

    @Override
    public Optional<SendRecord> sendRecord(String reportId, String authority) {
        return Optional.ofNullable(sends.get(reportId + "#" + authority));
    }

    @Override
    public boolean settleSend(String reportId, String authority, Instant claimedAt, Outbox.Status status, Instant at, String contract,
                              String what, String note) {
        sends.put(reportId + "#" + authority, new SendRecord(status, null, null));
        return true;
    }

    @Override
    public boolean startDeadline(ReportDeadline deadline) {
        return false;
    }

    @Override
    public void deadlineSent(String contract, FinancialQuarter quarter, String authority, Set<String> all, Instant at) {
    }

    @Override
    public Optional<Instant> deadlineDue(String contract, FinancialQuarter quarter) {
        return Optional.empty();
    }

    @Override
    public void audit(String reportId, AuditEntry entry) {
        audits.add(entry);
    }
}
