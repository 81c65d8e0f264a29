package org.advocacyhub.application.answerphone;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.advocacyhub.application.casework.ContractChoice;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.ContractTerms;
import org.advocacyhub.application.port.AnswerphoneStore;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.answerphone.AnswerphoneMessage;
import org.advocacyhub.domain.answerphone.CallbackAttempt;
import org.advocacyhub.domain.answerphone.CallbackMethod;
import org.advocacyhub.domain.answerphone.CallbackOutcome;
import org.advocacyhub.domain.casework.AuditEntry;
import org.advocacyhub.domain.casework.Digests;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.contract.ClockDefinition;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.Choice;
import org.advocacyhub.domain.referral.FieldError;
import org.advocacyhub.domain.referral.FieldKind;
import org.advocacyhub.domain.referral.FieldRules;
import org.advocacyhub.domain.referral.FieldSpec;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * Answerphone messages and the responses to them (LLR 9.23-9.24, issue 10): keyed in by staff or
 * put on the answerphone queue by a telephony system (the same fields, the same checks, the same
 * idempotency), listed soonest due first, and each attempt to respond recorded. A message's
 * callback clock is its contract's {@code answerphone-callback} clock started when the message was
 * left; contracts without one take no messages. Staff only: managers, and staff who work in the
 * message's contract; every access is in the message's audit trail.
 */
@Singleton
public final class AnswerphoneMessages {

    /** The actor of messages the telephony system puts on the queue. */
    public static final String TELEPHONY = "telephony";
    public static final int DEFAULT_LIMIT = 25;
    public static final int MOST_PER_PAGE = 100;

    private final AnswerphoneStore store;
    private final CaseStore cases;
    private final ContractCatalogue contracts;
    private final FieldRules rules;
    private final Clock clock;
    private final List<FieldSpec> messageFields;
    private final List<FieldSpec> listQuery;

    public AnswerphoneMessages(AnswerphoneStore store, CaseStore cases, ContractCatalogue contracts, ContractTerms terms, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.contracts = contracts;
        this.rules = new FieldRules(terms);
        this.clock = clock;
        this.messageFields = messageFields(contracts);
        this.listQuery = listQuery(contracts);
    }

    // ------------------------------------------------------------------ the fields, one definition for checks and the API description

    /** {@code POST /answerphone-messages} and the queue's message: one definition. */
    public static List<FieldSpec> messageFields(ContractCatalogue contracts) {
        return List.of(
                new FieldSpec("contract", "Contract", "The contract whose line took the message", FieldKind.CHOICE, true, 10,
                        ContractChoice.all(contracts), "Select the contract", "Contract"),
                new FieldSpec("leftAt", "Left at", "When the caller left it (the callback clock starts here): now or earlier",
                        FieldKind.DATE_TIME, true, 40, List.of(), "Enter when the message was left", "Left at"),
                new FieldSpec("callerName", "Caller's name", "", FieldKind.TEXT, false, 100, List.of(), "", "Caller's name"),
                new FieldSpec("callbackNumber", "Number to call back", "", FieldKind.PHONE, false, 30, List.of(), "", "Number to call back"),
                new FieldSpec("callbackEmail", "Email to answer", "", FieldKind.EMAIL, false, 254, List.of(), "", "Email to answer"),
                new FieldSpec("preferredMethod", "How they asked to be answered", "LLR 9.24", FieldKind.CHOICE, false, 20,
                        List.of(CallbackMethod.values()), "", "How they asked to be answered"),
                new FieldSpec("service", "Service asked about", "", FieldKind.CHOICE, false, 20, List.of(ServiceCode.values()), "",
                        "Service asked about"),
                new FieldSpec("reference", "Case reference", "The case the message is about, if any (e.g. LLR-2026-000042)",
                        FieldKind.TEXT, false, 20, List.of(), "", "Case reference"),
                new FieldSpec("summary", "What they said", "", FieldKind.TEXTAREA, false, 2000, List.of(), "", "What they said"),
                new FieldSpec("accessNeeds", "Access needs", "How they need to be contacted (text relay, BSL, an interpreter)",
                        FieldKind.TEXTAREA, false, 500, List.of(), "", "Access needs"),
                new FieldSpec("sourceId", "Source's message id", "The telephony system's own id for the message: a message sent "
                        + "twice with it is stored once (required on the answerphone queue)", FieldKind.TEXT, false, 200, List.of(), "",
                        "Source's message id"));
    }

