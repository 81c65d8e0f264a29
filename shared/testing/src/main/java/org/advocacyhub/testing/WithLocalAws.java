package org.advocacyhub.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against DynamoDB Local, ElasticMQ, s3proxy and aws-ses-v2-local, started once per run, with
 * the tables, queues and buckets of {@code template.yaml} emptied before each test. Declare a {@link LocalAws} parameter on a
 * test method or the constructor to use them.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(AwsEnginesExtension.class)
public @interface WithLocalAws {
}
