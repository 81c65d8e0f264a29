package org.advocacyhub.application.answerphone;

import jakarta.inject.Singleton;
import java.time.Clock;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.FinancialQuarter;

/**
 * A contract's answerphone figures for a quarter (issue 10 item 6), for the quarterly report: read
 * from what the returns keep of each message (one Query), so they hold after the callers' details
 * are deleted.
 */
@Singleton
public final class AnswerphoneFigures {

    private final AnswerphoneStore store;
    private final ContractCatalogue contracts;
    private final Clock clock;

    public AnswerphoneFigures(AnswerphoneStore store, ContractCatalogue contracts, Clock clock) {
        this.store = store;
        this.contracts = contracts;
        this.clock = clock;
    }

    public CallbackFigures of(String contractCode, FinancialQuarter quarter) {
        Contract contract = contracts.contract(contractCode).orElseThrow(() -> new IllegalArgumentException("no contract " + contractCode));
        return CallbackFigures.of(quarter, store.kept(contractCode, quarter), clock.instant(), contract.calendar());
    }
}
