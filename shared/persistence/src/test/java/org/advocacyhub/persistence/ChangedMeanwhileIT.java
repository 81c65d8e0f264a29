package org.advocacyhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.advocacyhub.application.casework.CaseWork;
import org.advocacyhub.application.casework.ExpectedVersion;
import org.advocacyhub.application.casework.HoldCase;
import org.advocacyhub.application.casework.StaffActor;
import org.advocacyhub.application.intake.CatalogueContractTerms;
import org.advocacyhub.application.mail.DispatchMail;
import org.advocacyhub.application.port.CaseStore;
import org.advocacyhub.application.port.StaffMember;
import org.advocacyhub.domain.casework.CaseEvent;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.referral.SubmittedFields;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.Test;

/**
 * A staff change that loses to another saved meanwhile (a decision letter marked sent between the change's read and its
 * save): without a version it is planned again on the case as it now is and made; with the version it was made from (a
 * console form, {@code If-Match}) it is refused as stale. Found on a busy stack: an allocation right after screening got
 * "The case changed meanwhile" while the letter went out.
 */
@WithLocalAws
class ChangedMeanwhileIT {

    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final StaffActor MANAGER = new StaffActor("morgan-manager", Set.of(StaffMember.Role.MANAGER), Optional.empty());
    private static final Map<String, Object> HOLD = Map.of("reason", "COMPLAINT", "details", "Complaint of 23 November");

    private final DynamoCaseStore real;
    private final AtomicInteger competingSaves = new AtomicInteger();

    ChangedMeanwhileIT(LocalAws aws) {
        this.real = new DynamoCaseStore(aws.dynamoDb(), aws.tableName("HubTable"), new CaseItemMapper(), CONTRACTS);
    }

    /** The store, with another change saved just before each of the first {@code times} saves it is asked for. */
    private CaseStore racing(int times) {
        return (CaseStore) Proxy.newProxyInstance(CaseStore.class.getClassLoader(), new Class<?>[] {CaseStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("save") && competingSaves.get() < times) {
                        competingSaves.incrementAndGet();
                        ReferralCase now = real.findCase(((CaseStore.CaseChange) args[0]).before().reference()).orElseThrow();
                        real.saveCase(now, now, List.of(new CaseEvent(MONDAY, CaseEvent.Type.DECISION_LETTER_SENT, "Letter sent")),
                                List.of());
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private HoldCase hold(CaseStore store) {
        Clock clock = Clock.fixed(MONDAY.plusSeconds(3600), ZoneOffset.UTC);
        return new HoldCase(new CaseWork(store, new CatalogueContractTerms(CONTRACTS), clock, CONTRACTS, new DispatchMail(ids -> { })));
    }

    private ReferralCase stored(long sequence) {
        ReferralCase c = DynamoCaseStoreIT.received(sequence);
        real.recordNewCase(c, DynamoCaseStoreIT.receivedEvent(), Optional.empty(), List.of());
        return real.findCase(c.reference()).orElseThrow();
    }

    @Test
    void aChangeThatNamesNoVersionIsMadeOnTheCaseAsItNowIs() {
        ReferralCase c = stored(1);
        CaseWork.Outcome outcome = hold(racing(1)).hold(c.reference(), MANAGER, SubmittedFields.fromJsonObject(HOLD));
        assertInstanceOf(CaseWork.Done.class, outcome, outcome.toString());
        assertEquals(1, competingSaves.get());
        ReferralCase now = real.findCase(c.reference()).orElseThrow();
        assertEquals("COMPLAINT", now.work().legalHold().reason().name());
        assertEquals(c.version() + 2, now.version(), "the letter's change and the hold, both kept");
    }

    @Test
    void aChangeThatNamesItsVersionIsRefusedAsStale() {
        ReferralCase c = stored(2);
        CaseWork.Outcome outcome = hold(racing(1)).hold(c.reference(), MANAGER.expecting(Optional.of(ExpectedVersion.of(
                Set.of(c.version())))), SubmittedFields.fromJsonObject(HOLD));
        assertInstanceOf(CaseWork.Conflict.class, outcome, outcome.toString());
        assertEquals(null, real.findCase(c.reference()).orElseThrow().work().legalHold(), "nothing held");
    }

    @Test
    void afterThreeChangesMeanwhileItIsRefusedAsChangedMeanwhile() {
        ReferralCase c = stored(3);
        CaseWork.Outcome outcome = hold(racing(5)).hold(c.reference(), MANAGER, SubmittedFields.fromJsonObject(HOLD));
        assertInstanceOf(CaseWork.Conflict.class, outcome, outcome.toString());
        assertEquals(3, competingSaves.get(), "three attempts, each lost");
    }
}
