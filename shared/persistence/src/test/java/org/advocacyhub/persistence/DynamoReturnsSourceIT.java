package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.Closure;
import org.advocacyhub.domain.casework.ClosureReason;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.reports.ReturnsSink;
import org.advocacyhub.domain.reports.TimeRow;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * What the quarterly return reads by Query (issue 11 item 7), against DynamoDB Local with the table of template.yaml:
 * for LEW the closures back to the same quarter a year earlier (LEW Appendix 1, young people returning in the year
 * following a case's closure) and each time entry's meeting attended.
 */
@WithLocalAws
class DynamoReturnsSourceIT {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final Contract LEW = CONTRACTS.contract("LEW").orElseThrow();
    private static final FinancialQuarter Q1 = new FinancialQuarter(2026, 1);

    private final LocalAws aws;

    DynamoReturnsSourceIT(LocalAws aws) {
        this.aws = aws;
    }

    private static ReferralCase lew(int year, long sequence, String receivedAt, String closedAt) {
        Person person = new Person("Jo Returner", LocalDate.of(2009, 5, 1), Gender.FEMALE, Ethnicity.WHITE_BRITISH, Set.of(),
                Residence.OWN_HOME, null, "SE6 4RU", "LEWISHAM", null, null, false);
        Referrer referrer = new Referrer(ReferrerRelationship.PROFESSIONAL, "Sam Example", "Social worker", "Lewisham",
                "sam@council.example", null);
        ReferralDetails details = new ReferralDetails(ServiceCode.CYP, ReferralRoute.EMAIL, ReferralSource.SELF, person, referrer,
                Urgency.STANDARD, null, null, Awareness.AWARE_AND_AGREES, "Review", Map.of());
        ReferralCase received = ReferralCase.received(new ReferralReference("LEW", year, sequence), details, Instant.parse(receivedAt),
                null, List.of());
        if (closedAt == null) {
            return received.worked(CaseStatus.ALLOCATED, List.of(), received.work());
        }
        return received.worked(CaseStatus.CLOSED, List.of(), received.work().withClosure(new Closure(ClosureReason.OUTCOME_REACHED,
                Instant.parse(closedAt), "manager-1", "Done")));
    }

    /** What a read hands over: the cases' references and the time rows. */
    private static final class Recorded implements ReturnsSink {
        final Set<String> cases = new TreeSet<>();
        final List<TimeRow> time = new ArrayList<>();

        @Override
        public void addCase(ReferralCase referralCase) {
            cases.add(referralCase.reference().value());
        }

        @Override
        public void addTime(TimeRow row) {
            time.add(row);
        }

        @Override
        public void addRecord(ReturnRecord record) {
        }

        @Override
        public void addCallback(CallbackFigures.Kept kept) {
        }

        @Override
        public void addCaseStudy(org.advocacyhub.domain.casestudy.CaseStudy study) {
        }

        @Override
        public void addServiceSummary(org.advocacyhub.domain.casestudy.ServiceSummary summary) {
        }
    }

    @Test
    void lewAppendix1TheReturnReadsClosuresBackToTheSameQuarterAYearEarlierAndEachMeetingAttended() {
        String table = aws.tableName("HubTable");
        // Sequences of their own: other tests write to the same table.
        ReferralCase closedLastYear = lew(2025, 910_001, "2025-12-01T10:00:00Z", "2026-02-15T10:00:00Z");
        ReferralCase closedTooLongAgo = lew(2025, 910_002, "2025-02-01T10:00:00Z", "2025-03-20T10:00:00Z");
        ReferralCase back = lew(2026, 910_003, "2026-05-01T10:00:00Z", null);
        try (BulkReturnsWriter writer = new BulkReturnsWriter(aws.dynamoDb(), table, "LEW")) {
            writer.addCase(closedLastYear);
            writer.addCase(closedTooLongAgo);
            writer.addCase(back);
            writer.addTime(new TimeRow(back.reference(), ServiceCode.CYP, "LEWISHAM", LocalDate.of(2026, 5, 6), 60,
                    TimeEntry.Kind.DIRECT, TimeEntry.Activity.MEETING_ATTENDANCE, TimeEntry.Meeting.PATHWAY_PLAN, "cai-cyp"));
        }
        Recorded read = new Recorded();
        new DynamoReturnsSource(aws.dynamoDb(), table, new CaseItemMapper()).read(LEW, Q1, Q1, read);

        Set<String> ours = new TreeSet<>(read.cases);
        ours.retainAll(Set.of(closedLastYear.reference().value(), closedTooLongAgo.reference().value(), back.reference().value()));
        assertEquals(Set.of(closedLastYear.reference().value(), back.reference().value()), ours,
                "February 2026 is within a year of April's quarter; March 2025 is not");
        assertEquals(List.of(TimeEntry.Meeting.PATHWAY_PLAN), read.time.stream().filter(row -> row.reference().equals(back.reference()))
                .map(TimeRow::meeting).toList());
    }
}
