package org.advocacyhub.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A function's DynamoDB permissions as template.yaml grants them, read from its inline policy
 * statements: which actions on the table or which of its indexes, under which
 * {@code dynamodb:LeadingKeys} patterns. Enough of IAM to check that what a function's code does
 * is allowed (and that a function that must not read cases cannot), without AWS.
 */
public final class DynamoPolicy {

    /** One allow statement: actions, on the table or an index ({@code null} for the table itself), leading-key patterns (empty: any). */
    public record Grant(List<String> actions, List<String> indexes, boolean table, List<String> leadingKeys) {
    }

    /** One call a function made: {@code GetItem}, the index it used if any, and the partition key value. */
    public record Call(String action, String index, String partitionKey) {
    }

    private final List<Grant> grants;

    private DynamoPolicy(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    public List<Grant> grants() {
        return grants;
    }

    /** The DynamoDB grants of {@code functionId}'s inline {@code Statement} policies on {@code tableId}. */
    @SuppressWarnings("unchecked")
    public static DynamoPolicy of(SamTemplate template, String functionId, String tableId) {
        List<Grant> grants = new ArrayList<>();
        Object policies = template.resourceProperties(functionId).get("Policies");
        if (!(policies instanceof List<?> list)) {
            return new DynamoPolicy(grants);
        }
        for (Object policy : list) {
            if (!(policy instanceof Map<?, ?> map) || !(map.get("Statement") instanceof List<?> statements)) {
                continue;
            }
            for (Object s : statements) {
                Map<String, Object> statement = (Map<String, Object>) s;
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                List<String> actions = strings(statement.get("Action")).stream().filter(a -> a.startsWith("dynamodb:"))
                        .map(a -> a.substring("dynamodb:".length())).toList();
                if (actions.isEmpty()) {
                    continue;
                }
                boolean table = false;
                List<String> indexes = new ArrayList<>();
                for (Object resource : resources(statement.get("Resource"))) {
                    if (SamTemplate.getAttTarget(resource, "Arn") != null && tableId.equals(SamTemplate.getAttTarget(resource, "Arn"))) {
                        table = true;
                    } else if (resource instanceof Map<?, ?> sub && sub.get("Fn::Sub") instanceof String text
                            && text.startsWith("${" + tableId + ".Arn}/index/")) {
                        indexes.add(text.substring(("${" + tableId + ".Arn}/index/").length()));
                    }
                }
                List<String> leadingKeys = List.of();
                if (statement.get("Condition") instanceof Map<?, ?> condition
                        && condition.get("ForAllValues:StringLike") instanceof Map<?, ?> like) {
                    leadingKeys = strings(like.get("dynamodb:LeadingKeys"));
                }
                grants.add(new Grant(actions, indexes, table, leadingKeys));
            }
        }
        return new DynamoPolicy(grants);
    }

    /** Whether some grant allows {@code call}. */
    public boolean allows(Call call) {
        for (Grant grant : grants) {
            boolean resource = call.index() == null ? grant.table() : grant.indexes().contains(call.index()) || grant.indexes().contains("*");
            boolean keys = grant.leadingKeys().isEmpty()
                    || grant.leadingKeys().stream().anyMatch(pattern -> glob(pattern).matcher(call.partitionKey()).matches());
            if (grant.actions().contains(call.action()) && resource && keys) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    private static List<String> strings(Object value) {
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof List<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private static List<?> resources(Object value) {
        return value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
    }
}
