package org.advocacyhub.messaging.metrics;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advocacyhub.application.port.DeadlineMetrics;

/**
 * {@link DeadlineMetrics} as CloudWatch Embedded Metric Format: one JSON line on standard output
 * per missed deadline, which Lambda's log delivery turns into the metric {@code AdvocacyHub /
 * DeadlineMissed}, by contract, service and clock and in total (the total is what template.yaml's
 * alarm watches). The line holds codes only, no personal data.
 */
public final class EmfDeadlineMetrics implements DeadlineMetrics {

    public static final String NAMESPACE = "AdvocacyHub";
    public static final String METRIC = "DeadlineMissed";
    /** An email the hub sent that bounced (issue 24). */
    public static final String BOUNCED = "LettersBounced";

    private final JsonMapper json;
    private final PrintStream out;
    private final Clock clock;

    public EmfDeadlineMetrics(JsonMapper json, PrintStream out, Clock clock) {
        this.json = json;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public void deadlineMissed(String contract, String service, String clockName, Duration late) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("_aws", Map.of(
                "Timestamp", clock.millis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("Contract", "Service", "Clock"), List.of()),
                        "Metrics", List.of(Map.of("Name", METRIC, "Unit", "Count"))))));
        metric.put("Contract", contract);
        metric.put("Service", service);
        metric.put("Clock", clockName);
        metric.put(METRIC, 1);
        // Not a metric (no definition above): searchable in Logs Insights.
        metric.put("MinutesLate", late.toMinutes());
        String line;
        try {
            line = json.writeValueAsString(metric);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** The metric {@code LettersBounced} (issue 24), by contract and the email's kind, and in total. */
    @Override
    public void letterBounced(String contract, String kind) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("_aws", Map.of(
                "Timestamp", clock.millis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("Contract", "Kind"), List.of()),
                        "Metrics", List.of(Map.of("Name", BOUNCED, "Unit", "Count"))))));
        metric.put("Contract", contract);
        metric.put("Kind", kind);
        metric.put(BOUNCED, 1);
        print(metric);
    }

    private void print(Map<String, Object> metric) {
        String line;
        try {
            line = json.writeValueAsString(metric);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
