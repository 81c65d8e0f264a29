package org.advocacyhub.application.casework;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.mail.OutboxMails;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.Outbox;
import org.advocacyhub.application.port.StaffDirectory;
import org.advocacyhub.application.port.StaffEmails;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.HourRules;
import org.advocacyhub.domain.casework.Hours;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.casework.TimeEntry;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.contract.HourThreshold;
import org.advocacyhub.domain.contract.ServiceConfig;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.staff.StaffRecord;

/**
 * Staff record the time spent on a case, direct or indirect with its activity (LLR 26.17,
 * LEW 17.5) and, for a meeting attended, which meeting (LEW Appendix 1), and correct an entry
 * (its author or a manager). The entry and the case's running totals are saved in one
 * conditional write, so two entries made at once are never counted from the same total. The contract's thresholds apply ({@link HourRules}): past a cap or the hours
 * that need a request, an entry is refused until a manager records the Service Manager's approval
 * (LEW 7.3, 7.16, 8.11) or staff record a request (LLR 26.17); the first time a case reaches its
 * review hours, the duty manager gets a task and an email that the update to the Council is due
 * (LEW 8.9).
 */
@Singleton
public final class RecordTime {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private static final FieldSpec DATE = new FieldSpec("date", "Date", "The day the time was spent: today or earlier, not before "
            + "the referral", FieldKind.PAST_DATE, true, 10, List.of(), "Enter the day the time was spent", "Date");
    /** Entry ids: what {@link #id()} makes. */
    private static final String ENTRY_ID = "^[a-z0-9-]{1,40}$";

    /** {@code POST /cases/{reference}/time} and {@code PUT /cases/{reference}/time/{entryId}}. */
    public static final List<FieldSpec> FIELDS = List.of(DATE,
            new FieldSpec("minutes", "Minutes", "Whole minutes, at most 12 hours (720) in one entry", FieldKind.INTEGER, true, 10,
                    List.of(), "Enter the minutes spent", "Minutes", FieldSpec.Range.of(1, 720)),
            new FieldSpec("kind", "Direct or indirect", "Direct: with the person (face to face, calls, meetings); indirect: the work "
                    + "around it (admin, travel, research, writing)", FieldKind.CHOICE, true, 20, List.of(TimeEntry.Kind.values()),
                    "Select direct or indirect", "Direct or indirect"),
            new FieldSpec("activity", "Activity", "", FieldKind.CHOICE, true, 40, List.of(TimeEntry.Activity.values()),
                    "Select the activity", "Activity"),
            // LEW Appendix 1: the meetings attended with young people, counted by kind in the LEW return.
            new FieldSpec(TimeEntry.MEETING_FIELD, "Meeting attended", "Only when the activity is attending a meeting: which "
                    + "meeting it was", FieldKind.CHOICE, false, 20, List.of(TimeEntry.Meeting.values()), "Select the meeting",
                    "Meeting attended"));

    private final CaseWork work;
    private final CaseStore store;
    private final StaffDirectory directory;
    private final StaffEmails emails;
    private final ContractCatalogue contracts;
    private final Clock clock;

    public RecordTime(CaseWork work, CaseStore store, StaffDirectory directory, StaffEmails emails,
                      ContractCatalogue contracts, Clock clock) {
        this.work = work;
        this.store = store;
        this.directory = directory;
        this.emails = emails;
        this.contracts = contracts;
        this.clock = clock;
    }

    /** What an entry says, as the request gave it. */
    private record Entered(LocalDate date, int minutes, TimeEntry.Kind kind, TimeEntry.Activity activity, TimeEntry.Meeting meeting) {
    }

    /** The rules across the entry's fields: a meeting only with the activity of attending one (LEW Appendix 1). */
    public static List<FieldError> acrossFields(Map<String, Object> values) {
        return TimeEntry.meetingErrors((TimeEntry.Activity) values.get("activity"),
                (TimeEntry.Meeting) values.get(TimeEntry.MEETING_FIELD));
    }

