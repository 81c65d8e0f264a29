package org.advocacyhub.web.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.web.HttpRequest;
import org.junit.jupiter.api.Test;

class SignInSettingsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "CONSOLE_ISSUER", "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc",
            "CONSOLE_CLIENT_ID", "client-1",
            "CONSOLE_SIGN_IN_URL", "https://hub.auth.eu-west-2.amazoncognito.com");

    @Test
    void theEnvironmentGivesTheSettingsAndTheKeySetWhereCognitoPublishesIt() {
        SignInSettings settings = SignInSettings.fromEnvironment(ENVIRONMENT);
        assertEquals("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc", settings.issuer());
        assertEquals("client-1", settings.clientId());
        assertEquals(URI.create("https://hub.auth.eu-west-2.amazoncognito.com"), settings.signInBase());
        assertEquals(URI.create("https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc/.well-known/jwks.json"), settings.jwks());
        assertEquals("", settings.baseUrl());
    }

    @Test
    void micronautPropertiesGiveTheSameSettings() {
        Map<String, String> properties = Map.of("console.issuer", "https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_abc",
                "console.client.id", "client-1", "console.sign.in.url", "https://hub.auth.eu-west-2.amazoncognito.com",
                "console.base.url", "https://hub.example.org");
        SignInSettings settings = SignInSettings.fromProperties(name -> Optional.ofNullable(properties.get(name)));
        assertEquals(new SignInSettings(SignInSettings.fromEnvironment(ENVIRONMENT).issuer(), "client-1",
                URI.create("https://hub.auth.eu-west-2.amazoncognito.com"), null, "https://hub.example.org"), settings);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SignInSettings.fromProperties(name -> Optional.empty()));
        assertTrue(e.getMessage().contains("CONSOLE_ISSUER (property console.issuer)"), e.getMessage());
    }

    @Test
    void aMissingVariableIsNamed() {
        for (String name : ENVIRONMENT.keySet()) {
            Map<String, String> without = new HashMap<>(ENVIRONMENT);
            without.remove(name);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> SignInSettings.fromEnvironment(without));
            assertTrue(e.getMessage().contains(name), e.getMessage());
            without.put(name, " ");
            assertThrows(IllegalStateException.class, () -> SignInSettings.fromEnvironment(without));
        }
    }

    @Test
    void theBaseUrlIsConfiguredOrTakenFromTheRequest() {
        Map<String, String> configured = new HashMap<>(ENVIRONMENT);
        configured.put("CONSOLE_BASE_URL", "https://hub.example.org/");
        assertEquals(Optional.of("https://hub.example.org"), SignInSettings.fromEnvironment(configured).baseUrl(request(Map.of("Host", "other"), null)));

        SignInSettings fromRequest = SignInSettings.fromEnvironment(ENVIRONMENT);
        assertEquals(Optional.of("http://localhost:3000"), fromRequest.baseUrl(request(Map.of("Host", "localhost:3000"), "local")));
        assertEquals(Optional.of("https://hub.example.org"),
                fromRequest.baseUrl(request(Map.of("Host", "hub.example.org", "X-Forwarded-Proto", "https"), "prod")), "a custom domain has no stage in its paths");
        assertEquals(Optional.of("https://a1.execute-api.eu-west-2.amazonaws.com/prod"),
                fromRequest.baseUrl(request(Map.of("host", "a1.execute-api.eu-west-2.amazonaws.com", "X-Forwarded-Proto", "https"), "prod")));
        assertEquals(Optional.of("http://127.0.0.1:3000"),
                fromRequest.baseUrl(request(Map.of("Host", "127.0.0.1:3000", "X-Forwarded-Proto", "gopher"), null)), "an unknown scheme is http");
        assertEquals(Optional.empty(), fromRequest.baseUrl(request(Map.of(), null)));
        assertEquals(Optional.empty(), fromRequest.baseUrl(request(Map.of("Host", "evil.example/path?"), null)));
        assertEquals(Optional.empty(), fromRequest.baseUrl(request(Map.of("Host", "a1.execute-api.eu-west-2.amazonaws.com"), null)), "no stage");
    }

    private static HttpRequest request(Map<String, String> headers, String stage) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setStage(stage);
        return new HttpRequest(new APIGatewayProxyRequestEvent().withHeaders(headers).withRequestContext(context));
    }
}
