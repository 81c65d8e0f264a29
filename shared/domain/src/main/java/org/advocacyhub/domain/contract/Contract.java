package org.advocacyhub.domain.contract;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.time.Deadline;
import org.advocacyhub.domain.time.ServiceHours;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * One commissioning contract, loaded from its file under {@code contracts/} (configuration, not
 * code: requirements §2).
 *
 * @param code                   short name, e.g. {@code LLR}
 * @param name                   full name
 * @param source                 the file it was loaded from, for messages (e.g. {@code contracts/llr.yaml})
 * @param authorities            the councils it serves; exactly one is the lead
 * @param serviceHours           when the service is staffed
 * @param serviceHoursClause     where the hours come from
 * @param allowedReferralSources who may refer (LEW 8.2: self and the Participation Manager only)
 * @param referralSourcesClause  where that comes from
 * @param clocks                 contract-wide clocks not tied to a service (the answerphone callback, LLR 9.23)
 * @param services               the services it commissions
 * @param reportSchedule         when quarterly reports are due
 * @param contact                contact block for letters
 * @param calendar               the working calendar its clocks run on
 * @param feedback               the questions the person is asked at closure (LEW 13.3), ids unique; none when the
 *                               contract collects no feedback at closure
 * @param answerphone            how long answerphone messages are kept, if the contract says (else {@link #answerphoneTerms()}'s default)
 */
public record Contract(
        String code,
        String name,
        String source,
        List<Authority> authorities,
        ServiceHours serviceHours,
        String serviceHoursClause,
        Set<ReferralSource> allowedReferralSources,
        String referralSourcesClause,
        List<ClockDefinition> clocks,
        List<ServiceConfig> services,
        ReportSchedule reportSchedule,
        ContactDetails contact,
        WorkingCalendar calendar,
        List<FeedbackQuestion> feedback,
        java.util.Optional<AnswerphoneTerms> answerphone,
        org.advocacyhub.domain.retention.RetentionPolicy retention) {

    public Contract {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        authorities = List.copyOf(authorities);
        Objects.requireNonNull(serviceHours, "serviceHours");
        Objects.requireNonNull(serviceHoursClause, "serviceHoursClause");
        allowedReferralSources = allowedReferralSources.isEmpty()
                ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(allowedReferralSources));
        Objects.requireNonNull(referralSourcesClause, "referralSourcesClause");
        clocks = List.copyOf(clocks);
        services = List.copyOf(services);
        Objects.requireNonNull(reportSchedule, "reportSchedule");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(calendar, "calendar");
        feedback = List.copyOf(feedback);
        Objects.requireNonNull(answerphone, "answerphone");
        if (feedback.stream().map(FeedbackQuestion::id).distinct().count() != feedback.size()) {
            throw new IllegalArgumentException(source + ": feedback question ids must be unique");
        }
        if (authorities.stream().filter(Authority::lead).count() != 1) {
            throw new IllegalArgumentException(source + ": exactly one authority must be the lead");
        }
    }

    /** The authority with {@code code}, e.g. {@code LEICESTER}. */
    public Optional<Authority> authority(String code) {
        return authorities.stream().filter(authority -> authority.code().equals(code)).findFirst();
    }

    /** The lead authority (LLR 23.1). */
    public Authority leadAuthority() {
        return authorities.stream().filter(Authority::lead).findFirst().orElseThrow();
    }

    public boolean offers(ServiceCode service) {
        return services.stream().anyMatch(config -> config.code() == service);
    }

    /**
     * The configuration of {@code service}.
     *
     * @throws IllegalArgumentException when this contract does not commission it
     */
    public ServiceConfig service(ServiceCode service) {
        return services.stream().filter(config -> config.code() == service).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " does not commission " + service + "; it commissions "
                        + services.stream().map(config -> config.code().name()).collect(Collectors.joining(", "))));
    }

    /** Whether a referral from {@code source} is accepted (LEW 8.2). */
    public boolean accepts(ReferralSource referralSource) {
        return allowedReferralSources.contains(referralSource);
    }

    /**
     * A contract-wide clock, e.g. {@code answerphone-callback}.
     *
     * @throws IllegalArgumentException when there is none of that name
     */
    public ClockDefinition clock(String clockName) {
        return clocks.stream().filter(clock -> clock.name().equals(clockName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(code + " has no contract-wide clock '" + clockName + "'"));
    }

    /**
     * The deadline the acknowledgement of a referral for {@code service} shows: its
     * {@link ServiceConfig#firstClock() first clock} started at {@code startedAt} (the receipt, or
     * for a clock started by acceptance, the acceptance), on this contract's calendar.
     */
    public Deadline firstDeadline(ServiceCode service, Instant startedAt, boolean urgent) {
        return service(service).firstClock().deadline(startedAt, urgent, calendar);
    }

    /** The clock every answerphone message runs (LLR 9.23), if the contract has one. */
    public static final String ANSWERPHONE_CLOCK = "answerphone-callback";

    /** The contract's answerphone callback clock (LLR 9.23), if it has one: without it, it takes no answerphone messages. */
    public Optional<ClockDefinition> answerphoneClock() {
        return clocks.stream().filter(clock -> clock.name().equals(ANSWERPHONE_CLOCK)).findFirst();
    }

    /** How long answerphone messages are kept: as the contract says, else {@link AnswerphoneTerms#DEFAULT_RETENTION_DAYS} days. */
    public AnswerphoneTerms answerphoneTerms() {
        return answerphone.orElse(new AnswerphoneTerms(AnswerphoneTerms.DEFAULT_RETENTION_DAYS, null));
    }

    /** The feedback question {@code id}, if the contract asks it. */
    public Optional<FeedbackQuestion> feedbackQuestion(String id) {
        return feedback.stream().filter(question -> question.id().equals(id)).findFirst();
    }

    /** This contract on another calendar (e.g. with configured extra bank holidays). */
    public Contract withCalendar(WorkingCalendar other) {
        return new Contract(code, name, source, authorities, serviceHours, serviceHoursClause, allowedReferralSources,
                referralSourcesClause, clocks, services, reportSchedule, contact, other, feedback, answerphone, retention);
    }
}
