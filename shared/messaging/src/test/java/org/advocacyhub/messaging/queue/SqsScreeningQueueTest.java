package org.advocacyhub.messaging.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.time.Instant;
import org.advocacyhub.domain.casework.ReferralReference;
import org.junit.jupiter.api.Test;

/** The screening queue's message: written field by field, it is what the JSON mapper writes and screening reads back. */
class SqsScreeningQueueTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void theMessageIsWhatTheMapperWritesAndReadsBackAsItsReferral() throws Exception {
        ReferralReceivedMessage message = new ReferralReceivedMessage(ReferralReceivedMessage.TYPE, ReferralReceivedMessage.VERSION,
                "LLR-2026-000042", "LLR", "IMCA", Instant.parse("2026-11-28T01:48:27.763123018Z").toString());

        String body = SqsScreeningQueue.write(message);

        assertEquals(json.writeValueAsString(message), body);
        assertEquals(ReferralReference.parse("LLR-2026-000042").orElseThrow(), new ScreeningMessages(json).referenceOf(body));
        assertEquals(message, json.readValue(body, ReferralReceivedMessage.class));
    }
}
