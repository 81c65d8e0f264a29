package org.advocacyhub.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 23 (LLR 26.9, 27.6; LEW 17.5): the link a council's report email carries to its restricted list. */
class RestrictedLinkTest {

    private static final Instant SENT = Instant.parse("2026-10-08T09:00:00Z");
    private static final String KEY = "restricted/reports/LEW/FY2026Q2/RPT-1/LEW-LEWISHAM-FY2026Q2-restricted.xlsx";

    @Test
    @DisplayName("A token is 256 random bits in URL-safe base64 without padding, new each time")
    void tokens() {
        SecureRandom random = new SecureRandom();
        String token = RestrictedLink.newToken(random);
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), token);
        assertEquals(32, Base64.getUrlDecoder().decode(token).length);
        assertNotEquals(token, RestrictedLink.newToken(random));
    }

    @Test
    @DisplayName("Only the token's SHA-256 is kept: the link holds no token, and refuses to be made from one")
    void hashOnly() {
        String token = RestrictedLink.newToken(new SecureRandom());
        RestrictedLink link = RestrictedLink.issue(token, "RPT-1", "LEW", KEY, SENT);
        assertTrue(link.tokenHash().matches("[0-9a-f]{64}"));
        assertFalse(link.toString().contains(token), "nothing of the link shows its token");
        assertEquals(Optional.of(link.tokenHash()), RestrictedLink.hashOf(token), "looked up by the same hash");
        assertThrows(IllegalArgumentException.class, () -> new RestrictedLink(token, "RPT-1", "LEW", KEY, SENT, SENT));
    }

    @Test
    @DisplayName("It expires 14 days after it was issued: it opens before then, not at that moment nor after")
    void expiry() {
        RestrictedLink link = RestrictedLink.issue(RestrictedLink.newToken(new SecureRandom()), "RPT-1", "LEW", KEY, SENT);
        assertEquals(Duration.ofDays(14), RestrictedLink.LIFETIME);
        assertEquals(Instant.parse("2026-10-22T09:00:00Z"), link.expiresAt());
        assertTrue(link.liveAt(SENT));
        assertTrue(link.liveAt(link.expiresAt().minusMillis(1)));
        assertFalse(link.liveAt(link.expiresAt()));
        assertFalse(link.liveAt(SENT.plus(Duration.ofDays(15))));
    }

    @Test
    @DisplayName("A presented token that cannot be one is no hash (not looked up); a different token's hash does not match")
    void presented() {
        assertEquals(Optional.empty(), RestrictedLink.hashOf("short"));
        assertEquals(Optional.empty(), RestrictedLink.hashOf("a".repeat(42) + "="));
        assertEquals(Optional.empty(), RestrictedLink.hashOf(null));
        String token = RestrictedLink.newToken(new SecureRandom());
        RestrictedLink link = RestrictedLink.issue(token, "RPT-1", "LEW", KEY, SENT);
        assertTrue(link.matches(RestrictedLink.hashOf(token).orElseThrow()));
        assertFalse(link.matches(RestrictedLink.hashOf(RestrictedLink.newToken(new SecureRandom())).orElseThrow()));
        assertFalse(link.matches(null));
    }
}
