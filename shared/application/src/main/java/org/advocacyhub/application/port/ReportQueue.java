package org.advocacyhub.application.port;

/** The report queue (template.yaml ReportQueue, with its DLQ and alarm): one message per report to build. */
public interface ReportQueue {

    /** Asks for the report {@code reportId} to be built (and sent, if it says so). */
    void enqueue(String reportId);
}
