package org.advocacyhub.application.port;

/**
 * The sign-in accounts behind staff logins (in AWS, the Cognito user pool's users). The staff directory already refuses
 * a deactivated member of staff on every request (issue 20); this ends what the directory cannot reach: their account
 * can no longer sign in, and its refresh tokens stop working.
 */
public interface SignInAccounts {

    /**
     * Disables the account a login subject (a Cognito {@code sub} or sign-in email) names and signs it out everywhere.
     * An account that does not exist is nothing to end.
     *
     * @throws RuntimeException when the user pool could not be reached: the caller says so, and the directory's refusal stands
     */
    void endAccess(String loginSubject);

    /** No user pool to tell (tests that run without one). */
    SignInAccounts NONE = loginSubject -> { };
}
