package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.advocacyhub.testing.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 22 item 5: the README's personal data map names every kind of item the table holds and every attribute of each.
 * A busy {@code ./run-local} stack (referrals of every service, one sent twice with a key, casework and a closure, a legal
 * hold, an answerphone message and its response, the returns' records, a quarterly report, a console sign-in, three days
 * of alerts and digests) is read whole; an item kind or an attribute the map does not list fails here, naming it, until a
 * line of the map says what it holds, who reads it and when it goes.
 */
class PersonalDataMapIT {

    /** The map's table in the README, between these markers. */
    static final String START = "<!-- personal-data-map -->";
    static final String END = "<!-- /personal-data-map -->";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static LocalHub hub;
    private static LocalHub.Running running;

    @BeforeAll
    static void start() throws Exception {
        hub = new LocalHub();
        running = HubSteps.start(hub, "2026-11-23T10:00:00Z");
        List<String> references = new ArrayList<>();
        for (String example : List.of("referral-imca.json", "referral-imha.json", "referral-dols-imca.json", "referral-care-act.json",
                "referral-cyp.json", "referral-accommodation.json", "referral-icas.json")) {
            references.add(HubSteps.refer(running, example));
        }
        // Sent with a key (intake's IDEMPOTENCY item), and a staff change with one (REQUEST and its mark on the case).
        RawHttp.Response keyed = RawHttp.send(running.port(), "POST", "/referrals", List.of("Content-Type: application/json",
                "Idempotency-Key: data-map-1"), Files.readAllBytes(running.stack().template().path().getParent()
                .resolve("infrastructure/events/referral-imca.json")));
        assertEquals(201, keyed.status(), keyed.text());
        String imca = references.get(0);
        api("POST", "/cases/" + imca + "/allocation", "{\"advocateId\":\"ira-imca\"}", "Idempotency-Key: data-map-2");
        api("POST", "/cases/" + references.get(4) + "/allocation", "{\"advocateId\":\"cai-cyp\"}", null);
        HubSteps.later(running, Duration.ofHours(2));
        api("POST", "/cases/" + imca + "/contacts", "{\"at\":\"2026-11-23T11:00:00Z\",\"method\":\"PHONE\",\"withPerson\":true,"
                + "\"successful\":true}", null);
        api("POST", "/cases/" + imca + "/time", "{\"date\":\"2026-11-23\",\"minutes\":45,\"kind\":\"DIRECT\",\"activity\":\"MEETING_ATTENDANCE\","
                + "\"meeting\":\"OTHER\"}", null);
        api("PUT", "/cases/" + imca + "/action-plan", "{\"goals\":[{\"text\":\"Visit the care home\",\"status\":\"IN_PROGRESS\"}]}", null);
        api("PUT", "/cases/" + imca + "/legal-hold", "{\"reason\":\"COMPLAINT\",\"details\":\"Complaint of 23 November\"}", null);
        api("POST", "/cases/" + references.get(4) + "/closure", "{\"reason\":\"INSTRUCTION_WITHDRAWN\",\"goals\":[],"
                + "\"summary\":\"Ended at the young person's request.\"}", null);
        String message = api("POST", "/answerphone-messages", "{\"contract\":\"LLR\",\"leftAt\":\"2026-11-23T09:00:00Z\","
                + "\"callerName\":\"Pat Example\",\"callbackNumber\":\"0116 496 0000\",\"preferredMethod\":\"PHONE\","
                + "\"sourceId\":\"phone-system-1\"}", null);
        String id = message.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        api("POST", "/answerphone-messages/" + id + "/responses", "{\"at\":\"2026-11-23T12:00:00Z\",\"method\":\"PHONE\","
                + "\"outcome\":\"SPOKE\"}", null);
        api("POST", "/complaints", "{\"received\":\"2026-11-20\",\"contract\":\"LLR\",\"service\":\"IMCA\",\"formality\":\"FORMAL\",\"stage\":1,"
                + "\"summary\":\"About a late call back\"}", null);
        api("POST", "/compliments", "{\"received\":\"2026-11-20\",\"contract\":\"LLR\",\"service\":\"IMCA\",\"summary\":\"Thanks\"}", null);
        api("POST", "/awareness-sessions", "{\"date\":\"2026-11-20\",\"contract\":\"LLR\",\"authority\":\"RUTLAND\","
                + "\"setting\":\"COMMUNITY\",\"attendees\":12}", null);
        // Issue 23: a closed LLR case's case study, selected for the return (its service's selection), and service summaries.
        String imha = references.get(1);
        api("POST", "/cases/" + imha + "/allocation", "{\"advocateId\":\"hana-imha\"}", null);
        api("POST", "/cases/" + imha + "/closure", "{\"reason\":\"PERSON_DECLINED\",\"goals\":[],\"summary\":\"Declined advocacy.\"}",
                null);
        api("POST", "/cases/" + imha + "/case-study", "{\"revision\":0,\"consent\":\"GIVEN\",\"measures\":[\"hadASay\"],"
                + "\"text\":\"The person was heard at their review and chose to manage on their own.\"}", null);
        api("POST", "/case-studies/CS-" + imha + "/selection", "{\"contract\":\"LLR\",\"quarter\":\"FY2026Q3\",\"revision\":1,"
                + "\"selected\":true}", null);
        api("PUT", "/service-summaries", "{\"contract\":\"LLR\",\"quarter\":\"FY2026Q3\",\"summary\":\"trends\",\"revision\":0,"
                + "\"text\":\"More referrals from care homes.\"}", null);
        api("PUT", "/service-summaries", "{\"contract\":\"LLR\",\"quarter\":\"FY2026Q3\",\"summary\":\"peerSupport\","
                + "\"revision\":0,\"notCompleted\":true}", null);
        api("POST", "/reports", "{\"contract\":\"LLR\",\"quarter\":\"2026-Q2\",\"send\":true}", null);
        // A subject access request (issue 22): its DATA_REQUEST item and audit trail.
        String request = api("POST", "/subject-access-requests", "{\"name\":\"Alex Testperson\",\"dateOfBirth\":\"1941-05-17\"}", null);
        api("GET", "/subject-access-requests/" + request.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1") + "/export", "", null);
        new ConsoleClient("http://localhost:" + running.port()).signIn("Morgan Manager");
        HubSteps.later(running, Duration.ofDays(3));
        Thread.sleep(3_000);
    }

    @AfterAll
    static void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    private static String api(String method, String path, String body, String header) throws Exception {
        List<String> headers = new ArrayList<>(List.of("Authorization: Bearer " + running.jwt().issue("local-manager", "manager",
                Duration.ofHours(1)), "Content-Type: application/json"));
        if (header != null) {
            headers.add(header);
        }
        RawHttp.Response answer = RawHttp.send(running.port(), method, path, headers, body.getBytes(StandardCharsets.UTF_8));
        assertTrue(answer.status() < 300, method + " " + path + ": " + answer.status() + " " + answer.text());
        return answer.text();
    }

    /**
     * An item's kind as the map names it: its {@code type} where it has one, otherwise its keys' shapes (the partition
     * key's and sort key's first part: {@code SEQUENCE/SEQUENCE}, {@code DIGEST/STAFF}); as a contract's export counts kinds.
     */
    static String kind(Map<String, AttributeValue> item) {
        return org.advocacyhub.persistence.DynamoJsonLines.kind(item);
    }

    @Test
    void everyItemKindAndAttributeOfABusyTableIsInTheReadmesPersonalDataMap() throws Exception {
        Map<String, Set<String>> found = new TreeMap<>();
        try (DynamoDbClient dynamo = AwsClients.dynamoDb(running.engines().engineEndpoints())) {
            String table = running.stack().tableName("HubTable");
            dynamo.scanPaginator(b -> b.tableName(table)).items()
                    .forEach(item -> found.computeIfAbsent(kind(item), k -> new TreeSet<>()).addAll(item.keySet()));
        }
        System.out.println("PersonalDataMapIT: " + found.size() + " item kinds on the busy table: " + found);
        String readme = Files.readString(running.stack().template().path().getParent().resolve("README.md"));
        int from = readme.indexOf(START);
        int to = readme.indexOf(END);
        assertTrue(from >= 0 && to > from, "the README has the markers " + START + " and " + END);
        Map<String, Set<String>> mapped = new TreeMap<>();
        for (String line : readme.substring(from, to).split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 4 || !cells[1].contains("`")) {
                continue;
            }
            Matcher kind = CODE.matcher(cells[1]);
            Set<String> attributes = new TreeSet<>();
            Matcher attribute = CODE.matcher(cells[2]);
            while (attribute.find()) {
                attributes.add(attribute.group(1));
            }
            while (kind.find()) {
                mapped.computeIfAbsent(kind.group(1), k -> new TreeSet<>()).addAll(attributes);
            }
        }
        StringBuilder missing = new StringBuilder();
        found.forEach((kind, attributes) -> {
            Set<String> listed = mapped.getOrDefault(kind, Set.of());
            Set<String> unlisted = new TreeSet<>(attributes);
            unlisted.removeAll(listed);
            if (!mapped.containsKey(kind)) {
                missing.append("no line for the item kind `").append(kind).append("` (attributes ").append(attributes).append(")\n");
            } else if (!unlisted.isEmpty()) {
                missing.append("`").append(kind).append("`: attributes not in the map: ").append(unlisted).append('\n');
            }
        });
        assertEquals("", missing.toString(), "the README's personal data map (between " + START + " and " + END + ") does not "
                + "name what the table holds");
        assertTrue(found.size() >= 20, "a busy table: " + found.keySet());
    }
}
