package org.advocacyhub.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.ApiRoutes;
import org.advocacyhub.testing.FunctionInvoker;

/**
 * The demo team {@code ./run-local} puts in the staff directory at start, through the staff API
 * itself ({@code PUT /staff/{staffId}}, as a manager), so that allocation can be tried at once:
 * a manager who is duty manager for every contract; an IMCA advocate qualified for DoLS
 * (units 305 and 310, a year as an IMCA); an IMHA and Care Act advocate who also works in IMCA
 * but has no unit 310, so a DoLS case is refused with LLR 5.49 named; and a children and young
 * people's advocate. Dates count back from the local clock's day.
 */
final class DemoTeam {

    /** One member: their staff id, the local sign-in subject and Cognito group their token carries, and the PUT body. */
    record Member(String staffId, String subject, String group, String description, String body) {

        /** Their name, as the staff directory has it (the local sign-in page names them). */
        String name() {
            return field("name");
        }

        /** Their email address, which the local sign-in puts in their ID token as Cognito does. */
        String email() {
            return field("email");
        }

        private String field(String name) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("The demo member " + staffId + " has no " + name);
            }
            return m.group(1);
        }
    }

    private DemoTeam() {
    }

    static List<Member> members(LocalDate today) {
        String longAgo = today.minusYears(3).toString();
        String yearAgo = today.minusYears(1).toString();
        String monthsAgo = today.minusMonths(6).toString();
        return List.of(
                new Member("morgan-manager", "local-manager", "manager", "manager, duty manager for LLR, LEW and DERBY", """
                        {"name":"Morgan Manager","email":"morgan.manager@advocacy-hub.localhost","role":"MANAGER","active":true,
                         "contracts":["LLR","LEW","DERBY"],"services":[],"dutyManagerFor":["LLR","LEW","DERBY"],
                         "appointedOn":"%s","loginSubjects":["local-manager"]}""".formatted(longAgo)),
                new Member("ira-imca", "local-advocate", "advocate", "advocate: IMCA and DoLS IMCA (units 305 and 310)", """
                        {"name":"Ira Imca","email":"ira.imca@advocacy-hub.localhost","role":"ADVOCATE","active":true,
                         "contracts":["LLR"],"services":["IMCA","DOLS_IMCA"],"languages":["Gujarati"],
                         "qualifications":{"NQIA_LEVEL_3":"%1$s","UNIT_305_IMCA":"%1$s","UNIT_310_DOLS_TRAINING":"%2$s",
                                           "UNIT_310_DOLS_ASSESSMENT":"%2$s"},
                         "appointedOn":"%1$s","imcaSince":"%1$s","loginSubjects":["local-advocate"]}""".formatted(longAgo, yearAgo)),
                new Member("hana-imha", "local-imha-advocate", "advocate",
                        "advocate: IMHA, Care Act and IMCA, not DoLS-qualified (no unit 310)", """
                        {"name":"Hana Imha","email":"hana.imha@advocacy-hub.localhost","role":"ADVOCATE","active":true,
                         "contracts":["LLR"],"services":["IMHA","CARE_ACT","IMCA","DOLS_IMCA"],
                         "qualifications":{"NQIA_LEVEL_3":"%1$s","UNIT_306_IMHA":"%1$s","UNIT_313_CARE_ACT":"%1$s",
                                           "UNIT_305_IMCA":"%2$s"},
                         "appointedOn":"%1$s","imhaSince":"%1$s","imcaSince":"%2$s","loginSubjects":["local-imha-advocate"]}"""
                        .formatted(yearAgo, monthsAgo)),
                new Member("cai-cyp", "local-cyp-advocate", "advocate", "advocate: children and young people (LEW)", """
                        {"name":"Cai Cyp","email":"cai.cyp@advocacy-hub.localhost","role":"ADVOCATE","active":true,
                         "contracts":["LEW"],"services":["CYP"],"languages":["Polish"],
                         "appointedOn":"%s","loginSubjects":["local-cyp-advocate"]}""".formatted(yearAgo)));
    }

    /**
     * Puts every member the staff directory does not have yet through the staff API as the demo manager; a refusal
     * stops the start with the API's answer. A member already there is left as it is: {@code ./run-local} keeps its
     * data, and a record a user changed (another contract, a new qualification) must not be put back at each start.
     *
     * @return the staff ids added
     */
    static List<String> seed(List<Member> members, ApiRoutes routes, FunctionInvoker casework) {
        java.util.Set<String> present = present(routes, casework);
        List<String> added = new java.util.ArrayList<>();
        for (Member member : members) {
            if (present.contains(member.staffId())) {
                continue;
            }
            ApiRoutes.Request request = routes.request("PUT", "/staff/" + member.staffId())
                    .header("Content-Type", "application/json").body(member.body())
                    .claims(Map.of("sub", "local-manager", "cognito:groups", "manager"));
            APIGatewayProxyResponseEvent response = casework.invoke(request.event(), APIGatewayProxyResponseEvent.class);
            if (response.getStatusCode() != 200) {
                throw new IllegalStateException("The demo team could not be stored: PUT /staff/" + member.staffId() + " answered "
                        + response.getStatusCode() + " " + response.getBody());
            }
            added.add(member.staffId());
        }
        return added;
    }

    /** The staff ids in the directory now, read through {@code GET /staff} as the demo manager. */
    private static java.util.Set<String> present(ApiRoutes routes, FunctionInvoker casework) {
        ApiRoutes.Request request = routes.request("GET", "/staff")
                .claims(Map.of("sub", "local-manager", "cognito:groups", "manager"));
        APIGatewayProxyResponseEvent response = casework.invoke(request.event(), APIGatewayProxyResponseEvent.class);
        if (response.getStatusCode() != 200) {
            throw new IllegalStateException("The staff directory could not be read: GET /staff answered " + response.getStatusCode());
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        try {
            Map<?, ?> directory = io.micronaut.json.JsonMapper.createDefault().readValue(response.getBody(), Map.class);
            if (directory.get("staff") instanceof List<?> staff) {
                for (Object member : staff) {
                    if (member instanceof Map<?, ?> record && record.get("staffId") != null) {
                        ids.add(String.valueOf(record.get("staffId")));
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("GET /staff answered something that is not JSON", e);
        }
        return ids;
    }
}
