package org.advocacyhub.application.port;

import java.util.List;
import org.advocacyhub.domain.reports.ReturnTable;

/** Writes sheets as an Excel workbook (LLR 26.13): the xlsx writer in shared/reports. */
public interface WorkbookWriter {

    String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    byte[] write(List<ReturnTable> sheets, String title);
}
