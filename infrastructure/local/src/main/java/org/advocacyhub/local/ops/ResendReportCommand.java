package org.advocacyhub.local.ops;

import java.io.PrintStream;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/**
 * {@code infrastructure/ops/resend-report} (issue 24 item 5: "rebuild and resend a failed report"): puts the report's
 * request back on the report queue, exactly as the report function reads it ({@code {"reportId": "RPT-..."}}). A report
 * marked failed is built again from the quarter's records and each workbook not yet sent is sent, once (a workbook that
 * went before is never sent twice: its send is claimed); a report built and sent already is left as it is. Against AWS
 * name the stack's report queue with {@code --queue}; against {@code ./run-local} ({@code SQS_PORT} set) it is
 * {@code ReportQueue}. Exit status: 0 queued, 1 SQS refused, 2 a usage error naming the option.
 */
public final class ResendReportCommand {

    /** A report id as the hub makes them (the report function accepts no other). */
    private static final Pattern REPORT_ID = Pattern.compile("RPT-[A-Z0-9-]{1,80}");

    static final String USAGE = """
            Usage: infrastructure/ops/resend-report --report RPT-... [--queue <report queue name or URL>]
              --report  the report to build again (if it failed) and send (each workbook not yet sent, once)
              --queue   the stack's report queue (default with SQS_PORT, against ./run-local: ReportQueue)
            """;

    private ResendReportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String report = null;
        String queue = env.get("SQS_PORT") == null ? null : "ReportQueue";
        String problem = null;
        for (int i = 0; i < args.length && problem == null; i++) {
            if ((args[i].equals("--report") || args[i].equals("--queue")) && (i + 1 >= args.length || args[i + 1].startsWith("--"))) {
                problem = args[i] + " needs a value";
            } else if (args[i].equals("--report")) {
                report = args[++i];
            } else if (args[i].equals("--queue")) {
                queue = args[++i];
            } else {
                problem = "unknown option '" + args[i] + "'";
            }
        }
        if (problem == null && report == null) {
            problem = "--report is required: the report's id, like RPT-LLR-FY2026Q2-3F2A9B01C4";
        } else if (problem == null && !REPORT_ID.matcher(report).matches()) {
            problem = "--report must be a report's id, like RPT-LLR-FY2026Q2-3F2A9B01C4, not '" + report + "'";
        } else if (problem == null && queue == null) {
            problem = "--queue is required against AWS: the stack's report queue";
        }
        if (problem != null) {
            err.println("resend report: " + problem);
            err.print(USAGE);
            return 2;
        }
        String id = report;
        try (SqsClient sqs = DeadLetterCommand.client(env)) {
            String url = DeadLetterCommand.url(sqs, queue);
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(org.advocacyhub.reports.ReportQueueMessages.body(id)));
            out.println("Asked for " + id + " again: the report function builds it if it failed and sends what was not sent.");
            return 0;
        } catch (SqsException e) {
            err.println("resend report: SQS refused: " + e.awsErrorDetails().errorMessage());
            return 1;
        }
    }
}
