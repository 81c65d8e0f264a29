package org.advocacyhub.testing;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The faults a chaos run switches on in a local stack (issue 19), beside the proxies in front of DynamoDB and SES
 * ({@link FaultProxy}): functions that die right after a DynamoDB write, and SQS messages delivered twice or after
 * their visibility timeout. Off unless switched on (the chaos command's {@code POST /_local/faults}); they exist only
 * in the local stack's JVM, never in a function's jar, so never in AWS.
 */
public final class LocalFaults {

    /** A function dying mid-invocation: an Error, so that no handler's own {@code catch (RuntimeException)} takes it. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        public SimulatedCrash(String where) {
            super("simulated crash " + where, null, false, false);
        }
    }

    private static volatile double crashAfterWrite;
    private static volatile double sqsDuplicate;
    private static volatile double sqsLate;
    /** Which function the current thread is running an invocation of, if any. */
    private static final ThreadLocal<String> INVOKING = new ThreadLocal<>();

    private LocalFaults() {
    }

    /** Sets each fault's probability from 0 (off) to 1. */
    public static void set(double crashAfterWriteChance, double sqsDuplicateChance, double sqsLateChance) {
        crashAfterWrite = check(crashAfterWriteChance);
        sqsDuplicate = check(sqsDuplicateChance);
        sqsLate = check(sqsLateChance);
    }

    public static void clear() {
        set(0, 0, 0);
    }

    public static double crashAfterWrite() {
        return crashAfterWrite;
    }

    public static double sqsDuplicate() {
        return sqsDuplicate;
    }

    public static double sqsLate() {
        return sqsLate;
    }

    /** Whether a fault of this chance happens now. */
    static boolean happens(double chance) {
        return chance > 0 && ThreadLocalRandom.current().nextDouble() < chance;
    }

    /** Runs {@code invocation} as function {@code functionId}'s: the crash fault applies only inside one. */
    static <T> T invoking(String functionId, java.util.function.Supplier<T> invocation) {
        String outer = INVOKING.get();
        INVOKING.set(functionId);
        try {
            return invocation.get();
        } finally {
            if (outer == null) {
                INVOKING.remove();
            } else {
                INVOKING.set(outer);
            }
        }
    }

    /**
     * After a DynamoDB write succeeded: when the current thread is inside a function's invocation and the crash fault
     * happens, the function dies there, before anything it would send, delete or answer next.
     */
    public static void afterWrite(String operation) {
        String function = INVOKING.get();
        if (function != null && happens(crashAfterWrite)) {
            throw new SimulatedCrash("of " + function + " after " + operation);
        }
    }

    private static double check(double chance) {
        if (!(chance >= 0 && chance <= 1)) {
            throw new IllegalArgumentException("a chance is from 0 to 1");
        }
        return chance;
    }
}
