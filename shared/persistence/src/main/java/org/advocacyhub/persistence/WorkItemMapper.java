package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.AccommodationResponse;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseRecord;
import org.advocacyhub.domain.casework.Casework;
import org.advocacyhub.domain.casework.Closure;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.CypReturn;
import org.advocacyhub.domain.casework.Feedback;
import org.advocacyhub.domain.casework.Goal;
import org.advocacyhub.domain.casework.LegalHold;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.PlacementEnd;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.ClockEvent;
import org.advocacyhub.domain.referral.questions.CypReason;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The casework part of the case item (the {@code work} map) and the records kept beside a case
 * (contacts and meetings, time entries, audit), both ways. Hand-written like {@link CaseItemMapper}.
 */
final class WorkItemMapper {

    private WorkItemMapper() {
    }

    // ------------------------------------------------------------------ the work map on the case item

    static Map<String, AttributeValue> toMap(Casework w) {
        Map<String, AttributeValue> m = new HashMap<>();
        if (w.allocation() != null) {
            m.put("allocation", AttributeValue.fromM(allocation(w.allocation())));
        }
        m.put("earlierAllocations", AttributeValue.fromL(w.earlierAllocations().stream().map(a -> AttributeValue.fromM(allocation(a))).toList()));
        Map<String, AttributeValue> milestones = new HashMap<>();
        w.milestones().forEach((event, at) -> milestones.put(event.name(), s(at.toString())));
        m.put("milestones", AttributeValue.fromM(milestones));
        m.put("hours", AttributeValue.fromM(hours(w.hours())));
        m.put("actionPlan", AttributeValue.fromL(w.actionPlan().stream().map(g -> AttributeValue.fromM(Map.of(
                "id", s(g.id()), "text", s(g.text()), "status", s(g.status().name())))).toList()));
        if (w.closure() != null) {
            Closure c = w.closure();
            m.put("closure", AttributeValue.fromM(Map.of("reason", s(c.reason().name()), "at", s(c.at().toString()),
                    "by", s(c.by()), "summary", s(c.summary()))));
        }
        if (w.feedback() != null) {
            Map<String, AttributeValue> answers = new HashMap<>();
            w.feedback().answers().forEach((k, v) -> answers.put(k, s(v)));
            m.put("feedback", AttributeValue.fromM(Map.of("at", s(w.feedback().at().toString()), "recordedBy",
                    s(w.feedback().recordedBy()), "answers", AttributeValue.fromM(answers))));
        }
        if (w.response() != null) {
            AccommodationResponse r = w.response();
            Map<String, AttributeValue> response = new HashMap<>();
            response.put("kind", s(r.kind().name()));
            response.put("at", s(r.at().toString()));
            response.put("by", s(r.by()));
            response.put("details", s(r.details()));
            putNumber(response, "placementsPutForward", r.placementsPutForward());
            putNumber(response, "suitablePlacementsAvailable", r.suitablePlacementsAvailable());
            m.put("response", AttributeValue.fromM(response));
        }
        m.put("placementEnds", AttributeValue.fromL(w.placementEnds().stream().map(p -> AttributeValue.fromM(Map.of(
                "at", s(p.at().toString()), "instigator", s(p.instigator().name()),
                "unexpected", AttributeValue.fromBool(p.unexpected()), "recordedBy", s(p.recordedBy())))).toList()));
        if (w.cypReturn() != null) {
            Map<String, AttributeValue> cyp = new HashMap<>();
            cyp.put("group", s(w.cypReturn().group().name()));
            cyp.put("primary", s(w.cypReturn().primary().name()));
            if (w.cypReturn().secondary() != null) {
                cyp.put("secondary", s(w.cypReturn().secondary().name()));
            }
            CypReturn.Caseload k = w.cypReturn().caseload();
            if (k.socialWorker() != null) {
                cyp.put("socialWorker", s(k.socialWorker()));
            }
            if (k.asylumSeeker() != null) {
                cyp.put("asylumSeeker", AttributeValue.fromBool(k.asylumSeeker()));
            }
            if (k.legalStatus() != null) {
                cyp.put("legalStatus", s(k.legalStatus().name()));
            }
            if (k.outcomesSought() != null) {
                cyp.put("outcomesSought", s(k.outcomesSought()));
            }
            if (k.summaryOfWork() != null) {
                cyp.put("summaryOfWork", s(k.summaryOfWork()));
            }
            if (k.estimatedHoursRemaining() != null) {
                cyp.put("estimatedHoursRemaining", AttributeValue.fromN(k.estimatedHoursRemaining().toPlainString()));
            }
            m.put("cypReturn", AttributeValue.fromM(cyp));
        }
        if (w.legalHold() != null) {
            m.put("legalHold", AttributeValue.fromM(Map.of("reason", s(w.legalHold().reason().name()), "details", s(w.legalHold().details()),
                    "by", s(w.legalHold().by()), "at", s(w.legalHold().at().toString()))));
        }
        return m;
    }

