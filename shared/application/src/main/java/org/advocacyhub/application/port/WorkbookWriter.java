package org.advocacyhub.application.port;

import java.util.List;
import org.advocacyhub.domain.reports.ReturnTable;

/** Writes sheets as an Excel workbook (LLR 26.13): the xlsx writer in shared/reports. */
public interface WorkbookWriter {

    String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * @param createdAt the workbook's time of creation (its document properties, and each part's date in the file): the
     *                  hub's clock, so that the same return built at the same time is the same bytes (issue 22 item 4)
     */
    byte[] write(List<ReturnTable> sheets, String title, java.time.Instant createdAt);
}
