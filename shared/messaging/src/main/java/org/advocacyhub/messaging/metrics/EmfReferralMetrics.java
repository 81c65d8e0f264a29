package org.advocacyhub.messaging.metrics;

import io.micronaut.json.JsonMapper;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.advocacyhub.application.port.ReferralMetrics;

/**
 * {@link ReferralMetrics} as Embedded Metric Format lines ({@link EmfLine}): {@code AdvocacyHub / ReferralReceived}
 * (Count) and {@code AdvocacyHub / ScreeningDelay} (Seconds), by contract and service and in total: the dashboard's
 * referrals per day and screening delay (template.yaml's OperationsDashboard).
 */
public final class EmfReferralMetrics implements ReferralMetrics {

    public static final String RECEIVED = "ReferralReceived";
    public static final String SCREENING_DELAY = "ScreeningDelay";

    private final EmfLine line;

    public EmfReferralMetrics(JsonMapper json, PrintStream out, Clock clock) {
        this.line = new EmfLine(json, out, clock);
    }

    @Override
    public void referralReceived(String contract, String service) {
        line.write(dimensions(contract, service), RECEIVED, 1, "Count", Map.of());
    }

    @Override
    public void referralScreened(String contract, String service, Duration delay) {
        line.write(dimensions(contract, service), SCREENING_DELAY, Math.max(0, delay.toSeconds()), "Seconds", Map.of());
    }

    private static Map<String, String> dimensions(String contract, String service) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        dimensions.put("Contract", contract);
        dimensions.put("Service", service);
        return dimensions;
    }
}
