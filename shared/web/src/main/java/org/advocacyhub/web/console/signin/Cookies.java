package org.advocacyhub.web.console.signin;

import java.util.ArrayList;
import java.util.List;
import org.advocacyhub.web.HttpRequest;

/**
 * Reads cookies from a request's {@code Cookie} headers (RFC 6265 section 5.4: {@code name=value} pairs joined by
 * {@code "; "}). A browser sends one such header; HTTP/2 lets it send several, which API Gateway passes in
 * {@code multiValueHeaders}, so every header is read. Names are case-sensitive; a value in double quotes loses them.
 */
final class Cookies {

    private Cookies() {
    }

    /** Every value sent for the cookie {@code name}, in the order sent (the most specific path first, RFC 6265 5.4). */
    static List<String> values(HttpRequest request, String name) {
        List<String> values = new ArrayList<>();
        for (String header : request.headerValues("Cookie")) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                    String value = pair.substring(equals + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    values.add(value);
                }
            }
        }
        return values;
    }
}
