package org.advocacyhub.application.port;

/**
 * Where a contract's export waits to be written (issue 22 item 4): the report queue (template.yaml ReportQueue, its DLQ and
 * alarm), which the report function reads; a contract's records take longer to write than an API request may.
 */
public interface ExportQueue {

    /** Asks for the export {@code exportId} to be written, for {@code requestedBy} (a staff id). */
    void enqueue(String exportId, String requestedBy);
}
