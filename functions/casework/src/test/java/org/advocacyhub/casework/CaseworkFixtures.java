package org.advocacyhub.casework;

import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;

/** The casework integration tests' name for the shared {@link HubFixtures}. */
final class CaseworkFixtures extends HubFixtures {

    static final io.micronaut.json.JsonMapper JSON = io.micronaut.json.JsonMapper.createDefault();

    CaseworkFixtures(LocalAws aws) {
        super(aws);
    }
}
