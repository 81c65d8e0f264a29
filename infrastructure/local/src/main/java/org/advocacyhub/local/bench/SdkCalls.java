package org.advocacyhub.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the engine round trips of whatever runs on this thread, so that a benchmark can check that its baseline makes
 * the calls the handler makes: each HTTP request an SDK client sends, by operation and body size. An SDK-wide
 * ("global") interceptor, so it sees the handler's clients too, which their factories build: the SDK loads it from
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} on the classpath, which only the benchmark's
 * classpath has ({@code infrastructure/local/bench/sdk-calls}, added by {@code bench.sh}); never on the local stack's.
 * Records only between {@link #start()} and {@link #stop()}.
 */
public final class SdkCalls implements ExecutionInterceptor {

    /** One HTTP request to an engine: the operation, its body's length in bytes, and the SDK request it was made from. */
    public record Call(String operation, long bytes, SdkRequest request) {
        @Override
        public String toString() {
            return operation + " " + bytes + " B";
        }
    }

    private static final ThreadLocal<List<Call>> RECORDING = new ThreadLocal<>();
    private static volatile boolean loaded;

    /** Made by the SDK, once per client built. */
    public SdkCalls() {
        loaded = true;
    }

    /** Whether the SDK loaded this interceptor, i.e. whether calls are counted at all (known once a client exists). */
    public static boolean installed() {
        return loaded;
    }

    public static void start() {
        RECORDING.set(new ArrayList<>());
    }

    /** The calls since {@link #start()}, in order. */
    public static List<Call> stop() {
        List<Call> calls = RECORDING.get();
        RECORDING.remove();
        return calls == null ? List.of() : calls;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        List<Call> calls = RECORDING.get();
        if (calls != null) {
            calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    context.requestBody().flatMap(body -> body.optionalContentLength()).orElse(0L), context.request()));
        }
    }

    /**
     * Whether two runs made the same round trips: the same operations in the same order, each body within
     * {@code tolerance} (a fraction) of the other's length. Bodies differ a little anyway (keys, times, random ids).
     */
    public static boolean same(List<Call> handler, List<Call> baseline, double tolerance) {
        if (handler.size() != baseline.size()) {
            return false;
        }
        for (int i = 0; i < handler.size(); i++) {
            Call h = handler.get(i);
            Call b = baseline.get(i);
            if (!h.operation().equals(b.operation()) || Math.abs(h.bytes() - b.bytes()) > tolerance * Math.max(h.bytes(), b.bytes())) {
                return false;
            }
        }
        return true;
    }

    static String describe(List<Call> calls) {
        return calls.stream().map(Call::toString).collect(Collectors.joining(", "));
    }

    /** Calls in runs of one operation: {@code Query 223 B, 10 x SendMessageBatch 1966 B (median), ...}. */
    static String summary(List<Call> calls) {
        List<String> runs = new ArrayList<>();
        for (int from = 0; from < calls.size(); ) {
            int to = from;
            while (to < calls.size() && calls.get(to).operation().equals(calls.get(from).operation())) {
                to++;
            }
            List<Call> run = calls.subList(from, to);
            long[] bytes = run.stream().mapToLong(Call::bytes).sorted().toArray();
            runs.add(run.size() == 1 ? run.get(0).toString()
                    : run.size() + " x " + run.get(0).operation() + " " + bytes[bytes.length / 2] + " B (median)");
            from = to;
        }
        return String.join(", ", runs);
    }
}
