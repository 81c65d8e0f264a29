package org.advocacyhub.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReferralValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    /** LLR areas run IMCA etc.; LEWISHAM runs CYP. */
    private static final AuthorityDirectory AREAS = new AuthorityDirectory() {
        @Override
        public List<Area> areas() {
            return List.of(new Area("LEICESTER", "Leicester City Council", "LLR"),
                    new Area("RUTLAND", "Rutland County Council", "LLR"),
                    new Area("LEWISHAM", "London Borough of Lewisham", "LEW"));
        }

        @Override
        public boolean covers(ServiceCode service, String authority) {
            return service == ServiceCode.CYP ? authority.equals("LEWISHAM") : !authority.equals("LEWISHAM");
        }
    };

    private final ReferralValidator validator = new ReferralValidator(AREAS);

    private static Map<String, List<String>> valid() {
        Map<String, List<String>> f = new LinkedHashMap<>();
        f.put("service", List.of("IMCA"));
        f.put("route", List.of("EMAIL"));
        f.put("source", List.of("ADULT_SOCIAL_CARE"));
        f.put("person.name", List.of("Alex Testperson"));
        f.put("person.dateOfBirth", List.of("1941-05-17"));
        f.put("person.gender", List.of("FEMALE"));
        f.put("person.ethnicity", List.of("WHITE_BRITISH"));
        f.put("person.disabilities", List.of("DEMENTIA", "SENSORY"));
        f.put("person.residence", List.of("GENERAL_HOSPITAL"));
        f.put("person.postcode", List.of("le1  5ww"));
        f.put("person.authority", List.of("LEICESTER"));
        f.put("person.interpreterNeeded", List.of("no"));
        f.put("referrer.relationship", List.of("DECISION_MAKER"));
        f.put("referrer.name", List.of("Sam Example"));
        f.put("referrer.role", List.of("Social worker"));
        f.put("referrer.organisation", List.of("Leicester City Council"));
        f.put("referrer.email", List.of("sam@council.example"));
        f.put("urgency", List.of("STANDARD"));
        f.put("awareness", List.of("UNABLE_TO_AGREE"));
        f.put("reason", List.of("Care home move of more than 8 weeks; nobody to consult."));
        return f;
    }

    private ReferralValidator.Result validate(Map<String, List<String>> fields) {
        return validator.validate(SubmittedFields.of(fields), TODAY);
    }

    private Map<String, String> errors(Map<String, List<String>> fields) {
        ReferralValidator.Invalid invalid = assertInstanceOf(ReferralValidator.Invalid.class, validate(fields));
        return invalid.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
    }

    @Test
    @DisplayName("a complete referral is valid and its values are normalised")
    void completeReferralIsValid() {
        ReferralDetails details = assertInstanceOf(ReferralValidator.Valid.class, validate(valid())).details();
        assertEquals(ServiceCode.IMCA, details.service());
        assertEquals("LE1 5WW", details.person().postcode());
        assertEquals(java.util.Set.of(Disability.DEMENTIA, Disability.SENSORY), details.person().disabilities());
        assertEquals(false, details.person().interpreterNeeded());
        assertEquals("AT", details.person().initials());
        assertEquals(false, details.isSelfReferral());
    }

    @Test
    @DisplayName("every missing required field is reported at once, in GOV.UK wording")
    void everyMissingFieldIsReported() {
        Map<String, String> errors = errors(Map.of());
        for (FieldSpec spec : ReferralFields.ALL) {
            if (spec.required()) {
                assertEquals(spec.missingMessage(), errors.get(spec.name()), spec.name());
            }
        }
        assertEquals("Enter an email address or a phone number", errors.get("referrer.email"));
    }

    @Test
    @DisplayName("a date of birth in the future is rejected; today is accepted")
    void dateOfBirthNotInFuture() {
        Map<String, List<String>> f = valid();
        f.put("person.dateOfBirth", List.of("2026-11-23"));
        assertEquals("Date of birth must be today or in the past", errors(f).get("person.dateOfBirth"));
        f.put("person.dateOfBirth", List.of("2026-11-22"));
        assertInstanceOf(ReferralValidator.Valid.class, validate(f));
    }

    @Test
    @DisplayName("dates must be real ISO dates")
    void datesMustBeIso() {
        Map<String, List<String>> f = valid();
        f.put("person.dateOfBirth", List.of("17/05/1941"));
        f.put("fixedDate", List.of("2027-02-30"));
        f.put("fixedDateReason", List.of("Best interests meeting"));
        Map<String, String> errors = errors(f);
        assertEquals("Enter a real date, for example 17 5 1941", errors.get("person.dateOfBirth"));
        assertEquals("Enter a real date, for example 14 1 2027", errors.get("fixedDate"));
    }

    @Test
    @DisplayName("a fixed date in the past is rejected and a fixed date needs its reason")
    void fixedDateRules() {
        Map<String, List<String>> f = valid();
        f.put("fixedDate", List.of("2026-11-21"));
        assertEquals("The fixed date must be today or in the future", errors(f).get("fixedDate"));
        f.put("fixedDate", List.of("2026-12-01"));
        assertEquals("Say what happens on the fixed date", errors(f).get("fixedDateReason"));
    }

    @Test
    @DisplayName("an unknown choice lists the allowed codes")
    void unknownChoiceListsAllowedValues() {
        Map<String, List<String>> f = valid();
        f.put("service", List.of("IMCAA"));
        String message = errors(f).get("service");
        assertTrue(message.contains("must be one of: IMCA, DOLS_IMCA, IMHA, CARE_ACT, ICAS, CYP, ACCOMMODATION"), message);
    }

    @Test
    @DisplayName("postcodes must look like UK postcodes")
    void postcodeFormat() {
        Map<String, List<String>> f = valid();
        f.put("person.postcode", List.of("12345"));
        assertEquals("Enter a real postcode, like LE1 6ZG", errors(f).get("person.postcode"));
        for (String ok : List.of("LE1 6ZG", "se136lh", "EC1A 1BB", "W1A 0AX", "GIR 0AA", "LE67 3AB")) {
            f.put("person.postcode", List.of(ok));
            assertInstanceOf(ReferralValidator.Valid.class, validate(f), ok);
        }
    }

    @Test
    @DisplayName("emails and phone numbers are checked for format")
    void emailAndPhoneFormat() {
        Map<String, List<String>> f = valid();
        f.put("referrer.email", List.of("not-an-email"));
        f.put("referrer.phone", List.of("12"));
        Map<String, String> errors = errors(f);
        assertTrue(errors.get("referrer.email").startsWith("Enter an email address in the correct format"));
        assertTrue(errors.get("referrer.phone").startsWith("Enter a phone number"));
    }

    @Test
    @DisplayName("a phone number alone is enough to reply to")
    void phoneAloneIsEnough() {
        Map<String, List<String>> f = valid();
        f.remove("referrer.email");
        f.put("referrer.phone", List.of("+44 116 496 0000"));
        assertInstanceOf(ReferralValidator.Valid.class, validate(f));
    }

    @Test
    @DisplayName("LLR 5.57: a professional must give their role and organisation")
    void professionalNeedsRoleAndOrganisation() {
        Map<String, List<String>> f = valid();
        f.remove("referrer.role");
        f.remove("referrer.organisation");
        Map<String, String> errors = errors(f);
        assertEquals("Enter your job title or role", errors.get("referrer.role"));
        assertEquals("Enter your organisation", errors.get("referrer.organisation"));
        f.put("referrer.relationship", List.of("SELF"));
        assertTrue(assertInstanceOf(ReferralValidator.Valid.class, validate(f)).details().isSelfReferral());
    }

    @Test
    @DisplayName("every text field has a length limit")
    void lengthLimits() {
        for (FieldSpec spec : ReferralFields.ALL) {
            assertTrue(spec.maxLength() > 0 && spec.maxLength() <= 4000, spec.name());
        }
        Map<String, List<String>> f = valid();
        f.put("reason", List.of("x".repeat(4001)));
        f.put("person.name", List.of("y".repeat(101)));
        Map<String, String> errors = errors(f);
        assertTrue(errors.get("reason").endsWith("must be 4000 characters or fewer"));
        assertTrue(errors.get("person.name").endsWith("must be 100 characters or fewer"));
    }

    @Test
    @DisplayName("unknown fields are rejected, service-specific answers are kept")
    void unknownFieldsRejected() {
        Map<String, List<String>> f = valid();
        f.put("person.nmae", List.of("typo"));
        assertEquals("'person.nmae' is not a field of a referral", errors(f).get("person.nmae"));
        f.remove("person.nmae");
        f.put("details.decisionType", List.of("COUNCIL_CARE_HOME_ACCOMMODATION"));
        assertEquals(Map.of("decisionType", "COUNCIL_CARE_HOME_ACCOMMODATION"),
                assertInstanceOf(ReferralValidator.Valid.class, validate(f)).details().serviceAnswers());
        f.put("details.bad key", List.of("x"));
        assertTrue(errors(f).containsKey("details.bad key"));
    }

    @Test
    @DisplayName("requirements §4: the chosen service's answers are checked and stored in a standard form")
    void serviceAnswersAreNormalised() {
        Map<String, List<String>> f = valid();
        f.put("service", List.of("CARE_ACT"));
        f.put("details.process", List.of("NEEDS_ASSESSMENT"));
        f.put("details.substantialDifficulty", List.of("COMMUNICATING", "UNDERSTANDING", "COMMUNICATING"));
        f.put("details.prisonName", List.of("  HMP Leicester "));
        f.put("details.legalStatus", List.of("SECTION_3"));
        assertEquals(Map.of("process", "NEEDS_ASSESSMENT", "substantialDifficulty", "UNDERSTANDING,COMMUNICATING",
                        "prisonName", "HMP Leicester", "legalStatus", "SECTION_3"),
                assertInstanceOf(ReferralValidator.Valid.class, validate(f)).details().serviceAnswers());

        f.put("service", List.of("IMCA"));
        f.keySet().removeIf(name -> name.startsWith("details."));
        f.put("details.capacityAssessed", List.of("yes"));
        f.put("details.familyOrFriendToConsult", List.of("NOT_KNOWN"));
        assertEquals(Map.of("capacityAssessed", "true", "familyOrFriendToConsult", "NOT_KNOWN"),
                assertInstanceOf(ReferralValidator.Valid.class, validate(f)).details().serviceAnswers());
        f.put("details.capacityAssessed", List.of("false"));
        assertEquals("false", assertInstanceOf(ReferralValidator.Valid.class, validate(f)).details().serviceAnswers()
                .get("capacityAssessed"));
    }

    @Test
    @DisplayName("an answer to another service's question is an error naming the chosen service's questions")
    void questionOfAnotherService() {
        Map<String, List<String>> f = valid();
        f.put("details.legalStatus", List.of("SECTION_3"));
        String message = errors(f).get("details.legalStatus");
        assertTrue(message.startsWith("'details.legalStatus' is not a question for Independent Mental Capacity Advocacy (IMCA) referrals."), message);
        assertTrue(message.endsWith("Its questions are: details.decisionType, details.stayDuration, details.capacityJudgement, "
                + "details.capacityAssessed, details.familyOrFriendToConsult, details.decisionMakerContact"), message);
    }

    @Test
    @DisplayName("a service answer that is not one of its choices lists the allowed values")
    void badChoice() {
        Map<String, List<String>> f = valid();
        f.put("details.decisionType", List.of("CARE_HOME"));
        f.put("details.capacityAssessed", List.of("maybe"));
        Map<String, String> errors = errors(f);
        assertEquals("Decision type must be one of: SERIOUS_MEDICAL_TREATMENT, NHS_HOSPITAL_ACCOMMODATION, "
                + "NHS_CARE_HOME_ACCOMMODATION, COUNCIL_CARE_HOME_ACCOMMODATION, CARE_REVIEW, ADULT_SAFEGUARDING, "
                + "DEPRIVATION_OF_LIBERTY, OTHER", errors.get("details.decisionType"));
        assertEquals("Select yes or no", errors.get("details.capacityAssessed"));
        f.put("details.decisionType", List.of("CARE_REVIEW", "ADULT_SAFEGUARDING"));
        assertEquals("Decision type must have one value", errors(f).get("details.decisionType"));
    }

    @Test
    @DisplayName("LLR 5.42: a DoLS IMCA referral must give the role and the supervisory body, in GOV.UK wording")
    void requiredServiceQuestions() {
        Map<String, List<String>> f = valid();
        f.put("service", List.of("DOLS_IMCA"));
        Map<String, String> errors = errors(f);
        assertEquals("Select the DoLS IMCA role", errors.get("details.dolsRole"));
        assertEquals("Select the council that is the supervisory body", errors.get("details.supervisoryBody"));
        f.put("details.dolsRole", List.of("SECTION_39A"));
        f.put("details.supervisoryBody", List.of("NARNIA"));
        assertEquals("Supervisory body must be one of: LEICESTER, RUTLAND, LEWISHAM, OTHER", errors(f).get("details.supervisoryBody"));
        f.put("details.supervisoryBody", List.of("RUTLAND"));
        f.put("details.authorisationEndDate", List.of("2026-11-21"));
        assertEquals("Authorisation end date must be today or in the future", errors(f).get("details.authorisationEndDate"));
        f.put("details.authorisationEndDate", List.of("2027-02-30"));
        assertEquals("Enter a real date, for example 14 1 2027", errors(f).get("details.authorisationEndDate"));
        f.put("details.authorisationEndDate", List.of("2027-02-28"));
        assertEquals(Map.of("dolsRole", "SECTION_39A", "supervisoryBody", "RUTLAND", "authorisationEndDate", "2027-02-28"),
                assertInstanceOf(ReferralValidator.Valid.class, validate(f)).details().serviceAnswers());
    }

    @Test
    @DisplayName("without a valid service, only the service error is reported, not its questions")
    void noServiceNoQuestions() {
        Map<String, List<String>> f = valid();
        f.put("service", List.of("IMCAA"));
        f.put("details.anything", List.of("x"));
        Map<String, String> errors = errors(f);
        assertEquals(java.util.Set.of("service"), errors.keySet());
    }

    @Test
    @DisplayName("staff can check service answers on their own; stored answers fill in what they do not give")
    void answersOnTheirOwn() {
        ReferralValidator.CheckedAnswers ok = validator.validateServiceAnswers(ServiceCode.IMHA,
                SubmittedFields.of(Map.of("details.legalStatus", List.of("SECTION_2"))), Map.of("hospital", "OTHER_HOSPITAL"), TODAY);
        assertTrue(ok.valid());
        assertEquals(Map.of("legalStatus", "SECTION_2", "hospital", "OTHER_HOSPITAL"), ok.answers());
        ReferralValidator.CheckedAnswers bad = validator.validateServiceAnswers(ServiceCode.IMHA,
                SubmittedFields.of(Map.of("details.treatment", List.of("ECT"))), Map.of(), TODAY);
        assertEquals(java.util.Set.of("details.treatment"), bad.errors().stream().map(FieldError::field).collect(Collectors.toSet()));
        ReferralValidator.CheckedAnswers missing = validator.validateServiceAnswers(ServiceCode.DOLS_IMCA,
                SubmittedFields.of(Map.of("details.dolsRole", List.of("SECTION_39A"))), Map.of(), TODAY);
        assertEquals(List.of(new FieldError("details.supervisoryBody", "Select the council that is the supervisory body")),
                missing.errors(), "a required question answered neither now nor before");
    }

    @Test
    @DisplayName("more than the allowed number of service answers is refused")
    void tooManyAnswers() {
        Map<String, List<String>> f = valid();
        for (int i = 0; i <= ReferralFields.MAX_DETAILS; i++) {
            f.put("details.answer" + i, List.of("x"));
        }
        assertEquals("Service answers must be 40 or fewer", errors(f).get("details"));
    }

    @Test
    @DisplayName("the area must be one the service's contract covers, or 'Another area'")
    void areaMustMatchService() {
        Map<String, List<String>> f = valid();
        f.put("person.authority", List.of("LEWISHAM"));
        assertTrue(errors(f).get("person.authority").contains("not commissioned by that council"));
        f.put("person.authority", List.of("NARNIA"));
        assertTrue(errors(f).get("person.authority").contains("must be one of: LEICESTER, RUTLAND, LEWISHAM, OTHER"));
        f.put("person.authority", List.of(AuthorityDirectory.OUTSIDE_AREA));
        assertInstanceOf(ReferralValidator.Valid.class, validate(f));
    }

    @Test
    @DisplayName("a single-value field sent twice is an error, not a silent choice")
    void repeatedSingleValue() {
        Map<String, List<String>> f = valid();
        f.put("urgency", List.of("STANDARD", "URGENT"));
        assertEquals("Urgency must have one value", errors(f).get("urgency"));
    }

    @Test
    @DisplayName("JSON nesting flattens to dotted names and every value keeps its JSON type")
    void jsonFlattening() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("person", Map.of("name", "Alex", "disabilities", List.of("DEMENTIA"), "interpreterNeeded", true));
        json.put("fixedDate", null);
        json.put("referrer", Map.of("phone", List.of(Map.of("x", 1))));
        SubmittedFields fields = SubmittedFields.fromJsonObject(json);
        assertEquals("Alex", fields.first("person.name"));
        assertEquals(List.of("DEMENTIA"), fields.all("person.disabilities"));
        assertEquals("true", fields.first("person.interpreterNeeded"));
        assertEquals(null, fields.first("fixedDate"));
        assertEquals(SubmittedFields.Shape.TEXT, fields.shape("person.name"));
        assertEquals(SubmittedFields.Shape.BOOLEAN, fields.shape("person.interpreterNeeded"));
        assertEquals(SubmittedFields.Shape.TEXT_LIST, fields.shape("person.disabilities"));
        assertEquals(SubmittedFields.Shape.OBJECT_LIST, fields.shape("referrer.phone"));
        assertEquals(SubmittedFields.Shape.OBJECT, fields.shape("person"));
        assertEquals(SubmittedFields.Origin.JSON, fields.origin());
    }
}
