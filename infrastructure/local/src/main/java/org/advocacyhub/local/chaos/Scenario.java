package org.advocacyhub.local.chaos;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One row of a chaos run (issue 19): a share of the referrals sent while one class of fault (or all of them) is on.
 * {@link #faults()} is the body of {@code POST /_local/faults} that switches it on in the local stack.
 */
enum Scenario {

    BASELINE("baseline", Map.of(), false),
    SQS_DUPLICATES("sqs-duplicates", Map.of("sqs", Map.of("duplicate", 0.25, "late", 0.15)), false),
    CRASH_AFTER_WRITE("crash-after-write", Map.of("crashAfterWrite", 0.08), false),
    DYNAMODB_FAULTS("dynamodb-faults", Map.of("dynamodb", Map.of("throttle", 0.25, "error", 0.05, "forSeconds", 10)), false),
    SES_REFUSING("ses-refusing", Map.of("ses", Map.of("mode", "refuse", "forSeconds", 10)), false),
    /** Longer than a function's 20-second timeout: every send in it gives up at the mail sender's 10-second limit. */
    SES_HANGING("ses-hanging", Map.of("ses", Map.of("mode", "hang", "forSeconds", 22)), false),
    KILL("kill-9", Map.of(), true),
    ALL("all-faults", all(), true);

    private final String label;
    private final Map<String, Object> faults;
    private final boolean kills;

    Scenario(String label, Map<String, Object> faults, boolean kills) {
        this.label = label;
        this.faults = faults;
        this.kills = kills;
    }

    String label() {
        return label;
    }

    /** The body of {@code POST /_local/faults}: empty switches every fault off. */
    Map<String, Object> faults() {
        return faults;
    }

    /** How long its timed faults last from when they are switched on: the scenario lets them run their course. */
    java.time.Duration window() {
        long seconds = 0;
        for (Object part : faults.values()) {
            if (part instanceof Map<?, ?> settings) {
                long forSeconds = settings.get("forSeconds") instanceof Number n ? n.longValue() : 0;
                long then = settings.get("thenHangSeconds") instanceof Number n ? n.longValue() : 0;
                seconds = Math.max(seconds, forSeconds + then);
            }
        }
        return java.time.Duration.ofSeconds(seconds);
    }

    /** Whether the stack is killed with kill -9 and started again while its referrals are sent. */
    boolean kills() {
        return kills;
    }

    static Optional<Scenario> named(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    static List<Scenario> all(boolean canKill) {
        return Arrays.stream(values()).filter(s -> canKill || !s.kills).toList();
    }

    private static Map<String, Object> all() {
        Map<String, Object> faults = new LinkedHashMap<>();
        faults.put("sqs", Map.of("duplicate", 0.15, "late", 0.1));
        faults.put("crashAfterWrite", 0.05);
        faults.put("dynamodb", Map.of("throttle", 0.15, "error", 0.03, "forSeconds", 10));
        faults.put("ses", Map.of("mode", "refuse", "forSeconds", 5, "thenHangSeconds", 22));
        return Map.copyOf(faults);
    }
}
