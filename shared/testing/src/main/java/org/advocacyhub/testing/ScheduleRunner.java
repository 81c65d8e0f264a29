package org.advocacyhub.testing;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.advocacyhub.testing.SamTemplate.ScheduleEventSource;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the template's {@code ScheduleV2} events by an injected {@link Clock} (so a shifted local clock, such as
 * {@code LOCAL_CLOCK}, shifts the schedules too), invoking each target with a {@link ScheduledEvent}. Missed
 * occurrences (a paused process, a clock moved forward) are coalesced into one invocation. Tests call
 * {@link #runDue()}; the local stack calls {@link #start(Duration)}, and {@link #runDueAfter(Runnable)} when
 * {@code POST /_local/clock} moves its clock.
 */
public final class ScheduleRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleRunner.class);

    private final Clock clock;
    private final String region;
    private final String accountId;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService ticker;

    public ScheduleRunner(Clock clock) {
        this(clock, AwsEndpoints.DEFAULT_REGION, AwsEndpoints.DEFAULT_ACCOUNT_ID);
    }

    public ScheduleRunner(Clock clock, String region, String accountId) {
        this.clock = clock;
        this.region = region;
        this.accountId = accountId;
    }

    /** One firing: which schedule, the time it was due, and the target's error if it failed. */
    public record Firing(String name, Instant scheduledTime, Throwable error) {
    }

    /** Adds a template schedule targeting {@code function} (disabled schedules are ignored). */
    public ScheduleRunner add(ScheduleEventSource schedule, FunctionInvoker function) {
        if (!schedule.enabled()) {
            return this;
        }
        Map<String, Object> detail = Map.of();
        if (schedule.input() != null && schedule.input().trim().startsWith("{")) {
            detail = Json.parseObject(schedule.input());
        }
        // As EventBridge Scheduler does: a schedule's Input, when it has one, is the whole event the target receives.
        Map<String, Object> input = detail;
        Consumer<ScheduledEvent> target = input.isEmpty() ? function::invoke : event -> function.invoke(input);
        return add(schedule.functionId() + "-" + schedule.eventName(), schedule.expression(), schedule.timezone(),
                detail, target);
    }

    /** Adds a schedule; it starts now by the clock (a rate schedule's first firing is now, as in AWS). */
    public ScheduleRunner add(String name, String expression, ZoneId zone, Consumer<ScheduledEvent> target) {
        return add(name, expression, zone, Map.of(), target);
    }

    /** Adds a schedule whose events carry {@code detail} (the schedule's JSON {@code Input}). */
    public ScheduleRunner add(String name, String expression, ZoneId zone, Map<String, Object> detail,
                              Consumer<ScheduledEvent> target) {
        ScheduleExpression parsed = ScheduleExpression.parse(expression, zone);
        Instant start = clock.instant();
        Entry entry = new Entry(name, parsed, zone, start, detail, target);
        entry.next = parsed.nextAfter(start.minusNanos(1), start).orElse(null);
        entries.add(entry);
        return this;
    }

    /** The next time a schedule is due, if any. */
    public Optional<Instant> nextFiring(String name) {
        return entries.stream().filter(e -> e.name.equals(name)).findFirst().map(e -> e.next);
    }

    public List<String> names() {
        return entries.stream().map(e -> e.name).toList();
    }

    /** Invokes every schedule due by the clock now, once each, and returns what fired. */
    public synchronized List<Firing> runDue() {
        Instant now = clock.instant();
        List<Firing> fired = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.next == null || entry.next.isAfter(now)) {
                continue;
            }
            Instant due = entry.next;
            entry.next = entry.expression.nextAfter(now, entry.start).orElse(null);
            Throwable error = null;
            try {
                entry.target.accept(event(entry, due));
            } catch (RuntimeException | Error e) {
                error = e;
                LOG.warn("Schedule {} failed: {}", entry.name, e.toString());
            }
            fired.add(new Firing(entry.name, due, error));
        }
        return fired;
    }

    /**
     * Makes {@code change} (such as moving the clock forward) and then invokes every schedule it made due, once each,
     * with no tick of {@link #start(Duration)} in between: what this returns is exactly what the change made fire. When
     * {@code change} throws, nothing fires and the exception propagates.
     */
    public synchronized List<Firing> runDueAfter(Runnable change) {
        change.run();
        return runDue();
    }

    /** Checks the schedules every {@code tick} on a daemon thread. */
    public synchronized void start(Duration tick) {
        if (ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "schedules");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(() -> {
            try {
                runDue();
            } catch (RuntimeException e) {
                LOG.warn("Schedule tick failed: {}", e.toString());
            }
        }, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        entries.forEach(e -> LOG.info("Schedule {} ({} in {}) next at {}", e.name, e.expression.text(), e.zone, e.next));
    }

    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                ticker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private ScheduledEvent event(Entry entry, Instant due) {
        ScheduledEvent event = new ScheduledEvent();
        event.setVersion("0");
        event.setId(UUID.randomUUID().toString());
        event.setDetailType("Scheduled Event");
        event.setSource("aws.scheduler");
        event.setAccount(accountId);
        event.setRegion(region);
        event.setTime(new DateTime(due.toEpochMilli(), DateTimeZone.UTC));
        event.setResources(List.of("arn:aws:scheduler:" + region + ":" + accountId + ":schedule/default/" + entry.name));
        event.setDetail(entry.detail);
        return event;
    }

    private static final class Entry {
        final String name;
        final ScheduleExpression expression;
        final ZoneId zone;
        final Instant start;
        final Map<String, Object> detail;
        final Consumer<ScheduledEvent> target;
        volatile Instant next;

        Entry(String name, ScheduleExpression expression, ZoneId zone, Instant start, Map<String, Object> detail,
              Consumer<ScheduledEvent> target) {
            this.detail = detail;
            this.name = name;
            this.expression = expression;
            this.zone = zone;
            this.start = start;
            this.target = target;
        }
    }
}
