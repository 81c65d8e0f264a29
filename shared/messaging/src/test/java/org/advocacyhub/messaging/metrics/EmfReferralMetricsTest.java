package org.advocacyhub.messaging.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dashboard's referral metrics (issue 24) as CloudWatch reads them: one EMF line each, codes only. */
class EmfReferralMetricsTest {

    private final JsonMapper json = JsonMapper.createDefault();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final EmfReferralMetrics metrics = new EmfReferralMetrics(json, new PrintStream(bytes, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void a_received_referral_is_one_count_by_contract_and_service_and_in_total() throws IOException {
        metrics.referralReceived("LLR", "IMCA");
        Map<?, ?> line = onlyLine();
        Map<?, ?> directive = (Map<?, ?>) ((List<?>) ((Map<?, ?>) line.get("_aws")).get("CloudWatchMetrics")).get(0);
        assertEquals("AdvocacyHub", directive.get("Namespace"));
        assertEquals(List.of(List.of("Contract", "Service"), List.of()), directive.get("Dimensions"));
        assertEquals(List.of(Map.of("Name", "ReferralReceived", "Unit", "Count")), directive.get("Metrics"));
        assertEquals(1, ((Number) line.get("ReferralReceived")).intValue());
        assertEquals("LLR", line.get("Contract"));
        assertEquals("IMCA", line.get("Service"));
        assertEquals(1_795_428_000_000L, ((Number) ((Map<?, ?>) line.get("_aws")).get("Timestamp")).longValue());
        assertEquals(4, line.size(), "nothing but the directive, the dimensions and the value: " + line);
    }

    @Test
    void the_screening_delay_is_in_seconds() throws IOException {
        metrics.referralScreened("LEW", "CARE_ACT", Duration.ofMinutes(3).plusSeconds(7));
        Map<?, ?> line = onlyLine();
        Map<?, ?> directive = (Map<?, ?>) ((List<?>) ((Map<?, ?>) line.get("_aws")).get("CloudWatchMetrics")).get(0);
        assertEquals(List.of(Map.of("Name", "ScreeningDelay", "Unit", "Seconds")), directive.get("Metrics"));
        assertEquals(187, ((Number) line.get("ScreeningDelay")).intValue());
    }

    @Test
    void the_deadline_metric_keeps_its_line_on_the_shared_writer() throws IOException {
        new EmfDeadlineMetrics(json, new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.systemUTC())
                .deadlineMissed("LLR", "IMCA", "first-contact", Duration.ofMinutes(42));
        Map<?, ?> line = onlyLine();
        Map<?, ?> directive = (Map<?, ?>) ((List<?>) ((Map<?, ?>) line.get("_aws")).get("CloudWatchMetrics")).get(0);
        assertEquals(List.of(List.of("Contract", "Service", "Clock"), List.of()), directive.get("Dimensions"));
        assertEquals(1, ((Number) line.get("DeadlineMissed")).intValue());
        assertEquals(42, ((Number) line.get("MinutesLate")).intValue());
    }

    private Map<?, ?> onlyLine() throws IOException {
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length);
        return json.readValue(lines[0], Map.class);
    }
}
