package org.advocacyhub.web.console;

import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.web.HttpRequest;

/**
 * Where a function records a console request whose person the staff directory refuses (issue 20: a leaver, a
 * deactivated advocate, a sign-in not in the directory): the casework function puts it on the audit trail of the case
 * the page or form is of, as it does for the staff API. A function with nothing to record it on has none.
 */
@FunctionalInterface
public interface RefusedSignIns {

    /** Records nothing. */
    RefusedSignIns NONE = (request, refused) -> { };

    void record(HttpRequest request, IdentifyStaff.Refused refused);
}
