package org.advocacyhub.messaging.metrics;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format line on standard output, in the hub's namespace: Lambda's log delivery turns
 * it into metrics (also under Lambda's JSON log format, which leaves a line that is already JSON as it is). Every
 * metric is recorded by its dimensions and in total (no dimensions), which is what the alarms and the dashboard read.
 * Callers give codes only, never personal data.
 */
final class EmfLine {

    static final String NAMESPACE = "AdvocacyHub";

    private final JsonMapper json;
    private final PrintStream out;
    private final Clock clock;

    EmfLine(JsonMapper json, PrintStream out, Clock clock) {
        this.json = json;
        this.out = out;
        this.clock = clock;
    }

    /**
     * @param dimensions the dimension values, in order (the names are the keys)
     * @param metric     the metric's name, value and unit (a CloudWatch unit such as Count or Seconds)
     * @param extra      fields kept in the line for Logs Insights, not metrics
     */
    void write(Map<String, String> dimensions, String metric, Number value, String unit, Map<String, Object> extra) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of(
                "Timestamp", clock.millis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.copyOf(dimensions.keySet()), List.of()),
                        "Metrics", List.of(Map.of("Name", metric, "Unit", unit))))));
        line.putAll(dimensions);
        line.put(metric, value);
        line.putAll(extra);
        String text;
        try {
            text = json.writeValueAsString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (out) {
            out.println(text);
            out.flush();
        }
    }
}
