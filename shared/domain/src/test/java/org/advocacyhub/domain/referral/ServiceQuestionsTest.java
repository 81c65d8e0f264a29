package org.advocacyhub.domain.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.domain.referral.questions.CareActProcess;
import org.advocacyhub.domain.referral.questions.SubstantialDifficulty;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceQuestionsTest {

    @Test
    @DisplayName("every service has questions, each a well-formed details field once per service")
    void questionsAreWellFormed() {
        for (ServiceCode service : ServiceCode.values()) {
            List<FieldSpec> questions = ServiceQuestions.forService(service);
            assertFalse(questions.isEmpty(), service.name());
            Set<String> names = new HashSet<>();
            for (FieldSpec q : questions) {
                assertTrue(names.add(q.name()), "asked twice: " + q.name());
                assertTrue(q.name().matches("details\\.[a-z][A-Za-z0-9]{0,39}"), q.name());
                assertFalse(q.label().isBlank(), q.name());
                assertFalse(q.noun().isBlank(), q.name());
                assertEquals(q.isChoice(), !q.choices().isEmpty(), q.name());
                assertTrue(q.maxLength() > 0 && q.maxLength() <= ReferralFields.MAX_DETAIL_LENGTH, q.name());
                assertEquals(q.required(), !q.missingMessage().isBlank(), q.name());
                q.choices().forEach(c -> assertFalse(c.displayName().isBlank(), q.name() + " " + c.name()));
                assertTrue(ReferralFields.byName(q.name()).isEmpty(), "not a common field: " + q.name());
            }
        }
    }

    @Test
    @DisplayName("requirements §4: only the DoLS IMCA role and supervisory body are required; the rest screening asks for")
    void requiredQuestions() {
        Set<String> required = new HashSet<>();
        ServiceQuestions.all().stream().filter(FieldSpec::required).forEach(q -> required.add(q.name()));
        assertEquals(Set.of("details.dolsRole", "details.supervisoryBody"), required);
    }

    @Test
    @DisplayName("the form's fieldset for a service holds its questions")
    void group() {
        FieldGroup group = ServiceQuestions.group(ServiceCode.DOLS_IMCA);
        assertEquals("details-dols-imca", group.id());
        assertEquals(ServiceQuestions.forService(ServiceCode.DOLS_IMCA), group.fields());
        assertTrue(ServiceQuestions.find(ServiceCode.IMHA, "details.legalStatus").isPresent());
        assertTrue(ServiceQuestions.find(ServiceCode.IMCA, "details.legalStatus").isEmpty());
        assertEquals("legalStatus", ServiceQuestions.key(ServiceQuestions.MHA_STATUS));
        assertThrows(IllegalArgumentException.class, () -> ServiceQuestions.key(ReferralFields.PERSON_NAME));
    }

    @Test
    @DisplayName("typed answers read what validation stored, and ignore what no longer reads")
    void typedAnswers() {
        ServiceAnswers answers = ServiceAnswers.of(Map.of("process", "NEEDS_ASSESSMENT", "substantialDifficulty",
                "UNDERSTANDING,RETIRED_VALUE,COMMUNICATING", "prison", "NO_SUCH_PRISON", "authorisationEndDate", "2027-01-14",
                "capacityAssessed", "true", "placedInHospitalOutsideArea", "perhaps"));
        assertEquals(CareActProcess.NEEDS_ASSESSMENT, answers.choice(ServiceQuestions.CARE_ACT_PROCESS, CareActProcess.class).orElseThrow());
        assertEquals(Set.of(SubstantialDifficulty.UNDERSTANDING, SubstantialDifficulty.COMMUNICATING),
                answers.choices(ServiceQuestions.CARE_ACT_DIFFICULTY, SubstantialDifficulty.class));
        assertTrue(answers.choice(ServiceQuestions.CARE_ACT_PRISON, org.advocacyhub.domain.referral.questions.Prison.class).isEmpty());
        assertEquals(java.time.LocalDate.of(2027, 1, 14), answers.date(ServiceQuestions.DOLS_END_DATE).orElseThrow());
        assertEquals(true, answers.yesNo(ServiceQuestions.IMCA_CAPACITY_ASSESSED).orElseThrow());
        assertTrue(answers.yesNo(ServiceQuestions.ICAS_PLACED_OUTSIDE).isEmpty());
        assertTrue(answers.text(ServiceQuestions.IMCA_DECISION_MAKER).isEmpty());
    }
}
