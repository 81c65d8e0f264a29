package org.advocacyhub.testing;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The fixture template in src/test/resources/fixture. */
final class Fixtures {

    private Fixtures() {
    }

    static SamTemplate template() {
        try {
            return SamTemplate.load(Path.of(Fixtures.class.getResource("/fixture/template.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
