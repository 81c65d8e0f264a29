package org.advocacyhub.intake;

import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.LocalStackEngines;
import org.advocacyhub.testing.RequiresDocker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The same intake scenarios against LocalStack, on machines with Docker. Only the endpoints
 * differ from {@link ReferralIntakeIT}.
 */
@RequiresDocker
class ReferralIntakeLocalStackIT extends IntakeScenarios {

    private static LocalStackEngines localStack;
    private static LocalAws aws;

    @BeforeAll
    static void start() {
        localStack = new LocalStackEngines();
        localStack.start();
        aws = LocalAws.connect(localStack);
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
        if (localStack != null) {
            localStack.stop();
        }
    }

    @BeforeEach
    void reset() {
        aws.reset();
    }

    @Override
    LocalAws aws() {
        return aws;
    }
}
