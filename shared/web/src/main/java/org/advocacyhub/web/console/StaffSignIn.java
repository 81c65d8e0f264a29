package org.advocacyhub.web.console;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Optional;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.web.HttpRequest;

/**
 * How the console knows who is signed in, and the sign-in flow's own routes. In AWS the session
 * is the Cognito user pool's ID token, kept in an {@code HttpOnly; Secure; SameSite=Lax} cookie
 * and verified on every request against the pool's published keys; locally the same flow runs
 * against {@code ./run-local}'s stand-in for the hosted sign-in.
 */
public interface StaffSignIn {

    /**
     * A session: who, the token it rests on (the console's CSRF token is derived from it), and the directory's role it
     * was bound to on first use ({@code null} until then: a later role change ends it, issue 20).
     */
    record Session(StaffMember member, String token, String role) {
        public Session(StaffMember member, String token) {
            this(member, token, null);
        }
    }

    /** Ends the session for good (a deactivation, a role change): its cookie then names nothing. */
    default void end(Session session) {
    }

    /** Binds the session to its member of staff's role in the directory, checked on every later request. */
    default void bind(Session session, String role) {
    }

    /** The request's verified session, or empty (no cookie, or a token that is forged, foreign or expired). */
    Optional<Session> session(HttpRequest request);

    /** {@code GET /console/sign-in}: on to the hosted sign-in, to come back to {@code returnTo} (a console path). */
    APIGatewayProxyResponseEvent startSignIn(HttpRequest request, String returnTo);

    /** {@code GET /console/callback}: the code exchanged for the ID token, which becomes the session cookie. */
    APIGatewayProxyResponseEvent callback(HttpRequest request);

    /** {@code POST /console/sign-out} (its CSRF token checked first): the cookie cleared, and signed out of the hosted sign-in. */
    APIGatewayProxyResponseEvent signOut(HttpRequest request);
}
