package org.advocacyhub.casework.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.web.AnswerphoneApi;
import org.advocacyhub.web.RouteTable;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.HttpResponses;
import org.advocacyhub.web.IdempotentRequests;
import org.advocacyhub.web.IntakeApi;
import org.advocacyhub.web.JsonText;
import org.advocacyhub.web.Memo;
import org.advocacyhub.web.OpenApiDocument;
import org.advocacyhub.web.ReferralJsonSchema;

/**
 * The staff API's router (template.yaml {@code CaseworkFunction}): the {@link ApiOperation}s of
 * every {@link RouteGroup}. The same operations, with the intake function's ({@link IntakeApi}),
 * give the OpenAPI document ({@code GET /openapi.json}, public), with the answerphone function's
 * ({@link AnswerphoneApi}) and the field specs each query
 * and body is validated against. The staff console's pages ({@code /console}) are routed here too.
 */
@Singleton
public final class CaseworkWeb {


    /** The version the OpenAPI document gives the API: the project's. */
    static final String API_VERSION = "0.1.0";

    private final CaseRoutes routes;
    private final RouteTable operations;
    /** The OpenAPI document, written at its first request (not at every cold start), then kept: it changes only with a release. */
    private final Memo<String> openApi;

    public CaseworkWeb(CaseRoutes routes, List<RouteGroup> groups, ContractTerms terms, ContractCatalogue contracts, JsonMapper json,
                       org.advocacyhub.casework.console.ConsolePages console, IdempotentRequests idempotency) {
        this.routes = routes;
        this.operations = new RouteTable(routes.problems(), RouteTable.NOTHING_CHANGED, idempotency);
        for (RouteGroup group : groups) {
            for (ApiOperation operation : group.operations()) {
                add(operation);
            }
        }
        ApiOperation document = new ApiOperation("GET", "/openapi.json", "This OpenAPI 3.1 document: every route of the hub, with "
                + "the fields each query and body is checked against", ApiOperation.ANYONE, List.of(), null,
                this::document);
        add(document);
        List<ApiOperation> staffApi = List.copyOf(operations.operations()); // before the console's pages join the table
        this.openApi = Memo.of(() -> {
            List<ApiOperation> all = new ArrayList<>(IntakeApi.all());
            all.addAll(staffApi);
            all.addAll(AnswerphoneApi.all(contracts));
            all.addAll(org.advocacyhub.web.ReportsApi.all(contracts));
            return JsonText.write(json, OpenApiDocument.build("Advocacy Hub", API_VERSION, all,
                    Map.of(IntakeApi.SUBMIT.route(), ReferralJsonSchema.build(terms.areas())), terms.areas()));
        });
        // The console's pages share the function and its route table, but are no part of the JSON API's document.
        console.operations().forEach(this::add);
    }

    private APIGatewayProxyResponseEvent document(HttpRequest request) {
        return HttpResponses.json(200, openApi.get());
    }

    private void add(ApiOperation operation) {
        operations.add(operation);
    }

    /** Every route, for the OpenAPI document. */
    public List<ApiOperation> operations() {
        return operations.operations();
    }

    public APIGatewayProxyResponseEvent handle(APIGatewayProxyRequestEvent event) {
        return operations.handle(event);
    }
}
