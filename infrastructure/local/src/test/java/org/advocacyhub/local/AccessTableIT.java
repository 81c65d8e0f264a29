package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: who may use each route of the staff API, as a table generated from the routes' own "who may" words (the
 * OpenAPI document's), and every cell of it called on the {@code ./run-local} stack. The README holds the table as
 * generated: a route added or a rule changed fails here until the README says so
 * ({@code -DaccessTable.write=true} rewrites it).
 */
class AccessTableIT {

    private static final String START = "<!-- access-table:start -->";
    private static final String END = "<!-- access-table:end -->";

    /** The columns: who asks. */
    enum Role {
        NO_TOKEN("no token", null, null),
        CASE_ADVOCATE("advocate of the case", "local-advocate", "advocate"),
        OTHER_ADVOCATE("other advocate", "local-cyp-advocate", "advocate"),
        INACTIVE("inactive staff", "local-imha-advocate", "advocate"),
        UNKNOWN("unknown login", "stranger-1", "advocate"),
        MANAGER("manager", "local-manager", "manager");

        final String heading;
        final String subject;
        final String group;

        Role(String heading, String subject, String group) {
            this.heading = heading;
            this.subject = subject;
            this.group = group;
        }
    }

    private static LocalHub hub;
    private static LocalHub.Running running;
    private static String reference;
    private static String messageId;

    @BeforeAll
    static void start() throws Exception {
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        reference = HubSteps.refer(running, "referral-imca.json");
        assertEquals(200, send(Role.MANAGER, "POST", "/cases/" + reference + "/allocation", "{\"advocateId\":\"ira-imca\"}").status());
        RawHttp.Response message = send(Role.MANAGER, "POST", "/answerphone-messages", answerphoneMessage());
        assertEquals(201, message.status(), message.text());
        messageId = (String) JsonMapper.createDefault().readValue(message.body(), Map.class).get("id");
        // Inactive: Hana, deactivated by a manager.
        String record = DemoTeam.members(java.time.LocalDate.of(2026, 11, 23)).stream().filter(m -> m.staffId().equals("hana-imha"))
                .findFirst().orElseThrow().body().replace("\"active\":true", "\"active\":false");
        assertEquals(200, send(Role.MANAGER, "PUT", "/staff/hana-imha", record).status());
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

    private static RawHttp.Response send(Role role, String method, String path, String body) throws Exception {
        List<String> headers = new ArrayList<>();
        if (role.subject != null) {
            headers.add("Authorization: Bearer " + running.jwt().issue(role.subject, role.group, Duration.ofHours(1)));
        }
        if (body != null) {
            headers.add("Content-Type: application/json");
        }
        return RawHttp.send(running.port(), method, path, headers, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cell a route's "who may" words give a role: {@code yes} (the request is taken: any answer but 401 and 403),
     * {@code 403} or {@code 401}. Words with no rule here fail the test, so a new kind of route gets one.
     */
    static String expected(String who, Role role) {
        if (who.equals("anyone")) {
            return "yes";
        }
        switch (role) {
            case NO_TOKEN:
                return "401";
            case INACTIVE:
            case UNKNOWN:
                return "403";
            case MANAGER:
                return "yes";
            default:
                break;
        }
        boolean caseAdvocate = role == Role.CASE_ADVOCATE;
        return switch (who) {
            case "managers" -> "403";
            // Every member of staff may ask; an advocate gets their own cases only (the other advocate's list is empty).
            case "all staff", "managers; advocates their own cases" -> "yes";
            // The case is allocated to the case's advocate and to no other; the message is in LLR, where she works and
            // the other advocate (LEW only) does not.
            case "managers, and the advocate the case is allocated to",
                 "managers, and the advocate the case is allocated to or, for a service not allocated to one advocate (DERBY "
                         + "accommodation), active staff who work in that contract's service",
                 "managers, and the member of staff who recorded the entry",
                 "managers, and staff who work in the message's contract" -> caseAdvocate ? "yes" : "403";
            default -> {
                fail("no access rule for the words \"" + who + "\": add one");
                yield "";
            }
        };
    }

    /** A path of the document with its parameters filled: the allocated case, the LLR message, made-up ids elsewhere. */
    private static String sample(String path, String method) {
        String filled = path.replace("{reference}", reference).replace("{staffId}", "ira-imca").replace("{entryId}", "no-such-entry")
                .replace("{receipt}", UUID.randomUUID().toString())
                .replace("{id}", path.startsWith("/answerphone-messages") ? messageId : "RPT-LLR-FY2026Q2-0000000000");
        boolean lists = method.equals("GET") || method.equals("HEAD");
        if (lists && List.of("/waiting-list", "/cases", "/answerphone-messages", "/complaints", "/compliments",
                "/awareness-sessions").contains(path)) {
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

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteOfTheOpenApiDocumentAnswersEachRoleAsItsWordsSay() throws Exception {
        RawHttp.Response document = send(Role.NO_TOKEN, "GET", "/openapi.json", null);
        assertEquals(200, document.status());
        Map<String, Object> paths = (Map<String, Object>) JsonMapper.createDefault().readValue(document.body(), Map.class).get("paths");
        StringBuilder table = new StringBuilder("| route |");
        for (Role role : Role.values()) {
            table.append(' ').append(role.heading).append(" |");
        }
        table.append("\n|---|").append("---|".repeat(Role.values().length)).append('\n');
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (Map.Entry<String, Object> path : new java.util.TreeMap<>(paths).entrySet()) {
            for (Map.Entry<String, Object> operation : ((Map<String, Object>) path.getValue()).entrySet()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                String description = (String) ((Map<String, Object>) operation.getValue()).get("description");
                assertTrue(description.startsWith("Who: ") && description.endsWith("."), description);
                String who = description.substring("Who: ".length(), description.length() - 1);
                table.append("| `").append(method).append(' ').append(path.getKey()).append("` |");
                for (Role role : Role.values()) {
                    String expected = expected(who, role);
                    RawHttp.Response answer = send(role, method, sample(path.getKey(), method), body(path.getKey(), method));
                    String actual = answer.status() == 401 || answer.status() == 403 ? String.valueOf(answer.status()) : "yes";
                    if (answer.status() >= 500 || !actual.equals(expected)) {
                        wrong.add(method + " " + path.getKey() + " as " + role.heading + ": expected " + expected + ", got "
                                + answer.status() + " " + answer.text().substring(0, Math.min(160, answer.text().length())));
                    }
                    cells++;
                    table.append(' ').append(expected).append(" |");
                }
                table.append('\n');
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + cells + " cells");
        assertTrue(cells > 300, "every route and role: " + cells);

        Path readme = running.stack().template().path().getParent().resolve("README.md");
        String text = Files.readString(readme);
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        assertTrue(from >= 0 && to > from, "the README has the access table's markers");
        String generated = START + "\n" + table + END;
        if (Boolean.getBoolean("accessTable.write")) {
            Files.writeString(readme, text.substring(0, from) + generated + text.substring(to + END.length()));
        } else {
            assertEquals(generated, text.substring(from, to + END.length()),
                    "the README's access table is not the one the routes give: run this test with -DaccessTable.write=true");
        }
    }
}
