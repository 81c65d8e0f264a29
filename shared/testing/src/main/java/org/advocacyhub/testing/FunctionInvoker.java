package org.advocacyhub.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.advocacyhub.testing.SamTemplate.SamFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function of the template, built and invoked the way the Lambda runtime does: the handler class named by
 * {@code Handler} is constructed (the init phase) and {@code handleRequest} is called with a {@link LocalLambdaContext}.
 *
 * <p>Handlers extending Micronaut's {@code MicronautRequestHandler} are built through its
 * {@code (ApplicationContextBuilder)} constructor with {@link #micronautProperties} as properties: each environment
 * variable under its Micronaut name ({@code TABLE_NAME} → {@code table.name}) plus {@code aws.region},
 * {@code aws.endpoints.dynamodb}, {@code aws.endpoints.sqs}, {@code aws.endpoints.sesv2} and {@code aws.endpoints.s3}. Other handlers need a
 * public no-argument constructor.
 *
 * <p>Like Lambda, a function is a pool of execution environments: each handler instance runs one invocation at a time,
 * a new instance is built (a cold start, logged) only when every existing one is busy, up to the function's maximum
 * concurrency ({@link #DEFAULT_MAX_CONCURRENCY} unless {@link #create(SamTemplate, String, Map, AwsEndpoints, int)} says
 * otherwise); callers beyond that wait for an instance to come free, as throttled events wait in Lambda's queues. One
 * instance serialising every call would hide the races Lambda exposes: two intakes with one idempotency key, two
 * screenings of one case. A free instance is taken lowest-numbered first, so calls made one after another always meet
 * the first, warm instance ({@link #handler()}).
 */
public final class FunctionInvoker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FunctionInvoker.class);

    /** Variables that configure the Lambda JVM, not the application. */
    public static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JAVA_OPTS", "_JAVA_OPTIONS");

    public static final String PROPERTY_REGION = "aws.region";
    public static final String PROPERTY_DYNAMODB_ENDPOINT = "aws.endpoints.dynamodb";
    public static final String PROPERTY_SQS_ENDPOINT = "aws.endpoints.sqs";
    public static final String PROPERTY_SESV2_ENDPOINT = "aws.endpoints.sesv2";
    public static final String PROPERTY_S3_ENDPOINT = "aws.endpoints.s3";

    /** Instances a function may run side by side unless told otherwise: enough to show races, few enough to start quickly. */
    public static final int DEFAULT_MAX_CONCURRENCY = 4;

    private final SamFunction function;
    private final Map<String, String> environment;
    private final AwsEndpoints endpoints;
    private final String methodName;
    private final Supplier<Object> newHandler;
    private final int maxConcurrency;
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled whenever an instance comes free, a slot for a new one opens, or the function closes. */
    private final Condition changed = lock.newCondition();
    /** Every instance built, in the order they were built; the first is the warm one {@link #handler()} returns. */
    private final List<Instance> instances = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();
    /** Instances being built (counted against the maximum, so two callers cannot both build the last slot). */
    private int building;
    /** Callers waiting for an instance because all {@link #maxConcurrency} are busy. */
    private int waiting;
    private boolean closed;

    /** One execution environment: a handler instance and whether an invocation holds it. Guarded by {@link #lock}. */
    private static final class Instance {
        final Object handler;
        final int number;
        final Duration initDuration;
        boolean busy;

        Instance(Object handler, int number, Duration initDuration) {
            this.handler = handler;
            this.number = number;
            this.initDuration = initDuration;
        }
    }

    private FunctionInvoker(SamFunction function, Map<String, String> environment, AwsEndpoints endpoints, String methodName,
                            Supplier<Object> newHandler, int maxConcurrency, Object firstHandler, Duration firstInit) {
        this.function = function;
        this.environment = environment;
        this.endpoints = endpoints;
        this.methodName = methodName;
        this.newHandler = newHandler;
        this.maxConcurrency = maxConcurrency;
        instances.add(new Instance(firstHandler, 1, firstInit));
    }

    /**
     * Builds the function's first handler instance; up to {@link #DEFAULT_MAX_CONCURRENCY} run side by side.
     *
     * @param environment the function's resolved environment ({@link TemplateResources#environment(String)})
     */
    public static FunctionInvoker create(SamTemplate template, String functionId, Map<String, String> environment,
                                         AwsEndpoints endpoints) {
        return create(template, functionId, environment, endpoints, DEFAULT_MAX_CONCURRENCY);
    }

    /**
     * Builds the function's first handler instance; further instances are built on demand, at most
     * {@code maxConcurrency} in all (1 makes the function serial, like a reserved concurrency of 1).
     *
     * @param environment the function's resolved environment ({@link TemplateResources#environment(String)})
     */
    public static FunctionInvoker create(SamTemplate template, String functionId, Map<String, String> environment,
                                         AwsEndpoints endpoints, int maxConcurrency) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("Function " + functionId + ": the maximum concurrency must be at least 1, not "
                    + maxConcurrency);
        }
        SamFunction function = template.function(functionId);
        String handlerSpec = function.handler();
        if (handlerSpec == null || handlerSpec.isBlank()) {
            throw new IllegalStateException("Function " + functionId + " in " + template.path() + " has no Handler");
        }
        int separator = handlerSpec.indexOf("::");
        String className = separator < 0 ? handlerSpec : handlerSpec.substring(0, separator);
        String methodName = separator < 0 ? "handleRequest" : handlerSpec.substring(separator + 2);
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("Function " + functionId + ": handler class " + className + " named in "
                    + template.path() + " is not on the classpath (CodeUri " + function.codeUri()
                    + "): does this module depend on the function's module, and is the Handler spelt right?", e);
        }
        Map<String, Object> properties = micronautProperties(environment, endpoints);
        Supplier<Object> newHandler = () -> instantiate(type, properties, functionId, template);
        long begin = System.nanoTime();
        Object handler = newHandler.get();
        Duration init = Duration.ofNanos(System.nanoTime() - begin);
        LOG.info("Function {} ({}) initialised in {} ms", functionId, type.getSimpleName(), init.toMillis());
        return new FunctionInvoker(function, Collections.unmodifiableMap(new LinkedHashMap<>(environment)), endpoints,
                methodName, newHandler, maxConcurrency, handler, init);
    }

    /**
     * The Micronaut properties a function is started with: its environment under Micronaut names (lower case,
     * {@code _} → {@code .}; JVM options left out) and the endpoint properties.
     */
    public static Map<String, Object> micronautProperties(Map<String, String> environment, AwsEndpoints endpoints) {
        Map<String, Object> properties = new LinkedHashMap<>();
        environment.forEach((name, value) -> {
            if (!JVM_VARIABLES.contains(name)) {
                properties.put(propertyName(name), value);
            }
        });
        properties.putAll(endpointProperties(endpoints));
        return properties;
    }

    /**
     * {@code aws.region} and {@code aws.endpoints.{dynamodb,sqs,sesv2,s3}} (s3 only where an S3 engine runs): the
     * application's client factories read these.
     */
    public static Map<String, Object> endpointProperties(AwsEndpoints endpoints) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(PROPERTY_REGION, endpoints.region());
        properties.put(PROPERTY_DYNAMODB_ENDPOINT, endpoints.dynamoDbEndpoint().toString());
        properties.put(PROPERTY_SQS_ENDPOINT, endpoints.sqsEndpoint().toString());
        properties.put(PROPERTY_SESV2_ENDPOINT, endpoints.sesEndpoint().toString());
        if (endpoints.s3Endpoint() != null) {
            properties.put(PROPERTY_S3_ENDPOINT, endpoints.s3Endpoint().toString());
        }
        return properties;
    }

    /** {@code TABLE_NAME} → {@code table.name}, as Micronaut maps environment variables to properties. */
    public static String propertyName(String environmentVariable) {
        return environmentVariable.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Object instantiate(Class<?> type, Map<String, Object> properties, String functionId, SamTemplate template) {
        try {
            try {
                Constructor<?> withBuilder = type.getConstructor(ApplicationContextBuilder.class);
                return withBuilder.newInstance(ApplicationContext.builder().properties(properties));
            } catch (NoSuchMethodException notMicronaut) {
                LOG.warn("Handler of {} has no (ApplicationContextBuilder) constructor: its environment is not passed to it",
                        functionId);
                return type.getConstructor().newInstance();
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException("Function " + functionId + ": handler " + type.getName() + " failed to start: "
                    + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Function " + functionId + ": cannot construct handler " + type.getName()
                    + " named in " + template.path() + ": " + e, e);
        }
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : FunctionInvoker.class.getClassLoader();
    }

    public String functionId() {
        return function.logicalId();
    }

    public SamFunction function() {
        return function;
    }

    /** The resolved environment the function was started with. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The first handler instance: the warm one that calls made one after another always use. */
    public Object handler() {
        lock.lock();
        try {
            return instances.get(0).handler;
        } finally {
            lock.unlock();
        }
    }

    /** How long constructing the first handler took (the local equivalent of the Lambda init phase). */
    public Duration initDuration() {
        lock.lock();
        try {
            return instances.get(0).initDuration;
        } finally {
            lock.unlock();
        }
    }

    /** How many instances may run side by side. */
    public int maxConcurrency() {
        return maxConcurrency;
    }

    /** How many handler instances have been built so far (1 + the cold starts since). */
    public int instanceCount() {
        lock.lock();
        try {
            return instances.size();
        } finally {
            lock.unlock();
        }
    }

    /** Callers waiting now for an instance to come free (every instance busy, the maximum reached). */
    public int waitingCount() {
        lock.lock();
        try {
            return waiting;
        } finally {
            lock.unlock();
        }
    }

    /** The most invocations that have run at the same time since the function was built. */
    public int peakConcurrency() {
        return peakRunning.get();
    }

    /** A fresh context for one invocation, with the template's timeout and memory size. */
    public LocalLambdaContext newContext() {
        return new LocalLambdaContext(function.logicalId(), endpoints.region(), endpoints.accountId(),
                function.memorySizeMb(), Duration.ofSeconds(function.timeoutSeconds()));
    }

    /**
     * Invokes the handler with {@code event} (e.g. an {@code APIGatewayProxyRequestEvent}, {@code SQSEvent} or
     * {@code ScheduledEvent}) and returns its result; an exception thrown by the handler propagates unchanged. Runs on a
     * free instance, building one if every instance is busy and the maximum is not reached, else waits for one.
     */
    public Object invoke(Object event) {
        return invoke(event, newContext());
    }

    public Object invoke(Object event, Context context) {
        Instance instance = acquire();
        int now = running.incrementAndGet();
        peakRunning.accumulateAndGet(now, Math::max);
        try {
            return LocalFaults.invoking(functionId(), () -> invokeOn(instance.handler, event, context));
        } finally {
            running.decrementAndGet();
            release(instance);
        }
    }

    /** A free instance, marked busy: the lowest-numbered idle one, else a new one, else the first to come free. */
    private Instance acquire() {
        lock.lock();
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("Function " + functionId() + " is closed");
                }
                for (Instance instance : instances) {
                    if (!instance.busy) {
                        instance.busy = true;
                        return instance;
                    }
                }
                if (instances.size() + building < maxConcurrency) {
                    building++;
                    break;
                }
                waiting++;
                try {
                    changed.awaitUninterruptibly();
                } finally {
                    waiting--;
                }
            }
        } finally {
            lock.unlock();
        }
        return coldStart();
    }

    /** Builds one more instance outside the lock (its init takes a while, and other instances may come free meanwhile). */
    private Instance coldStart() {
        long begin = System.nanoTime();
        Object handler;
        try {
            handler = newHandler.get();
        } catch (RuntimeException | Error e) {
            lock.lock();
            try {
                building--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            throw e;
        }
        Duration init = Duration.ofNanos(System.nanoTime() - begin);
        lock.lock();
        try {
            building--;
            Instance instance = new Instance(handler, instances.size() + 1, init);
            instance.busy = true;
            instances.add(instance);
            LOG.info("Function {} cold start: instance {} of at most {} initialised in {} ms (every other instance was busy)",
                    functionId(), instance.number, maxConcurrency, init.toMillis());
            return instance;
        } finally {
            lock.unlock();
        }
    }

    private void release(Instance instance) {
        lock.lock();
        try {
            instance.busy = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Object invokeOn(Object handler, Object event, Context context) {
        if (handler instanceof RequestHandler<?, ?> && "handleRequest".equals(methodName)) {
            @SuppressWarnings("unchecked")
            RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) handler;
            return requestHandler.handleRequest(event, context);
        }
        if (handler instanceof RequestStreamHandler streamHandler && "handleRequest".equals(methodName)) {
            byte[] input = event instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : event instanceof byte[] bytes ? bytes : Json.write(event).getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            try {
                streamHandler.handleRequest(new ByteArrayInputStream(input), output, context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return output.toString(StandardCharsets.UTF_8);
        }
        return invokeMethod(handler, event, context);
    }

    /** Invokes and casts the result. */
    public <T> T invoke(Object event, Class<T> resultType) {
        return resultType.cast(invoke(event));
    }

    private Object invokeMethod(Object handler, Object event, Context context) {
        for (var method : handler.getClass().getMethods()) {
            if (!method.getName().equals(methodName) || method.isBridge()) {
                continue;
            }
            try {
                if (method.getParameterCount() == 2) {
                    return method.invoke(handler, event, context);
                }
                if (method.getParameterCount() == 1) {
                    return method.invoke(handler, event);
                }
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Function " + functionId() + ": " + handler.getClass().getName()
                + " has no public method " + methodName + "(event[, Context])");
    }

    /**
     * Closes every handler instance (and with each its Micronaut application context), after the invocations in
     * progress end (waiting at most the function's timeout); new invocations are refused from now on.
     */
    @Override
    public void close() {
        List<Instance> toClose;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            changed.signalAll();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(function.timeoutSeconds() + 5L);
            while ((building > 0 || instances.stream().anyMatch(i -> i.busy)) && System.nanoTime() < deadline) {
                try {
                    changed.awaitNanos(deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            toClose = List.copyOf(instances);
        } finally {
            lock.unlock();
        }
        for (Instance instance : toClose) {
            if (instance.handler instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("Closing instance {} of {} failed: {}", instance.number, functionId(), e.toString());
                }
            }
        }
    }

    @Override
    public String toString() {
        return "FunctionInvoker[" + functionId() + " -> " + function.handler() + "]";
    }
}