    static Casework toWork(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return Casework.NONE;
        }
        Map<String, AttributeValue> m = value.m();
        Map<ClockEvent, Instant> milestones = new EnumMap<>(ClockEvent.class);
        if (m.containsKey("milestones")) {
            m.get("milestones").m().forEach((k, v) -> milestones.put(ClockEvent.valueOf(k), Instant.parse(v.s())));
        }
        Closure closure = null;
        if (m.containsKey("closure")) {
            Map<String, AttributeValue> c = m.get("closure").m();
            closure = new Closure(ClosureReason.valueOf(str(c, "reason")), Instant.parse(str(c, "at")), str(c, "by"), str(c, "summary"));
        }
        Feedback feedback = null;
        if (m.containsKey("feedback")) {
            Map<String, AttributeValue> f = m.get("feedback").m();
            Map<String, String> answers = new HashMap<>();
            f.get("answers").m().forEach((k, v) -> answers.put(k, v.s()));
            feedback = new Feedback(Instant.parse(str(f, "at")), str(f, "recordedBy"), answers);
        }
        AccommodationResponse response = null;
        if (m.containsKey("response")) {
            Map<String, AttributeValue> r = m.get("response").m();
            response = new AccommodationResponse(AccommodationResponse.Kind.valueOf(str(r, "kind")), Instant.parse(str(r, "at")),
                    str(r, "by"), str(r, "details"), number(r, "placementsPutForward"), number(r, "suitablePlacementsAvailable"));
        }
        CypReturn cyp = null;
        if (m.containsKey("cypReturn")) {
            Map<String, AttributeValue> c = m.get("cypReturn").m();
            CypReturn.Caseload caseload = new CypReturn.Caseload(c.containsKey("socialWorker") ? str(c, "socialWorker") : null,
                    c.containsKey("asylumSeeker") ? c.get("asylumSeeker").bool() : null,
                    c.containsKey("legalStatus") ? CypReturn.LegalStatus.valueOf(str(c, "legalStatus")) : null,
                    c.containsKey("outcomesSought") ? str(c, "outcomesSought") : null,
                    c.containsKey("summaryOfWork") ? str(c, "summaryOfWork") : null,
                    c.containsKey("estimatedHoursRemaining") ? new java.math.BigDecimal(c.get("estimatedHoursRemaining").n()) : null);
            cyp = new CypReturn(CypReturn.Group.valueOf(str(c, "group")), CypReason.valueOf(str(c, "primary")),
                    c.containsKey("secondary") ? CypReason.valueOf(str(c, "secondary")) : null, caseload);
        }
        return new Casework(
                m.containsKey("allocation") ? toAllocation(m.get("allocation").m()) : null,
                list(m, "earlierAllocations").stream().map(v -> toAllocation(v.m())).toList(),
                milestones,
                m.containsKey("hours") ? toHours(m.get("hours").m()) : Hours.NONE,
                list(m, "actionPlan").stream().map(v -> new Goal(str(v.m(), "id"), str(v.m(), "text"),
                        Goal.Status.valueOf(str(v.m(), "status")))).toList(),
                closure,
                feedback,
                response,
                list(m, "placementEnds").stream().map(v -> new PlacementEnd(Instant.parse(str(v.m(), "at")),
                        PlacementEnd.Instigator.valueOf(str(v.m(), "instigator")), v.m().get("unexpected").bool(),
                        str(v.m(), "recordedBy"))).toList(),
                cyp,
                m.containsKey("legalHold") ? toHold(m.get("legalHold").m()) : null);
    }

    private static LegalHold toHold(Map<String, AttributeValue> h) {
        return new LegalHold(LegalHold.Reason.valueOf(str(h, "reason")), str(h, "details"), str(h, "by"), Instant.parse(str(h, "at")));
    }

    private static Map<String, AttributeValue> allocation(Allocation a) {
        return Map.of("advocateId", s(a.advocateId()), "advocateName", s(a.advocateName()), "at", s(a.at().toString()), "by", s(a.by()));
    }

    private static Allocation toAllocation(Map<String, AttributeValue> m) {
        return new Allocation(str(m, "advocateId"), str(m, "advocateName"), Instant.parse(str(m, "at")), str(m, "by"));
    }

    private static Map<String, AttributeValue> hours(Hours h) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("directMinutes", AttributeValue.fromN(Integer.toString(h.directMinutes())));
        m.put("indirectMinutes", AttributeValue.fromN(Integer.toString(h.indirectMinutes())));
        m.put("reviewRaised", AttributeValue.fromBool(h.reviewRaised()));
        m.put("approvals", AttributeValue.fromL(h.approvals().stream().map(a -> AttributeValue.fromM(Map.of(
                "approvedBy", s(a.approvedBy()), "limitHours", AttributeValue.fromN(a.limitHours().toPlainString()),
                "reason", s(a.reason()), "at", s(a.at().toString()), "recordedBy", s(a.recordedBy())))).toList()));
        m.put("requests", AttributeValue.fromL(h.requests().stream().map(r -> AttributeValue.fromM(Map.of(
                "hours", AttributeValue.fromN(r.hours().toPlainString()), "reasons", s(r.reasons()),
                "at", s(r.at().toString()), "by", s(r.by())))).toList()));
        return m;
    }

    private static Hours toHours(Map<String, AttributeValue> m) {
        return new Hours(Integer.parseInt(m.get("directMinutes").n()), Integer.parseInt(m.get("indirectMinutes").n()),
                list(m, "approvals").stream().map(v -> new Hours.Approval(str(v.m(), "approvedBy"),
                        new BigDecimal(v.m().get("limitHours").n()), str(v.m(), "reason"), Instant.parse(str(v.m(), "at")),
                        str(v.m(), "recordedBy"))).toList(),
                list(m, "requests").stream().map(v -> new Hours.Request(new BigDecimal(v.m().get("hours").n()),
                        str(v.m(), "reasons"), Instant.parse(str(v.m(), "at")), str(v.m(), "by"))).toList(),
                m.get("reviewRaised").bool());
    }

    // ------------------------------------------------------------------ records beside the case

    /** The sort key prefix of each kind of record. */
    static String prefix(Class<? extends CaseRecord> kind) {
        if (kind == CaseActivity.class) {
            return "ACTIVITY#";
        }
        if (kind == TimeEntry.class) {
            return "TIME#";
        }
        if (kind == AuditEntry.class) {
            return "AUDIT#";
        }
        throw new IllegalArgumentException("no records of " + kind.getSimpleName());
    }

    /**
     * A record written with its case. A time entry also joins its authority's hours partition of
     * the quarter of its date (GSI2, issue 11), with the service and authority beside it, so the
     * quarterly return reads a quarter's time by Query without reading each case's records.
     */
    static Map<String, AttributeValue> toItem(org.advocacyhub.domain.casework.ReferralCase owner, CaseRecord record) {
        Map<String, AttributeValue> item = toItem(owner.reference(), record);
        if (record instanceof TimeEntry t) {
            String authority = owner.details().person().authority();
            item.put(TableKeys.GSI2PK, s(TableKeys.hoursPk(owner.reference().contract(), authority,
                    org.advocacyhub.domain.time.FinancialQuarter.containing(t.date()).key())));
            item.put(TableKeys.GSI2SK, s(t.date() + "#" + owner.reference().value() + "#" + t.id()));
            item.put("service", s(owner.details().service().name()));
            item.put("authority", s(authority));
        }
        return item;
    }

    static Map<String, AttributeValue> toItem(ReferralReference reference, CaseRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, s(TableKeys.casePk(reference)));
        item.put("reference", s(reference.value()));
        item.put("recordId", s(record.id()));
        if (record instanceof CaseActivity a) {
            item.put(TableKeys.SK, s(TableKeys.recordSk(prefix(CaseActivity.class), a.at(), a.id())));
            item.put(CaseItemMapper.TYPE, s("ACTIVITY"));
            item.put("kind", s(a.kind().name()));
            item.put("at", s(a.at().toString()));
            item.put("how", s(a.how()));
            item.put("withPerson", AttributeValue.fromBool(a.withPerson()));
            item.put("achieved", AttributeValue.fromBool(a.achieved()));
            item.put("by", s(a.by()));
            item.put("recordedAt", s(a.recordedAt().toString()));
        } else if (record instanceof TimeEntry t) {
            // Keyed by id alone: a correction replaces the entry in place (the timeline keeps the change).
            item.put(TableKeys.SK, s(prefix(TimeEntry.class) + t.id()));
            item.put(CaseItemMapper.TYPE, s("TIME"));
            item.put("date", s(t.date().toString()));
            item.put("minutes", AttributeValue.fromN(Integer.toString(t.minutes())));
            item.put("kind", s(t.kind().name()));
            item.put("activity", s(t.activity().name()));
            if (t.meeting() != null) {
                item.put("meeting", s(t.meeting().name()));
            }
            item.put("author", s(t.author()));
            item.put("recordedAt", s(t.recordedAt().toString()));
            item.put("revision", AttributeValue.fromN(Integer.toString(t.revision())));
        } else if (record instanceof AuditEntry e) {
            item.put(TableKeys.SK, s(TableKeys.recordSk(prefix(AuditEntry.class), e.at(), e.id())));
            item.put(CaseItemMapper.TYPE, s("AUDIT"));
            item.put("at", s(e.at().toString()));
            item.put("staffId", s(e.staffId()));
            item.put("action", s(e.action()));
        }
        return item;
    }

    static CaseRecord toRecord(Map<String, AttributeValue> item) {
        return switch (str(item, CaseItemMapper.TYPE)) {
            case "ACTIVITY" -> new CaseActivity(str(item, "recordId"), CaseActivity.Kind.valueOf(str(item, "kind")),
                    Instant.parse(str(item, "at")), str(item, "how"), item.get("withPerson").bool(), item.get("achieved").bool(),
                    str(item, "by"), Instant.parse(str(item, "recordedAt")));
            case "TIME" -> new TimeEntry(str(item, "recordId"), LocalDate.parse(str(item, "date")),
                    Integer.parseInt(item.get("minutes").n()), TimeEntry.Kind.valueOf(str(item, "kind")),
                    TimeEntry.Activity.valueOf(str(item, "activity")),
                    item.containsKey("meeting") ? TimeEntry.Meeting.valueOf(str(item, "meeting")) : null, str(item, "author"),
                    Instant.parse(str(item, "recordedAt")),
                    Integer.parseInt(item.get("revision").n()));
            case "AUDIT" -> new AuditEntry(str(item, "recordId"), Instant.parse(str(item, "at")), str(item, "staffId"),
                    str(item, "action"));
            default -> throw new IllegalStateException("not a case record: " + str(item, CaseItemMapper.TYPE));
        };
    }

    // ------------------------------------------------------------------ helpers

    private static List<AttributeValue> list(Map<String, AttributeValue> m, String name) {
        AttributeValue value = m.get(name);
        return value == null || !value.hasL() ? List.of() : new ArrayList<>(value.l());
    }

    private static void putNumber(Map<String, AttributeValue> m, String name, Integer value) {
        if (value != null) {
            m.put(name, AttributeValue.fromN(value.toString()));
        }
    }

    private static Integer number(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Integer.valueOf(m.get(name).n()) : null;
    }
}
