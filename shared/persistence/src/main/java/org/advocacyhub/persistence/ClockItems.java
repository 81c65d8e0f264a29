package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Keeps an owner's clock items exact, for cases and answerphone messages alike (issues 9, 10):
 * every clock alerts are raised for ({@link DeadlineAlerts#watched}) has one. It is written when the
 * clock is new there or its due or reminder time moved (a pause and resume, an urgent flag), so that
 * alert progress survives every other save of the owner and a moved deadline is alerted afresh; a
 * clock that was watched and is now stopped, paused or gone loses its item.
 */
final class ClockItems {

    private ClockItems() {
    }

    static List<TransactWriteItem> writes(String table, String ownerPk, List<DeadlineAlerts.Watched> before,
                                          List<DeadlineAlerts.Watched> after,
                                          Function<DeadlineAlerts.Watched, Map<String, AttributeValue>> item) {
        Map<String, DeadlineAlerts.Watched> was = new HashMap<>();
        before.forEach(w -> was.put(w.clock().name(), w));
        List<TransactWriteItem> writes = new ArrayList<>();
        Set<String> watchedNow = new HashSet<>();
        for (DeadlineAlerts.Watched watched : after) {
            watchedNow.add(watched.clock().name());
            DeadlineAlerts.Watched previous = was.get(watched.clock().name());
            if (previous == null || !previous.dueAt().equals(watched.dueAt()) || !previous.reminderAt().equals(watched.reminderAt())
                    || previous.urgent() != watched.urgent()) {
                writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(item.apply(watched)).build()).build());
            }
        }
        for (String clock : was.keySet()) {
            if (!watchedNow.contains(clock)) {
                writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                        .key(Map.of(PK, s(ownerPk), SK, s(TableKeys.clockSk(clock)))).build()).build());
            }
        }
        return writes;
    }
}
