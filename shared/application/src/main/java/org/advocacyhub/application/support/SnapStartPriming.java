package org.advocacyhub.application.support;

import io.micronaut.context.BeanContext;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: the runtime hook ({@code org.crac} {@link Resource}) each function registers when Lambda builds
 * it. Lambda SnapStart runs {@link #beforeCheckpoint} once, when a version is published, before it takes the snapshot
 * that every later cold start is restored from; what runs here is already loaded, initialised and compiled in the
 * restored function, so its first real event does not pay for it (AWS Lambda Developer Guide, "Lambda SnapStart runtime
 * hooks for Java" and "Maximize Lambda SnapStart performance": prime in {@code beforeCheckpoint} by exercising the code
 * paths of a real invocation).
 *
 * <p>Priming must change nothing: it runs in every published version, against the real table. So it makes
 * {@link Primer}s' harmless reads (each adapter module gives one per client, e.g. a DynamoDB GetItem of a key that never
 * exists) and hands the handler a priming event whose path only reads (a page, a request refused for want of a token,
 * a message naming a referral that does not exist). A failure is logged with its class name only and never stops the
 * snapshot: an unprimed function is slower on its first event, not wrong. On a JVM without CRaC (the local stack, the
 * tests) the hook is registered and never called.
 */
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    /** A harmless request through one SDK client, made before the snapshot. It must only read. */
    @FunctionalInterface
    public interface Primer {
        void prime();
    }

    private final String function;
    private final BeanContext beans;
    private final Runnable firstEvent;

    SnapStartPriming(String function, BeanContext beans, Runnable firstEvent) {
        this.function = function;
        this.beans = beans;
        this.firstEvent = firstEvent;
    }

    /**
     * Registers the function's hook with the global CRaC context, as the Lambda runtime expects. Keep the result in
     * the handler, so that the hook lives as long as the function.
     *
     * @param function   the handler's name, for the log
     * @param beans      the handler's application context, where the {@link Primer}s are
     * @param firstEvent hands the handler its read-only priming event ({@code () -> {}} when every event of the
     *                   function does real work, as a schedule's does)
     */
    public static SnapStartPriming register(String function, BeanContext beans, Runnable firstEvent) {
        SnapStartPriming priming = new SnapStartPriming(function, beans, firstEvent);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to renew: the clients hold no per-instance secrets, and the SDK refreshes credentials itself.
    }

    /** Runs every primer, then the priming event; returns how many of them failed (each logged). */
    public int prime() {
        int failed = 0;
        for (Primer primer : beans.getBeansOfType(Primer.class)) {
            failed += attempt("a client's first request", primer::prime);
        }
        failed += attempt("the priming event", firstEvent);
        LOG.info("{} primed for the snapshot ({} step(s) failed)", function, failed);
        return failed;
    }

    private int attempt(String what, Runnable step) {
        try {
            step.run();
            return 0;
        } catch (RuntimeException e) {
            LOG.info("{}: priming {} failed ({}); the restored function loads it on its first event instead", function, what,
                    e.getClass().getSimpleName());
            return 1;
        }
    }
}
