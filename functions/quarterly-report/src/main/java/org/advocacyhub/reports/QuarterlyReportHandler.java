package org.advocacyhub.reports;

import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.util.Map;
import org.advocacyhub.application.reports.QuarterlyReports;
import org.advocacyhub.application.support.FunctionContext;
import org.advocacyhub.application.support.SnapStartPriming;
import org.advocacyhub.messaging.queue.SqsBatch;
import org.advocacyhub.web.LambdaEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda entry point for quarterly reports (template.yaml {@code QuarterlyReportFunction}, issue 11),
 * with three triggers: the managers' report routes (API Gateway), the report queue (SQS, one report
 * a message), and each contract's schedule ({@code {"scheduledReport": "LLR"}}), which asks once for
 * the quarter just ended on or after its run day. Lambda hands a handler of {@code Object} the event
 * as JSON maps; it is read as the event type its shape says.
 */
public class QuarterlyReportHandler extends MicronautRequestHandler<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(QuarterlyReportHandler.class);

    @Inject
    ReportsWeb web;

    @Inject
    ReportQueueMessages queue;

    @Inject
    QuarterlyReports reports;

    @Inject
    JsonMapper json;

    /** SnapStart's runtime hook, kept as long as the function (see {@link SnapStartPriming}). */
    private SnapStartPriming priming;

    /** As Lambda builds it: configuration from the environment ({@link FunctionContext}), and the SnapStart hook registered. */
    public QuarterlyReportHandler() {
        super(FunctionContext.lambda());
        // No priming event: every trigger builds or sends a report. The table client is primed.
        priming = SnapStartPriming.register(getClass().getSimpleName(), getApplicationContext(),
                () -> { });
    }

    public QuarterlyReportHandler(ApplicationContextBuilder context) {
        super(context);
    }

    @Override
    public Object execute(Object event) {
        if (event instanceof Map<?, ?> map && map.get("scheduledReport") instanceof String contract) {
            return Map.of("asked", reports.scheduled(contract).map(report -> report.id()).orElse(""));
        }
        return LambdaEvents.dispatch(event, json, web::handle, batch -> SqsBatch.process(batch, LOG, queue::handle));
    }
}
