package org.advocacyhub.persistence;

import static org.advocacyhub.persistence.TableKeys.CASE_SK;
import static org.advocacyhub.persistence.TableKeys.GSI1PK;
import static org.advocacyhub.persistence.TableKeys.GSI1SK;
import static org.advocacyhub.persistence.TableKeys.GSI2PK;
import static org.advocacyhub.persistence.TableKeys.GSI2SK;
import static org.advocacyhub.persistence.TableKeys.PK;
import static org.advocacyhub.persistence.TableKeys.SK;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.CaseStatus;
import org.advocacyhub.domain.casework.CaseTask;
import org.advocacyhub.domain.casework.DecisionLetter;
import org.advocacyhub.domain.casework.ScreeningRecord;
import org.advocacyhub.domain.eligibility.InformationNeeded;
import org.advocacyhub.domain.eligibility.Outcome;
import org.advocacyhub.domain.eligibility.Reason;
import org.advocacyhub.domain.eligibility.ScreeningDecision;
import org.advocacyhub.domain.eligibility.Signpost;
import org.advocacyhub.domain.casework.ReceiptDeadline;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.casework.ReferralReference;
import org.advocacyhub.domain.referral.Awareness;
import org.advocacyhub.domain.referral.Disability;
import org.advocacyhub.domain.referral.Ethnicity;
import org.advocacyhub.domain.referral.Gender;
import org.advocacyhub.domain.referral.Person;
import org.advocacyhub.domain.referral.ReferralDetails;
import org.advocacyhub.domain.referral.ReferralRoute;
import org.advocacyhub.domain.referral.ReferralSource;
import org.advocacyhub.domain.referral.Referrer;
import org.advocacyhub.domain.referral.ReferrerRelationship;
import org.advocacyhub.domain.referral.Residence;
import org.advocacyhub.domain.referral.ServiceCode;
import org.advocacyhub.domain.referral.Urgency;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.Pause;
import org.advocacyhub.domain.time.SlaClock;
import org.advocacyhub.domain.casework.DeadlineAlerts;
import org.advocacyhub.domain.time.SlaRule;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * All item mapping for the table, both ways, in one place. Hand-written rather than reflective:
 * it costs nothing at cold start and every attribute name is visible here.
 */
public final class CaseItemMapper {

    static final String TYPE = "type";

    // ------------------------------------------------------------------ cases

    public CaseItemMapper() {
    }

