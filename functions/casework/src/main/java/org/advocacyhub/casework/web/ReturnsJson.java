package org.advocacyhub.casework.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.advocacyhub.application.returns.RecordReturns;
import org.advocacyhub.domain.returns.AwarenessSession;
import org.advocacyhub.domain.returns.Complaint;
import org.advocacyhub.domain.returns.Compliment;
import org.advocacyhub.domain.returns.ReturnRecord;

/** Awareness sessions, complaints and compliments as JSON: the fields they were recorded with, their quarter and how long they are kept. */
final class ReturnsJson {

    private final org.advocacyhub.domain.contract.ContractCatalogue contracts;

    /** @param contracts whose retention periods say how long each record is kept (issue 22) */
    ReturnsJson(org.advocacyhub.domain.contract.ContractCatalogue contracts) {
        this.contracts = contracts;
    }

    /** The list's name of each kind in a {@code GET} answer. */
    static String listName(ReturnRecord.Kind kind) {
        return switch (kind) {
            case AWARENESS_SESSION -> "awarenessSessions";
            case COMPLAINT -> "complaints";
            case COMPLIMENT -> "compliments";
        };
    }

    Map<String, Object> list(RecordReturns.Listed listed, ReturnRecord.Kind kind) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("contract", listed.contract());
        out.put("quarter", listed.quarter().key());
        out.put(listName(kind), listed.records().stream().map(this::map).toList());
        return out;
    }

    Map<String, Object> map(ReturnRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("kind", r.kind().name());
        out.put("contract", r.contract());
        out.put("quarter", r.quarter().key());
        if (r instanceof AwarenessSession a) {
            out.put("date", a.date().toString());
            out.put("authority", a.authority());
            out.put("setting", a.setting().name());
            if (a.attendees() != null) {
                out.put("attendees", a.attendees());
            }
        } else if (r instanceof Complaint c) {
            out.put("received", c.received().toString());
            out.put("service", c.service().name());
            out.put("stage", c.stage());
            if (c.resolvedByAdr() != null) {
                out.put("resolvedByAdr", c.resolvedByAdr());
            }
            if (c.closed() != null) {
                out.put("closed", c.closed().toString());
            }
            if (c.summary() != null) {
                out.put("summary", c.summary());
            }
            if (c.formality() != null) {
                out.put("formality", c.formality().name());
            }
            if (c.progress() != null) {
                out.put("progress", c.progress());
                out.put("progressBy", c.progressBy());
                out.put("progressAt", c.progressAt().toString());
            }
            out.put("revision", c.revision());
        } else if (r instanceof Compliment c) {
            out.put("received", c.received().toString());
            out.put("service", c.service().name());
            if (c.summary() != null) {
                out.put("summary", c.summary());
            }
        }
        r.keptUntil(contracts.retention(r.contract())).ifPresent(last -> out.put("keptUntil", last.toString()));
        out.put("recordedBy", r.recordedBy());
        out.put("recordedAt", r.recordedAt().toString());
        return out;
    }
}
