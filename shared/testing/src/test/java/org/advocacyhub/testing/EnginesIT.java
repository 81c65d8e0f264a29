package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** The four in-process engines, with the resources of the real template.yaml. */
@WithLocalAws
class EnginesIT {

    @Test
    void the_tables_are_created_from_the_template_with_their_indexes_and_ttl(LocalAws aws) {
        EngineChecks.tablesHaveTheTemplatesKeysIndexesAndTtl(aws);
    }

    @Test
    void a_message_sent_to_a_consumed_queue_can_be_received(LocalAws aws) {
        assertFalse(aws.template().queues().isEmpty());
        EngineChecks.sourceQueuesDeliverMessages(aws);
    }

    @Test
    void a_message_received_max_receive_count_times_lands_in_the_dead_letter_queue(LocalAws aws) {
        EngineChecks.unprocessedMessagesMoveToTheDeadLetterQueue(aws);
    }

    @Test
    void an_email_sent_through_sesv2_shows_up_in_the_mailbox(LocalAws aws) {
        EngineChecks.sentEmailShowsUpInTheMailbox(aws);
    }

    @Test
    void every_bucket_of_the_template_stores_and_returns_objects(LocalAws aws) {
        EngineChecks.everyBucketStoresAndReturnsObjects(aws);
    }

    @Test
    void reset_empties_the_buckets_and_keeps_them(LocalAws aws) {
        EngineChecks.resetEmptiesTheBuckets(aws);
    }

    @Test
    void reset_empties_the_tables_the_queues_and_the_mailbox(LocalAws aws) {
        EngineChecks.resetEmptiesTablesQueuesAndMailbox(aws);
    }

    @Test
    void every_functions_environment_resolves_against_the_engines(LocalAws aws) {
        EngineChecks.everyFunctionsEnvironmentResolves(aws);
    }
}
