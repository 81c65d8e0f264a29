package org.advocacyhub.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A figure's clauses written once for every contract, and the part one contract's return shows (issue 23). */
class CitationTest {

    @Test
    @DisplayName("a contract's return shows its own group of clauses only")
    void ownGroup() {
        String hours = "LLR 26.17, 4.5; LEW 17.5";
        assertEquals("LLR 26.17, 4.5", Citation.forContract("LLR", hours));
        assertEquals("LEW 17.5", Citation.forContract("LEW", hours));
    }

    @Test
    @DisplayName("a contract that does not ask for the figure cites nothing")
    void noneOfItsOwn() {
        assertEquals("", Citation.forContract("DERBY", "LLR 26.17; LEW 17.5"));
    }

    @Test
    @DisplayName("the requirements digest names no contract and is shown in every return")
    void requirementsEverywhere() {
        String received = "LLR 26.12, 26.17; requirements §10";
        assertEquals("LLR 26.12, 26.17; requirements §10", Citation.forContract("LLR", received));
        assertEquals("requirements §10", Citation.forContract("DERBY", received));
    }

    @Test
    @DisplayName("a part starting with a contract code opens its group, whether after a comma or a semicolon; parts after it continue it")
    void groupsBySeparatorOrCode() {
        String kpis = "LLR Appendix One, LEW Appendix 1, DERBY 3.7.1";
        assertEquals("LLR Appendix One", Citation.forContract("LLR", kpis));
        assertEquals("LEW Appendix 1", Citation.forContract("LEW", kpis));
        assertEquals("DERBY 3.7.1", Citation.forContract("DERBY", kpis));
        assertEquals("LEW Appendix 1, 8.12", Citation.forContract("LEW", "LLR 26.17, LEW Appendix 1, LEW 8.12"),
                "a contract named twice is one group");
    }

    @Test
    @DisplayName("a label carries this contract's clauses in brackets, or stands alone when it has none")
    void label() {
        assertEquals("Annual minimum (LLR 4.5)", Citation.label("LLR", "Annual minimum", "LLR 4.5; LEW 7.2"));
        assertEquals("Annual minimum (LEW 7.2)", Citation.label("LEW", "Annual minimum", "LLR 4.5; LEW 7.2"));
        assertEquals("Annual minimum", Citation.label("DERBY", "Annual minimum", "LLR 4.5; LEW 7.2"));
    }

    @Test
    @DisplayName("the contracts a citation names, in order, not the requirements digest")
    void contracts() {
        assertEquals(List.of("LLR", "LEW"), Citation.contracts("LLR 26.17, 4.5; LEW 17.5; requirements §10"));
    }

    @Test
    @DisplayName("a citation starts with a contract code")
    void startsWithACode() {
        assertThrows(IllegalArgumentException.class, () -> Citation.forContract("LLR", "26.17, 4.5"));
    }

    @Test
    @DisplayName("every counting rule's clauses read as a citation, and how it is counted names no contract")
    void countingRules() {
        Pattern contract = Pattern.compile("\\b(LLR|LEW|DERBY|SCIE|LANCS)\\b");
        for (CountingRules.Definition definition : CountingRules.definitions()) {
            Citation.contracts(definition.clause());
            assertFalse(contract.matcher(definition.howCounted()).find(), definition.figure() + ": " + definition.howCounted());
        }
    }
}
