package org.advocacyhub.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same checks as {@link EnginesIT} against LocalStack; skipped where there is no Docker. {@link RequiresDocker}
 * decides that before {@code @Testcontainers} starts the container.
 */
@RequiresDocker
@Testcontainers
class LocalStackEnginesIT {

    @Container
    static final LocalStackEngines ENGINES = new LocalStackEngines();

    static LocalAws aws;

    @BeforeAll
    static void createResources() {
        aws = LocalAws.connect(ENGINES);
    }

    @BeforeEach
    void reset() {
        aws.reset();
    }

    @AfterAll
    static void close() {
        aws.close();
    }

    @Test
    void the_tables_are_created_from_the_template_with_their_indexes_and_ttl() {
        EngineChecks.tablesHaveTheTemplatesKeysIndexesAndTtl(aws);
    }

    @Test
    void a_message_sent_to_a_consumed_queue_can_be_received() {
        EngineChecks.sourceQueuesDeliverMessages(aws);
    }

    @Test
    void a_message_received_max_receive_count_times_lands_in_the_dead_letter_queue() {
        EngineChecks.unprocessedMessagesMoveToTheDeadLetterQueue(aws);
    }

    @Test
    void an_email_sent_through_sesv2_shows_up_in_the_mailbox() {
        EngineChecks.sentEmailShowsUpInTheMailbox(aws);
    }

    @Test
    void every_bucket_of_the_template_stores_and_returns_objects() {
        EngineChecks.everyBucketStoresAndReturnsObjects(aws);
    }
}
