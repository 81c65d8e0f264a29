package org.advocacyhub.casework.signin;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.advocacyhub.application.port.SignInAccounts;
import org.advocacyhub.application.support.AwsHttp;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The staff user pool's accounts, from {@code STAFF_USER_POOL_ID} (template.yaml); {@code ./run-local} points
 * {@code aws.endpoints.cognito} at its stand-in, which honours the same two calls. Without a pool (the engines' tests)
 * there is no account to end.
 */
@Factory
public final class SignInAccountsFactory {

    @Singleton
    SignInAccounts signInAccounts(SdkHttpClient http, @Value("${staff.user.pool.id:}") String userPoolId,
                                  @Value("${aws.endpoints.cognito:}") String endpoint, @Value("${aws.region:}") String region) {
        if (userPoolId.isBlank()) {
            return SignInAccounts.NONE;
        }
        return new CognitoSignInAccounts(AwsHttp.configure(CognitoIdentityProviderClient.builder(), http, endpoint, region).build(),
                userPoolId);
    }
}
