package org.advocacyhub.casework.signin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.advocacyhub.application.port.SignInAccounts;
import org.advocacyhub.web.JsonText;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * {@link SignInAccounts} on the staff user pool (issue 20): {@code AdminDisableUser} (the account can no longer sign in)
 * then {@code AdminUserGlobalSignOut} (its refresh tokens stop working), the only two calls the casework function's
 * role may make on the pool. An ID token already issued stays valid until it expires, as Cognito's do: the staff
 * directory refuses it on every request, and the console's server-side session is ended. Re-enabling an account is an
 * administrator's step in the user pool, on purpose: a record made active again by mistake opens nothing by itself.
 *
 * <p>Why not the SDK's {@code CognitoIdentityProviderClient}: its artifact added 3.9 MB to the casework function's jar,
 * over the 20 MB each function is allowed (issue 12), for two calls. As {@code S3ObjectClient} does for S3, this makes
 * them over plain HTTPS with what every function's jar already carries: the SigV4 signer, the HTTP client and the
 * credentials chain. Cognito's JSON protocol: {@code POST /}, {@code Content-Type: application/x-amz-json-1.1},
 * {@code X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>}, signed for the service {@code cognito-idp}.
 */
public final class CognitoSignInAccounts implements SignInAccounts {

    private static final String TARGET = "AWSCognitoIdentityProviderService.";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final String userPoolId;
    private final Clock clock;

    /**
     * @param endpoint the user pool service's address: {@code https://cognito-idp.<region>.amazonaws.com} in AWS, the local
     *                 stand-in's under {@code ./run-local}
     */
    public CognitoSignInAccounts(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint,
                                 String userPoolId, Clock clock) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint;
        this.userPoolId = userPoolId;
        this.clock = clock;
    }

    @Override
    public void endAccess(String loginSubject) {
        if (call("AdminDisableUser", loginSubject)) {
            call("AdminUserGlobalSignOut", loginSubject);
        }
    }

    /** One call; false when the pool has no such user (nothing to end), an exception for any other failure. */
    private boolean call(String operation, String username) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("UserPoolId", userPoolId);
        fields.put("Username", username);
        byte[] body = JsonText.textFields(fields).getBytes(StandardCharsets.UTF_8);
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().isEmpty() ? "/" : endpoint.getRawPath();
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint).encodedPath(path.endsWith("/") ? path : path + "/")
                .putHeader("Content-Type", "application/x-amz-json-1.1").putHeader("X-Amz-Target", TARGET + operation)
                .putHeader("Content-Length", Integer.toString(body.length)).build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cognito-idp")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElse(null)).build()).call();
            int status = response.httpResponse().statusCode();
            String answer;
            try (InputStream in = response.responseBody().orElse(null)) {
                answer = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (status / 100 == 2) {
                return true;
            }
            if (answer.contains("UserNotFoundException")) {
                return false;
            }
            // The error's type only: the body may repeat the username.
            String type = answer.replaceAll("(?s).*\"__type\"\\s*:\\s*\"(?:[^\"#]*#)?([A-Za-z]+)\".*", "$1");
            throw new IllegalStateException("Cognito " + operation + " answered " + status + " " + (type.length() < 80 ? type : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Cognito " + operation + " could not be reached", e);
        }
    }
}
