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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.advocacyhub.testing.SamTemplate.SamFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One function of the template, built and invoked the way the Lambda runtime does: the handler class named by
 * {@code Handler} is constructed once (a warm instance reused across invocations) and {@code handleRequest} is called
 * with a {@link LocalLambdaContext}.
 *
 * <p>Handlers extending Micronaut's {@code MicronautRequestHandler} are built through its
 * {@code (ApplicationContextBuilder)} constructor with {@link #micronautProperties} as properties: each environment
 * variable under its Micronaut name ({@code TABLE_NAME} → {@code table.name}) plus {@code aws.region},
 * {@code aws.endpoints.dynamodb}, {@code aws.endpoints.sqs}, {@code aws.endpoints.sesv2} and {@code aws.endpoints.s3}. Other handlers need a
 * public no-argument constructor.
 *
 * <p>Invocations are serialised, like one warm Lambda instance.
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

    private final SamFunction function;
    private final Map<String, String> environment;
    private final AwsEndpoints endpoints;
    private final Object handler;
    private final String methodName;
    private final Duration initDuration;
    private boolean closed;

    private FunctionInvoker(SamFunction function, Map<String, String> environment, AwsEndpoints endpoints, Object handler,
                            String methodName, Duration initDuration) {
        this.function = function;
        this.environment = environment;
        this.endpoints = endpoints;
        this.handler = handler;
        this.methodName = methodName;
        this.initDuration = initDuration;
    }

    /**
     * Builds the function's handler.
     *
     * @param environment the function's resolved environment ({@link TemplateResources#environment(String)})
     */
    public static FunctionInvoker create(SamTemplate template, String functionId, Map<String, String> environment,
                                         AwsEndpoints endpoints) {
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
        long begin = System.nanoTime();
        Object handler = instantiate(type, properties, functionId, template);
        Duration init = Duration.ofNanos(System.nanoTime() - begin);
        LOG.info("Function {} ({}) initialised in {} ms", functionId, type.getSimpleName(), init.toMillis());
        return new FunctionInvoker(function, Collections.unmodifiableMap(new LinkedHashMap<>(environment)), endpoints,
                handler, methodName, init);
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

    /** The warm handler instance. */
    public Object handler() {
        return handler;
    }

    /** How long constructing the handler took (the local equivalent of the Lambda init phase). */
    public Duration initDuration() {
        return initDuration;
    }

    /** A fresh context for one invocation, with the template's timeout and memory size. */
    public LocalLambdaContext newContext() {
        return new LocalLambdaContext(function.logicalId(), endpoints.region(), endpoints.accountId(),
                function.memorySizeMb(), Duration.ofSeconds(function.timeoutSeconds()));
    }

    /**
     * Invokes the handler with {@code event} (e.g. an {@code APIGatewayProxyRequestEvent}, {@code SQSEvent} or
     * {@code ScheduledEvent}) and returns its result; an exception thrown by the handler propagates unchanged.
     */
    public synchronized Object invoke(Object event) {
        return invoke(event, newContext());
    }

    public synchronized Object invoke(Object event, Context context) {
        if (closed) {
            throw new IllegalStateException("Function " + functionId() + " is closed");
        }
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
        return invokeMethod(event, context);
    }

    /** Invokes and casts the result. */
    public <T> T invoke(Object event, Class<T> resultType) {
        return resultType.cast(invoke(event));
    }

    private Object invokeMethod(Object event, Context context) {
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

    /** Closes the handler (and with it the Micronaut application context). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (handler instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing the handler of {} failed: {}", functionId(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "FunctionInvoker[" + functionId() + " -> " + function.handler() + "]";
    }
}
