package org.advocacyhub.messaging.email;

import java.time.LocalDate;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import java.util.List;
import org.advocacyhub.application.port.StaffNotifications;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.staff.StaffRecord;

/** {@link StaffNotifications} sent through Amazon SES. */
public final class SesStaffNotifications implements StaffNotifications {

    private final SesMail mail;
    private final String apiUrl;

    /**
     * @param apiUrl the API's base URL ending in {@code /} (template.yaml {@code API_URL}), for links
     *               to cases; {@code null} where a function is not given it, and emails then name the
     *               reference without a link
     */
    public SesStaffNotifications(SesMail mail, String apiUrl) {
        this.mail = mail;
        this.apiUrl = apiUrl == null || apiUrl.isBlank() ? null : apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    @Override
    public void allocated(ReferralCase referral, StaffRecord advocate, List<Deadline> deadlines) {
        mail.send(AllocationEmail.write(referral, advocate, deadlines));
    }

    @Override
    public void hoursReviewDue(ReferralCase referral, StaffRecord dutyManager, HoursReview review) {
        mail.send(HoursReviewEmail.write(referral, dutyManager, review));
    }

    @Override
    public void deadlineReminder(ReferralCase referral, StaffRecord to, DeadlineNotice notice) {
        mail.send(DeadlineAlertEmail.reminder(referral, to, notice, caseUrl(referral)));
    }

    @Override
    public void deadlineMissed(ReferralCase referral, StaffRecord to, DeadlineNotice notice) {
        mail.send(DeadlineAlertEmail.missed(referral, to, notice, caseUrl(referral)));
    }

    @Override
    public void callbackReminder(AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice) {
        mail.send(CallbackAlertEmail.reminder(message, to, notice, listUrl(message)));
    }

    @Override
    public void callbackMissed(AnswerphoneMessage message, StaffRecord to, DeadlineNotice notice) {
        mail.send(CallbackAlertEmail.missed(message, to, notice, listUrl(message)));
    }

    @Override
    public void reportDue(String contract, org.advocacyhub.domain.time.FinancialQuarter quarter, StaffRecord to, DeadlineNotice notice,
                          boolean missed) {
        mail.send(ReportDueEmail.of(contract, quarter, to, notice, missed, apiUrl == null ? null : apiUrl + "reports"));
    }

    /** The contract's open answerphone messages in the staff API. */
    private String listUrl(AnswerphoneMessage message) {
        return apiUrl == null ? null : apiUrl + "answerphone-messages?contract=" + message.contract() + "&status=open";
    }

    @Override
    public void dailyDigest(StaffRecord to, LocalDate day, List<DigestContract> contracts) {
        mail.send(DailyDigestEmail.write(to, day, contracts, apiUrl));
    }

    /** The case in the staff API: {@code {ApiUrl}/cases/{reference}} (issue 9). */
    private String caseUrl(ReferralCase referral) {
        return apiUrl == null ? null : apiUrl + "cases/" + referral.reference().value();
    }
}