    /** {@code POST /answerphone-messages/{id}/responses}. */
    public static final List<FieldSpec> RESPONSE = List.of(
            new FieldSpec("at", "When", "When the attempt was made: now or earlier, not before the message was left", FieldKind.DATE_TIME,
                    true, 40, List.of(), "Enter when the attempt was made", "When"),
            new FieldSpec("method", "How", "LLR 9.24", FieldKind.CHOICE, true, 20, List.of(CallbackMethod.values()),
                    "Select how the caller was answered", "How"),
            new FieldSpec("outcome", "Outcome", "Spoke, a voicemail left or an SMS or email sent is a response; no answer is not",
                    FieldKind.CHOICE, true, 30, List.of(CallbackOutcome.values()), "Select the outcome", "Outcome"),
            new FieldSpec("note", "Note", "", FieldKind.TEXTAREA, false, 2000, List.of(), "", "Note"),
            new FieldSpec("referralTaken", "Referral taken", "A referral was taken in the conversation: record it as a "
                    + "telephone referral, and give its case reference below", FieldKind.YES_NO, false, 5, List.of(), "",
                    "Referral taken"),
            new FieldSpec("reference", "Case reference", "The case it led to or concerns", FieldKind.TEXT, false, 20, List.of(), "",
                    "Case reference"));

    /** Which messages a list shows. */
    public enum Status implements Choice {
        open("Open: not yet responded to"), responded("Responded to"), all("Open, then responded to");

        private final String displayName;

