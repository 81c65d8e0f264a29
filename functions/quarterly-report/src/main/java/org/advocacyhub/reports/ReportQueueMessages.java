package org.advocacyhub.reports;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;
import org.advocacyhub.application.reports.QuarterlyReports;

/** A report queue message: the id of the report to build (and send, if it says so), {@code {"reportId": "RPT-..."}}. */
@Singleton
public final class ReportQueueMessages {

    private static final Pattern BODY = Pattern.compile("\\{\"reportId\":\"(RPT-[A-Z0-9-]{1,80})\"}");

    /** A contract's export to write (issue 22 item 4): {@code {"exportId": "EXP-...", "requestedBy": "<staff id>"}}. */
    private static final Pattern EXPORT = Pattern.compile("\\{\"exportId\":\"(EXP-[A-Z0-9-]{1,80})\",\"requestedBy\":\"([A-Za-z0-9._:@-]{1,120})\"}");

    private final QuarterlyReports reports;
    private final org.advocacyhub.application.handover.ExportContract exports;
    private final int maxReceives;

    public ReportQueueMessages(QuarterlyReports reports, org.advocacyhub.application.handover.ExportContract exports,
                               @Value("${report.max.receives:3}") int maxReceives) {
        this.reports = reports;
        this.exports = exports;
        this.maxReceives = maxReceives;
    }

    /** The body of a message asking for the export {@code exportId}. */
    public static String exportBody(String exportId, String requestedBy) {
        return "{\"exportId\":\"" + exportId + "\",\"requestedBy\":\"" + requestedBy + "\"}";
    }

    /** The body of a message asking for {@code reportId}. */
    public static String body(String reportId) {
        return "{\"reportId\":\"" + reportId + "\"}";
    }

    /** Empty when done; else why not. The last receive before the dead-letter queue marks the report failed. */
    public Optional<String> handle(SQSEvent.SQSMessage message) {
        var export = EXPORT.matcher(message.getBody() == null ? "" : message.getBody().strip());
        if (export.matches()) {
            // Written again from the start on a retry: the same files, the manifest last.
            exports.run(export.group(1), export.group(2));
            return Optional.empty();
        }
        var matcher = BODY.matcher(message.getBody() == null ? "" : message.getBody().strip());
        if (!matcher.matches()) {
            return Optional.of("not a report request");
        }
        String receives = message.getAttributes() == null ? null : message.getAttributes().get("ApproximateReceiveCount");
        boolean last = receives != null && receives.matches("\\d{1,9}") && Integer.parseInt(receives) >= maxReceives;
        reports.process(matcher.group(1), last);
        return Optional.empty();
    }
}
