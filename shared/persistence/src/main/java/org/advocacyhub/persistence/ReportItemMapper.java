package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.reports.QuarterlyReport;
import org.advocacyhub.domain.reports.ReturnCell;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.time.FinancialQuarter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A quarterly report request as an item (TableKeys: {@code REPORT#id / REPORT}); its summary sheets keep their typed cells. */
final class ReportItemMapper {

    private ReportItemMapper() {
    }

    static Map<String, AttributeValue> toItem(QuarterlyReport r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, s(TableKeys.reportRequestPk(r.id())));
        item.put(TableKeys.SK, s(TableKeys.REPORT_SK));
        item.put(CaseItemMapper.TYPE, s("REPORT"));
        // Every save writes the whole item, so every version stays in the contract's list (the console's recent reports).
        item.put(TableKeys.GSI3PK, s(TableKeys.reportListPk(r.contract())));
        item.put(TableKeys.GSI3SK, s(TableKeys.sortable(r.requestedAt()) + "#" + r.id()));
        item.put("reportId", s(r.id()));
        item.put("contract", s(r.contract()));
        item.put("quarter", s(r.quarter().key()));
        if (r.authority() != null) {
            item.put("authority", s(r.authority()));
        }
        item.put("send", AttributeValue.fromBool(r.send()));
        item.put("requestedBy", s(r.requestedBy()));
        item.put("requestedAt", s(r.requestedAt().toString()));
        item.put("status", s(r.status().name()));
        if (r.builtAt() != null) {
            item.put("builtAt", s(r.builtAt().toString()));
        }
        item.put("workbooks", AttributeValue.fromL(r.workbooks().stream().map(ReportItemMapper::workbook).toList()));
        if (r.caseloadKey() != null) {
            item.put("caseloadKey", s(r.caseloadKey()));
        }
        if (r.failure() != null) {
            item.put("failure", s(r.failure()));
        }
        item.put("version", AttributeValue.fromN(Long.toString(r.version())));
        return item;
    }

    static QuarterlyReport toReport(Map<String, AttributeValue> item) {
        return new QuarterlyReport(str(item, "reportId"), str(item, "contract"), FinancialQuarter.parseKey(str(item, "quarter")),
                str(item, "authority"), item.get("send").bool(), str(item, "requestedBy"), Instant.parse(str(item, "requestedAt")),
                QuarterlyReport.Status.valueOf(str(item, "status")), instant(item, "builtAt"),
                item.get("workbooks").l().stream().map(v -> toWorkbook(v.m())).toList(), str(item, "caseloadKey"), str(item, "failure"),
                Long.parseLong(item.get("version").n()));
    }

    private static AttributeValue workbook(QuarterlyReport.Workbook w) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("authority", s(w.authority()));
        m.put("authorityName", s(w.authorityName()));
        m.put("fileName", s(w.fileName()));
        m.put("archiveKey", s(w.archiveKey()));
        if (w.restrictedKey() != null) {
            m.put("restrictedKey", s(w.restrictedKey()));
        }
        m.put("recipients", AttributeValue.fromL(w.recipients().stream().map(CaseItemMapper::s).toList()));
        m.put("summary", table(w.summary()));
        if (w.sentAt() != null) {
            m.put("sentAt", s(w.sentAt().toString()));
            m.put("messageId", s(w.messageId()));
        }
        return AttributeValue.fromM(m);
    }

    private static QuarterlyReport.Workbook toWorkbook(Map<String, AttributeValue> m) {
        return new QuarterlyReport.Workbook(str(m, "authority"), str(m, "authorityName"), str(m, "fileName"), str(m, "archiveKey"),
                str(m, "restrictedKey"), m.get("recipients").l().stream().map(AttributeValue::s).toList(), toTable(m.get("summary").m()), instant(m, "sentAt"),
                str(m, "messageId"));
    }

    static AttributeValue table(ReturnTable t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("sheet", s(t.sheet()));
        m.put("title", s(t.title()));
        m.put("clause", s(t.clause()));
        m.put("headings", AttributeValue.fromL(t.headings().stream().map(CaseItemMapper::s).toList()));
        List<AttributeValue> rows = new ArrayList<>();
        for (List<ReturnCell> row : t.rows()) {
            rows.add(AttributeValue.fromL(row.stream().map(ReportItemMapper::cell).toList()));
        }
        m.put("rows", AttributeValue.fromL(rows));
        m.put("notes", AttributeValue.fromL(t.notes().stream().map(CaseItemMapper::s).toList()));
        return AttributeValue.fromM(m);
    }

    static ReturnTable toTable(Map<String, AttributeValue> m) {
        List<List<ReturnCell>> rows = m.get("rows").l().stream().map(row -> row.l().stream().map(c -> toCell(c.m())).toList()).toList();
        return new ReturnTable(str(m, "sheet"), str(m, "title"), str(m, "clause"), m.get("headings").l().stream().map(AttributeValue::s).toList(),
                rows, m.get("notes").l().stream().map(AttributeValue::s).toList());
    }

    private static AttributeValue cell(ReturnCell cell) {
        Map<String, AttributeValue> m = new HashMap<>();
        if (cell instanceof ReturnCell.Text t) {
            m.put("text", s(t.value()));
        } else if (cell instanceof ReturnCell.Count c) {
            m.put("count", AttributeValue.fromN(Long.toString(c.value())));
        } else if (cell instanceof ReturnCell.Decimal d) {
            m.put("decimal", AttributeValue.fromN(d.value().toPlainString()));
        } else if (cell instanceof ReturnCell.Share share) {
            m.put("numerator", AttributeValue.fromN(Long.toString(share.numerator())));
            m.put("denominator", AttributeValue.fromN(Long.toString(share.denominator())));
        }
        return AttributeValue.fromM(m);
    }

    private static ReturnCell toCell(Map<String, AttributeValue> m) {
        if (m.containsKey("text")) {
            return ReturnCell.text(m.get("text").s());
        }
        if (m.containsKey("count")) {
            return ReturnCell.count(Long.parseLong(m.get("count").n()));
        }
        if (m.containsKey("decimal")) {
            return ReturnCell.decimal(new BigDecimal(m.get("decimal").n()));
        }
        if (m.containsKey("numerator")) {
            return ReturnCell.share(Long.parseLong(m.get("numerator").n()), Long.parseLong(m.get("denominator").n()));
        }
        return ReturnCell.blank();
    }

    private static String str(Map<String, AttributeValue> m, String name) {
        AttributeValue v = m.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> m, String name) {
        String v = str(m, name);
        return v == null ? null : Instant.parse(v);
    }
}
