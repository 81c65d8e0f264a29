package org.advocacyhub.messaging.email;

import java.util.List;
import org.advocacyhub.application.port.StaffNotifications;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.staff.StaffRecord;

/** {@link StaffNotifications} sent through Amazon SES. */
public final class SesStaffNotifications implements StaffNotifications {

    private final SesMail mail;

    public SesStaffNotifications(SesMail mail) {
        this.mail = mail;
    }

    @Override
    public void allocated(ReferralCase referral, StaffRecord advocate, List<Deadline> deadlines) {
        mail.send(AllocationEmail.write(referral, advocate, deadlines));
    }

    @Override
    public void hoursReviewDue(ReferralCase referral, StaffRecord dutyManager, HoursReview review) {
        mail.send(HoursReviewEmail.write(referral, dutyManager, review));
    }
}
