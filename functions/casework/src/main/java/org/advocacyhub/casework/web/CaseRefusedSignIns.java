package org.advocacyhub.casework.web;

import jakarta.inject.Singleton;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.IdentifyStaff;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.web.HttpRequest;
import org.advocacyhub.web.console.RefusedSignIns;

/**
 * A request by a sign-in the staff directory refuses (issue 20), on the audit trail of the case its path names, for the
 * staff API's case routes and the console's case pages and forms alike. A request that names no case leaves no entry.
 */
@Singleton
public final class CaseRefusedSignIns implements RefusedSignIns {

    private final CaseWork work;

    public CaseRefusedSignIns(CaseWork work) {
        this.work = work;
    }

    @Override
    public void record(HttpRequest request, IdentifyStaff.Refused refused) {
        request.pathParameter("reference").flatMap(ReferralReference::parse).ifPresent(reference -> work.refusedSignIn(reference, refused));
    }
}
