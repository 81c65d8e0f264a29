package org.advocacyhub.local.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.persistence.CaseItemMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fills the table with running allocation clocks, as the case store writes them, for the timer's
 * read test and benchmark: copies of one stored IMCA case under new references, of which some were
 * received "now" (their alerts are days away) and some a week before (their escalation is due).
 * Only the clock items are written: the timer reads nothing else.
 */
public final class ClockSeeder {

    /** Sequence numbers start here, clear of the cases a test or the local stack makes through intake. */
    public static final long FIRST_SEQUENCE = 100_000;
    private static final int BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String table;
    private final ContractCatalogue contracts;
    private final CaseItemMapper mapper = new CaseItemMapper();

    public ClockSeeder(DynamoDbClient dynamo, String table, ContractCatalogue contracts) {
        this.dynamo = dynamo;
        this.table = table;
        this.contracts = contracts;
    }

    /**
     * Writes {@code open} running allocation clocks like {@code template}'s; the first {@code due}
     * of them received eight days before {@code now} (their deadline passed: the escalation is due),
     * the rest received at {@code now}.
     *
     * @return the references of the clocks whose alert is due
     */
    public List<ReferralReference> seed(ReferralCase template, int open, int due, Instant now) {
        List<ReferralReference> dueNow = new ArrayList<>();
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < open; i++) {
            boolean isDue = i < due;
            Instant received = isDue ? now.minus(Duration.ofDays(8)) : now;
            ReferralCase copy = copy(template, i, received);
            if (isDue) {
                dueNow.add(copy.reference());
            }
            for (DeadlineAlerts.Watched watched : DeadlineAlerts.watched(copy, contracts.contractFor(copy.details().service()))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(mapper.toClockItem(copy, watched)).build()).build());
            }
            if (batch.size() >= BATCH) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
        return dueNow;
    }

    private static ReferralCase copy(ReferralCase template, int i, Instant received) {
        ReferralReference reference = new ReferralReference(template.reference().contract(), template.reference().year(), FIRST_SEQUENCE + i);
        List<SlaClock> clocks = template.clocks().stream().map(c -> SlaClock.start(c.name(), c.rule(), received)).toList();
        return new ReferralCase(reference, template.details(), received, template.status(), template.firstDeadline(), clocks,
                template.screening(), template.letter(), template.work(), 0);
    }

    private void write(List<WriteRequest> batch) {
        List<WriteRequest> pending = batch;
        while (!pending.isEmpty()) {
            List<WriteRequest> sending = pending;
            Map<String, List<WriteRequest>> unprocessed = dynamo.batchWriteItem(b -> b.requestItems(Map.of(table, sending))).unprocessedItems();
            pending = unprocessed.getOrDefault(table, List.of());
        }
    }
}
