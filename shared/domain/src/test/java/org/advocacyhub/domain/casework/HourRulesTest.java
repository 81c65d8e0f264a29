package org.advocacyhub.domain.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Disability;
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
import org.advocacyhub.domain.referral.ServiceQuestions;
import org.advocacyhub.domain.referral.Urgency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HourRulesTest {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    /** LEW's CYP thresholds as the bundled contract configures them: review 8, cap 12, conference cap 15. */
    private static final List<HourThreshold> CYP = CONTRACTS.contractFor(ServiceCode.CYP).service(ServiceCode.CYP).hourThresholds();
    /** LLR's IMCA thresholds: requests over 20 hours. */
    private static final List<HourThreshold> IMCA = CONTRACTS.contractFor(ServiceCode.IMCA).service(ServiceCode.IMCA).hourThresholds();
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private static Hours minutes(int direct, int indirect) {
        return Hours.NONE.withMinutes(direct, indirect);
    }

    private static List<String> rules(HourRules.Decision decision) {
        return decision.broken().stream().map(rule -> rule.rule() + " " + rule.clause()).toList();
    }

    @Test
    @DisplayName("LEW 8.9: the review is due when the case reaches 8 hours exactly, not at 7 h 59 min")
    void reviewAtEightHoursInclusive() {
        HourRules.Decision short1 = HourRules.change(CYP, false, minutes(400, 0), 0, 79);
        assertTrue(short1.allowed());
        assertTrue(short1.reviewDue().isEmpty(), "7 h 59 min has not reached 8 hours");
        assertFalse(short1.after().reviewRaised());

        HourRules.Decision eight = HourRules.change(CYP, false, minutes(400, 0), 0, 80);
        assertEquals(HourThreshold.Kind.REVIEW, eight.reviewDue().orElseThrow().kind());
        assertEquals("LEW 8.9", eight.reviewDue().get().clause());
        assertTrue(eight.after().reviewRaised());
        assertEquals(400, eight.after().directMinutes());
        assertEquals(80, eight.after().indirectMinutes());
    }

    @Test
    @DisplayName("LEW 8.9: the review is raised once per case, even if a correction takes the case below 8 hours and back")
    void reviewOncePerCase() {
        Hours raised = HourRules.change(CYP, false, minutes(420, 0), 60, 0).after();
        assertTrue(raised.reviewRaised());
        assertTrue(HourRules.change(CYP, false, raised, 30, 0).reviewDue().isEmpty(), "past 8 hours again");
        Hours lowered = HourRules.change(CYP, false, raised, -120, 0).after();
        assertTrue(lowered.reviewRaised(), "a correction does not undo that the review was raised");
        assertTrue(HourRules.change(CYP, false, lowered, 120, 0).reviewDue().isEmpty(), "back to 8 hours: not a second review");
    }

    @Test
    @DisplayName("LEW 7.2, 8.11: up to 12 hours is within the cap; a minute past it is refused naming LEW 8.11")
    void capAtTwelveHoursInclusive() {
        Hours eleven = minutes(600, 60);
        HourRules.Decision twelve = HourRules.change(CYP, false, eleven, 60, 0);
        assertTrue(twelve.allowed(), "12 h 00 min is 'up to a maximum of 12 hours'");
        HourRules.Decision past = HourRules.change(CYP, false, twelve.after(), 1, 0);
        assertEquals(List.of("HOUR_CAP LEW 8.11"), rules(past));
        assertEquals(twelve.after(), past.after(), "a refused change leaves the hours as they were");
        assertTrue(past.broken().get(0).detail().contains("12 h 1 min"), past.broken().get(0).detail());
        assertTrue(past.broken().get(0).detail().contains("Service Manager"), past.broken().get(0).detail());
    }

    @Test
    @DisplayName("LEW 7.16: a child protection conference case may have up to 15 hours, not a minute more")
    void conferenceCapAtFifteenHours() {
        Hours twelve = minutes(720, 0);
        assertTrue(HourRules.change(CYP, true, twelve, 0, 180).allowed(), "15 h 00 min");
        assertEquals(List.of("CONFERENCE_HOUR_CAP LEW 7.16"), rules(HourRules.change(CYP, true, twelve, 0, 181)));
        assertEquals(HourThreshold.Kind.CONFERENCE_CAP, HourRules.cap(CYP, true).orElseThrow().kind());
        assertEquals(HourThreshold.Kind.CAP, HourRules.cap(CYP, false).orElseThrow().kind());
    }

    @Test
    @DisplayName("LEW 7.3, 8.11: the latest Service Manager approval sets the limit, up or down")
    void latestApprovalSetsTheLimit() {
        Hours twelve = minutes(720, 0);
        Hours approved = twelve.withApproval(new Hours.Approval("Service Manager (LAC)", new BigDecimal("14.5"), "Tribunal", AT, "m-1"));
        assertTrue(HourRules.change(CYP, false, approved, 150, 0).allowed(), "14 h 30 min");
        assertEquals(List.of("APPROVED_HOURS LEW 8.11"), rules(HourRules.change(CYP, false, approved, 151, 0)));
        Hours lowered = approved.withApproval(new Hours.Approval("Service Manager (LAC)", new BigDecimal("13"), "Revised", AT, "m-1"));
        assertTrue(HourRules.change(CYP, false, lowered, 60, 0).allowed());
        assertFalse(HourRules.change(CYP, false, lowered, 61, 0).allowed(), "the latest approval, 13 hours, applies");
    }

    @Test
    @DisplayName("LLR 26.17: under 20 hours needs no request; 20 or more needs one, each request raising the total by its hours")
    void requestsOverTwentyHours() {
        Hours nineteen = minutes(1000, 140);
        assertTrue(HourRules.change(IMCA, false, nineteen, 59, 0).allowed(), "19 h 59 min");
        HourRules.Decision twenty = HourRules.change(IMCA, false, nineteen, 60, 0);
        assertEquals(List.of("HOURS_REQUEST_NEEDED LLR 26.17"), rules(twenty), "20 h 00 min is '20 or more hours'");
        HourRules.Decision past = HourRules.change(IMCA, false, nineteen, 61, 0);
        assertEquals(List.of("HOURS_REQUEST_NEEDED LLR 26.17"), rules(past));
        Hours requested = nineteen.withRequest(new Hours.Request(new BigDecimal("5"), "Court of Protection hearing", AT, "ira"));
        assertTrue(HourRules.change(IMCA, false, requested, 360, 0).allowed(), "25 h 00 min after a request for 5");
        assertFalse(HourRules.change(IMCA, false, requested, 361, 0).allowed());
        Hours twice = requested.withRequest(new Hours.Request(new BigDecimal("2.5"), "Appeal", AT, "ira"));
        assertTrue(HourRules.change(IMCA, false, twice, 510, 0).allowed(), "27 h 30 min after requests for 5 and 2.5");
        assertTrue(HourRules.change(IMCA, false, minutes(1200, 0), 0, 0).reviewDue().isEmpty(), "LLR has no review threshold");
    }

    @Test
    @DisplayName("Issue 8: a correction that lowers the total or moves time between direct and indirect is never refused")
    void correctionsDownAreAllowed() {
        Hours past = minutes(800, 0);
        assertTrue(HourRules.change(CYP, false, past, -60, 0).allowed(), "13 h 20 min down to 12 h 20 min");
        HourRules.Decision moved = HourRules.change(CYP, false, past, -60, 60);
        assertTrue(moved.allowed());
        assertEquals(740, moved.after().directMinutes());
        assertEquals(60, moved.after().indirectMinutes());
        assertFalse(HourRules.change(CYP, false, past, -60, 61).allowed(), "raising the total still needs the room");
    }

    @Test
    @DisplayName("LEW 7.16: a CYP referral for a child protection conference is a conference case; other reasons are not")
    void conferenceCase() {
        assertTrue(HourRules.isConferenceCase(cyp("CHILD_PROTECTION_CONFERENCE")));
        assertFalse(HourRules.isConferenceCase(cyp("FORMAL_MEETING")));
        assertFalse(HourRules.isConferenceCase(cyp(null)));
    }

    @Test
    @DisplayName("Durations and hours are shown for staff as 8 h 30 min and 12.5 hours")
    void shown() {
        assertEquals("8 h 30 min", HourRules.duration(510));
        assertEquals("12 h", HourRules.duration(720));
        assertEquals("45 min", HourRules.duration(45));
        assertEquals("12.5 hours", HourRules.hours(new BigDecimal("12.50")));
        assertEquals("20 hours", HourRules.hours(new BigDecimal("2E+1")));
        assertEquals("1 hour", HourRules.hours(BigDecimal.ONE));
    }

    private static ReferralDetails cyp(String reason) {
        Person person = new Person("Gus Testchild", LocalDate.of(2012, 6, 21), Gender.NOT_KNOWN, Ethnicity.NOT_KNOWN,
                Set.of(Disability.NOT_KNOWN), Residence.FOSTER_OR_RESIDENTIAL_CARE, null, null, "LEWISHAM", null, "English", false);
        Referrer referrer = new Referrer(ReferrerRelationship.PROFESSIONAL, "Sam Example", "Worker", "Example", "sam@example.org", null);
        Map<String, String> answers = reason == null ? Map.of()
                : Map.of(ServiceQuestions.key(ServiceQuestions.CYP_REASON), reason);
        return new ReferralDetails(ServiceCode.CYP, ReferralRoute.ONLINE_FORM, ReferralSource.PARTICIPATION_MANAGER, person, referrer,
                Urgency.STANDARD, null, null, Awareness.AWARE_AND_AGREES, "Reason", answers);
    }
}
