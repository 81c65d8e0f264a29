package org.advocacyhub.intake.web;

import io.micronaut.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.ScreeningRecord;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.Referrer;

/** The staff view of a case as JSON: the referral, its status, its deadline and its timeline. */
final class CaseJson {

    private final JsonMapper json;

    CaseJson(JsonMapper json) {
        this.json = json;
    }

    String write(ReferralCase c, List<CaseEvent> timeline, List<CaseTask> tasks, WorkingCalendar calendar) {
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
            putIfPresent(clock, "dueAt", k.dueAt(calendar).map(Object::toString).orElse(null));
            clock.put("pauses", k.pauses().stream().map(p -> {
                Map<String, Object> pause = new LinkedHashMap<>();
                pause.put("start", p.start().toString());
                putIfPresent(pause, "end", p.end() == null ? null : p.end().toString());
                pause.put("reason", p.reason());
                return pause;
            }).toList());
            return clock;
        }).toList());
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
        return JsonText.write(json, out);
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
