package org.advocacyhub.domain.reports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * The figures of a quarter that belong to the contract, not to one authority's workbook: complaints
 * and compliments (recorded for the contract and a service, LLR 26.17), awareness sessions held
 * contract-wide (the KPI is met on the contract's total, LLR Appendix One KPIs 5-6), the advocates
 * the hub allocates cases to, and the answerphone messages (one answerphone for the contract, LLR 9.23).
 * Every workbook shows them. Arrays are indexed by the service's position in the contract.
 */
final class ContractRecords {

    /** Complaints received in the quarter, by service and stage (0 to 2). */
    final long[][] complaintsReceived;
    /** Complaints in the complaints process at any time in the quarter, by service and stage. */
    final long[][] complaintsInProcess;
    /** Complaints closed in the quarter and resolved by alternative dispute resolution, by service. */
    final long[] complaintsAdr;
    /** Compliments received in the quarter, by service. */
    final long[] compliments;
    /** Complaints received in the quarter, by service and formality (formal, informal, not given: LLR 26.17). */
    final long[][] complaintsByFormality;
    /**
     * The complaints in the complaints process at any time in the quarter and the compliments received in it, for their
     * brief details and progress (LLR 26.17); a provider records tens a quarter, not thousands.
     */
    final List<org.advocacyhub.domain.returns.ReturnRecord> detailed = new ArrayList<>();
    /** Awareness sessions held in the half-year up to the quarter's end, by setting. */
    final long[] awarenessContract = new long[AwarenessSetting.values().length];
    /** Every advocate allocated a case the builder saw: whose recorded time counts them as active. */
    final Set<String> allocatedAdvocates = new HashSet<>();
    /** The contract's staff in the directory, for the annual staffing update (LLR 26.17); fed only when it is due. */
    final List<org.advocacyhub.domain.staff.StaffRecord> staff = new ArrayList<>();
    /** Answerphone messages left in the quarter. */
    final List<CallbackFigures.Kept> callbacks = new ArrayList<>();
    /** The quarter's case studies, selected or not (LLR 27.3, Appendix One): tens a quarter. */
    final List<org.advocacyhub.domain.casestudy.CaseStudy> caseStudies = new ArrayList<>();
    /** The quarter's service summaries as written (LLR Appendix One i-vii; LEW 17.2). */
    final List<org.advocacyhub.domain.casestudy.ServiceSummary> serviceSummaries = new ArrayList<>();

    ContractRecords(int services) {
        complaintsReceived = new long[services][3];
        complaintsInProcess = new long[services][3];
        complaintsAdr = new long[services];
        compliments = new long[services];
        complaintsByFormality = new long[services][3];
    }

    /** The answerphone's figures as at {@code asAt}; null when the contract has no answerphone clock. */
    CallbackFigures callbackFigures(Contract contract, FinancialQuarter quarter, Instant asAt, WorkingCalendar calendar) {
        return contract.answerphoneClock().isPresent() ? CallbackFigures.of(quarter, callbacks, asAt, calendar) : null;
    }
}
