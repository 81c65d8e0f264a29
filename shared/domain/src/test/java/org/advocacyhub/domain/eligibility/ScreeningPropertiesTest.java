package org.advocacyhub.domain.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.ServiceQuestions;

/**
 * Whatever the answers, every policy decides with at least one reason citing a clause, no
 * personal data in the letter text, information needed exactly when asking, and somewhere to go
 * when refusing ({@link Vignette#checkInvariants}).
 */
class ScreeningPropertiesTest {

    @Property(tries = 3000)
    void everyDecisionKeepsItsInvariants(@ForAll long seed) {
        randomReferral(new Random(seed)).screen();
    }

    static Vignette randomReferral(Random random) {
        ServiceCode service = pick(random, List.of(ServiceCode.values()));
        List<String> areas = new ArrayList<>(List.of("OTHER", "LEWISHAM"));
        ContractCatalogue.bundled().contractFor(service).authorities().forEach(a -> areas.add(a.code()));
        Vignette vignette = Vignette.of(service)
                .aged(random.nextInt(101))
                .stayingIn(pick(random, areas))
                .residence(pick(random, List.of(Residence.values())))
                .source(pick(random, List.of(ReferralSource.values())))
                .referrer(pick(random, List.of(ReferrerRelationship.values())))
                .awareness(pick(random, List.of(Awareness.values())));
        for (FieldSpec question : ServiceQuestions.forService(service)) {
            if (random.nextInt(4) == 0) {
                vignette.without(question);
            } else {
                vignette.with(question, randomAnswer(random, question));
            }
        }
        return vignette;
    }

    private static String randomAnswer(Random random, FieldSpec question) {
        return switch (question.kind()) {
            case CHOICE -> pick(random, question.choices()).name();
            case MULTI_CHOICE -> String.join(",", question.choices().stream().filter(c -> random.nextBoolean())
                    .map(Choice::name).toList());
            case YES_NO -> Boolean.toString(random.nextBoolean());
            case DATE -> Vignette.TODAY.plusDays(random.nextInt(200) - 100).toString();
            case AUTHORITY -> pick(random, List.of("LEICESTER", "LEICESTERSHIRE", "RUTLAND", "LEWISHAM", "DERBY", "OTHER"));
            default -> "Some text";
        };
    }

    private static <T> T pick(Random random, List<? extends T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
