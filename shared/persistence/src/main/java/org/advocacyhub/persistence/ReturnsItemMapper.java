package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.returns.AwarenessSession;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.WorkingCalendar;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Awareness sessions, complaints and compliments, both ways ({@link TableKeys}: PK
 * {@code RETURNS#<contract>#<quarter>}, SK {@code <kind>#<date>#<id>}). A record kept for a set
 * time carries {@code expiresAt}, the table's TTL attribute: the end of its last day to be kept.
 */
final class ReturnsItemMapper {

    private ReturnsItemMapper() {
    }

    /** {@code policy}: the retention periods of the record's contract, which set its TTL (issue 22). */
    static Map<String, AttributeValue> toItem(ReturnRecord r, org.advocacyhub.domain.retention.RetentionPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, s(TableKeys.returnsPk(r.contract(), r.quarter().key())));
        item.put(TableKeys.SK, s(TableKeys.returnSk(r.kind().name(), r.date(), r.id())));
        item.put(CaseItemMapper.TYPE, s(r.kind().name()));
        item.put("id", s(r.id()));
        item.put("contract", s(r.contract()));
        item.put("date", s(r.date().toString()));
        item.put("recordedBy", s(r.recordedBy()));
        item.put("recordedAt", s(r.recordedAt().toString()));
        r.keptUntil(policy).ifPresent(last -> item.put(TableKeys.EXPIRES_AT, AttributeValue.fromN(Long.toString(
                last.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toEpochSecond()))));
        if (r instanceof AwarenessSession a) {
            item.put("authority", s(a.authority()));
            item.put("setting", s(a.setting().name()));
            if (a.attendees() != null) {
                item.put("attendees", AttributeValue.fromN(a.attendees().toString()));
            }
        } else if (r instanceof Complaint c) {
            item.put("service", s(c.service().name()));
            item.put("stage", AttributeValue.fromN(Integer.toString(c.stage())));
            if (c.resolvedByAdr() != null) {
                item.put("resolvedByAdr", AttributeValue.fromBool(c.resolvedByAdr()));
            }
            if (c.closed() != null) {
                item.put("closed", s(c.closed().toString()));
            }
            putText(item, "summary", c.summary());
            if (c.formality() != null) {
                item.put("formality", s(c.formality().name()));
            }
            putText(item, "progress", c.progress());
            item.put("revision", AttributeValue.fromN(Integer.toString(c.revision())));
            if (c.progressBy() != null) {
                item.put("progressBy", s(c.progressBy()));
                item.put("progressAt", s(c.progressAt().toString()));
            }
        } else if (r instanceof Compliment c) {
            item.put("service", s(c.service().name()));
            putText(item, "summary", c.summary());
        }
        return item;
    }

    static ReturnRecord toRecord(Map<String, AttributeValue> item) {
        String id = str(item, "id");
        String contract = str(item, "contract");
        LocalDate date = LocalDate.parse(str(item, "date"));
        String by = str(item, "recordedBy");
        Instant at = Instant.parse(str(item, "recordedAt"));
        return switch (ReturnRecord.Kind.valueOf(str(item, CaseItemMapper.TYPE))) {
            case AWARENESS_SESSION -> new AwarenessSession(id, contract, date, str(item, "authority"),
                    AwarenessSetting.valueOf(str(item, "setting")),
                    item.containsKey("attendees") ? Integer.valueOf(item.get("attendees").n()) : null, by, at);
            case COMPLAINT -> new Complaint(id, contract, date, ServiceCode.valueOf(str(item, "service")),
                    Integer.parseInt(item.get("stage").n()), item.containsKey("resolvedByAdr") ? item.get("resolvedByAdr").bool() : null,
                    item.containsKey("closed") ? LocalDate.parse(str(item, "closed")) : null, text(item, "summary"), by, at,
                    item.containsKey("formality") ? Complaint.Formality.valueOf(str(item, "formality")) : null, text(item, "progress"),
                    item.containsKey("revision") ? Integer.parseInt(item.get("revision").n()) : 1,
                    item.containsKey("progressBy") ? str(item, "progressBy") : null,
                    item.containsKey("progressAt") ? Instant.parse(str(item, "progressAt")) : null);
            case COMPLIMENT -> new Compliment(id, contract, date, ServiceCode.valueOf(str(item, "service")), text(item, "summary"),
                    by, at);
        };
    }

    private static void putText(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? str(item, name) : null;
    }
}
