package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.json.JsonMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.advocacyhub.web.ApiOperation;
import org.advocacyhub.web.Who;
import org.advocacyhub.web.console.ConsoleRoutes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: who may use each route of the staff API and each page of the staff console, as two tables generated from the
 * routes' own "who may" words (the OpenAPI document's for the API, {@link ConsoleRoutes} for the console), and every cell
 * of both called on the {@code ./run-local} stack. The README holds the tables as generated: a route added or a rule
 * changed fails here until the README says so ({@code -DaccessTable.write=true} rewrites them).
 *
 * <p>A console cell of staff the directory refuses needs a session made while they were still let in: Hana signs in,
 * then a manager deactivates her (inactive staff) or gives her record another login (unknown login), for each cell
 * afresh, since the first refused request ends the session.
 */
class AccessTableIT {

    private static final String API_START = "<!-- access-table:start -->";
    private static final String API_END = "<!-- access-table:end -->";
    private static final String CONSOLE_START = "<!-- console-access-table:start -->";
    private static final String CONSOLE_END = "<!-- console-access-table:end -->";
    private static final LocalDate TEAM_DAY = LocalDate.of(2026, 11, 23);

    /** The columns: who asks. */
    enum Role {
        NO_TOKEN("no token or session", null, null, null),
        SIGNED_OUT("signed-out session", null, null, null),
        CASE_ADVOCATE("advocate of the case", "local-advocate", "advocate", "Ira Imca"),
        OTHER_ADVOCATE("other advocate", "local-cyp-advocate", "advocate", "Cai Cyp"),
        INACTIVE("inactive staff", "local-imha-advocate", "advocate", "Hana Imha"),
        UNKNOWN("unknown login", "stranger-1", "advocate", "Hana Imha"),
        MANAGER("manager", "local-manager", "manager", "Morgan Manager");

        final String heading;
        final String subject;
        final String group;
        final String signsInAs;

        Role(String heading, String subject, String group, String signsInAs) {
            this.heading = heading;
            this.subject = subject;
            this.group = group;
            this.signsInAs = signsInAs;
        }
    }

    /** A console session: its cookie and its CSRF token. */
    private record Session(String cookie, String csrf) {
    }

    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String base;
    private static String reference;
    private static String messageId;
    private static Session signedOut;

