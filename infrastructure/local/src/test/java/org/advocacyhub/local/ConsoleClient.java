package org.advocacyhub.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's part in the console over plain HTTP, for tests that need no rendering: its own cookie
 * jar (the JDK's would not send {@code Secure} cookies to {@code http://localhost}, which browsers
 * do), redirects followed by hand, and forms read from the page and posted as a browser would.
 */
final class ConsoleClient {

    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern INPUT = Pattern.compile("<(input|button|textarea|select)\\b([^>]*)>", Pattern.DOTALL);

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<String> setCookies = new ArrayList<>();
    private final List<String> trace = new ArrayList<>();

    ConsoleClient(String base) {
        this.base = base;
    }

    /** A page as the browser ends up on it, redirects followed; {@code location} is where it ended. */
    record Page(int status, String location, String html, HttpResponse<String> last) {

        String header(String name) {
            return last.headers().firstValue(name).orElse("");
        }
    }

    Page get(String pathOrUrl) throws IOException, InterruptedException {
        return follow(send("GET", pathOrUrl, null));
    }

    /** Posts a form of the page: the one whose action ends with {@code actionEnd}, its hidden and given values, and {@code button}'s name=value if it has one. */
    Page submit(Page page, String actionEnd, Map<String, String> values) throws IOException, InterruptedException {
        Form form = form(page, actionEnd);
        Map<String, String> body = new LinkedHashMap<>(form.values());
        body.putAll(values);
        body.values().removeIf(java.util.Objects::isNull);
        return post(form.action(), body);
    }

    /** A form of a page as a browser would send it untouched: where it posts, and each named value. */
    record Form(String action, Map<String, String> values) {
    }

    /** The form of the page whose action ends with {@code actionEnd}. */
    Form form(Page page, String actionEnd) {
        Matcher form = FORM.matcher(page.html());
        while (form.find()) {
            Map<String, String> attributes = attributes(form.group(1));
            String action = unescape(attributes.getOrDefault("action", ""));
            if (!action.endsWith(actionEnd)) {
                continue;
            }
            Map<String, String> body = new LinkedHashMap<>();
            // As a browser sends it: every named input's value (a radio or checkbox only when checked), each textarea's
            // text and each select's selected option, then what the test types or chooses over them.
            Matcher input = INPUT.matcher(form.group(2));
            while (input.find()) {
                Map<String, String> a = attributes(input.group(2));
                String name = a.containsKey("name") ? unescape(a.get("name")) : null;
                if (name == null) {
                    continue;
                }
                String tag = input.group(1);
                boolean checkable = "radio".equals(a.get("type")) || "checkbox".equals(a.get("type"));
                if (tag.equals("input") && (!checkable || input.group(2).contains(" checked"))) {
                    body.put(name, unescape(a.getOrDefault("value", "")));
                } else if (tag.equals("textarea")) {
                    int end = form.group(2).indexOf("</textarea>", input.end());
                    body.put(name, unescape(form.group(2).substring(input.end(), end)));
                } else if (tag.equals("select")) {
                    String options = form.group(2).substring(input.end(), form.group(2).indexOf("</select>", input.end()));
                    Matcher selected = Pattern.compile("<option value=\"([^\"]*)\"( selected)?").matcher(options);
                    String value = null;
                    while (selected.find()) {
                        if (value == null || selected.group(2) != null) {
                            value = unescape(selected.group(1));
                        }
                    }
                    if (value != null) {
                        body.put(name, value);
                    }
                }
            }
            return new Form(action, body);
        }
        throw new AssertionError("no form posting to ..." + actionEnd + " on " + page.location());
    }

    Page post(String pathOrUrl, Map<String, String> form) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return follow(send("POST", pathOrUrl, body.toString()));
    }

    /** Signs in through the local hosted sign-in as the member of the demo team named {@code name}. */
    Page signIn(String name) throws IOException, InterruptedException {
        return choose(get("/console"), name);
    }

    /** On the local hosted sign-in page, the button of the demo team member named {@code name}. */
    Page choose(Page chooser, String name) throws IOException, InterruptedException {
        Matcher form = FORM.matcher(chooser.html());
        while (form.find()) {
            Matcher input = INPUT.matcher(form.group(2));
            Map<String, String> body = new LinkedHashMap<>();
            String chosen = null;
            while (input.find()) {
                Map<String, String> a = attributes(input.group(2));
                if (input.group(1).equals("input") && "hidden".equals(a.get("type"))) {
                    body.put(unescape(a.get("name")), unescape(a.getOrDefault("value", "")));
                }
                if (input.group(1).equals("button") && a.containsKey("name")) {
                    int end = form.group(2).indexOf("</button>", input.end());
                    if (form.group(2).substring(input.end(), end).contains(name)) {
                        chosen = a.get("name");
                        body.put(unescape(a.get("name")), unescape(a.getOrDefault("value", "")));
                    }
                }
            }
            if (chosen != null) {
                String action = unescape(attributes(form.group(1)).getOrDefault("action", chooser.location()));
                return post(action.isEmpty() ? chooser.location() : action, body);
            }
        }
        throw new AssertionError("the sign-in page offers no " + name + ": " + chooser.html());
    }

    /** The session's CSRF token a console page carries in its forms. */
    static String csrf(Page page) {
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.html());
        if (!csrf.find()) {
            throw new AssertionError("no CSRF token on " + page.location());
        }
        return unescape(csrf.group(1));
    }

    Map<String, String> cookies() {
        return cookies;
    }

    /** Each request sent and its status (with the start of an error's body), for a failing test's message. */
    List<String> trace() {
        return trace;
    }

    /** Every Set-Cookie header received, in order, as sent. */
    List<String> setCookies() {
        return setCookies;
    }

    private HttpResponse<String> send(String method, String pathOrUrl, String form) throws IOException, InterruptedException {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form));
        } else {
            request.GET();
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        trace.add(method + " " + uri.getPath() + " -> " + response.statusCode()
                + (response.statusCode() >= 400 ? " " + response.body().replaceAll("\\s+", " ").substring(0, Math.min(300, response.body().length())) : ""));
        for (String set : response.headers().allValues("Set-Cookie")) {
            setCookies.add(set);
            String pair = set.split(";", 2)[0];
            String cookieName = pair.substring(0, pair.indexOf('='));
            if (set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                cookies.remove(cookieName);
            } else {
                cookies.put(cookieName, pair.substring(pair.indexOf('=') + 1));
            }
        }
        return response;
    }

    private Page follow(HttpResponse<String> response) throws IOException, InterruptedException {
        List<String> seen = new ArrayList<>();
        while (response.statusCode() / 100 == 3 && seen.size() < 10) {
            String location = response.headers().firstValue("Location").orElseThrow();
            URI next = response.uri().resolve(location);
            seen.add(next.toString());
            response = send("GET", next.toString(), null);
        }
        return new Page(response.statusCode(), response.uri().toString(), response.body(), response);
    }

    private static Map<String, String> attributes(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTRIBUTE.matcher(text);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
