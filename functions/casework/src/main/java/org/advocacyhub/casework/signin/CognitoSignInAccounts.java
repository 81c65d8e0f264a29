package org.advocacyhub.casework.signin;

import org.advocacyhub.application.port.SignInAccounts;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;

/**
 * {@link SignInAccounts} on the staff user pool (issue 20): {@code AdminDisableUser} (the account can no longer sign in)
 * then {@code AdminUserGlobalSignOut} (its refresh tokens stop working), the only two calls the casework function's
 * role may make on the pool. An ID token already issued stays valid until it expires, as Cognito's do: the staff
 * directory refuses it on every request, and the console's server-side session is ended. Re-enabling an account is an
 * administrator's step in the user pool, on purpose: a record made active again by mistake opens nothing by itself.
 */
public final class CognitoSignInAccounts implements SignInAccounts {

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoSignInAccounts(CognitoIdentityProviderClient cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public void endAccess(String loginSubject) {
        try {
            cognito.adminDisableUser(b -> b.userPoolId(userPoolId).username(loginSubject));
            cognito.adminUserGlobalSignOut(b -> b.userPoolId(userPoolId).username(loginSubject));
        } catch (UserNotFoundException noSuchAccount) {
            // A login subject with no account in the pool (an old email, a subject of another pool): nothing to end.
        }
    }
}
