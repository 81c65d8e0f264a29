package org.advocacyhub.reports;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.advocacyhub.application.port.ReportQueue;
import org.advocacyhub.application.port.WorkbookWriter;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The report function's own adapters: the report queue (REPORT_QUEUE_URL), its public address and the xlsx writer. */
@Factory
public class ReportsFactory {

    @Singleton
    @Requires(property = "report.queue.url")
    ReportQueue reportQueue(SqsClient sqs, @Value("${report.queue.url}") String queueUrl) {
        return reportId -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ReportQueueMessages.body(reportId)));
    }

    /** A contract's export (issue 22 item 4) waits on the same queue as the reports: the same function writes it. */
    @Singleton
    @Requires(property = "report.queue.url")
    org.advocacyhub.application.port.ExportQueue exportQueue(SqsClient sqs, @Value("${report.queue.url}") String queueUrl) {
        return (exportId, requestedBy) -> sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(ReportQueueMessages.exportBody(exportId,
                requestedBy)));
    }

    /** The public address the councils' links to their restricted lists start with (PUBLIC_BASE_URL, issue 23). */
    @Singleton
    org.advocacyhub.application.reports.PublicAddress publicAddress(@Value("${public.base.url:}") String baseUrl) {
        return new org.advocacyhub.application.reports.PublicAddress(baseUrl);
    }

    @Singleton
    WorkbookWriter workbookWriter() {
        return ReturnWorkbook::toBytes;
    }
}
