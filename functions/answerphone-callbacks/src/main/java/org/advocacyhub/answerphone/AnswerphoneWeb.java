package org.advocacyhub.answerphone;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.answerphone.AnswerphoneMessages;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.web.AnswerphoneApi;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.IdempotentRequests;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RouteTable;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.StaffRequests;

/** The answerphone routes (template.yaml {@code AnswerphoneCallbacksFunction}'s Api events), as {@link AnswerphoneApi} describes them. */
@Singleton
public final class AnswerphoneWeb {


    private final AnswerphoneMessages messages;
    private final JsonMapper json;
    private final Problems problems;
    private final StaffRequests staff;
    private final AnswerphoneJson view;
    private final RouteTable operations;

    public AnswerphoneWeb(AnswerphoneMessages messages, IdentifyStaff identify, ContractCatalogue contracts, JsonMapper json,
                          IdempotentRequests idempotency) {
        this.messages = messages;
        this.json = json;
        this.problems = new Problems(json);
        this.operations = new RouteTable(problems, RouteTable.NOTHING_CHANGED, idempotency);
        this.staff = new StaffRequests(identify, problems, new RequestBodies(problems));
        this.view = new AnswerphoneJson(contracts);
        add(AnswerphoneApi.create(contracts).handledBy(request -> staff.withActorAndBody(request, (actor, body) ->
                answer(messages.record(actor.id(), Optional.of(actor), body)))));
        add(AnswerphoneApi.list(contracts).handledBy(request -> staff.withActor(request, actor ->
                answer(messages.list(actor, request.queryParameters())))));
        // Who may respond is decided before the body is read (issue 20): a body from someone who may not is not checked.
        add(AnswerphoneApi.RESPOND.handledBy(request -> staff.withActor(request, actor -> {
            String id = request.pathParameter("id").orElse("");
            Optional<AnswerphoneMessages.Outcome> refused = messages.refusal(id, actor);
            return refused.isPresent() ? answer(refused.get())
                    : staff.body(request, body -> answer(messages.respond(id, actor, body)));
        })));
    }

    private void add(ApiOperation operation) {
        operations.add(operation);
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return operations.handle(event);
    }

    private APIGatewayProxyResponseEvent answer(AnswerphoneMessages.Outcome outcome) {
        if (outcome instanceof AnswerphoneMessages.Created created) {
            return HttpResponses.json(created.repeated() ? 200 : 201, JsonText.write(json, view.message(created.message(), null, created.at())));
        }
        if (outcome instanceof AnswerphoneMessages.Listed listed) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("messages", listed.messages().stream().map(m -> view.message(m, null, listed.at())).toList());
            if (listed.next() != null) {
                out.put("next", listed.next());
            }
            return HttpResponses.json(200, JsonText.write(json, out));
        }
        if (outcome instanceof AnswerphoneMessages.Recorded recorded) {
            return HttpResponses.json(201, JsonText.write(json, view.message(recorded.message(), recorded.attempts(), recorded.at())));
        }
        if (outcome instanceof AnswerphoneMessages.Invalid invalid) {
            return problems.invalid(invalid.errors());
        }
        if (outcome instanceof AnswerphoneMessages.NotAllowed notAllowed) {
            return problems.of(403, "Forbidden", notAllowed.why());
        }
        if (outcome instanceof AnswerphoneMessages.Conflict conflict) {
            return problems.of(409, "Conflict", conflict.why());
        }
        return problems.of(404, "Not Found", ((AnswerphoneMessages.NotFound) outcome).why());
    }
}
