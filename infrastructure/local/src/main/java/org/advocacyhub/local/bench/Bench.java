package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.Arrays;

/** What the benchmarks share: percentiles, the report line, settings, a Lambda context. */
final class Bench {

    private Bench() {
    }

    static void report(String name, long[] nanos) {
        System.out.printf("%-45s n=%d median=%.2f ms p99=%.2f ms%n", name, nanos.length,
                percentile(nanos, 50) / 1e6, percentile(nanos, 99) / 1e6);
    }

    static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static void ratio(long[] handler, long[] baseline) {
        System.out.printf("ratio of medians handler/baseline: %.2f%n", (double) percentile(handler, 50) / percentile(baseline, 50));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The Lambda context fields a handler may read. */
    static final class Context implements com.amazonaws.services.lambda.runtime.Context {
        private final String function;

        Context(String function) {
            this.function = function;
        }

        @Override public String getAwsRequestId() { return "bench"; }
        @Override public String getLogGroupName() { return "bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return function; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-2:000000000000:function:" + function; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 20_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { System.err.print(message); }
                @Override public void log(byte[] message) { System.err.write(message, 0, message.length); }
            };
        }
    }
}
