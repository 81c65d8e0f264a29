package org.advocacyhub.web.console;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.web.Problems;
import org.advocacyhub.web.RequestBodies;
import org.advocacyhub.web.console.signin.ConsoleSession;
import org.advocacyhub.web.console.signin.SignInSettings;

/**
 * Wires the console for a function that serves console pages (casework, quarterly-report): the
 * sign-in from {@code CONSOLE_ISSUER}, {@code CONSOLE_CLIENT_ID}, {@code CONSOLE_SIGN_IN_URL} and
 * the optional {@code CONSOLE_BASE_URL} (template.yaml; {@code ./run-local} points them at its
 * stand-in for the hosted sign-in). Nothing is fetched at start: the pool's keys are read when
 * the first session is checked. The variables are optional to the configuration scan of
 * {@code TemplateMatchesCodeIT} (only the console's functions need them); a console function
 * without one fails at start naming it ({@link SignInSettings#fromEnvironment}).
 */
@Factory
public final class ConsoleFactory {

    @Singleton
    StaffSignIn staffSignIn(@Value("${console.issuer:}") String issuer, @Value("${console.client.id:}") String clientId,
                            @Value("${console.sign.in.url:}") String signInUrl, @Value("${console.base.url:}") String baseUrl,
                            org.advocacyhub.application.port.ConsoleSessions sessions) {
        Map<String, String> environment = new HashMap<>();
        environment.put("CONSOLE_ISSUER", issuer);
        environment.put("CONSOLE_CLIENT_ID", clientId);
        environment.put("CONSOLE_SIGN_IN_URL", signInUrl);
        environment.put("CONSOLE_BASE_URL", baseUrl);
        // A token's lifetime is real time, as Cognito's issuer keeps it: checked on the system clock, never on the hub's
        // business clock, which ./run-local can move days ahead (in AWS the two are the same clock).
        return new CognitoSignIn(ConsoleSession.create(SignInSettings.fromEnvironment(environment), sessions, Clock.systemUTC()));
    }

    @Singleton
    Console console(StaffSignIn signIn, IdentifyStaff identify, JsonMapper json, org.advocacyhub.web.IdempotentRequests idempotency) {
        return new Console(signIn, identify, new RequestBodies(new Problems(json)), idempotency);
    }

    /** The console's port on the Cognito session. */
    static final class CognitoSignIn implements StaffSignIn {

        private final ConsoleSession session;

        CognitoSignIn(ConsoleSession session) {
            this.session = session;
        }

        @Override
        public java.util.Optional<Session> session(org.advocacyhub.web.HttpRequest request) {
            return session.session(request).map(s -> new Session(s.staff(), s.token(), s.role()));
        }

        @Override
        public void end(Session ended) {
            session.end(ended.token());
        }

        @Override
        public void bind(Session bound, String role) {
            session.bind(bound.token(), role);
        }

        @Override
        public com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent startSignIn(
                org.advocacyhub.web.HttpRequest request, String returnTo) {
            return session.startSignIn(request, returnTo);
        }

        @Override
        public com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent callback(org.advocacyhub.web.HttpRequest request) {
            return session.callback(request);
        }

        @Override
        public com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent signOut(org.advocacyhub.web.HttpRequest request) {
            return session.signOut(request);
        }
    }
}
