package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.advocacyhub.testing.SamTemplate;
import org.junit.jupiter.api.Test;

/**
 * The movable clock and its control belong to {@code ./run-local} alone (issue 9 item 5): template.yaml, which is
 * what AWS runs, never makes a function's clock movable and never routes {@code /_local/...}.
 */
class LocalOnlyControlsTest {

    private final SamTemplate template = SamTemplate.locate();

    @Test
    void templateYamlNeverSetsTheMovableClock() throws IOException {
        // The text as a whole, so that Globals, parameters and any later resource are covered too.
        assertFalse(Files.readString(template.path()).contains("HUB_CLOCK_MOVABLE"), "HUB_CLOCK_MOVABLE is set by ./run-local only");
        for (SamTemplate.SamFunction function : template.functions()) {
            assertFalse(function.environment().containsKey("HUB_CLOCK_MOVABLE"), function.logicalId());
        }
    }

    @Test
    void templateYamlDeclaresNoLocalControlRoute() {
        List<String> local = template.functions().stream().flatMap(f -> f.apiEvents().stream())
                .map(SamTemplate.ApiEvent::path).filter(path -> path.startsWith("/_local")).toList();
        assertEquals(List.of(), local, "/_local/... is served by run-local's gateway itself, never by API Gateway");
    }
}