    /** {@code POST /cases/{reference}/time}: the case advocate or a manager, on an accepted case. */
    public CaseWork.Outcome record(ReferralReference reference, StaffActor actor, SubmittedFields body) {
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE,
                values -> "recorded time", FIELDS, List.of(), RecordTime::acrossFields, body, "a time entry", (v, referral, now) -> {
                    Entered entered = entered(v);
                    Optional<CaseWork.Outcome> wrong = wrong(referral, entered).or(() -> overADay(reference, entered, null));
                    if (wrong.isPresent()) {
                        return new CaseWork.Stop(wrong.get());
                    }
                    TimeEntry entry = new TimeEntry(id(), entered.date(), entered.minutes(), entered.kind(), entered.activity(),
                            entered.meeting(), actor.id(), now, 0);
                    return apply(referral, now, entry, null);
                });
    }

    /** {@code PUT /cases/{reference}/time/{entryId}}: the entry's author or a manager; the timeline keeps what changed. */
    public CaseWork.Outcome correct(ReferralReference reference, String entryId, StaffActor actor, SubmittedFields body) {
        String action = "corrected time entry " + (entryId.matches(ENTRY_ID) ? entryId : "(not found)");
        return work.change(reference, actor, CaseWork.Access.MANAGER_OR_CASE_ADVOCATE, CaseWork.WhenClosed.REFUSE, values -> action,
                FIELDS, List.of(), RecordTime::acrossFields, body, "a time entry", (v, referral, now) -> {
                    Entered entered = entered(v);
                    // Read after the case: a correction saved meanwhile moved the case's version, so this
                    // change would then be refused as a conflict rather than applied to a stale entry.
                    Optional<TimeEntry> found = entryId.matches(ENTRY_ID) ? store.records(reference, TimeEntry.class).stream()
                            .filter(entry -> entry.id().equals(entryId)).findFirst() : Optional.empty();
                    if (found.isEmpty()) {
                        return new CaseWork.Stop(new CaseWork.NotFound("There is no time entry with that id on this case."));
                    }
                    TimeEntry old = found.get();
                    if (!actor.isManager() && !old.author().equals(actor.id())) {
                        return new CaseWork.Stop(new CaseWork.NotAllowed("Only the member of staff who recorded this time, or a "
                                + "manager, can correct it."));
                    }
                    Optional<CaseWork.Outcome> wrong = wrong(referral, entered).or(() -> overADay(reference, entered, old));
                    if (wrong.isPresent()) {
                        return new CaseWork.Stop(wrong.get());
                    }
                    if (new Entered(old.date(), old.minutes(), old.kind(), old.activity(), old.meeting()).equals(entered)) {
                        // The same correction sent again (PUT is idempotent): nothing changes.
                        return new CaseWork.Stop(new CaseWork.Done(referral));
                    }
                    return apply(referral, now, new TimeEntry(old.id(), entered.date(), entered.minutes(), entered.kind(),
                            entered.activity(), entered.meeting(), old.author(), old.recordedAt(), old.revision() + 1), old);
                });
    }

    private static Entered entered(Map<String, Object> v) {
        return new Entered((LocalDate) v.get("date"), (Integer) v.get("minutes"), (TimeEntry.Kind) v.get("kind"),
                (TimeEntry.Activity) v.get("activity"), (TimeEntry.Meeting) v.get(TimeEntry.MEETING_FIELD));
    }

    /** Why the entry cannot go on this case, if it cannot. */
    private static Optional<CaseWork.Outcome> wrong(ReferralCase referral, Entered entered) {
        if (!referral.status().isOpenCasework()) {
            return Optional.of(new CaseWork.Conflict("Time is recorded on accepted cases; this one is: "
                    + referral.status().description()));
        }
        LocalDate received = referral.receivedAt().atZone(UK).toLocalDate();
        if (entered.date().isBefore(received)) {
            return Optional.of(new CaseWork.Invalid(List.of(new FieldError(DATE.name(), DATE.noun()
                    + " must not be before the referral was received (" + received + ")"))));
        }
        return Optional.empty();
    }

    /** The most time one day can hold. */
    static final int MINUTES_IN_A_DAY = 24 * 60;

    /**
     * Why the entry would put more than a day's time on one date, if it would (issue 20: a case took 25 hours dated one
     * day). Interpretation of "no more than 24 hours of time recorded for one person on one date": a case is one person,
     * so the entries of one case dated one day, whoever recorded them, add up to 24 hours at most; a correction counts
     * without the entry it replaces. Read after the case: an entry saved meanwhile moved the case's version, so this
     * change is then refused as a conflict rather than counted from a stale total.
     */
    private Optional<CaseWork.Outcome> overADay(ReferralReference reference, Entered entered, TimeEntry replaced) {
        int already = store.records(reference, TimeEntry.class).stream()
                .filter(entry -> entry.date().equals(entered.date()) && (replaced == null || !entry.id().equals(replaced.id())))
                .mapToInt(TimeEntry::minutes).sum();
        if (already + entered.minutes() <= MINUTES_IN_A_DAY) {
            return Optional.empty();
        }
        return Optional.of(new CaseWork.Invalid(List.of(new FieldError("minutes", "No more than 24 hours can be recorded on a case "
                + "for one day: " + HourRules.duration(already) + " is already recorded for " + entered.date().format(DAY)
                + ", so at most " + HourRules.duration(MINUTES_IN_A_DAY - already) + " more can be"))));
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
            java.util.Locale.UK);

    /** A new entry ({@code old} null) or a correction of {@code old}, checked against the contract's thresholds. */
    private CaseWork.Plan apply(ReferralCase referral, Instant now, TimeEntry entry, TimeEntry old) {
        ServiceConfig service = CaseWork.serviceOf(referral, contracts);
        boolean conference = HourRules.isConferenceCase(referral.details());
        int direct = (entry.kind() == TimeEntry.Kind.DIRECT ? entry.minutes() : 0)
                - (old != null && old.kind() == TimeEntry.Kind.DIRECT ? old.minutes() : 0);
        int indirect = (entry.kind() == TimeEntry.Kind.INDIRECT ? entry.minutes() : 0)
                - (old != null && old.kind() == TimeEntry.Kind.INDIRECT ? old.minutes() : 0);
        HourRules.Decision decision = HourRules.change(service.hourThresholds(), conference, referral.work().hours(), direct, indirect);
        if (!decision.allowed()) {
            return new CaseWork.Stop(new CaseWork.Refused(decision.broken()));
        }
        Hours after = decision.after();
        String totals = "the case now has " + HourRules.duration(after.totalMinutes()) + " (direct "
                + HourRules.duration(after.directMinutes()) + ", indirect " + HourRules.duration(after.indirectMinutes()) + ")";
        List<CaseEvent> events = new ArrayList<>();
        if (old == null) {
            events.add(new CaseEvent(now, CaseEvent.Type.TIME_RECORDED, "Time entry " + entry.id() + ": " + describe(entry) + "; "
                    + totals + " (LLR 26.17, LEW 17.5)"));
        } else {
            // What changed, field by field, old and new: the enumerated values only, no free text.
            List<String> changes = new ArrayList<>();
            if (old.minutes() != entry.minutes()) {
                changes.add("minutes " + old.minutes() + " to " + entry.minutes());
            }
            if (old.kind() != entry.kind()) {
                changes.add("kind " + old.kind() + " to " + entry.kind());
            }
            if (!old.date().equals(entry.date())) {
                changes.add("date " + old.date() + " to " + entry.date());
            }
            if (old.activity() != entry.activity()) {
                changes.add("activity " + old.activity() + " to " + entry.activity());
            }
            if (old.meeting() != entry.meeting()) {
                changes.add("meeting " + (old.meeting() == null ? "none" : old.meeting()) + " to "
                        + (entry.meeting() == null ? "none" : entry.meeting()));
            }
            events.add(new CaseEvent(now, CaseEvent.Type.TIME_CORRECTED, "Time entry " + entry.id() + " corrected (revision "
                    + entry.revision() + "): " + String.join(", ", changes) + "; " + totals));
        }
        List<CaseTask> tasks = new ArrayList<>();
        ReferralCase changed = referral.worked(referral.status(), referral.clocks(), referral.work().withHours(after));
        if (decision.reviewDue().isEmpty()) {
            return new CaseWork.Change(changed, events, tasks, List.of(entry), Optional.empty(), List.of());
        }
        HourThreshold review = decision.reviewDue().get();
        String threshold = HourRules.hours(review.hours());
        Contract contract = contracts.contractFor(referral.details().service());
        String council = contract.authority(referral.details().person().authority()).map(a -> a.name())
                .orElse(contract.leadAuthority().name());
        events.add(new CaseEvent(now, CaseEvent.Type.HOURS_REVIEW_DUE, "The case reached " + threshold + ": the update to the "
                + "Council is due (" + review.clause() + ")"));
        CaseTask task = new CaseTask(id(), CaseTask.Kind.SEND_HOURS_UPDATE, "Duty manager: send the Council the update due at "
                + threshold + " (" + review.clause() + "): the work undertaken so far, the future planned work, an estimate of the "
                + "hours it needs, and any barriers delaying or preventing resolution", council, now, true);
        tasks.add(task);
        events.add(new CaseEvent(now, CaseEvent.Type.TASK_CREATED, "Task: " + task.description()));
        Optional<HourRules.Limit> cap = HourRules.limits(service.hourThresholds(), conference, after).stream()
                .filter(limit -> !limit.rule().equals("HOURS_REQUEST_NEEDED")).findFirst();
        StaffEmails.HoursReview about = new StaffEmails.HoursReview(review.hours(), review.clause(),
                cap.map(HourRules.Limit::hours).orElse(null), cap.map(HourRules.Limit::clause).orElse(null));
        List<Outbox.OutboxMail> mails = tellDutyManagers(changed, about, now, events);
        return new CaseWork.Change(changed, events, tasks, List.of(entry), Optional.empty(), mails);
    }

    /**
     * Each duty manager of the contract gets the LEW 8.9 email, written into the outbox with the entry that reached the
     * review hours (sent from there once; what became of each is on the timeline). With none in the directory the
     * timeline says so, and the task stays on the case.
     */
    private List<Outbox.OutboxMail> tellDutyManagers(ReferralCase changed, StaffEmails.HoursReview review, Instant now,
                                                     List<CaseEvent> events) {
        String contract = changed.reference().contract();
        List<StaffRecord> dutyManagers = directory.dutyManagers(contract);
        if (dutyManagers.isEmpty()) {
            events.add(new CaseEvent(now, CaseEvent.Type.EMAIL_NOT_SENT, "No duty manager for " + contract + " is in the staff "
                    + "directory to email about the update to the Council: the task is on the case"));
            return List.of();
        }
        List<Outbox.OutboxMail> mails = new ArrayList<>();
        for (StaffRecord dutyManager : dutyManagers) {
            mails.add(OutboxMails.hoursReview(changed, dutyManager.id(), dutyManager.name(),
                    emails.hoursReviewDue(changed, dutyManager, review), now));
        }
        return mails;
    }

    private static String describe(TimeEntry entry) {
        return entry.minutes() + " min " + entry.kind().name().toLowerCase(java.util.Locale.ROOT) + ", "
                + entry.activity().displayName().toLowerCase(java.util.Locale.UK)
                + (entry.meeting() == null ? "" : " (" + entry.meeting().displayName().toLowerCase(java.util.Locale.UK) + ")")
                + ", on " + entry.date();
    }

    private static String id() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
