package org.advocacyhub.testing;

import java.util.Set;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The chaos fault "a handler that dies after its DynamoDB write and before its send" (issue 19): after a DynamoDB
 * write succeeded, inside a function's invocation, {@link LocalFaults#afterWrite} may end the invocation there. Registered
 * for the local stack only, through the SDK's global interceptor list on {@code ./run-local}'s classpath
 * (infrastructure/local); inert until the chaos command switches the fault on.
 */
public final class CrashAfterWrite implements ExecutionInterceptor {

    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "TransactWriteItems", "BatchWriteItem");

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if ("DynamoDB".equalsIgnoreCase(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
                && WRITES.contains(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            LocalFaults.afterWrite(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
