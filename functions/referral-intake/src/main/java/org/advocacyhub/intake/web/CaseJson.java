package org.advocacyhub.intake.web;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.CaseEvent;
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

    String write(ReferralCase c, List<CaseEvent> timeline) {
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
        out.put("timeline", timeline.stream().map(e -> {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("at", e.at().toString());
            event.put("type", e.type().name());
            event.put("description", e.description());
            return event;
        }).toList());
        try {
            return json.writeValueAsString(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
