package org.advocacyhub.application.casework;

import java.util.List;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;

/** A contract code as a choice in a request field, e.g. {@code LLR}: the codes come from the contract files. */
public record ContractChoice(String name, String displayName) implements Choice {

    public static List<ContractChoice> all(ContractCatalogue contracts) {
        return contracts.contracts().stream().map(c -> new ContractChoice(c.code(), c.name())).toList();
    }
}
