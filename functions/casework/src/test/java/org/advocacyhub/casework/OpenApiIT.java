package org.advocacyhub.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /openapi.json} through the real casework function: it lists every route template.yaml
 * declares (every function's), no other, each public exactly when the template gives it no
 * authorizer; it is a valid OpenAPI 3.1 document; and every schema in it is valid JSON Schema
 * 2020-12 and agrees with what the routes accept.
 */
@WithLocalAws
class OpenApiIT {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete", "options");

    private final LocalAws aws;

    OpenApiIT(LocalAws aws) {
        this.aws = aws;
    }

    private JsonNode document() throws Exception {
        // No token: the document is public, like the referral schema.
        APIGatewayProxyResponseEvent response = aws.call(aws.request("GET", "/openapi.json"));
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        return MAPPER.readTree(response.getBody());
    }

    @Test
    void issue8EveryRouteTheTemplateDeclaresIsInTheDocumentWithItsMethodPathAndAuthorizerAndNoOther() throws Exception {
        JsonNode paths = document().get("paths");
        Set<String> declared = new TreeSet<>();
        for (SamTemplate.SamFunction function : aws.template().functions()) {
            for (SamTemplate.ApiEvent route : function.apiEvents()) {
                if (route.path().startsWith("/console")) {
                    // The staff console's HTML pages for browsers (issue 13): no part of the JSON API it describes.
                    continue;
                }
                String name = route.method() + " " + route.path();
                declared.add(name);
                JsonNode operation = paths.path(route.path()).get(route.method().toLowerCase(Locale.ROOT));
                assertNotNull(operation, function.logicalId() + " " + name + " is not in the OpenAPI document");
                boolean open = operation.get("security").isEmpty();
                assertEquals(!route.authorized(), open, name + ": public in the document exactly when the template has no authorizer");
            }
        }
        Set<String> documented = new TreeSet<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                documented.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        assertEquals(declared, documented, "the document lists the template's routes, no more");
        assertTrue(declared.containsAll(List.of("POST /referrals", "GET /referrals/schema", "GET /cases", "HEAD /cases",
                "POST /complaints", "GET /openapi.json", "HEAD /openapi.json")), declared.toString());
    }

    @Test
    void issue8TheDocumentIsValidOpenApi31AndEverySchemaInItIsValidJsonSchema202012() throws Exception {
        JsonNode document = document();
        JsonSchema openApi31;
        try (InputStream schema = getClass().getResourceAsStream("/openapi/oas-3.1-schema-2022-10-07.json")) {
            openApi31 = SCHEMAS.getSchema(schema);
        }
        assertEquals(Set.of(), openApi31.validate(document), "valid against the OpenAPI 3.1 schema");
        assertFalse(openApi31.validate(MAPPER.readTree("{\"openapi\":\"3.1.0\",\"paths\":{\"/x\":{\"get\":{\"responses\":7}}}}"))
                .isEmpty(), "the OpenAPI schema does check: no info, a response that is not an object");
        assertTrue(document.get("openapi").asText().startsWith("3.1."));
        for (String required : List.of("title", "version")) {
            assertFalse(document.path("info").path(required).asText().isBlank(), "info." + required);
        }
        assertEquals("https://json-schema.org/draft/2020-12/schema", document.get("jsonSchemaDialect").asText());

        JsonSchema metaSchema = SCHEMAS.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertFalse(metaSchema.validate(MAPPER.readTree("{\"type\":\"text\",\"maxLength\":-1}")).isEmpty(), "the meta-schema does check");
        List<String> checked = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String name = operation.getKey() + " " + path.getKey();
            assertFalse(operation.getValue().path("operationId").asText().isBlank(), name + " has an operationId");
            for (JsonNode schema : schemasOf(operation.getValue())) {
                Set<ValidationMessage> problems = metaSchema.validate(schema);
                assertEquals(Set.of(), problems, name + ": a valid JSON Schema 2020-12");
                assertNotNull(SCHEMAS.getSchema(schema), name + ": the schema compiles");
                checked.add(name);
            }
        }));
        assertTrue(checked.contains("post /complaints") && checked.contains("get /cases") && checked.contains("post /referrals"),
                "bodies and query parameters were checked: " + checked);
    }

    /** Every body and parameter schema of an operation. */
    private static List<JsonNode> schemasOf(JsonNode operation) {
        List<JsonNode> schemas = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            schemas.add(parameter.get("schema"));
        }
        Iterator<JsonNode> contents = operation.path("requestBody").path("content").elements();
        contents.forEachRemaining(content -> schemas.add(content.get("schema")));
        return schemas;
    }

    @Test
    void issue8TheBodySchemasAreTheValidationsOwnFieldsTheReferralsIsTheSchemaPartnersAreGiven() throws Exception {
        JsonNode paths = document().get("paths");
        JsonNode referral = paths.at("/~1referrals/post/requestBody/content/application~1json/schema");
        APIGatewayProxyResponseEvent published = aws.call(aws.request("GET", "/referrals/schema"));
        assertEquals(MAPPER.readTree(published.getBody()), referral, "POST /referrals is described by GET /referrals/schema");
        JsonSchema referralSchema = SCHEMAS.getSchema(referral);
        assertEquals(Set.of(), referralSchema.validate(MAPPER.readTree(Files.readString(
                Path.of("../../infrastructure/events/referral-imca.json")))), "the example referral fits");

        JsonSchema complaint = SCHEMAS.getSchema(paths.at("/~1complaints/post/requestBody/content/application~1json/schema"));
        assertEquals(Set.of(), complaint.validate(MAPPER.readTree(
                "{\"received\":\"2026-11-20\",\"contract\":\"LLR\",\"service\":\"IMCA\",\"formality\":\"FORMAL\",\"stage\":2,\"resolvedByAdr\":true}")));
        for (String wrong : List.of("{\"received\":\"2026-11-20\",\"contract\":\"LLR\",\"service\":\"IMCA\",\"formality\":\"FORMAL\",\"stage\":4}",
                "{\"received\":\"2026-11-20\",\"contract\":\"LLR\",\"service\":\"IMCA\",\"formality\":\"FORMAL\",\"stage\":\"2\"}",
                "{\"received\":\"2026-11-20\",\"contract\":\"LLR\",\"service\":\"IMCA\",\"formality\":\"FORMAL\"}",
                "{\"received\":\"2026-11-20\",\"contract\":\"LLR\",\"service\":\"IMCA\",\"formality\":\"FORMAL\",\"stage\":1,\"name\":\"x\"}")) {
            assertFalse(complaint.validate(MAPPER.readTree(wrong)).isEmpty(), "refused as the route refuses it: " + wrong);
        }
        JsonSchema closure = SCHEMAS.getSchema(paths.at("/~1cases~1{reference}~1closure/post/requestBody/content/application~1json/schema"));
        assertEquals(Set.of(), closure.validate(MAPPER.readTree("{\"reason\":\"OUTCOME_REACHED\",\"summary\":\"Done\","
                + "\"goals\":[{\"id\":\"g-1\",\"outcome\":\"ACHIEVED\"},{\"id\":\"g-2\",\"outcome\":\"NOT_ACHIEVED\"}]}")),
                "a list of objects is an array of its items' fields");
        assertFalse(closure.validate(MAPPER.readTree("{\"reason\":\"OUTCOME_REACHED\",\"summary\":\"Done\","
                + "\"goals\":[{\"outcome\":\"ACHIEVED\"}]}")).isEmpty(), "an item without its required id");
        JsonNode limit = null;
        for (JsonNode parameter : paths.at("/~1cases/get/parameters")) {
            if (parameter.get("name").asText().equals("limit")) {
                limit = parameter;
            }
        }
        assertNotNull(limit, "GET /cases documents its query parameters");
        assertEquals("query", limit.get("in").asText());
        assertEquals(1, limit.at("/schema/minimum").asInt());
        assertEquals(100, limit.at("/schema/maximum").asInt());
        assertTrue(paths.at("/~1cases~1{reference}/get/parameters/0/required").asBoolean(), "path parameters are required");
    }

    @Test
    void issue19EveryWriteDocumentsItsIdempotencyKeyACaseChangeItsIfMatchAndTheCaseItsETag() throws Exception {
        JsonNode paths = document().get("paths");
        List<String> contact = new ArrayList<>();
        paths.at("/~1cases~1{reference}~1contacts/post/parameters").forEach(p -> contact.add(p.get("in").asText() + " " + p.get("name").asText()));
        assertEquals(List.of("path reference", "header Idempotency-Key", "header If-Match"), contact);
        assertEquals("^[!-~]{1,255}$", paths.at("/~1cases~1{reference}~1contacts/post/parameters/1/schema/pattern").asText());
        assertTrue(paths.at("/~1complaints/post/parameters").toString().contains("Idempotency-Key"), "every staff write");
        assertTrue(paths.at("/~1referrals/post/parameters").toString().contains("Idempotency-Key"), "intake");
        assertFalse(paths.at("/~1complaints/post/parameters").toString().contains("If-Match"), "no case, no version");
        assertFalse(paths.at("/~1cases/get/parameters").toString().contains("Idempotency-Key"), "reads take no key");
        assertTrue(paths.at("/~1cases~1{reference}/get/responses/2XX/headers/ETag").isObject(), "the case's ETag");
        assertTrue(paths.at("/~1cases~1{reference}~1contacts/post/responses/2XX/headers/ETag").isObject());
    }
}
