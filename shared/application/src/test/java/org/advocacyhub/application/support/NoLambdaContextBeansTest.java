package org.advocacyhub.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.LambdaContextFactory;
import io.micronaut.function.aws.MicronautRequestHandler;
import org.junit.jupiter.api.Test;

class NoLambdaContextBeansTest {

    /** The smallest Micronaut handler, as every function's is built. */
    static final class Echo extends MicronautRequestHandler<String, String> {
        Echo() {
            super(ApplicationContext.builder());
        }

        @Override
        public String execute(String input) {
            return input;
        }
    }

    @Test
    void an_invocation_leaves_the_lambda_context_and_its_logger_out_of_the_beans() {
        try (Echo handler = new Echo()) {
            assertEquals("hello", handler.handleRequest("hello", new StubContext()));

            assertInstanceOf(NoLambdaContextBeans.class, handler.getApplicationContext().getBean(LambdaContextFactory.class));
            assertFalse(handler.getApplicationContext().containsBean(Context.class));
            assertFalse(handler.getApplicationContext().containsBean(LambdaLogger.class));
        }
    }

    private static final class StubContext implements Context {
        @Override public String getAwsRequestId() { return "request"; }
        @Override public String getLogGroupName() { return "group"; }
        @Override public String getLogStreamName() { return "stream"; }
        @Override public String getFunctionName() { return "Echo"; }
        @Override public String getFunctionVersion() { return "$LATEST"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-2:000000000000:function:Echo"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 1000; }
        @Override public int getMemoryLimitInMB() { return 512; }
        @Override public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override public void log(String message) { }
                @Override public void log(byte[] message) { }
            };
        }
    }
}