    public Map<String, AttributeValue> toItem(ReferralCase c) {
        ReferralDetails d = c.details();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.casePk(c.reference())));
        item.put(SK, s(CASE_SK));
        item.put(TYPE, s("CASE"));
        item.put("reference", s(c.reference().value()));
        item.put("contract", s(c.reference().contract()));
        item.put("status", s(c.status().name()));
        item.put("receivedAt", s(c.receivedAt().toString()));
        item.put("service", s(d.service().name()));
        item.put("route", s(d.route().name()));
        item.put("source", s(d.source().name()));
        item.put("urgency", s(d.urgency().name()));
        item.put("awareness", s(d.awareness().name()));
        item.put("reason", s(d.reason()));
        item.put("selfReferral", AttributeValue.fromBool(d.isSelfReferral()));
        putIfPresent(item, "fixedDate", d.fixedDate() == null ? null : d.fixedDate().toString());
        putIfPresent(item, "fixedDateReason", d.fixedDateReason());
        item.put("person", AttributeValue.fromM(person(d.person())));
        item.put("referrer", AttributeValue.fromM(referrer(d.referrer())));
        Map<String, AttributeValue> answers = new HashMap<>();
        d.serviceAnswers().forEach((k, v) -> answers.put(k, s(v)));
        item.put("serviceAnswers", AttributeValue.fromM(answers));
        if (c.firstDeadline() != null) {
            item.put("firstDeadline", AttributeValue.fromM(deadline(c.firstDeadline())));
        }
        item.put("clocks", AttributeValue.fromL(c.clocks().stream().map(k -> AttributeValue.fromM(clock(k))).toList()));
        if (c.screening() != null) {
            item.put("screening", AttributeValue.fromM(screening(c.screening())));
        }
        if (c.letter() != null) {
            item.put("letter", AttributeValue.fromM(letter(c.letter())));
        }
        if (c.status() == CaseStatus.RECEIVED) {
            // In the work index until screening decides; the sweep finds it there. (The decision letter waits in the outbox.)
            item.put(GSI1PK, s(TableKeys.SCREENING_PENDING));
            item.put(GSI1SK, s(TableKeys.timeThenReference(c.receivedAt(), c.reference())));
        }
        item.put(GSI2PK, s(TableKeys.reportPk(c.reference().contract(), d.person().authority(),
                FinancialQuarter.containing(c.receivedAt()).key())));
        item.put(GSI2SK, s(TableKeys.timeThenReference(c.receivedAt(), c.reference())));
        item.put(TableKeys.GSI3PK, s(TableKeys.statusPk(c.reference().contract(), c.status().name())));
        item.put(TableKeys.GSI3SK, s(TableKeys.timeThenReference(c.receivedAt(), c.reference())));
        if (c.work().allocation() != null && c.status() != CaseStatus.CLOSED) {
            // In the advocate's list while the case is theirs and open.
            item.put(TableKeys.GSI4PK, s(TableKeys.advocatePk(c.work().allocation().advocateId())));
            item.put(TableKeys.GSI4SK, s(TableKeys.timeThenReference(c.receivedAt(), c.reference())));
        } else if (c.status() == CaseStatus.CLOSED && c.work().closure() != null) {
            // In the closed partition of its closure quarter (issue 11): the quarterly return reads the
            // cases received earlier and closed since the year began there, by Query; a reopened case leaves it.
            item.put(TableKeys.GSI4PK, s(TableKeys.closedPk(c.reference().contract(), d.person().authority(),
                    FinancialQuarter.containing(c.work().closure().at()).key())));
            item.put(TableKeys.GSI4SK, s(TableKeys.timeThenReference(c.work().closure().at(), c.reference())));
        }
        item.put("work", AttributeValue.fromM(WorkItemMapper.toMap(c.work())));
        item.put("version", AttributeValue.fromN(Long.toString(c.version())));
        return item;
    }

    public ReferralCase toCase(Map<String, AttributeValue> item) {
        ReferralDetails details = new ReferralDetails(
                ServiceCode.valueOf(str(item, "service")),
                ReferralRoute.valueOf(str(item, "route")),
                ReferralSource.valueOf(str(item, "source")),
                toPerson(item.get("person").m()),
                toReferrer(item.get("referrer").m()),
                Urgency.valueOf(str(item, "urgency")),
                item.containsKey("fixedDate") ? LocalDate.parse(str(item, "fixedDate")) : null,
                opt(item, "fixedDateReason"),
                Awareness.valueOf(str(item, "awareness")),
                str(item, "reason"),
                answers(item.get("serviceAnswers")));
        return new ReferralCase(
                ReferralReference.parse(str(item, "reference")).orElseThrow(),
                details,
                Instant.parse(str(item, "receivedAt")),
                CaseStatus.valueOf(str(item, "status")),
                item.containsKey("firstDeadline") ? toDeadline(item.get("firstDeadline").m()) : null,
                item.containsKey("clocks") ? item.get("clocks").l().stream().map(v -> toClock(v.m())).toList() : List.of(),
                item.containsKey("screening") ? toScreening(item.get("screening").m()) : null,
                item.containsKey("letter") ? toLetter(item.get("letter").m()) : null,
                WorkItemMapper.toWork(item.get("work")),
                item.containsKey("version") ? Long.parseLong(item.get("version").n()) : 0);
    }

    // ------------------------------------------------------------------ running clocks, by due and alert time

    /**
     * The clock item of a running clock with a known due time: what the allocation timer and the
     * daily digest need without reading the case (issue 9). It is in the due-time index (GSI3) while
     * it runs, and in the alert index (GSI1) at the time of its next alert: written waiting for the
     * reminder, or for the escalation when the reminder would come at or after the deadline.
     */
    public Map<String, AttributeValue> toClockItem(ReferralCase c, DeadlineAlerts.Watched watched) {
        Map<String, AttributeValue> item = clockItem(TableKeys.casePk(c.reference()), c.reference().value(), c.reference().contract(),
                c.details().service(), watched);
        item.put("reference", s(c.reference().value()));
        return item;
    }

    /**
     * A clock item of any owner (a case, or an answerphone message, issue 10): its partition, the
     * owner's id in the index sort keys, and what the timer and the digest read.
     */
    static Map<String, AttributeValue> clockItem(String ownerPk, String ownerId, String contract, ServiceCode service,
                                                 DeadlineAlerts.Watched watched) {
        return clockItem(ownerPk, ownerId, contract, service, watched.clock().name(), watched.clock().startedAt(), watched.dueAt(),
                watched.reminderAt(), watched.urgent());
    }

    /** The clock item of any owner from its times: in the due-time index, and in the alert index at its next alert. */
    private static Map<String, AttributeValue> clockItem(String ownerPk, String ownerId, String contract, ServiceCode service, String clock,
                                                         Instant startedAt, Instant dueAt, Instant reminderAt, boolean urgent) {
        DeadlineAlerts.Next next = DeadlineAlerts.next(DeadlineAlerts.Kind.REMINDER, reminderAt, dueAt);
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(ownerPk));
        item.put(SK, s(TableKeys.clockSk(clock)));
        item.put(TYPE, s("CLOCK"));
        item.put(GSI1PK, s(TableKeys.CLOCK_ALERTS));
        item.put(GSI1SK, s(TableKeys.clockDueSk(next.at(), ownerId, clock)));
        item.put(TableKeys.GSI3PK, s(TableKeys.CLOCKS_DUE));
        item.put(TableKeys.GSI3SK, s(TableKeys.clockDueSk(dueAt, ownerId, clock)));
        item.put("contract", s(contract));
        if (service != null) {
            item.put("service", s(service.name()));
        }
        item.put("clock", s(clock));
        item.put("dueAt", s(dueAt.toString()));
        item.put("startedAt", s(startedAt.toString()));
        item.put("reminderAt", s(reminderAt.toString()));
        item.put("urgent", AttributeValue.fromBool(urgent));
        item.put("waiting", s(next.kind().name()));
        item.put("alertAt", s(next.at().toString()));
        return item;
    }

    public CaseStore.IndexedClock toIndexedClock(Map<String, AttributeValue> item) {
        return new CaseStore.IndexedClock(item.containsKey("reference") ? ReferralReference.parse(str(item, "reference")).orElseThrow() : null,
                opt(item, "messageId"), item.containsKey("reportQuarter") ? FinancialQuarter.parseKey(str(item, "reportQuarter")) : null,
                str(item, "contract"),
                item.containsKey("service") ? ServiceCode.valueOf(str(item, "service")) : null, str(item, "clock"),
                Instant.parse(str(item, "dueAt")),
                Instant.parse(str(item, "reminderAt")), item.containsKey("urgent") && item.get("urgent").bool(),
                item.containsKey("waiting") ? DeadlineAlerts.Kind.valueOf(str(item, "waiting")) : null,
                item.containsKey("alertAt") ? Instant.parse(str(item, "alertAt")) : null, opt(item, "dataRequestId"));
    }

    /**
     * A data protection request's due day as a clock item (issue 22): the same indexes as a case's clock, so the allocation
     * timer raises its reminder and escalation with the rest. It belongs to no contract ({@link DataRequest#CLOCKS_CONTRACT}):
     * a contract's digest does not list it.
     */
    static Map<String, AttributeValue> dataRequestClockItem(org.advocacyhub.domain.dataprotection.DataRequest request, Instant startedAt,
                                                          Instant dueAt, Instant reminderAt) {
        Map<String, AttributeValue> item = clockItem(TableKeys.dataRequestPk(request.id()), request.id(),
                org.advocacyhub.domain.dataprotection.DataRequest.CLOCKS_CONTRACT, null,
                org.advocacyhub.domain.dataprotection.DataRequest.CLOCK, startedAt, dueAt, reminderAt, false);
        item.put("dataRequestId", s(request.id()));
        return item;
    }

    /**
     * A quarterly report's deadline as a clock item (issue 11): the same indexes and attributes as a
     * case's clock, so the allocation timer and the digest read it with the rest.
     */
    static Map<String, AttributeValue> reportDeadlineItem(org.advocacyhub.domain.reports.ReportDeadline deadline) {
        Map<String, AttributeValue> item = clockItem(TableKeys.reportDeadlinePk(deadline.contract(), deadline.quarter().key()),
                deadline.ownerId(), deadline.contract(), null, org.advocacyhub.domain.reports.ReportDeadline.CLOCK, deadline.startedAt(),
                deadline.dueAt(), deadline.reminderAt(), false);
        item.put("reportQuarter", s(deadline.quarter().key()));
        return item;
    }

    /** The partition of a clock's owner: its case's, its answerphone message's or its quarterly report deadline's. */
    static String ownerPk(CaseStore.IndexedClock clock) {
        return clock.reference() != null ? TableKeys.casePk(clock.reference())
                : clock.messageId() != null ? TableKeys.messagePk(clock.messageId())
                : clock.dataRequestId() != null ? TableKeys.dataRequestPk(clock.dataRequestId())
                : TableKeys.reportDeadlinePk(clock.contract(), clock.reportQuarter().key());
    }

    // ------------------------------------------------------------------ clocks, screening, letter

    static Map<String, AttributeValue> clock(SlaClock k) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("name", s(k.name()));
        m.put("rule", s(k.rule().kind()));
        m.put("amount", AttributeValue.fromN(Integer.toString(k.rule().amount())));
        m.put("startedAt", s(k.startedAt().toString()));
        putIfPresent(m, "stoppedAt", k.stoppedAt() == null ? null : k.stoppedAt().toString());
        m.put("pauses", AttributeValue.fromL(k.pauses().stream().map(p -> {
            Map<String, AttributeValue> pause = new HashMap<>();
            pause.put("start", s(p.start().toString()));
            putIfPresent(pause, "end", p.end() == null ? null : p.end().toString());
            pause.put("reason", s(p.reason()));
            return AttributeValue.fromM(pause);
        }).toList()));
        return m;
    }

    static SlaClock toClock(Map<String, AttributeValue> m) {
        List<Pause> pauses = m.get("pauses").l().stream().map(v -> {
            Map<String, AttributeValue> p = v.m();
            return new Pause(Instant.parse(str(p, "start")), p.containsKey("end") ? Instant.parse(str(p, "end")) : null,
                    str(p, "reason"));
        }).toList();
        return new SlaClock(str(m, "name"), SlaRule.of(str(m, "rule"), Integer.parseInt(m.get("amount").n())),
                Instant.parse(str(m, "startedAt")), pauses, m.containsKey("stoppedAt") ? Instant.parse(str(m, "stoppedAt")) : null);
    }

    private static Map<String, AttributeValue> screening(ScreeningRecord r) {
        ScreeningDecision d = r.decision();
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("outcome", s(d.outcome().name()));
        m.put("decidedAt", s(r.decidedAt().toString()));
        m.put("policy", s(r.policy()));
        m.put("reasons", AttributeValue.fromL(d.reasons().stream()
                .map(x -> AttributeValue.fromM(Map.of("text", s(x.plainEnglish()), "clause", s(x.clause())))).toList()));
        m.put("signposts", AttributeValue.fromL(d.signposts().stream()
                .map(x -> AttributeValue.fromM(Map.of("name", s(x.name()), "howTheyHelp", s(x.howTheyHelp())))).toList()));
        m.put("informationNeeded", AttributeValue.fromL(d.informationNeeded().stream()
                .map(x -> AttributeValue.fromM(Map.of("what", s(x.what()), "fromWhom", s(x.fromWhom())))).toList()));
        m.put("alsoLooksEligibleFor", AttributeValue.fromL(d.alsoLooksEligibleFor().stream().sorted().map(x -> s(x.name())).toList()));
        putIfPresent(m, "redirectTo", d.redirectTo() == null ? null : d.redirectTo().name());
        return m;
    }

    private static ScreeningRecord toScreening(Map<String, AttributeValue> m) {
        Set<ServiceCode> also = EnumSet.noneOf(ServiceCode.class);
        m.get("alsoLooksEligibleFor").l().forEach(v -> also.add(ServiceCode.valueOf(v.s())));
        ScreeningDecision decision = new ScreeningDecision(
                Outcome.valueOf(str(m, "outcome")),
                m.get("reasons").l().stream().map(v -> new Reason(str(v.m(), "text"), str(v.m(), "clause"))).toList(),
                m.get("signposts").l().stream().map(v -> new Signpost(str(v.m(), "name"), str(v.m(), "howTheyHelp"))).toList(),
                m.containsKey("redirectTo") ? ServiceCode.valueOf(str(m, "redirectTo")) : null,
                also,
                m.get("informationNeeded").l().stream().map(v -> new InformationNeeded(str(v.m(), "what"), str(v.m(), "fromWhom"))).toList());
        return new ScreeningRecord(decision, Instant.parse(str(m, "decidedAt")), str(m, "policy"));
    }

    static Map<String, AttributeValue> letter(DecisionLetter l) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("status", s(l.status().name()));
        m.put("decidedAt", s(l.decidedAt().toString()));
        putIfPresent(m, "sentAt", l.sentAt() == null ? null : l.sentAt().toString());
        return m;
    }

    private static DecisionLetter toLetter(Map<String, AttributeValue> m) {
        String status = str(m, "status");
        // Before issue 19 a letter being sent was CLAIMED; its email now waits in the outbox or was settled there.
        return new DecisionLetter("CLAIMED".equals(status) ? DecisionLetter.Status.PENDING : DecisionLetter.Status.valueOf(status),
                Instant.parse(str(m, "decidedAt")), m.containsKey("sentAt") ? Instant.parse(str(m, "sentAt")) : null);
    }

    // ------------------------------------------------------------------ tasks

    public Map<String, AttributeValue> toItem(ReferralReference reference, CaseTask task) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.casePk(reference)));
        item.put(SK, s(TableKeys.taskSk(task.createdAt(), task.id())));
        item.put(TYPE, s("TASK"));
        item.put("taskId", s(task.id()));
        item.put("kind", s(task.kind().name()));
        item.put("description", s(task.description()));
        putIfPresent(item, "fromWhom", task.fromWhom());
        item.put("createdAt", s(task.createdAt().toString()));
        item.put("open", AttributeValue.fromBool(task.open()));
        return item;
    }

    public CaseTask toTask(Map<String, AttributeValue> item) {
        return new CaseTask(str(item, "taskId"), CaseTask.Kind.valueOf(str(item, "kind")), str(item, "description"),
                opt(item, "fromWhom"), Instant.parse(str(item, "createdAt")), item.get("open").bool());
    }

    private static Map<String, AttributeValue> person(Person p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("name", s(p.name()));
        m.put("dateOfBirth", s(p.dateOfBirth().toString()));
        m.put("gender", s(p.gender().name()));
        m.put("ethnicity", s(p.ethnicity().name()));
        // A string set cannot be empty in DynamoDB, so the disabilities are a list.
        m.put("disabilities", AttributeValue.fromL(p.disabilities().stream().sorted().map(x -> s(x.name())).toList()));
        m.put("residence", s(p.residence().name()));
        m.put("authority", s(p.authority()));
        m.put("interpreterNeeded", AttributeValue.fromBool(p.interpreterNeeded()));
        putIfPresent(m, "placeName", p.placeName());
        putIfPresent(m, "postcode", p.postcode());
        putIfPresent(m, "communicationNeeds", p.communicationNeeds());
        putIfPresent(m, "language", p.language());
        return m;
    }

    private static Person toPerson(Map<String, AttributeValue> m) {
        Set<Disability> disabilities = EnumSet.noneOf(Disability.class);
        m.get("disabilities").l().forEach(v -> disabilities.add(Disability.valueOf(v.s())));
        return new Person(str(m, "name"), LocalDate.parse(str(m, "dateOfBirth")), Gender.valueOf(str(m, "gender")),
                Ethnicity.valueOf(str(m, "ethnicity")), disabilities, Residence.valueOf(str(m, "residence")),
                opt(m, "placeName"), opt(m, "postcode"), str(m, "authority"), opt(m, "communicationNeeds"),
                opt(m, "language"), m.get("interpreterNeeded").bool());
    }

    private static Map<String, AttributeValue> referrer(Referrer r) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("relationship", s(r.relationship().name()));
        m.put("name", s(r.name()));
        putIfPresent(m, "role", r.role());
        putIfPresent(m, "organisation", r.organisation());
        putIfPresent(m, "email", r.email());
        putIfPresent(m, "phone", r.phone());
        return m;
    }

    private static Referrer toReferrer(Map<String, AttributeValue> m) {
        return new Referrer(ReferrerRelationship.valueOf(str(m, "relationship")), str(m, "name"), opt(m, "role"),
                opt(m, "organisation"), opt(m, "email"), opt(m, "phone"));
    }

    private static Map<String, AttributeValue> deadline(ReceiptDeadline d) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("clock", s(d.clock()));
        m.put("description", s(d.description()));
        m.put("dueAt", s(d.dueAt().toString()));
        m.put("clause", s(d.clause()));
        putIfPresent(m, "takenAsReceived", d.takenAsReceived() == null ? null : d.takenAsReceived().toString());
        return m;
    }

    private static ReceiptDeadline toDeadline(Map<String, AttributeValue> m) {
        return new ReceiptDeadline(str(m, "clock"), str(m, "description"), Instant.parse(str(m, "dueAt")),
                m.containsKey("takenAsReceived") ? LocalDate.parse(str(m, "takenAsReceived")) : null, str(m, "clause"));
    }

    private static Map<String, String> answers(AttributeValue value) {
        Map<String, String> answers = new TreeMap<>();
        if (value != null && value.hasM()) {
            value.m().forEach((k, v) -> answers.put(k, v.s()));
        }
        return answers;
    }

    // ------------------------------------------------------------------ timeline events

    public Map<String, AttributeValue> toItem(ReferralReference reference, CaseEvent event, String id) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(TableKeys.casePk(reference)));
        item.put(SK, s(TableKeys.eventSk(event.at(), id)));
        item.put(TYPE, s("EVENT"));
        item.put("at", s(event.at().toString()));
        item.put("eventType", s(event.type().name()));
        item.put("description", s(event.description()));
        return item;
    }

    public CaseEvent toEvent(Map<String, AttributeValue> item) {
        return new CaseEvent(Instant.parse(str(item, "at")), CaseEvent.Type.valueOf(str(item, "eventType")),
                str(item, "description"));
    }

    // ------------------------------------------------------------------ helpers

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || value.s() == null) {
            throw new IllegalStateException("Stored item lacks attribute '" + name + "'");
        }
        return value.s();
    }

    static String opt(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
