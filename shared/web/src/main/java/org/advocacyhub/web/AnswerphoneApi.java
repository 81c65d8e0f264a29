package org.advocacyhub.web;

import java.util.List;
import org.advocacyhub.application.answerphone.AnswerphoneMessages;
import org.advocacyhub.domain.contract.ContractCatalogue;

/**
 * The answerphone function's routes (template.yaml {@code AnswerphoneCallbacksFunction}, issue 10),
 * described once: that function serves them, and the staff API's OpenAPI document lists them.
 */
public final class AnswerphoneApi {

    public static final String WHO = Who.MESSAGE_STAFF;

    private AnswerphoneApi() {
    }

    public static ApiOperation create(ContractCatalogue contracts) {
        return ApiOperation.described("POST", "/answerphone-messages", "Key in a message left on the answerphone (LLR 9.23): 201 with "
                + "its id and the time the callback is due, 24 working hours after it was left. A sourceId (or Idempotency-Key "
                + "header) makes a repeat safe: 200 with the message stored before. Contracts without an answerphone clock refuse it",
                WHO, List.of(), AnswerphoneMessages.messageFields(contracts));
    }

    public static ApiOperation list(ContractCatalogue contracts) {
        return ApiOperation.described("GET", "/answerphone-messages", "A contract's answerphone messages, a page at a time: open ones "
                + "soonest due first with the time left (negative once overdue), then (status=responded or all) responded ones, newest "
                + "first", WHO, AnswerphoneMessages.listQuery(contracts), null);
    }

    public static final ApiOperation RESPOND = ApiOperation.described("POST", "/answerphone-messages/{id}/responses", "Record an attempt "
            + "to respond (LLR 9.23-9.24): one that spoke to the caller, left a voicemail or sent an SMS or email is the response and "
            + "stops the callback clock; one with no answer is recorded and the clock runs on", WHO, List.of(), AnswerphoneMessages.RESPONSE);

    public static List<ApiOperation> all(ContractCatalogue contracts) {
        return List.of(create(contracts), list(contracts), RESPOND);
    }
}
