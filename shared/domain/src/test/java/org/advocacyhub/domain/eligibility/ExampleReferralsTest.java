package org.advocacyhub.domain.eligibility;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralValidator;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The sample referrals in {@code infrastructure/events} (posted by the README's example and the
 * integration tests) are valid and screen ELIGIBLE, so the local stack shows the happy path for
 * every service. Maven runs tests with the module as the working directory.
 */
class ExampleReferralsTest {

    private static final Path EVENTS = Path.of("../../infrastructure/events");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();

    /** The areas of the bundled contracts, as intake offers them. */
    private static final AuthorityDirectory AREAS = new AuthorityDirectory() {
        @Override
        public List<Area> areas() {
            return CONTRACTS.contracts().stream().flatMap(contract -> contract.authorities().stream()
                    .map(authority -> new Area(authority.code(), authority.name(), contract.code()))).toList();
        }

        @Override
        public boolean covers(ServiceCode service, String authorityCode) {
            return CONTRACTS.contractFor(service).authority(authorityCode).isPresent();
        }
    };

    @ParameterizedTest(name = "referral-{0}.json is valid and screens ELIGIBLE")
    @EnumSource(ServiceCode.class)
    void exampleIsValidAndEligible(ServiceCode service) throws IOException {
        String file = "referral-" + service.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".json";
        ReferralDetails referral = validate(Files.readString(EVENTS.resolve(file)));
        assertEquals(service, referral.service(), file);
        assertFalse(referral.serviceAnswers().isEmpty(), file + " answers its service's questions");
        ScreeningDecision decision = EligibilityPolicies.screen(new ScreeningInput(referral, TODAY, CONTRACTS.contractFor(service)));
        Vignette.checkInvariants(decision);
        assertEquals(Outcome.ELIGIBLE, decision.outcome(), () -> file + ": " + decision);
    }

    @Test
    void theApiGatewayExampleCarriesTheImcaExample() throws IOException {
        Map<String, Object> event = parse(Files.readString(EVENTS.resolve("apigateway-post-referral.json")));
        assertEquals(Files.readString(EVENTS.resolve("referral-imca.json")), event.get("body"));
    }

    private static ReferralDetails validate(String json) {
        ReferralValidator.Result result = new ReferralValidator(AREAS).validate(SubmittedFields.fromJsonObject(parse(json)), TODAY);
        return assertInstanceOf(ReferralValidator.Valid.class, result, () -> result.toString()).details();
    }

    /** JSON is YAML: SnakeYAML reads it without another parser in the domain's dependencies. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
    }
}
