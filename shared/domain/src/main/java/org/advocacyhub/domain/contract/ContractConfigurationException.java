package org.advocacyhub.domain.contract;

import java.util.List;

/**
 * A contract file is malformed. Each problem names the file, the field path and what is wrong,
 * e.g. {@code contracts/llr.yaml: services[2].clocks[0].rule: unknown rule 'workng-days'; expected one of ...}.
 */
public final class ContractConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ContractConfigurationException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems in the contract configuration:\n" + String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one per line of the message. */
    public List<String> problems() {
        return problems;
    }
}
