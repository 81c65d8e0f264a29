package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.staff.Qualification;
import org.advocacyhub.domain.staff.StaffRecord;
import org.advocacyhub.domain.staff.StaffRole;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Staff directory items, both ways. The profile (what a manager puts) and the experience (what
 * allocations count) are separate attributes, so that saving a profile never undoes a count.
 */
final class StaffItemMapper {

    /** The attributes a profile save writes; the experience attributes are left alone. */
    static final List<String> PROFILE = List.of("staffId", "name", "email", "role", "active", "contracts", "services",
            "languages", "dutyManagerFor", "qualifications", "appointedOn", "imcaSince", "imhaSince", "loginSubjects", CaseItemMapper.TYPE);

    private StaffItemMapper() {
    }

    static Map<String, AttributeValue> key(String staffId) {
        return Map.of(TableKeys.PK, s(TableKeys.STAFF_PK), TableKeys.SK, s(TableKeys.staffSk(staffId)));
    }

    /** The profile attributes of {@code r} (never null values: absent dates are left out and removed). */
    static Map<String, AttributeValue> profile(StaffRecord r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put(CaseItemMapper.TYPE, s("STAFF"));
        m.put("staffId", s(r.id()));
        m.put("name", s(r.name()));
        m.put("email", s(r.email()));
        m.put("role", s(r.role().name()));
        m.put("active", AttributeValue.fromBool(r.active()));
        m.put("contracts", list(new TreeSet<>(r.contracts())));
        m.put("services", list(r.services().stream().map(Enum::name).sorted().toList()));
        m.put("languages", list(r.languages()));
        m.put("dutyManagerFor", list(new TreeSet<>(r.dutyManagerFor())));
        Map<String, AttributeValue> qualifications = new HashMap<>();
        r.qualifications().forEach((q, d) -> qualifications.put(q.name(), s(d.toString())));
        m.put("qualifications", AttributeValue.fromM(qualifications));
        putDate(m, "appointedOn", r.appointedOn());
        putDate(m, "imcaSince", r.imcaSince());
        putDate(m, "imhaSince", r.imhaSince());
        m.put("loginSubjects", list(new TreeSet<>(r.loginSubjects())));
        return m;
    }

    static StaffRecord toRecord(Map<String, AttributeValue> item) {
        Set<ServiceCode> services = EnumSet.noneOf(ServiceCode.class);
        strings(item, "services").forEach(v -> services.add(ServiceCode.valueOf(v)));
        Map<Qualification, LocalDate> qualifications = new EnumMap<>(Qualification.class);
        if (item.containsKey("qualifications")) {
            item.get("qualifications").m().forEach((k, v) -> qualifications.put(Qualification.valueOf(k), LocalDate.parse(v.s())));
        }
        StaffRecord.Experience experience = new StaffRecord.Experience(
                item.containsKey("imcaCases") ? Integer.parseInt(item.get("imcaCases").n()) : 0,
                date(item, "firstDolsCaseOn"), date(item, "firstImhaCaseOn"));
        return new StaffRecord(str(item, "staffId"), str(item, "name"), str(item, "email"), StaffRole.valueOf(str(item, "role")),
                item.get("active").bool(), Set.copyOf(strings(item, "contracts")), services, strings(item, "languages"),
                Set.copyOf(strings(item, "dutyManagerFor")), qualifications, date(item, "appointedOn"), date(item, "imcaSince"),
                date(item, "imhaSince"), Set.copyOf(strings(item, "loginSubjects")), experience);
    }

    static Map<String, AttributeValue> loginItem(String subject, String staffId) {
        return Map.of(TableKeys.PK, s(TableKeys.loginPk(subject)), TableKeys.SK, s(TableKeys.LOGIN_SK),
                CaseItemMapper.TYPE, s("LOGIN"), "staffId", s(staffId));
    }

    /**
     * One more allocation counted in an advocate's experience (LLR 5.49): the IMCA case count, and
     * the day of their first DoLS or IMHA case. Part of the allocation's transaction.
     */
    static Update countAllocation(String table, CaseStore.AllocationCount count) {
        boolean imca = count.service() == ServiceCode.IMCA || count.service() == ServiceCode.DOLS_IMCA;
        StringBuilder update = new StringBuilder("SET imcaCases = if_not_exists(imcaCases, :zero) + :inc");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":inc", AttributeValue.fromN(imca ? "1" : "0"));
        if (count.service() == ServiceCode.DOLS_IMCA) {
            update.append(", firstDolsCaseOn = if_not_exists(firstDolsCaseOn, :day)");
            values.put(":day", s(count.day().toString()));
        } else if (count.service() == ServiceCode.IMHA) {
            update.append(", firstImhaCaseOn = if_not_exists(firstImhaCaseOn, :day)");
            values.put(":day", s(count.day().toString()));
        }
        return Update.builder().tableName(table).key(key(count.advocateId())).updateExpression(update.toString())
                .conditionExpression("attribute_exists(PK)").expressionAttributeValues(values).build();
    }

    private static AttributeValue list(java.util.Collection<String> values) {
        return AttributeValue.fromL(values.stream().map(CaseItemMapper::s).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL() ? List.of() : value.l().stream().map(AttributeValue::s).toList();
    }

    private static void putDate(Map<String, AttributeValue> m, String name, LocalDate date) {
        if (date != null) {
            m.put(name, s(date.toString()));
        }
    }

    private static LocalDate date(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? LocalDate.parse(item.get(name).s()) : null;
    }
}
