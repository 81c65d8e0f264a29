package org.advocacyhub.casework.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.advocacyhub.domain.staff.StaffRecord;

/** A staff directory record as JSON, for managers: the same fields {@code PUT /staff/{staffId}} takes, plus the counted experience. */
final class StaffJson {

    Map<String, Object> map(StaffRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("staffId", r.id());
        out.put("name", r.name());
        out.put("email", r.email());
        out.put("role", r.role().name());
        out.put("active", r.active());
        out.put("contracts", r.contracts().stream().sorted().toList());
        out.put("services", r.services().stream().map(Enum::name).sorted().toList());
        out.put("languages", r.languages());
        out.put("dutyManagerFor", r.dutyManagerFor().stream().sorted().toList());
        Map<String, Object> qualifications = new TreeMap<>();
        r.qualifications().forEach((q, d) -> qualifications.put(q.name(), d.toString()));
        out.put("qualifications", qualifications);
        putDate(out, "appointedOn", r.appointedOn());
        putDate(out, "imcaSince", r.imcaSince());
        putDate(out, "imhaSince", r.imhaSince());
        out.put("loginSubjects", r.loginSubjects().stream().sorted().toList());
        Map<String, Object> experience = new LinkedHashMap<>();
        experience.put("imcaCases", r.experience().imcaCases());
        putDate(experience, "firstDolsCaseOn", r.experience().firstDolsCaseOn());
        putDate(experience, "firstImhaCaseOn", r.experience().firstImhaCaseOn());
        out.put("experience", experience);
        return out;
    }

    private static void putDate(Map<String, Object> out, String name, java.time.LocalDate date) {
        if (date != null) {
            out.put(name, date.toString());
        }
    }
}
