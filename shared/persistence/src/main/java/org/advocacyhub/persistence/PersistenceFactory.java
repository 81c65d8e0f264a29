package org.advocacyhub.persistence;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Map;
import org.advocacyhub.application.port.AlertLedger;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.ReturnsStore;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.support.AwsHttp;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.domain.contract.ContractCatalogue;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the DynamoDB adapter. The table name comes from {@code TABLE_NAME} (template.yaml). In
 * AWS the client uses the Lambda's region and role; {@code aws.endpoints.dynamodb} points it at
 * DynamoDB Local or LocalStack instead, with dummy credentials. The report archive is wired by
 * {@link ReportArchiveFactory}.
 */
@Factory
public class PersistenceFactory {

    @Singleton
    DynamoDbClient dynamoDbClient(SdkHttpClient http, @Value("${aws.endpoints.dynamodb:}") String endpoint,
                                  @Value("${aws.region:}") String region) {
        return AwsHttp.configure(DynamoDbClient.builder(), http, endpoint, region).build();
    }

    /**
     * SnapStart priming (issue 12): one GetItem of a key no item ever has, so that the restored function has the
     * client's request path (endpoint rules, signing, HTTP, JSON) loaded before its first event. A function whose
     * policy allows only Query is refused, which primes the same path.
     */
    @Singleton
    SnapStartPriming.Primer tablePrimer(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        Map<String, AttributeValue> neverAnItem = Map.of(TableKeys.PK, AttributeValue.fromS("PRIMING"),
                TableKeys.SK, AttributeValue.fromS("PRIMING"));
        return () -> dynamo.getItem(request -> request.tableName(table).key(neverAnItem));
    }

    @Singleton
    CaseStore caseStore(DynamoDbClient dynamo, @Value("${table.name}") String table, ContractCatalogue contracts) {
        return new DynamoCaseStore(dynamo, table, new CaseItemMapper(), contracts);
    }

    @Singleton
    ReturnsStore returnsStore(DynamoDbClient dynamo, @Value("${table.name}") String table, ContractCatalogue contracts) {
        return new DynamoReturnsStore(dynamo, table, contracts);
    }

    @Singleton
    org.advocacyhub.application.port.CaseStudyStore caseStudyStore(DynamoDbClient dynamo, @Value("${table.name}") String table,
                                                                   ContractCatalogue contracts) {
        return new DynamoCaseStudyStore(dynamo, table, contracts);
    }

    @Singleton
    AnswerphoneStore answerphoneStore(DynamoDbClient dynamo, @Value("${table.name}") String table, ContractCatalogue contracts) {
        return new DynamoAnswerphoneStore(dynamo, table, contracts);
    }

    @Singleton
    org.advocacyhub.application.port.ReportStore reportStore(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoReportStore(dynamo, table);
    }

    @Singleton
    org.advocacyhub.application.port.RestrictedLinks restrictedLinks(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoRestrictedLinks(dynamo, table);
    }

    @Singleton
    org.advocacyhub.application.port.ReturnsSource returnsSource(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoReturnsSource(dynamo, table, new CaseItemMapper());
    }

    @Singleton
    org.advocacyhub.application.port.Outbox outbox(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoOutbox(dynamo, table, new CaseItemMapper());
    }

    @Singleton
    org.advocacyhub.application.port.MailFeedbackStore mailFeedbackStore(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoMailFeedbackStore(dynamo, table, new CaseItemMapper());
    }

    @Singleton
    AlertLedger alertLedger(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoAlertLedger(dynamo, table);
    }

    @Singleton
    org.advocacyhub.application.port.RequestLedger requestLedger(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoRequestLedger(dynamo, table);
    }

    @Singleton
    org.advocacyhub.application.port.ConsoleSessions consoleSessions(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoConsoleSessions(dynamo, table);
    }

    @Singleton
    org.advocacyhub.application.port.RetentionKey retentionKey(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoRetentionKey(dynamo, table);
    }

    /**
     * A contract's records for its export and import (issue 22 item 4), as JSON lines written and read with the function's
     * JsonMapper.
     */
    @Singleton
    org.advocacyhub.application.port.ContractRecords contractRecords(DynamoDbClient dynamo, @Value("${table.name}") String table,
                                                                     io.micronaut.json.JsonMapper json) {
        return new DynamoContractRecords(dynamo, table, new DynamoJsonLines(json));
    }

    @Singleton
    org.advocacyhub.application.port.DataRequestStore dataRequestStore(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoDataRequestStore(dynamo, table);
    }

    @Singleton
    StaffDirectory staffDirectory(DynamoDbClient dynamo, @Value("${table.name}") String table) {
        return new DynamoStaffDirectory(dynamo, table);
    }
}
