package org.advocacyhub.domain.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.advocacyhub.domain.reports.CaseloadList;
import org.advocacyhub.domain.returns.AwarenessSetting;
import org.advocacyhub.domain.time.WorkingCalendar;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The report settings of reportSchedule: KPI 4, KPIs 5-6 and the caseload list (LEW 17.5), read and checked by ContractReader. */
class ReportConfigurationTest {

    private static final ContractCatalogue CONTRACTS = ContractCatalogue.bundled();
    private static final Contract LLR = CONTRACTS.contract("LLR").orElseThrow();
    private static final Contract LEW = CONTRACTS.contract("LEW").orElseThrow();
    private static final Contract DERBY = CONTRACTS.contract("DERBY").orElseThrow();

    private static Contract read(String schedule) {
        String yaml = """
                code: TEST
                name: Test contract
                authorities:
                  - { code: TESTSHIRE, name: Testshire County Council, lead: true, reportRecipients: [reports@testshire.example] }
                serviceHours: { opens: "09:00", closes: "17:00", days: WORKING_DAYS, clause: LLR 9.20 }
                referralSources: { allowed: [SELF], clause: LEW 8.2 }
                reportSchedule: %s
                contact: { serviceHoursText: Weekdays, phone: "0000", email: hub@test.example }
                services:
                  - code: IMCA
                    name: IMCA
                    eligibilityPolicy: imca
                    firstClock: allocation
                    clocks:
                      - { name: allocation, description: allocate an advocate, start: REFERRAL_RECEIVED, stop: ALLOCATED, rule: working-days, amount: 2, clause: LLR 9.38a }
                """.formatted(schedule);
        return ContractReader.read("contracts/test-report.yaml", new StringReader(yaml), WorkingCalendar.englandAndWales());
    }

    @Test
    @DisplayName("LEW 17.5: Lewisham asks for a caseload list; LLR and DERBY do not")
    void bundledCaseloadLists() {
        assertEquals(Optional.of("LEW 17.5"), LEW.reportSchedule().caseloadList());
        assertFalse(LLR.reportSchedule().hasCaseloadList());
        assertFalse(DERBY.reportSchedule().hasCaseloadList());
        assertTrue(CaseloadList.wanted(LEW));
        assertTrue(CaseloadList.wanted(LLR), "LLR records requests over 20 hours, whose reasons are restricted");
        assertFalse(CaseloadList.wanted(DERBY));
    }

    @Test
    @DisplayName("LLR Appendix One: KPI 4 at 95%, KPIs 5 and 6 at four sessions a half-year each")
    void bundledReportKpis() {
        ReportSchedule schedule = LLR.reportSchedule();
        assertEquals(Optional.of(new KpiTarget("KPI 4", Optional.of(new BigDecimal("95")), "LLR Appendix One KPI 4")), schedule.goalsKpi());
        assertEquals(List.of(new ReportSchedule.AwarenessKpi("KPI 5", AwarenessSetting.PROFESSIONAL, 4, "LLR Appendix One KPI 5"),
                new ReportSchedule.AwarenessKpi("KPI 6", AwarenessSetting.COMMUNITY, 4, "LLR Appendix One KPI 6")), schedule.awarenessKpis());
        assertTrue(LEW.reportSchedule().awarenessKpis().isEmpty());
        assertTrue(DERBY.reportSchedule().goalsKpi().isEmpty());
    }

    @Test
    @DisplayName("the settings are read from a contract file, and a schedule without them has none")
    void read() {
        Contract with = read("{ perAuthority: true, clause: LLR 26.12, caseloadList: { clause: LEW 17.5 }, "
                + "awarenessKpis: [{ name: KPI 5, setting: COMMUNITY, perHalfYear: 2, clause: LLR Appendix One KPI 6 }] }");
        assertEquals(Optional.of("LEW 17.5"), with.reportSchedule().caseloadList());
        assertEquals(2, with.reportSchedule().awarenessKpis().get(0).perHalfYear());
        Contract without = read("{ perAuthority: true, clause: LLR 26.12 }");
        assertFalse(without.reportSchedule().hasCaseloadList());
        assertTrue(without.reportSchedule().awarenessKpis().isEmpty());
    }

    @Test
    @DisplayName("an unknown field, a bad clause or an unknown setting is refused, naming the field")
    void refused() {
        List<String> problems = assertThrows(ContractConfigurationException.class, () -> read(
                "{ perAuthority: true, clause: LLR 26.12, caseloadList: { clause: section 5, emailed: true }, "
                        + "awarenessKpis: [{ name: KPI 5, setting: ONLINE, perHalfYear: 2, clause: LLR 5.26 }] }")).problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("reportSchedule.caseloadList.emailed") && p.contains("unknown field")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("caseloadList.clause") && p.contains("section 5")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("unknown setting 'ONLINE'")), problems.toString());
    }
}
