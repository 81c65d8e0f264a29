package org.advocacyhub.intake.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.advocacyhub.application.intake.CatalogueContractTerms;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.web.ReferralJsonSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published JSON Schema agrees with the example referrals (which the validator also accepts). */
class ReferralJsonSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA;

    static {
        try {
            String text = MAPPER.writeValueAsString(ReferralJsonSchema.build(
                    new CatalogueContractTerms(ContractCatalogue.bundled()).areas()));
            SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static JsonNode example(String service) throws Exception {
        return MAPPER.readTree(Files.readString(Path.of("../../infrastructure/events/referral-" + service + ".json")));
    }

    @ParameterizedTest(name = "the {0} example satisfies the schema; with a typo or a foreign question it does not")
    @ValueSource(strings = {"imca", "dols-imca", "imha", "care-act", "icas", "cyp", "accommodation"})
    void examplesSatisfyTheSchemaAndTyposDoNot(String service) throws Exception {
        JsonNode referral = example(service);
        Set<ValidationMessage> problems = SCHEMA.validate(referral);
        assertEquals(Set.of(), problems);

        ObjectNode typo = referral.deepCopy();
        ((ObjectNode) typo.get("person")).put("nmae", "x");
        assertFalse(SCHEMA.validate(typo).isEmpty(), "an unknown field is refused");

        ObjectNode foreign = referral.deepCopy();
        ObjectNode details = foreign.has("details") ? (ObjectNode) foreign.get("details") : foreign.putObject("details");
        details.put(service.equals("imha") ? "decisionType" : "legalStatus", "S3");
        assertTrue(!SCHEMA.validate(foreign).isEmpty(), "another service's question is refused");
    }
}
