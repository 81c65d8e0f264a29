package org.advocacyhub.web;

import io.micronaut.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import org.advocacyhub.application.casework.ViewCase;
import org.advocacyhub.domain.casework.Allocation;
import org.advocacyhub.domain.casework.CaseActivity;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.Casework;
import org.advocacyhub.domain.casework.CypReturn;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ScreeningRecord;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.Referrer;

/**
 * The staff view of a case as JSON: the referral, its status, deadlines and clocks, the screening
 * decision, the casework (advocate, milestones, time, plan, closure), its timeline, contacts and
 * meetings, time entries and the audit trail of staff access.
 */
public final class CaseViewJson {

    private final JsonMapper json;

    public CaseViewJson(JsonMapper json) {
        this.json = json;
    }

    public String write(ViewCase.Found found, WorkingCalendar calendar, Instant now) {
        return JsonText.write(json, map(found, calendar, now));
    }

    public Map<String, Object> map(ViewCase.Found found, WorkingCalendar calendar, Instant now) {
        ReferralCase c = found.referral();
        List<CaseEvent> timeline = found.timeline();
        List<CaseTask> tasks = found.tasks();
        ReferralDetails d = c.details();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("reference", c.reference().value());
        out.put("contract", c.reference().contract());
        out.put("service", d.service().name());
        out.put("status", c.status().name());
        out.put("statusDescription", c.status().description());
        out.put("receivedAt", c.receivedAt().toString());
        if (c.firstDeadline() != null) {
            out.put("deadline", deadline(c.firstDeadline()));
        }
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("route", d.route().name());
        referral.put("source", d.source().name());
        referral.put("urgency", d.urgency().name());
        putIfPresent(referral, "fixedDate", d.fixedDate() == null ? null : d.fixedDate().toString());
        putIfPresent(referral, "fixedDateReason", d.fixedDateReason());
        referral.put("awareness", d.awareness().name());
        referral.put("selfReferral", d.isSelfReferral());
        referral.put("reason", d.reason());
        referral.put("person", person(d.person()));
        referral.put("referrer", referrer(d.referrer()));
        referral.put("details", d.serviceAnswers());
        out.put("referral", referral);
        if (c.screening() != null) {
            out.put("screening", screening(c.screening()));
        }
        if (c.letter() != null) {
            Map<String, Object> letter = new LinkedHashMap<>();
            letter.put("status", c.letter().status().name());
            putIfPresent(letter, "sentAt", c.letter().sentAt() == null ? null : c.letter().sentAt().toString());
            out.put("decisionLetter", letter);
        }
        out.put("clocks", c.clocks().stream().map(k -> {
            Map<String, Object> clock = new LinkedHashMap<>();
            clock.put("name", k.name());
            clock.put("rule", k.rule().describe());
            clock.put("startedAt", k.startedAt().toString());
            clock.put("paused", k.isPaused());
            clock.put("status", k.status(now, calendar).name());
            putIfPresent(clock, "dueAt", k.dueAt(calendar).map(Object::toString).orElse(null));
            putIfPresent(clock, "stoppedAt", k.stoppedAt() == null ? null : k.stoppedAt().toString());
            clock.put("pauses", k.pauses().stream().map(p -> {
                Map<String, Object> pause = new LinkedHashMap<>();
                pause.put("start", p.start().toString());
                putIfPresent(pause, "end", p.end() == null ? null : p.end().toString());
                pause.put("reason", p.reason());
                return pause;
            }).toList());
            return clock;
        }).toList());
        out.put("casework", casework(c.work()));
        out.put("tasks", tasks.stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", t.id());
            task.put("kind", t.kind().name());
            task.put("description", t.description());
            putIfPresent(task, "fromWhom", t.fromWhom());
            task.put("createdAt", t.createdAt().toString());
            task.put("open", t.open());
            return task;
        }).toList());
        out.put("timeline", timeline.stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", e.at().toString());
            event.put("type", e.type().name());
            event.put("description", e.description());
            return event;
        }).toList());
        out.put("activities", found.activities().stream().map(a -> {
            Map<String, Object> activity = new LinkedHashMap<>();
            activity.put("id", a.id());
            activity.put("kind", a.kind().name());
            activity.put("at", a.at().toString());
            activity.put(a.kind() == CaseActivity.Kind.CONTACT ? "method" : "meetingKind", a.how());
            activity.put("withPerson", a.withPerson());
            activity.put(a.kind() == CaseActivity.Kind.CONTACT ? "successful" : "held", a.achieved());
            activity.put("recordedBy", a.by());
            return activity;
        }).toList());
        out.put("time", found.time().stream().map(t -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", t.id());
            entry.put("date", t.date().toString());
            entry.put("minutes", t.minutes());
            entry.put("kind", t.kind().name());
            entry.put("activity", t.activity().name());
            if (t.meeting() != null) {
                // LEW Appendix 1: the meeting attended.
                entry.put("meeting", t.meeting().name());
            }
            entry.put("author", t.author());
            entry.put("revision", t.revision());
            return entry;
        }).toList());
        out.put("audit", found.audit().stream().map(a -> Map.of("at", a.at().toString(), "staffId", a.staffId(),
                "action", a.action())).toList());
        out.put("version", c.version());
        return out;
    }

    private static Map<String, Object> casework(Casework w) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (w.allocation() != null) {
            out.put("advocate", allocation(w.allocation()));
        }
        out.put("earlierAdvocates", w.earlierAllocations().stream().map(CaseViewJson::allocation).toList());
        Map<String, Object> milestones = new LinkedHashMap<>();
        w.milestones().forEach((event, at) -> milestones.put(event.name(), at.toString()));
        out.put("milestones", milestones);
        Map<String, Object> hours = new LinkedHashMap<>();
        hours.put("directMinutes", w.hours().directMinutes());
        hours.put("indirectMinutes", w.hours().indirectMinutes());
        hours.put("totalMinutes", w.hours().totalMinutes());
        hours.put("reviewRaised", w.hours().reviewRaised());
        hours.put("approvals", w.hours().approvals().stream().map(a -> Map.of("approvedBy", a.approvedBy(),
                "limitHours", a.limitHours(), "reason", a.reason(), "at", a.at().toString(), "recordedBy", a.recordedBy())).toList());
        hours.put("requests", w.hours().requests().stream().map(r -> Map.of("hours", r.hours(), "reasons", r.reasons(),
                "at", r.at().toString(), "by", r.by())).toList());
        out.put("hours", hours);
        out.put("actionPlan", w.actionPlan().stream().map(g -> Map.of("id", g.id(), "text", g.text(), "status", g.status().name()))
                .toList());
        if (w.closure() != null) {
            out.put("closure", Map.of("reason", w.closure().reason().name(), "at", w.closure().at().toString(),
                    "by", w.closure().by(), "summary", w.closure().summary()));
        }
        if (w.feedback() != null) {
            out.put("feedback", Map.of("at", w.feedback().at().toString(), "recordedBy", w.feedback().recordedBy(),
                    "answers", w.feedback().answers()));
        }
        if (w.response() != null) {
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("kind", w.response().kind().name());
            response.put("at", w.response().at().toString());
            response.put("by", w.response().by());
            response.put("details", w.response().details());
            putIfPresent(response, "placementsPutForward", w.response().placementsPutForward());
            putIfPresent(response, "suitablePlacementsAvailable", w.response().suitablePlacementsAvailable());
            out.put("response", response);
        }
        out.put("placementEnds", w.placementEnds().stream().map(p -> Map.of("at", p.at().toString(),
                "instigator", p.instigator().name(), "unexpected", p.unexpected(), "recordedBy", p.recordedBy())).toList());
        if (w.cypReturn() != null) {
            Map<String, Object> cyp = new LinkedHashMap<>();
            cyp.put("group", w.cypReturn().group().name());
            cyp.put("primaryReason", w.cypReturn().primary().name());
            putIfPresent(cyp, "secondaryReason", w.cypReturn().secondary() == null ? null : w.cypReturn().secondary().name());
            CypReturn.Caseload k = w.cypReturn().caseload();
            putIfPresent(cyp, "socialWorker", k.socialWorker());
            if (k.asylumSeeker() != null) {
                cyp.put("asylumSeeker", k.asylumSeeker());
            }
            putIfPresent(cyp, "legalStatus", k.legalStatus() == null ? null : k.legalStatus().name());
            putIfPresent(cyp, "outcomesSought", k.outcomesSought());
            putIfPresent(cyp, "summaryOfWork", k.summaryOfWork());
            if (k.estimatedHoursRemaining() != null) {
                cyp.put("estimatedHoursRemaining", k.estimatedHoursRemaining());
            }
            out.put("returnDetails", cyp);
        }
        if (w.legalHold() != null) {
            out.put("legalHold", Map.of("reason", w.legalHold().reason().name(), "details", w.legalHold().details(),
                    "by", w.legalHold().by(), "at", w.legalHold().at().toString()));
        }
        return out;
    }

    private static Map<String, Object> allocation(Allocation a) {
        return Map.of("staffId", a.advocateId(), "name", a.advocateName(), "at", a.at().toString(), "by", a.by());
    }

    private static Map<String, Object> screening(ScreeningRecord record) {
        ScreeningDecision d = record.decision();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("outcome", d.outcome().name());
        out.put("decidedAt", record.decidedAt().toString());
        out.put("policy", record.policy());
        out.put("reasons", d.reasons().stream().map(r -> Map.of("text", r.plainEnglish(), "clause", r.clause())).toList());
        out.put("signposts", d.signposts().stream().map(s -> Map.of("name", s.name(), "howTheyHelp", s.howTheyHelp())).toList());
        out.put("informationNeeded", d.informationNeeded().stream().map(i -> Map.of("what", i.what(), "fromWhom", i.fromWhom())).toList());
        putIfPresent(out, "redirectTo", d.redirectTo() == null ? null : d.redirectTo().name());
        out.put("alsoLooksEligibleFor", d.alsoLooksEligibleFor().stream().sorted().map(Enum::name).toList());
        return out;
    }

    private static Map<String, Object> deadline(ReceiptDeadline d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("clock", d.clock());
        out.put("description", d.description());
        out.put("dueAt", d.dueAt().toString());
        putIfPresent(out, "takenAsReceived", d.takenAsReceived() == null ? null : d.takenAsReceived().toString());
        out.put("clause", d.clause());
        return out;
    }

    private static Map<String, Object> person(Person p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", p.name());
        out.put("dateOfBirth", p.dateOfBirth().toString());
        out.put("gender", p.gender().name());
        out.put("ethnicity", p.ethnicity().name());
        out.put("disabilities", p.disabilities().stream().sorted().map(Enum::name).toList());
        out.put("residence", p.residence().name());
        putIfPresent(out, "placeName", p.placeName());
        putIfPresent(out, "postcode", p.postcode());
        out.put("authority", p.authority());
        putIfPresent(out, "communicationNeeds", p.communicationNeeds());
        putIfPresent(out, "language", p.language());
        out.put("interpreterNeeded", p.interpreterNeeded());
        return out;
    }

    private static Map<String, Object> referrer(Referrer r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("relationship", r.relationship().name());
        out.put("name", r.name());
        putIfPresent(out, "role", r.role());
        putIfPresent(out, "organisation", r.organisation());
        putIfPresent(out, "email", r.email());
        putIfPresent(out, "phone", r.phone());
        return out;
    }

    private static void putIfPresent(Map<String, Object> map, String name, Object value) {
        if (value != null) {
            map.put(name, value);
        }
    }
}
