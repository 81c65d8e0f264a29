package org.advocacyhub.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** API Gateway proxy responses with the headers every response of ours carries. */
public final class HttpResponses {

    /**
     * Pages use only their own inline styles: no scripts, no external assets, forms post back to
     * this site only, and the pages cannot be framed.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private HttpResponses() {
    }

    public static APIGatewayProxyResponseEvent html(int status, String body) {
        Map<String, String> headers = common("text/html; charset=utf-8");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        return response(status, headers, body);
    }

    public static APIGatewayProxyResponseEvent json(int status, String body) {
        return response(status, common("application/json"), body);
    }

    public static APIGatewayProxyResponseEvent problem(int status, String body) {
        return response(status, common("application/problem+json"), body);
    }

    /**
     * A file to save (a quarterly workbook): base64 as API Gateway needs for a binary media type
     * (template.yaml HubApi BinaryMediaTypes), named for the browser's save dialogue.
     */
    public static APIGatewayProxyResponseEvent download(String fileName, String contentType, byte[] content) {
        Map<String, String> headers = common(contentType);
        headers.put("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_") + "\"");
        return new APIGatewayProxyResponseEvent().withStatusCode(200).withHeaders(headers)
                .withBody(java.util.Base64.getEncoder().encodeToString(content)).withIsBase64Encoded(true);
    }

    /**
     * A public page or file reached by a secret link (issue 23: a council's link to its restricted list): besides never
     * cached and never sent on as a referrer (every response), kept out of search engines' indexes.
     */
    public static APIGatewayProxyResponseEvent unlisted(APIGatewayProxyResponseEvent response) {
        return withHeader(response, "X-Robots-Tag", "noindex, nofollow");
    }

    /** 303 See Other: after a form post the browser fetches the next page with GET. */
    public static APIGatewayProxyResponseEvent seeOther(String location) {
        Map<String, String> headers = common("text/plain; charset=utf-8");
        headers.put("Location", location);
        return response(303, headers, "See " + location);
    }

    public static APIGatewayProxyResponseEvent withHeader(APIGatewayProxyResponseEvent response, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(response.getHeaders());
        headers.put(name, value);
        return response.withHeaders(headers);
    }

    /**
     * The response as the request's method needs it: a HEAD request gets the GET response's status
     * and headers without its body (RFC 9110 section 9.3.2).
     */
    public static APIGatewayProxyResponseEvent forMethod(HttpRequest request, APIGatewayProxyResponseEvent response) {
        return request.isHead() ? response.withBody(null) : response;
    }

    private static Map<String, String> common(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        // Pages and answers may hold personal data: never cached, never sent on as a referrer.
        headers.put("Cache-Control", "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return headers;
    }

    private static APIGatewayProxyResponseEvent response(int status, Map<String, String> headers, String body) {
        return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(headers).withBody(body)
                .withIsBase64Encoded(false);
    }
}
