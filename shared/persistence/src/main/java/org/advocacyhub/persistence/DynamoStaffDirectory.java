package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.CaseItemMapper.s;
import static org.advocacyhub.persistence.CaseItemMapper.str;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.domain.staff.StaffRecord;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link StaffDirectory} on the single table: one partition of staff members, one login item per identity. */
public final class DynamoStaffDirectory implements StaffDirectory {

    private static final List<String> OPTIONAL_DATES = List.of("appointedOn", "imcaSince", "imhaSince");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoStaffDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<StaffRecord> find(String staffId) {
        if (!staffId.matches(StaffRecord.ID_PATTERN)) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(StaffItemMapper.key(staffId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(StaffItemMapper.toRecord(item));
    }

    @Override
    public Optional<StaffRecord> findByLogin(String subject) {
        Map<String, AttributeValue> login = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, s(TableKeys.loginPk(subject)), TableKeys.SK, s(TableKeys.LOGIN_SK)))).item();
        return login == null || login.isEmpty() ? Optional.empty() : find(str(login, "staffId"));
    }

    @Override
    public List<StaffRecord> all() {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :staff)")
                        .expressionAttributeValues(Map.of(":pk", s(TableKeys.STAFF_PK), ":staff", s("STAFF#"))))
                .items().stream().map(StaffItemMapper::toRecord).toList();
    }

    /**
     * The one Query on the staff partition, filtered here: a hub's directory is a few dozen people,
     * and a filter expression would read (and pay for) the same items.
     */
    @Override
    public List<StaffRecord> dutyManagers(String contract) {
        return all().stream().filter(StaffRecord::active).filter(member -> member.dutyManagerFor().contains(contract)).toList();
    }

    @Override
    public StaffRecord save(StaffRecord record) {
        Set<String> before = find(record.id()).map(StaffRecord::loginSubjects).orElse(Set.of());
        for (String subject : record.loginSubjects()) {
            Optional<String> owner = loginOwner(subject);
            if (owner.isPresent() && !owner.get().equals(record.id())) {
                throw new LoginTakenException(subject, owner.get());
            }
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(profileUpdate(record)).build());
        Map<String, AttributeValue> mine = Map.of(":id", s(record.id()));
        for (String subject : record.loginSubjects()) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table).item(StaffItemMapper.loginItem(subject, record.id()))
                    .conditionExpression("attribute_not_exists(PK) OR staffId = :id").expressionAttributeValues(mine).build()).build());
        }
        Set<String> dropped = new HashSet<>(before);
        dropped.removeAll(record.loginSubjects());
        for (String subject : dropped) {
            writes.add(TransactWriteItem.builder().delete(Delete.builder().tableName(table)
                    .key(Map.of(TableKeys.PK, s(TableKeys.loginPk(subject)), TableKeys.SK, s(TableKeys.LOGIN_SK)))
                    .conditionExpression("attribute_not_exists(PK) OR staffId = :id").expressionAttributeValues(mine).build()).build());
        }
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            // A login item taken by someone else between the check and the write.
            String taken = record.loginSubjects().stream().filter(subject -> loginOwner(subject).filter(o -> !o.equals(record.id())).isPresent())
                    .findFirst().orElseThrow(() -> e);
            throw new LoginTakenException(taken, loginOwner(taken).orElse("another member of staff"));
        }
        return find(record.id()).orElseThrow();
    }

    private Optional<String> loginOwner(String subject) {
        Map<String, AttributeValue> login = dynamo.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(TableKeys.PK, s(TableKeys.loginPk(subject)), TableKeys.SK, s(TableKeys.LOGIN_SK)))).item();
        return login == null || login.isEmpty() ? Optional.empty() : Optional.of(str(login, "staffId"));
    }

    /** SET every profile attribute, REMOVE the dates the record no longer has; experience untouched. */
    private Update profileUpdate(StaffRecord record) {
        Map<String, AttributeValue> profile = StaffItemMapper.profile(record);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, AttributeValue> attribute : profile.entrySet()) {
            names.put("#a" + i, attribute.getKey());
            values.put(":v" + i, attribute.getValue());
            sets.add("#a" + i + " = :v" + i);
            i++;
        }
        List<String> removes = new ArrayList<>();
        for (String date : OPTIONAL_DATES) {
            if (!profile.containsKey(date)) {
                names.put("#r" + removes.size(), date);
                removes.add("#r" + removes.size());
            }
        }
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
        return Update.builder().tableName(table).key(StaffItemMapper.key(record.id())).updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
    }
}
