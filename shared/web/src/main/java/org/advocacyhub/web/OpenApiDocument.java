package org.advocacyhub.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.domain.referral.AuthorityDirectory;
import org.advocacyhub.domain.referral.FieldSpec;

/**
 * The OpenAPI 3.1 document of the hub's API ({@code GET /openapi.json}), generated from the
 * {@link ApiOperation}s the functions route by, with the same field specs their query parameters
 * and bodies are validated against ({@link JsonSchemas}); nothing about a route is written twice.
 * Every GET route also answers HEAD (template.yaml declares each twin), so each appears as both.
 */
public final class OpenApiDocument {

    public static final String VERSION = "3.1.0";
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    private static final String STAFF_TOKEN = "staffToken";
    private static final String PROBLEM = "#/components/schemas/Problem";

    private OpenApiDocument() {
    }

    /**
     * @param operations  every route of every function
     * @param bodySchemas a body's own schema by route ({@code POST /referrals}: the referral schema with its
     *                    per-service questions), where its fields alone do not say everything
     * @param areas       the council areas an authority field takes
     */
    public static Map<String, Object> build(String title, String version, List<ApiOperation> operations,
                                            Map<String, Map<String, Object>> bodySchemas, List<AuthorityDirectory.Area> areas) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("openapi", VERSION);
        document.put("jsonSchemaDialect", JsonSchemas.DIALECT);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", title);
        info.put("version", version);
        info.put("description", "Referrals, screening and the staff casework of an independent advocacy hub. Staff routes need a "
                + "Cognito token (managers: every case; advocates: the cases allocated to them). Every body and query is checked by "
                + "the same field rules: 400 problem+json names each field; 422 names each contract rule broken with its clause.");
        document.put("info", info);
        // Relative to where this document is served: the API's base URL, stage included.
        document.put("servers", List.of(ordered("url", ".")));
        Map<String, Map<String, Object>> paths = new TreeMap<>();
        for (ApiOperation operation : operations) {
            Map<String, Object> item = paths.computeIfAbsent(operation.path(), p -> new LinkedHashMap<>());
            item.put(operation.method().toLowerCase(Locale.ROOT), operation(operation, bodySchemas.get(operation.route()), areas, false));
            if (operation.method().equals("GET")) {
                item.put("head", operation(operation, null, areas, true));
            }
        }
        document.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("securitySchemes", ordered(STAFF_TOKEN, securityScheme()));
        components.put("schemas", ordered("Problem", problemSchema()));
        document.put("components", components);
        return document;
    }

    private static Map<String, Object> operation(ApiOperation operation, Map<String, Object> ownSchema,
                                                 List<AuthorityDirectory.Area> areas, boolean head) {
        Map<String, Object> out = new LinkedHashMap<>();
        String method = head ? "head" : operation.method().toLowerCase(Locale.ROOT);
        out.put("operationId", operationId(method, operation.path()));
        out.put("summary", head ? "As GET " + operation.path() + ", without the body" : operation.summary());
        out.put("description", "Who: " + operation.who() + ".");
        List<Object> parameters = new ArrayList<>();
        Matcher matcher = PATH_PARAMETER.matcher(operation.path());
        while (matcher.find()) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", matcher.group(1));
            parameter.put("in", "path");
            parameter.put("required", true);
            parameter.put("schema", ordered("type", "string"));
            parameters.add(parameter);
        }
        if (operation.takesStaffKey() || operation.isPublic() && operation.method().equals("POST")) {
            parameters.add(header(IdempotencyKey.HEADER, "Makes a retry safe (issue 19): the same key with the same request gets the "
                    + "first answer again, with " + IdempotencyKey.REPLAYED + ": true, and nothing is done twice; the same key with "
                    + "another request is a 409. Kept 24 hours", ordered("type", "string", "pattern", IdempotencyKey.PATTERN)));
        }
        if (operation.changesCase()) {
            parameters.add(header(CaseTags.IF_MATCH, "The case's ETag as read: the change is made only to the case at that version, "
                    + "else 412 and nothing written; * asks only that the case exists", ordered("type", "string")));
        }
        for (FieldSpec field : operation.query()) {
            Map<String, Object> parameter = new LinkedHashMap<>();
            parameter.put("name", field.name());
            parameter.put("in", "query");
            parameter.put("required", field.required());
            parameter.put("description", field.hint().isEmpty() ? field.label() : field.label() + ": " + field.hint());
            parameter.put("schema", JsonSchemas.property(field, areas));
            parameters.add(parameter);
        }
        if (!parameters.isEmpty()) {
            out.put("parameters", parameters);
        }
        if (operation.body() != null) {
            Map<String, Object> schema = ownSchema != null ? ownSchema
                    : JsonSchemas.body("The body of " + operation.route(), operation.body(), areas);
            Map<String, Object> content = new LinkedHashMap<>();
            content.put("application/json", ordered("schema", schema));
            if (operation.isPublic() && operation.method().equals("POST")) {
                // The referral form posts the same fields as a browser form (dates as day, month and year boxes).
                content.put("application/x-www-form-urlencoded", ordered("schema", ordered("type", "object")));
            }
            out.put("requestBody", ordered("required", true, "content", content));
        }
        out.put("security", operation.isPublic() ? List.of() : List.of(ordered(STAFF_TOKEN, List.of())));
        out.put("responses", responses(operation, head));
        return out;
    }

    private static Map<String, Object> responses(ApiOperation operation, boolean head) {
        Map<String, Object> responses = new LinkedHashMap<>();
        Map<String, Object> done = ordered("description", head ? "The GET's status and headers, without the body"
                : operation.method().equals("GET") ? "What was asked for" : "Done: what was recorded, or the case as it now is");
        if (operation.changesCase() || operation.path().equals(ApiOperation.CASE_PATH)) {
            done.put("headers", ordered(CaseTags.ETAG, ordered("description", "The case's version, for If-Match (strong)",
                    "schema", ordered("type", "string"))));
        }
        responses.put("2XX", done);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("description", "A problem (RFC 9457): 400 names each invalid field (or an Idempotency-Key that is not 1 to 255 "
                + "printable ASCII characters), 401 without a staff token, 403 when it is not yours to see or do, 404, 409 when the "
                + "case changed meanwhile or is closed, or the Idempotency-Key was used for another request or its first request is "
                + "still running (with Retry-After), 412 when the case is not at the version If-Match names, 413 for a body over "
                + "64 KB, 422 names each contract rule broken with its clause");
        problem.put("content", ordered("application/problem+json", ordered("schema", ordered("$ref", PROBLEM))));
        responses.put("4XX", problem);
        return responses;
    }

    /** {@code post /cases/{reference}/allocation} gives {@code postCasesByReferenceAllocation}. */
    static String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.split("[/.\\-]")) {
            if (segment.isEmpty()) {
                continue;
            }
            Matcher parameter = PATH_PARAMETER.matcher(segment);
            String word = parameter.matches() ? "By" + capitalised(parameter.group(1)) : capitalised(segment);
            id.append(word);
        }
        return id.toString();
    }

    private static Map<String, Object> header(String name, String description, Map<String, Object> schema) {
        return ordered("name", name, "in", "header", "required", false, "description", description, "schema", schema);
    }

    /** Names and values in the order given (Map.of's order changes from one JVM to the next: the document should not). */
    private static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static Map<String, Object> securityScheme() {
        Map<String, Object> scheme = new LinkedHashMap<>();
        scheme.put("type", "http");
        scheme.put("scheme", "bearer");
        scheme.put("bearerFormat", "JWT");
        scheme.put("description", "A staff token from the Cognito user pool (groups: manager, advocate)");
        return scheme;
    }

    private static Map<String, Object> problemSchema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", "Problem details (RFC 9457)");
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", ordered("type", "string"));
        properties.put("title", ordered("type", "string"));
        properties.put("status", ordered("type", "integer"));
        properties.put("detail", ordered("type", "string"));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", "object");
        error.put("properties", ordered("field", ordered("type", "string"), "pointer", ordered("type", "string"),
                "detail", ordered("type", "string")));
        properties.put("errors", ordered("type", "array", "description", "400: each invalid field, with its JSON Pointer", "items", error));
        Map<String, Object> violation = new LinkedHashMap<>();
        violation.put("type", "object");
        violation.put("properties", ordered("rule", ordered("type", "string"), "clause", ordered("type", "string"),
                "detail", ordered("type", "string")));
        properties.put("violations", ordered("type", "array", "description", "422: each contract rule broken, with its clause",
                "items", violation));
        schema.put("properties", properties);
        schema.put("required", List.of("type", "title", "status"));
        return schema;
    }
}
