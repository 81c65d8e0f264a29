package org.advocacyhub.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a unit of work (one referral, or one run of a schedule) cost in requests, from the engine requests
 * {@link CostCalls} counted and the invocations timed: per function the invocations and their median milliseconds;
 * DynamoDB read and write request units and operations; SQS requests (empty receives apart: they are the pollers'
 * fixed load); SES emails; S3 requests; API requests; log lines and bytes. Counts are per unit of work (means).
 */
record Profile(Map<String, Function> functions, double readUnits, double writeUnits, Map<String, Double> dynamoOperations,
               double sqsRequests, double sqsEmptyReceives, double sesEmails, double s3Puts, double s3Gets, double s3PutBytes,
               double apiRequests, double logLines, double logBytes, double metricLines, int capacityReported, int capacityAssumed,
               Map<String, Double> unitsByOperation) {

    /** A function's invocations per unit of work and their median warm milliseconds (measured on this machine). */
    record Function(double invocations, double medianMillis) {
    }

    static final Set<String> READS = Set.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");
    static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems");

    static Profile of(List<CostCalls.Call> calls, Map<String, List<Double>> millis, int units, int apiRequests,
                      CostProfile.LogCounter.Counted logs) {
        double n = units;
        Map<String, Function> functions = new TreeMap<>();
        millis.forEach((name, list) -> functions.put(name, new Function(list.size() / n, median(list))));
        double read = 0, write = 0, sqs = 0, empty = 0, ses = 0, puts = 0, gets = 0, putBytes = 0;
        int reported = 0, assumed = 0;
        Map<String, Double> operations = new TreeMap<>();
        Map<String, Double> unitsByOperation = new TreeMap<>();
        for (CostCalls.Call call : calls) {
            String service = call.service().toLowerCase(Locale.ROOT);
            String op = call.operation();
            if (service.contains("dynamo")) {
                operations.merge(op, 1 / n, Double::sum);
                double units1;
                if (call.capacity() >= 0) {
                    units1 = call.capacity();
                    reported++;
                } else {
                    units1 = op.startsWith("Transact") ? 2 : 1;
                    assumed++;
                }
                unitsByOperation.merge(op, units1 / n, Double::sum);
                if (READS.contains(op)) {
                    read += units1;
                } else if (WRITES.contains(op)) {
                    write += units1;
                }
            } else if (service.contains("sqs")) {
                if (op.equals("ReceiveMessage") && call.received() == 0) {
                    empty++;
                } else {
                    sqs++;
                }
            } else if (service.contains("ses")) {
                if (op.startsWith("SendEmail") || op.startsWith("SendRawEmail") || op.startsWith("SendBulk")) {
                    ses++;
                }
            } else if (service.contains("s3")) {
                if (op.equals("GetObject") || op.equals("HeadObject")) {
                    gets++;
                } else {
                    puts++;
                    if (op.equals("PutObject")) {
                        putBytes += call.bytes();
                    }
                }
            }
        }
        return new Profile(functions, read / n, write / n, operations, sqs / n, empty / n, ses / n, puts / n, gets / n,
                putBytes / n, apiRequests / n, logs.lines() / n, logs.bytes() / n, logs.metricLines() / n, reported, assumed, unitsByOperation);
    }

    double invocations() {
        return functions.values().stream().mapToDouble(Function::invocations).sum();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        if (sorted.isEmpty()) {
            return 0;
        }
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }

    String describe() {
        StringBuilder out = new StringBuilder();
        functions.forEach((name, f) -> out.append(String.format(Locale.ROOT, "lambda %-32s invocations=%.2f median=%.1f ms%n",
                name, f.invocations(), f.medianMillis())));
        out.append(String.format(Locale.ROOT, "dynamodb read units=%.2f write units=%.2f (capacity reported by the engine for %d requests,"
                + " assumed for %d)%n", readUnits, writeUnits, capacityReported, capacityAssumed));
        StringBuilder ops = new StringBuilder();
        dynamoOperations.forEach((op, count) -> ops.append(String.format(Locale.ROOT, " %s=%.2f", op, count)));
        out.append("dynamodb operations:").append(ops).append('\n');
        StringBuilder units = new StringBuilder();
        unitsByOperation.forEach((op, count) -> units.append(String.format(Locale.ROOT, " %s=%.1f", op, count)));
        out.append("dynamodb capacity units by operation:").append(units).append('\n');
        out.append(String.format(Locale.ROOT, "sqs requests=%.2f (sends, receives with messages, deletes), empty receives=%.2f%n",
                sqsRequests, sqsEmptyReceives));
        out.append(String.format(Locale.ROOT, "ses emails=%.2f  s3 puts=%.2f gets=%.2f put bytes=%.0f  api requests=%.2f%n",
                sesEmails, s3Puts, s3Gets, s3PutBytes, apiRequests));
        out.append(String.format(Locale.ROOT, "log lines=%.1f bytes=%.0f (of which EMF metric lines=%.2f)%n", logLines, logBytes, metricLines));
        return out.toString();
    }
}
