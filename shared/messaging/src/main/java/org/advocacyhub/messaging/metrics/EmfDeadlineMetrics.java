package org.advocacyhub.messaging.metrics;

import io.micronaut.json.JsonMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.advocacyhub.application.port.DeadlineMetrics;

/**
 * {@link DeadlineMetrics} as CloudWatch Embedded Metric Format: one JSON line on standard output
 * per missed deadline, which Lambda's log delivery turns into the metric {@code AdvocacyHub /
 * DeadlineMissed}, by contract, service and clock and in total (the total is what template.yaml's
 * alarm watches). The line holds codes only, no personal data.
 */
public final class EmfDeadlineMetrics implements DeadlineMetrics {

    public static final String NAMESPACE = EmfLine.NAMESPACE;
    public static final String METRIC = "DeadlineMissed";
    /** An email the hub sent that bounced (issue 24). */
    public static final String BOUNCED = "LettersBounced";

    private final EmfLine line;

    public EmfDeadlineMetrics(JsonMapper json, PrintStream out, Clock clock) {
        this.line = new EmfLine(json, out, clock);
    }

    @Override
    public void deadlineMissed(String contract, String service, String clockName, Duration late) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Contract", contract);
        dimensions.put("Service", service);
        dimensions.put("Clock", clockName);
        // MinutesLate is not a metric (no definition): searchable in Logs Insights.
        line.write(dimensions, METRIC, 1, "Count", Map.of("MinutesLate", late.toMinutes()));
    }

    /** The metric {@code LettersBounced} (issue 24), by contract and the email's kind, and in total. */
    @Override
    public void letterBounced(String contract, String kind) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Contract", contract);
        dimensions.put("Kind", kind);
        line.write(dimensions, BOUNCED, 1, "Count", Map.of());
    }
}
