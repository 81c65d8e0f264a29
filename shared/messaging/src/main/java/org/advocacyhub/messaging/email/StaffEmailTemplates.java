package org.advocacyhub.messaging.email;

import java.time.LocalDate;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import java.util.List;
import org.advocacyhub.application.port.Mail;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.staff.StaffRecord;

/** {@link StaffEmails} in the hub's words: the staff emails' templates. Written here, sent from the outbox (issue 19). */
public final class StaffEmailTemplates implements StaffEmails {

    private final String apiUrl;

    /**
     * @param apiUrl the API's base URL ending in {@code /} (template.yaml {@code API_URL}), for links
     *               to cases; {@code null} where a function is not given it, and emails then name the
     *               reference without a link
     */
    public StaffEmailTemplates(String apiUrl) {
        this.apiUrl = apiUrl == null || apiUrl.isBlank() ? null : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    @Override
    public Mail allocated(ReferralCase referral, StaffRecord advocate, List<Deadline> deadlines) {
        return AllocationEmail.write(referral, advocate, deadlines);
    }

    @Override
    public Mail hoursReviewDue(ReferralCase referral, StaffRecord dutyManager, HoursReview review) {
        return HoursReviewEmail.write(referral, dutyManager, review);
    }

    @Override
    public Mail deadlineReminder(ReferralCase referral, StaffRecord to, DeadlineNotice notice) {
        return DeadlineAlertEmail.reminder(referral, to, notice, caseUrl(referral));
    }

    @Override
    public Mail deadlineMissed(ReferralCase referral, StaffRecord to, DeadlineNotice notice) {
        return DeadlineAlertEmail.missed(referral, to, notice, caseUrl(referral));
    }

    @Override
    public Mail callbackReminder(AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice) {
        return CallbackAlertEmail.reminder(message, to, notice, listUrl(message));
    }

    @Override
    public Mail callbackMissed(AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice) {
        return CallbackAlertEmail.missed(message, to, notice, listUrl(message));
    }

    @Override
    public Mail reportDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, StaffRecord to, DeadlineNotice notice,
                          boolean missed) {
        return ReportDueEmail.of(contract, quarter, to, notice, missed, apiUrl == null ? null : apiUrl + "reports");
    }

    @Override
    public Mail dataRequestDue(org.advocacyhub.domain.dataprotection.DataRequest request, StaffRecord to, DeadlineNotice notice,
                               boolean missed) {
        return DataRequestDueEmail.of(request, to, notice, missed, apiUrl == null ? null : apiUrl + "data-requests/" + request.id());
    }

    @Override
    public Mail caseStudiesMissing(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, StaffRecord to,
                                   java.time.Instant dueAt, List<String> missing) {
        return CaseStudiesDueEmail.of(contract, quarter, to, dueAt, missing, apiUrl == null ? null
                : apiUrl + "console/returns?contract=" + contract);
    }

    /** The contract's open answerphone messages in the staff API. */
    private String listUrl(AnswerphoneMessage message) {
        return apiUrl == null ? null : apiUrl + "answerphone-messages?contract=" + message.contract() + "&status=open";
    }

    @Override
    public Mail dailyDigest(StaffRecord to, LocalDate day, List<DigestContract> contracts) {
        return DailyDigestEmail.write(to, day, contracts, apiUrl);
    }

    @Override
    public Mail mailBounced(StaffRecord to, String owner, String caseReference, String happened, String toDo) {
        return MailBouncedEmail.of(to, owner, happened, toDo, apiUrl == null || caseReference == null ? null : apiUrl + "cases/" + caseReference);
    }

    /** The case in the staff API: {@code {ApiUrl}/cases/{reference}} (issue 9). */
    private String caseUrl(ReferralCase referral) {
        return apiUrl == null ? null : apiUrl + "cases/" + referral.reference().value();
    }
}
