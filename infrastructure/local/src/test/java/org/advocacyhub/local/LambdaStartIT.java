package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.function.executor.AbstractExecutor;
import java.lang.reflect.Field;
import java.util.Map;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Each function built the way Lambda builds it, its public no-argument constructor reading its configuration from
 * outside (here system properties, which Micronaut reads as it reads environment variables), not through the
 * {@code ApplicationContextBuilder} constructor the local stack and the other tests use; then its SnapStart priming,
 * which must succeed against the engines and write nothing.
 */
@WithLocalAws
class LambdaStartIT {

    private final LocalAws aws;

    LambdaStartIT(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void every_function_starts_as_lambda_builds_it_and_primes_itself_without_writing_anything() throws Exception {
        String table = aws.tableName("HubTable");
        for (SamTemplate.SamFunction function : aws.template().functions()) {
            Map<String, Object> properties = FunctionInvoker.micronautProperties(aws.environment(function.logicalId()),
                    aws.endpoints());
            properties.forEach((name, value) -> System.setProperty(name, String.valueOf(value)));
            try {
                Object handler = Class.forName(function.handler().split("::")[0]).getConstructor().newInstance();
                try (ApplicationContext context = ((AbstractExecutor<?>) handler).getApplicationContext()) {
                    assertTrue(context.isRunning(), function.logicalId() + " did not start");
                    Field hook = handler.getClass().getDeclaredField("priming");
                    hook.setAccessible(true);
                    SnapStartPriming priming = (SnapStartPriming) hook.get(handler);
                    assertNotNull(priming, function.logicalId() + " registered no SnapStart hook");

                    int before = items(table);
                    assertEquals(0, priming.prime(), function.logicalId() + ": a priming step failed (see the log)");
                    assertEquals(before, items(table), function.logicalId() + ": priming wrote to the table");
                }
            } finally {
                properties.keySet().forEach(System::clearProperty);
            }
        }
    }

    private int items(String table) {
        return aws.dynamoDb().scan(request -> request.tableName(table).select(Select.COUNT)).count();
    }
}
