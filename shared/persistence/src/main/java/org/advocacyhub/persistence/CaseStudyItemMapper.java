package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.advocacyhub.domain.casestudy.CaseStudy;
import org.advocacyhub.domain.casestudy.Consent;
import org.advocacyhub.domain.casestudy.ServiceSummary;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.retention.RetentionPolicy;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Case studies and service summaries, both ways (issue 23; {@link TableKeys}: PK {@code RETURNS#<contract>#<quarter>}, SK
 * {@code CASE_STUDY#<service>#<id>} or {@code SERVICE_SUMMARY#<summary>}). Each carries {@code expiresAt}, the table's TTL
 * attribute: the end of its last day to be kept under its contract's {@code caseStudy} period.
 */
final class CaseStudyItemMapper {

    static final String CASE_STUDY = "CASE_STUDY";
    static final String SERVICE_SUMMARY = "SERVICE_SUMMARY";
    static final String SELECTION = "CASE_STUDY_SELECTION";

    private CaseStudyItemMapper() {
    }

    static Map<String, AttributeValue> key(CaseStudy study) {
        return Map.of(TableKeys.PK, s(TableKeys.returnsPk(study.contract(), study.quarter().key())),
                TableKeys.SK, s(TableKeys.caseStudySk(study.service().name(), study.id())));
    }

    static Map<String, AttributeValue> key(ServiceSummary summary) {
        return Map.of(TableKeys.PK, s(TableKeys.returnsPk(summary.contract(), summary.quarter().key())),
                TableKeys.SK, s(TableKeys.serviceSummarySk(summary.summary())));
    }

    /** The selection of {@code study}'s service in its quarter. */
    static Map<String, AttributeValue> selectionKey(CaseStudy study) {
        return Map.of(TableKeys.PK, s(TableKeys.returnsPk(study.contract(), study.quarter().key())),
                TableKeys.SK, s(TableKeys.caseStudySelectionSk(study.service().name())));
    }

    /** {@code expiresAt}: the end (London) of {@code lastDay}, in epoch seconds. */
    static AttributeValue expiresAt(LocalDate lastDay) {
        return AttributeValue.fromN(Long.toString(lastDay.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toEpochSecond()));
    }

    static Map<String, AttributeValue> toItem(CaseStudy study, RetentionPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>(key(study));
        item.put(CaseItemMapper.TYPE, s(CASE_STUDY));
        item.put("id", s(study.id()));
        item.put("contract", s(study.contract()));
        item.put("service", s(study.service().name()));
        item.put("quarter", s(study.quarter().key()));
        item.put("reference", s(study.reference().value()));
        item.put("measures", AttributeValue.fromL(study.measures().stream().map(CaseItemMapper::s).toList()));
        item.put("consent", s(study.consent().name()));
        item.put("text", s(study.text()));
        item.put("writtenBy", s(study.writtenBy()));
        item.put("writtenAt", s(study.writtenAt().toString()));
        item.put("selected", AttributeValue.fromBool(study.selected()));
        item.put("revision", AttributeValue.fromN(Integer.toString(study.revision())));
        item.put(TableKeys.EXPIRES_AT, expiresAt(study.keptUntil(policy)));
        return item;
    }

    static CaseStudy toCaseStudy(Map<String, AttributeValue> item) {
        return new CaseStudy(str(item, "id"), str(item, "contract"), ServiceCode.valueOf(str(item, "service")),
                FinancialQuarter.parseKey(str(item, "quarter")), ReferralReference.parse(str(item, "reference")).orElseThrow(),
                item.get("measures").l().stream().map(AttributeValue::s).toList(), Consent.valueOf(str(item, "consent")),
                str(item, "text"), str(item, "writtenBy"), Instant.parse(str(item, "writtenAt")), item.get("selected").bool(),
                Integer.parseInt(item.get("revision").n()));
    }

    static Map<String, AttributeValue> toItem(ServiceSummary summary, RetentionPolicy policy) {
        Map<String, AttributeValue> item = new HashMap<>(key(summary));
        item.put(CaseItemMapper.TYPE, s(SERVICE_SUMMARY));
        item.put("contract", s(summary.contract()));
        item.put("quarter", s(summary.quarter().key()));
        item.put("summary", s(summary.summary()));
        if (summary.text() != null) {
            item.put("text", s(summary.text()));
        }
        item.put("notCompleted", AttributeValue.fromBool(summary.notCompleted()));
        item.put("writtenBy", s(summary.writtenBy()));
        item.put("writtenAt", s(summary.writtenAt().toString()));
        item.put("revision", AttributeValue.fromN(Integer.toString(summary.revision())));
        item.put(TableKeys.EXPIRES_AT, expiresAt(summary.keptUntil(policy)));
        return item;
    }

    static ServiceSummary toServiceSummary(Map<String, AttributeValue> item) {
        return new ServiceSummary(str(item, "contract"), FinancialQuarter.parseKey(str(item, "quarter")), str(item, "summary"),
                item.containsKey("text") ? str(item, "text") : null, item.get("notCompleted").bool(), str(item, "writtenBy"),
                Instant.parse(str(item, "writtenAt")), Integer.parseInt(item.get("revision").n()));
    }
}