        Status(String displayName) {
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    /** {@code GET /answerphone-messages}. */
    public static List<FieldSpec> listQuery(ContractCatalogue contracts) {
        return List.of(
                new FieldSpec("contract", "Contract", "", FieldKind.CHOICE, true, 10, ContractChoice.all(contracts), "Select the contract",
                        "Contract"),
                new FieldSpec("status", "Status", "open (the default), responded or all", FieldKind.CHOICE, false, 10,
                        Arrays.asList(Status.values()), "", "Status"),
                new FieldSpec("pageToken", "Page token", "The next token of the page before", FieldKind.TEXT, false, 1000, List.of(), "",
                        "Page token"),
                new FieldSpec("limit", "Messages per page", "1 to " + MOST_PER_PAGE + "; " + DEFAULT_LIMIT + " unless given",
                        FieldKind.INTEGER, false, 3, List.of(), "", "Messages per page", FieldSpec.Range.of(1, MOST_PER_PAGE)));
    }

    public List<FieldSpec> messageFields() {
        return messageFields;
    }

    public List<FieldSpec> listQuery() {
        return listQuery;
    }

    // ------------------------------------------------------------------ outcomes

    public sealed interface Outcome {
    }

    /** Stored now, or ({@code repeated}) stored before under the same source id with the same content. */
    public record Created(AnswerphoneMessage message, boolean repeated, Instant at) implements Outcome {
    }

    public record Listed(List<AnswerphoneMessage> messages, String next, Instant at) implements Outcome {
    }

    public record Recorded(AnswerphoneMessage message, List<CallbackAttempt> attempts, Instant at) implements Outcome {
    }

    public record Invalid(List<FieldError> errors) implements Outcome {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }

    public record NotAllowed(String why) implements Outcome {
    }

    public record NotFound(String why) implements Outcome {
    }

    public record Conflict(String why) implements Outcome {
    }

    // ------------------------------------------------------------------ keying in a message

    /**
     * A message keyed in by staff ({@code POST /answerphone-messages}) or put on the queue by the
     * telephony system ({@code actor} {@link #TELEPHONY}, which must give {@code sourceId}).
     * Without a {@code sourceId}, a staff request made with an idempotency key is its own source (its id, {@link
     * StaffActor#request}, a digest of who sent it and the key): run again after its function stopped, it finds its
     * message and stores no second one (issue 19).
     */
    public Outcome record(String actorId, Optional<StaffActor> staff, SubmittedFields body) {
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(messageFields, body, today(now), "an answerphone message");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        Contract contract = v.get("contract") instanceof Choice chosen ? contracts.contract(chosen.name()).orElse(null) : null;
        Optional<ClockDefinition> callback = contract == null ? Optional.empty() : contract.answerphoneClock();
        if (contract != null && callback.isEmpty()) {
            errors.add(new FieldError("contract", contract.code() + " has no answerphone callback clock in its contract, so it takes no "
                    + "answerphone messages"));
        }
        Instant leftAt = (Instant) v.get("leftAt");
        if (leftAt != null && leftAt.isAfter(now)) {
            errors.add(new FieldError("leftAt", "Left at must be now or earlier"));
        }
        if (leftAt != null && contract != null && leftAt.isBefore(now.minus(contract.answerphoneTerms().retention()))) {
            errors.add(new FieldError("leftAt", "Left at is longer ago than " + contract.code() + " keeps answerphone messages ("
                    + contract.answerphoneTerms().retentionDays() + " days)"));
        }
        ServiceCode service = v.get("service") instanceof ServiceCode chosen ? chosen : null;
        if (service != null && contract != null && !contract.offers(service)) {
            errors.add(new FieldError("service", contract.code() + " does not commission " + service.displayName()));
        }
        ReferralReference reference = reference("reference", (String) v.get("reference"), contract, errors);
        String sourceId = (String) v.get("sourceId");
        if (TELEPHONY.equals(actorId) && sourceId == null) {
            errors.add(new FieldError("sourceId", "Source's message id is required on the answerphone queue, so that a message sent "
                    + "twice is stored once"));
        }
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        if (staff.isPresent() && !mayUse(staff.get(), contract)) {
            return notAllowedToKeyIn(contract);
        }
        int year = leftAt.atZone(WorkingCalendar.ZONE).getYear();
        String id = AnswerphoneMessage.id(contract.code(), year, store.nextSequence(contract.code(), year));
        // LLR 9.23: the callback clock runs from when the message was left, not when it was keyed in.
        SlaClock started = SlaClock.start(Contract.ANSWERPHONE_CLOCK, callback.get().rule(), leftAt);
        AnswerphoneMessage message = new AnswerphoneMessage(id, contract.code(), leftAt, (String) v.get("callerName"),
                (String) v.get("callbackNumber"), (String) v.get("callbackEmail"), (CallbackMethod) v.get("preferredMethod"), service,
                reference, (String) v.get("summary"), (String) v.get("accessNeeds"), actorId, now, started, 0, 0);
        Optional<String> key = Optional.ofNullable(sourceId).or(() -> staff.flatMap(StaffActor::request));
        Optional<AnswerphoneStore.SourceKey> source = key.map(k -> new AnswerphoneStore.SourceKey(k, fingerprint(body)));
        AnswerphoneStore.Recorded recorded = store.record(message, source,
                new AuditEntry(shortId(), now, actorId, "keyed in the message"), expiry(message, contract));
        if (recorded instanceof AnswerphoneStore.AlreadyStored earlier) {
            if (!earlier.sameContent()) {
                return new Conflict("A message with this source id was stored before with other content (" + earlier.messageId()
                        + "): give each message its own id.");
            }
            return new Created(store.find(earlier.messageId()).orElseThrow(), true, now);
        }
        return new Created(message, false, now);
    }

    /**
     * Whether {@code actor} may key in messages for the contract {@code contractCode}, decided before a message is read
     * (issue 20: the console's form names its contract in its address): empty when they may; not found when the contract
     * takes no answerphone messages.
     */
    public Optional<Outcome> keyInRefusal(String contractCode, StaffActor actor) {
        Optional<Contract> contract = contracts.contract(contractCode).filter(c -> c.answerphoneClock().isPresent());
        if (contract.isEmpty()) {
            return Optional.of(new NotFound("There is no answerphone line for that contract."));
        }
        return mayUse(actor, contract.get()) ? Optional.empty() : Optional.of(notAllowedToKeyIn(contract.get()));
    }

    private static NotAllowed notAllowedToKeyIn(Contract contract) {
        return new NotAllowed("Only managers and staff who work in " + contract.code() + " may key in its answerphone messages.");
    }

    // ------------------------------------------------------------------ the list

    /** {@code GET /answerphone-messages?contract=&status=open|responded|all}. */
    public Outcome list(StaffActor actor, Map<String, List<String>> parameters) {
        Instant now = clock.instant();
        FieldRules.Checked checked = rules.check(listQuery, SubmittedFields.of(parameters), today(now), "the list's query");
        if (!checked.valid()) {
            return new Invalid(checked.errors());
        }
        Map<String, Object> v = checked.values();
        Contract contract = contracts.contract(((Choice) v.get("contract")).name()).orElseThrow();
        if (contract.answerphoneClock().isEmpty()) {
            return new Invalid(List.of(new FieldError("contract", contract.code() + " has no answerphone callback clock in its contract, "
                    + "so it takes no answerphone messages")));
        }
        if (!mayUse(actor, contract)) {
            return new NotAllowed("Only managers and staff who work in " + contract.code() + " may see its answerphone messages.");
        }
        Status status = v.get("status") instanceof Status chosen ? chosen : Status.open;
        List<AnswerphoneStore.Listing> listings = switch (status) {
            case open -> List.of(AnswerphoneStore.Listing.OPEN);
            case responded -> List.of(AnswerphoneStore.Listing.RESPONDED);
            case all -> List.of(AnswerphoneStore.Listing.OPEN, AnswerphoneStore.Listing.RESPONDED);
        };
        int limit = v.get("limit") instanceof Integer given ? given : DEFAULT_LIMIT;
        AnswerphoneStore.Page page;
        try {
            page = store.list(contract.code(), listings, (String) v.get("pageToken"), limit);
        } catch (IllegalArgumentException e) {
            return new Invalid(List.of(new FieldError("pageToken", "Page token is not one this list gave: start again without it")));
        }
        if (!page.messages().isEmpty()) {
            // Every staff access is audited (LLR 26.8): the list shows callers' details, so each message shown records it.
            store.audit(page.messages(), new AuditEntry(shortId(), now, actor.id(), "saw the message in the answerphone list"),
                    expiry(now, contract));
        }
        return new Listed(page.messages(), page.next(), now);
    }

    // ------------------------------------------------------------------ responding

    /**
     * Why {@code actor} may not respond to the message {@code messageId} ({@link NotFound}, {@link NotAllowed}), if they may
     * not: asked before a response's body is read (issue 20: authorization before validation).
     */
    public Optional<Outcome> refusal(String messageId, StaffActor actor) {
        return refusal(messageId.matches(AnswerphoneMessage.ID_PATTERN) ? store.find(messageId) : Optional.empty(), actor);
    }

    private Optional<Outcome> refusal(Optional<AnswerphoneMessage> found, StaffActor actor) {
        if (found.isEmpty()) {
            return Optional.of(new NotFound("There is no answerphone message with that id."));
        }
        Contract contract = contracts.contract(found.get().contract()).orElseThrow();
        if (!mayUse(actor, contract)) {
            return Optional.of(new NotAllowed("Only managers and staff who work in " + contract.code()
                    + " may respond to its answerphone messages."));
        }
        return Optional.empty();
    }

    /** {@code POST /answerphone-messages/{id}/responses}: one attempt to respond. */
    public Outcome respond(String messageId, StaffActor actor, SubmittedFields body) {
        Instant now = clock.instant();
        Optional<AnswerphoneMessage> found = messageId.matches(AnswerphoneMessage.ID_PATTERN) ? store.find(messageId) : Optional.empty();
        Optional<Outcome> refused = refusal(found, actor);
        if (refused.isPresent()) {
            return refused.get();
        }
        AnswerphoneMessage message = found.get();
        Contract contract = contracts.contract(message.contract()).orElseThrow();
        FieldRules.Checked checked = rules.check(RESPONSE, body, today(now), "a response");
        List<FieldError> errors = new ArrayList<>(checked.errors());
        Map<String, Object> v = checked.values();
        Instant at = (Instant) v.get("at");
        if (at != null && at.isAfter(now)) {
            errors.add(new FieldError("at", "When must be now or earlier"));
        }
        if (at != null && at.isBefore(message.leftAt())) {
            errors.add(new FieldError("at", "When must not be before the message was left (" + message.leftAt() + ")"));
        }
        CallbackMethod method = (CallbackMethod) v.get("method");
        CallbackOutcome outcome = (CallbackOutcome) v.get("outcome");
        if (method != null && outcome != null && !outcome.possibleWith(method)) {
            errors.add(new FieldError("outcome", "\u201c" + outcome.displayName() + "\u201d is not an outcome of "
                    + method.displayName().toLowerCase(java.util.Locale.UK) + ": choose another outcome or how you responded"));
        }
        boolean referralTaken = Boolean.TRUE.equals(v.get("referralTaken"));
        if (referralTaken && outcome != null && outcome != CallbackOutcome.SPOKE) {
            errors.add(new FieldError("referralTaken", "A referral is taken in a conversation: the outcome must be "
                    + CallbackOutcome.SPOKE.name()));
        }
        ReferralReference reference = reference("reference", (String) v.get("reference"), contract, errors);
        if (!errors.isEmpty()) {
            return new Invalid(errors);
        }
        // The same id each time a keyed request runs (issue 19): run again, it finds its attempt and records nothing more.
        String attemptId = actor.newRecordId().substring(0, 8);
        if (actor.request().isPresent()) {
            List<CallbackAttempt> earlier = store.attempts(messageId);
            if (earlier.stream().anyMatch(a -> a.id().equals(attemptId))) {
                return new Recorded(message, earlier, now);
            }
        }
        SlaClock after = message.clock();
        if (outcome.responds() && !after.isStopped()) {
            // LLR 9.23 as interpreted in CallbackOutcome: this attempt is the response.
            after = after.stop(at);
        }
        CallbackAttempt attempt = new CallbackAttempt(attemptId, at, method, outcome, (String) v.get("note"), referralTaken, reference,
                actor.id(), now);
        AnswerphoneMessage changed = message.withAttempt(after, reference);
        if (!store.saveAttempt(message, changed, attempt, new AuditEntry(shortId(), now, actor.id(), "recorded an attempt to respond"),
                expiry(message, contract))) {
            return new Conflict("Someone else recorded a response to this message at the same time; reload it and try again.");
        }
        AnswerphoneMessage saved = store.find(messageId).orElseThrow();
        return new Recorded(saved, store.attempts(messageId), now);
    }

    // ------------------------------------------------------------------ shared

    /** Managers, and active staff who work in the contract (requirements §8: personal data reaches only those who need it). */
    private static boolean mayUse(StaffActor actor, Contract contract) {
        return actor.isManager() || actor.record().filter(r -> r.active() && r.contracts().contains(contract.code())).isPresent();
    }

    /** A case reference given with a message or a response: well formed, held, and the message's contract's. */
    private ReferralReference reference(String field, String text, Contract contract, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        Optional<ReferralReference> parsed = ReferralReference.parse(text);
        if (parsed.isEmpty()) {
            errors.add(new FieldError(field, "Case reference must look like LLR-2026-000042"));
            return null;
        }
        if (contract != null && !parsed.get().contract().equals(contract.code()) || cases.findCase(parsed.get()).isEmpty()) {
            errors.add(new FieldError(field, "There is no " + (contract == null ? "" : contract.code() + " ") + "case " + parsed.get().value()));
            return null;
        }
        return parsed.get();
    }

    /** When what the caller left is deleted: the contract's retention period after the message was left. */
    private static Instant expiry(AnswerphoneMessage message, Contract contract) {
        return message.leftAt().plus(contract.answerphoneTerms().retention());
    }

    /** An access record is kept as long as a message left now would be. */
    private static Instant expiry(Instant now, Contract contract) {
        return now.plus(contract.answerphoneTerms().retention());
    }

    private static String fingerprint(SubmittedFields body) {
        return Digests.sha256Hex(body.canonicalForm());
    }

    private static LocalDate today(Instant now) {
        return now.atZone(WorkingCalendar.ZONE).toLocalDate();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
