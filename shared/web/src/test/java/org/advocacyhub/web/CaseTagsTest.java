package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.Map;
import java.util.Optional;
import org.advocacyhub.application.casework.ExpectedVersion;
import org.junit.jupiter.api.Test;

/** Issue 19: a case's version as an entity tag, and If-Match read back, compared strongly (RFC 9110 section 13.1.1). */
class CaseTagsTest {

    @Test
    void aCasesTagIsItsVersionQuotedAndStrong() {
        assertEquals("\"7\"", CaseTags.of(7));
    }

    @Test
    void ifMatchNamesTheVersionsItListsAndStarMeansAny() {
        assertTrue(ifMatch("\"7\"").orElseThrow().matches(7));
        assertFalse(ifMatch("\"7\"").orElseThrow().matches(8));
        assertTrue(ifMatch("\"6\", \"8\"").orElseThrow().matches(8));
        assertTrue(ifMatch("*").orElseThrow().matches(41));
    }

    @Test
    void aWeakTagOrOneThisHubNeverGaveMatchesNoVersion() {
        for (String tag : new String[] {"W/\"7\"", "7", "\"seven\"", "\"\"", ""}) {
            assertFalse(ifMatch(tag).orElseThrow().matches(7), tag);
        }
    }

    @Test
    void withoutIfMatchNoVersionIsExpected() {
        assertEquals(Optional.empty(), CaseTags.ifMatch(new HttpRequest(new APIGatewayProxyRequestEvent().withHeaders(Map.of()))));
    }

    private static Optional<ExpectedVersion> ifMatch(String header) {
        return CaseTags.ifMatch(new HttpRequest(new APIGatewayProxyRequestEvent().withHeaders(Map.of("If-Match", header))));
    }
}
