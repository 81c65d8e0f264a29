package org.advocacyhub.application.port;

import java.util.Optional;

/**
 * Where every report workbook is kept (issue 11 item 3): a versioned, encrypted bucket with
 * public access blocked (template.yaml ReportsBucket). Workbooks with personal data (a caseload
 * list, LEW 17.5) are kept here only, never attached to an email: a council reaches its own through an expiring link
 * (issue 23; LLR 26.9, 27.6).
 */
public interface ReportArchive {

    /** Stores {@code content} under {@code key}, replacing (versioning keeps) what was there. */
    void put(String key, byte[] content, String contentType);

    /** The content under {@code key}, if there is any. */
    Optional<byte[]> get(String key);

    /** Deletes what is under {@code key} (a restricted workbook past its time, issue 22); nothing there is no error. */
    void delete(String key);
}