    @BeforeAll
    static void start() throws Exception {
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        base = "http://localhost:" + running.port();
        reference = HubSteps.refer(running, "referral-imca.json");
        assertEquals(200, api(Role.MANAGER, "POST", "/cases/" + reference + "/allocation", "{\"advocateId\":\"ira-imca\"}", null).status());
        RawHttp.Response message = api(Role.MANAGER, "POST", "/answerphone-messages", answerphoneMessage(), null);
        assertEquals(201, message.status(), message.text());
        messageId = (String) JsonMapper.createDefault().readValue(message.body(), Map.class).get("id");
        // A session Ira signed out of: its cookie and CSRF token, kept as a thief or a shared computer would keep them.
        ConsoleClient ira = new ConsoleClient(base);
        ConsoleClient.Page home = ira.signIn(Role.CASE_ADVOCATE.signsInAs);
        signedOut = session(ira, home);
        assertTrue(ira.submit(home, "/console/sign-out", Map.of()).location().endsWith("/console/signed-out"));
        // Inactive: Hana, deactivated by a manager.
        putHana(true, false);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String answerphoneMessage() {
        return "{\"contract\":\"LLR\",\"leftAt\":\"2026-11-23T09:00:00Z\",\"callerName\":\"Pat Example\",\"callbackNumber\":\"0116 496 0000\"}";
    }

    /** A manager puts Hana's record as the demo team has it, with her usual login or another, active or not. */
    private static void putHana(boolean usualLogin, boolean active) throws Exception {
        String record = DemoTeam.members(TEAM_DAY).stream().filter(m -> m.staffId().equals("hana-imha")).findFirst().orElseThrow().body()
                .replace("\"active\":true", "\"active\":" + active)
                .replace("\"local-imha-advocate\"", usualLogin ? "\"local-imha-advocate\"" : "\"hana-new-login\"");
        RawHttp.Response put = api(Role.MANAGER, "PUT", "/staff/hana-imha", record, null);
        assertEquals(200, put.status(), put.text());
    }

    private static Session session(ConsoleClient client, ConsoleClient.Page page) {
        return new Session(client.cookies().get("hub_session"), ConsoleClient.csrf(page));
    }

    /** A new session of {@code role}'s person, in the state the role names (Hana's made before her record changes). */
    private static Session signIn(Role role) throws Exception {
        boolean hana = role == Role.INACTIVE || role == Role.UNKNOWN;
        if (hana) {
            putHana(true, true);
            RawHttp.Response enabled = RawHttp.send(running.port(), "POST", "/_local/cognito/", List.of("Content-Type: application/x-amz-json-1.1",
                    "X-Amz-Target: AWSCognitoIdentityProviderService.AdminEnableUser"),
                    "{\"UserPoolId\":\"eu-west-2_local\",\"Username\":\"local-imha-advocate\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, enabled.status(), enabled.text());
        }
        ConsoleClient client = new ConsoleClient(base);
        ConsoleClient.Page home = client.signIn(role.signsInAs);
        assertEquals(200, home.status(), String.join("\n", client.trace()));
        Session session = session(client, home);
        if (hana) {
            putHana(role == Role.INACTIVE, role == Role.UNKNOWN);
        }
        return session;
    }

    private static RawHttp.Response api(Role role, String method, String path, String body, String cookie) throws Exception {
        List<String> headers = new ArrayList<>();
        if (role.subject != null) {
            headers.add("Authorization: Bearer " + running.jwt().issue(role.subject, role.group, Duration.ofHours(1)));
        }
        if (cookie != null) {
            headers.add("Cookie: hub_session=" + cookie);
        }
        if (body != null) {
            headers.add("Content-Type: application/json");
        }
        return RawHttp.send(running.port(), method, path, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cell a route's "who may" words give a role: {@code yes} (the request is taken: any answer but 401, 403 and the
     * way to sign in), {@code 403}, {@code 401} (the API) or {@code sign-in} (the console: 303 to sign in). Words with no
     * rule here fail the test, so a new kind of route gets one.
     */
    static String expected(String who, Role role, boolean console) {
        if (who.equals(Who.ANYONE)) {
            return "yes";
        }
        if (role == Role.NO_TOKEN || role == Role.SIGNED_OUT) {
            // The API takes bearer tokens only: a console cookie, live or not, is no sign-in there.
            return console ? "sign-in" : "401";
        }
        if (who.equals(Who.SESSION)) {
            // Signing out needs only the session: whoever holds one may end it.
            return "yes";
        }
        switch (role) {
            case INACTIVE:
            case UNKNOWN:
                return "403";
            case MANAGER:
                return "yes";
            default:
                break;
        }
        boolean caseAdvocate = role == Role.CASE_ADVOCATE;
        if (who.equals(Who.MANAGERS)) {
            return "403";
        }
        // Every member of staff may ask; an advocate gets their own cases only (the other advocate's list is empty).
        if (who.equals(Who.STAFF) || who.equals(Who.OWN_CASES)) {
            return "yes";
        }
        // The case is allocated to the case's advocate and to no other; the message is in LLR, where she works and the
        // other advocate (LEW only) does not; the entry is no one's.
        if (List.of(Who.CASE_STAFF, Who.CASE_TEAM, Who.ENTRY_AUTHOR, Who.MESSAGE_STAFF).contains(who)) {
            return caseAdvocate ? "yes" : "403";
        }
        fail("no access rule for the words \"" + who + "\": add one");
        return "";
    }

    /** A path with its parameters filled: the allocated case, the LLR message, made-up ids elsewhere. */
    private static String sample(String path, String method) {
        String filled = path.replace("{proxy+}", "no/such-page").replace("{reference}", reference).replace("{staffId}", "ira-imca").replace("{entryId}", "no-such-entry")
                .replace("{kind}", "compliments")
                .replace("{receipt}", UUID.randomUUID().toString())
                // A restricted list's link (issue 23): a token no link has, answered as an expired one.
                .replace("{token}", "A".repeat(43))
                .replace("{id}", path.startsWith("/answerphone-messages") || path.startsWith("/console/answerphone") ? messageId
                        : "RPT-LLR-FY2026Q2-0000000000");
        boolean lists = method.equals("GET") || method.equals("HEAD");
        // The console's form to key in a message names its contract in its address, as its page does.
        if (lists && List.of("/waiting-list", "/cases", "/answerphone-messages", "/complaints", "/compliments",
                "/awareness-sessions", "/console/answerphone").contains(path) || path.equals("/console/answerphone")
                || path.startsWith("/console/returns")) {
            filled += "?contract=LLR";
        }
        return filled;
    }

    private static String body(String path, String method) {
        if (!method.equals("POST") && !method.equals("PUT")) {
            return null;
        }
        return path.equals("/answerphone-messages") ? answerphoneMessage() : "{}";
    }

    /** One row of a table: the route as shown, the words, and how to call it as a role. */
    private record Row(String shown, String who, Call call) {
    }

    @FunctionalInterface
    private interface Call {
        String as(Role role) throws Exception;
    }

    /** A status as a cell: 401 and 403 as they are, 303 to sign in as {@code sign-in}, anything else {@code yes}. */
    private static String cell(RawHttp.Response answer, String wrongIfServerError) {
        if (answer.status() >= 500) {
            return wrongIfServerError + " " + answer.status();
        }
        if (answer.status() == 401 || answer.status() == 403) {
            return String.valueOf(answer.status());
        }
        boolean toSignIn = answer.status() == 303 && answer.headers().stream()
                .anyMatch(h -> h.getKey().equalsIgnoreCase("Location") && h.getValue().contains("/console/sign-in"));
        return toSignIn ? "sign-in" : "yes";
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteOfTheApiAndEveryConsolePageAnswersEachRoleAsItsWordsSay() throws Exception {
        // The staff API: every operation of its OpenAPI document.
        RawHttp.Response document = api(Role.NO_TOKEN, "GET", "/openapi.json", null, null);
        assertEquals(200, document.status());
        Map<String, Object> paths = (Map<String, Object>) JsonMapper.createDefault().readValue(document.body(), Map.class).get("paths");
        List<Row> apiRows = new ArrayList<>();
        for (Map.Entry<String, Object> path : new TreeMap<>(paths).entrySet()) {
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                String description = (String) ((Map<String, Object>) operation.getValue()).get("description");
                assertTrue(description.startsWith("Who: ") && description.endsWith("."), description);
                String who = description.substring("Who: ".length(), description.length() - 1);
                String target = sample(path.getKey(), method);
                String body = body(path.getKey(), method);
                apiRows.add(new Row(method + " " + path.getKey(), who, role -> cell(api(role, method, target, body,
                        role == Role.SIGNED_OUT ? signedOut.cookie() : null), "error")));
            }
        }

        // The console: every route ConsoleRoutes describes is a route of template.yaml and no other is (GET and HEAD).
        Set<String> declared = new TreeSet<>();
        running.routes().routes().stream().filter(r -> r.path().equals("/console") || r.path().startsWith("/console/"))
                .forEach(r -> declared.add(r.method() + " " + r.path()));
        Set<String> described = new TreeSet<>();
        for (ApiOperation operation : ConsoleRoutes.all()) {
            described.add(operation.route());
            if (operation.method().equals("GET")) {
                described.add("HEAD " + operation.path());
            }
        }
        assertEquals(declared, described, "the console's routes in template.yaml and in ConsoleRoutes");
        List<Row> consoleRows = new ArrayList<>();
        for (ApiOperation operation : ConsoleRoutes.all()) {
            List<String> methods = operation.method().equals("GET") ? List.of("GET", "HEAD") : List.of(operation.method());
            for (String method : methods) {
                if (operation == ConsoleRoutes.CASE_FORM) {
                    for (Map.Entry<String, ConsoleRoutes.CaseForm> form : ConsoleRoutes.FORMS.entrySet()) {
                        String path = operation.path().replace("{action}", form.getKey());
                        consoleRows.add(new Row(method + " " + path, form.getValue().who(), role -> consoleCell(role, method, sample(path, method),
                                false)));
                    }
                } else {
                    String target = sample(operation.path(), method);
                    consoleRows.add(new Row(method + " " + operation.path(), operation.who(), role -> consoleCell(role, method, target,
                            operation == ConsoleRoutes.SIGN_OUT)));
                }
            }
        }

        List<String> wrong = new ArrayList<>();
        String apiTable = table(apiRows, false, wrong);
        String consoleTable = table(consoleRows, true, wrong);
        int cells = (apiRows.size() + consoleRows.size()) * Role.values().length;
        assertEquals(List.of(), wrong, wrong.size() + " of " + cells + " cells");
        assertTrue(apiRows.size() > 50 && consoleRows.size() > 30, "every route and page: " + apiRows.size() + ", " + consoleRows.size());

        Path readme = running.stack().template().path().getParent().resolve("README.md");
        String text = Files.readString(readme);
        String updated = between(between(text, API_START, API_END, apiTable), CONSOLE_START, CONSOLE_END, consoleTable);
        if (Boolean.getBoolean("accessTable.write")) {
            Files.writeString(readme, updated);
        } else {
            assertEquals(updated, text, "the README's access tables are not the ones the routes give: run this test with "
                    + "-DaccessTable.write=true");
        }
    }

    /** A table of {@code rows}, each cell called; a cell that answers otherwise than its words say is added to {@code wrong}. */
    private static String table(List<Row> rows, boolean console, List<String> wrong) throws Exception {
        StringBuilder table = new StringBuilder(console ? "| page |" : "| route |");
        for (Role role : Role.values()) {
            table.append(' ').append(role.heading).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(Role.values().length)).append('\n');
        for (Row row : rows) {
            table.append("| `").append(row.shown()).append("` |");
            for (Role role : Role.values()) {
                String expected = expected(row.who(), role, console);
                String actual = row.call().as(role);
                if (!actual.equals(expected)) {
                    wrong.add(row.shown() + " as " + role.heading + ": expected " + expected + ", got " + actual);
                }
                table.append(' ').append(expected).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /**
     * A console request as {@code role}'s browser sends it: its session's cookie, and for a post the session's CSRF token
     * and a new form id with no other field. Refused staff and a sign-out get a new session each time.
     */
    private static String consoleCell(Role role, String method, String target, boolean endsSession) throws Exception {
        Session session = switch (role) {
            case NO_TOKEN -> null;
            case SIGNED_OUT -> signedOut;
            default -> endsSession || role == Role.INACTIVE || role == Role.UNKNOWN ? signIn(role) : kept(role);
        };
        List<String> headers = new ArrayList<>();
        byte[] body = new byte[0];
        if (session != null) {
            headers.add("Cookie: hub_session=" + session.cookie());
        }
        if (method.equals("POST")) {
            headers.add("Content-Type: application/x-www-form-urlencoded");
            body = session == null ? new byte[0] : ("csrf=" + URLEncoder.encode(session.csrf(), StandardCharsets.UTF_8) + "&formId="
                    + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        }
        return cell(RawHttp.send(running.port(), method, target, headers, body), "error");
    }

    private static final Map<Role, Session> KEPT = new java.util.EnumMap<>(Role.class);

    /** The one session a role that stays let in uses for every cell but sign-out. */
    private static Session kept(Role role) throws Exception {
        Session session = KEPT.get(role);
        if (session == null) {
            session = signIn(role);
            KEPT.put(role, session);
        }
        return session;
    }

    /** {@code text} with what lies between the markers {@code start} and {@code end} replaced by {@code table}. */
    private static String between(String text, String start, String end, String table) {
        int from = text.indexOf(start);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, "the README has the markers " + start + " and " + end);
        return text.substring(0, from) + start + "\n" + table + end + text.substring(to + end.length());
    }
}
