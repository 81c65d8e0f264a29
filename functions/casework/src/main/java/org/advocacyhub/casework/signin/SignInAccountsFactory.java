package org.advocacyhub.casework.signin;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import org.advocacyhub.application.port.SignInAccounts;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The staff user pool's accounts, from {@code STAFF_USER_POOL_ID} (template.yaml); {@code ./run-local} points
 * {@code aws.endpoints.cognito} at its stand-in, which honours the same two calls. Without a pool (the engines' tests)
 * there is no account to end. Requests are signed on the system clock, never the hub's (which a local run moves).
 */
@Factory
public final class SignInAccountsFactory {

    @Singleton
    SignInAccounts signInAccounts(SdkHttpClient http, @Value("${staff.user.pool.id:}") String userPoolId,
                                  @Value("${aws.endpoints.cognito:}") String endpoint, @Value("${aws.region:}") String configuredRegion) {
        if (userPoolId.isBlank()) {
            return SignInAccounts.NONE;
        }
        String region = !configuredRegion.isBlank() ? configuredRegion
                : System.getenv().getOrDefault("AWS_REGION", userPoolId.substring(0, Math.max(0, userPoolId.indexOf('_'))));
        if (!endpoint.isBlank()) {
            return new CognitoSignInAccounts(http, StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")), region,
                    URI.create(endpoint), userPoolId, Clock.systemUTC());
        }
        return new CognitoSignInAccounts(http, DefaultCredentialsProvider.builder().build(), region,
                URI.create("https://cognito-idp." + region + ".amazonaws.com/"), userPoolId, Clock.systemUTC());
    }
}
