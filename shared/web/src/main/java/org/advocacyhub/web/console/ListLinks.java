package org.advocacyhub.web.console;

import static org.advocacyhub.domain.text.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.web.HttpRequest;

/**
 * What every console list's address and filters share (issue 21: lists that scale), whichever function serves the list:
 * its filters read from the address, a filter's option, and the links to the pages either side that keep the filters.
 */
public final class ListLinks {

    /** The query parameter a list's page is named by. */
    public static final String PAGE_TOKEN = "pageToken";

    private ListLinks() {
    }

    /** A list's filters as its address gives them: each of {@code names} once, stripped, none empty. */
    public static Map<String, String> query(HttpRequest request, List<String> names) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (String name : names) {
            request.queryParameter(name).map(String::strip).filter(v -> !v.isEmpty()).ifPresent(v -> filters.put(name, v));
        }
        return filters;
    }

    /** An option of a filter's select, selected when it is the value chosen. */
    public static void option(StringBuilder html, String value, String label, String chosen) {
        html.append("<option value=\"").append(escape(value)).append("\"").append(value.equals(chosen) ? " selected" : "").append(">")
                .append(escape(label)).append("</option>");
    }

    /**
     * Links to the page before and after ({@code null}: none), each the list's address with its {@code query} kept (in
     * order, its own page token left out) and the page's token, then {@code fragment} ("" or "#reports").
     */
    public static void pages(StringBuilder html, Console.Staff staff, String path, Map<String, String> query, String previous,
                             String next, String fragment) {
        if (previous == null && next == null) {
            return;
        }
        html.append("<nav aria-label=\"Pages\" class=\"pages\"><ul>");
        link(html, staff, path, query, previous, "prev", "Previous page", fragment);
        link(html, staff, path, query, next, "next", "Next page", fragment);
        html.append("</ul></nav>");
    }

    private static void link(StringBuilder html, Console.Staff staff, String path, Map<String, String> query, String token, String rel,
                             String words, String fragment) {
        if (token == null) {
            return;
        }
        StringBuilder href = new StringBuilder(path).append('?');
        query.forEach((name, value) -> {
            if (!name.equals(PAGE_TOKEN)) {
                href.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        href.append(PAGE_TOKEN).append('=').append(URLEncoder.encode(token, StandardCharsets.UTF_8)).append(fragment);
        html.append("<li><a href=\"").append(escape(staff.href(href.toString()))).append("\" rel=\"").append(rel).append("\">")
                .append(words).append("</a></li>");
    }
}
