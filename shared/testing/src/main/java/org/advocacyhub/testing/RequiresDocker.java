package org.advocacyhub.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class only where Docker is available, and skips it quietly where there is none: see
 * {@link DockerCondition}. Use it instead of {@code @Testcontainers(disabledWithoutDocker = true)}, which asks
 * Testcontainers and so logs an ERROR on every machine without Docker; add a plain {@code @Testcontainers} after it
 * when the class uses {@code @Container} fields.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {
}
