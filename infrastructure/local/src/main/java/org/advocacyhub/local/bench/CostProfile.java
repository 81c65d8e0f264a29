package org.advocacyhub.local.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.advocacyhub.testing.FunctionInvoker;
import org.advocacyhub.testing.HubFixtures;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.LocalEngines;
import org.advocacyhub.testing.SamTemplate;
import org.advocacyhub.testing.ScheduleRunner;
import org.advocacyhub.testing.SqsEventSourceMapping;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Issue 24 item 7: what one referral costs in requests, and the fixed monthly load, measured through the real functions
 * on local engines of its own (free ports; neither needs nor disturbs a running {@code ./run-local}). Each referral
 * lives a typical life, one after another, so every queue delivers one message per invocation as a trickle of referrals
 * does in AWS: intake ({@code POST /referrals}); screening (the screening queue); the acknowledgement and decision
 * letter (the mail queue); two runs of the allocation timer that find the referral's allocation clock (as if an hour and
 * a day after intake), with the alerts and emails they raise; allocation by a manager; the advocate's view of the case,
 * a contact, two time entries, another view and the closure; every queue drained after each step. Every engine request
 * of every thread is counted by {@link CostCalls} (which must be on the classpath: bench.sh puts it there), and every
 * invocation timed (the first {@code warm-up} referrals are not counted, so the medians are warm). Then the fixed
 * load: one run of each schedule of the template with the referrals in the table (the every-minute timer, the
 * five-minute sweep, the daily digest and retention run, the quarterly reports and what they queue).
 *
 * <p>DynamoDB capacity is what DynamoDB Local reports with {@code ReturnConsumedCapacity=TOTAL} (on demand, the request
 * units are the same numbers); where an answer carries none, the operation is counted at one unit (its items are
 * small). Log volume is counted from the lines the functions print (their application loggers and EMF metric lines;
 * not the local stack's own). Not a test: run by hand, {@code infrastructure/local/bench.sh cost [referrals] [warm-up]}.
 * Prints the profile, then {@link CostModel}'s monthly figures for 3,000 and 30,000 referrals a year.
 */
public final class CostProfile {

    static final List<String> API_FUNCTIONS = List.of("ReferralIntakeFunction", "CaseworkFunction");

    private final LocalAws aws;
    /** Per function: the milliseconds of each counted invocation. */
    private final Map<String, List<Double>> millis = new TreeMap<>();
    private boolean counting;
    private int apiRequests;

    private CostProfile(LocalAws aws) {
        this.aws = aws;
    }

    public static void main(String[] args) throws Exception {
        int referrals = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SamTemplate template = SamTemplate.locate();
        try (LocalEngines engines = LocalEngines.builder().projectRoot(template.root())
                .dynamoDbPort(freePort()).sqsPort(freePort()).sesPort(freePort()).start();
             LocalAws aws = LocalAws.connect(engines, template, LocalAws.DEFAULT_PARAMETERS)) {
            new CostProfile(aws).run(referrals, warmUp);
        }
    }

    private void run(int referrals, int warmUp) throws IOException {
        String referral = Files.readString(aws.template().root().resolve("infrastructure/events/referral-imca.json"));
        // The manager in the directory (LocalAws does it once), then an IMCA advocate, before anything is counted.
        String longAgo = "2024-06-01";
        Map<String, Object> advocate = new LinkedHashMap<>();
        advocate.put("name", "Ira");
        advocate.put("email", "ira-imca@hub.example");
        advocate.put("role", "ADVOCATE");
        advocate.put("active", true);
        advocate.put("contracts", List.of("LLR", "LEW", "DERBY"));
        advocate.put("services", List.of("IMCA", "DOLS_IMCA"));
        advocate.put("qualifications", Map.of("NQIA_LEVEL_3", longAgo, "UNIT_305_IMCA", longAgo, "UNIT_310_DOLS_TRAINING", longAgo,
                "UNIT_310_DOLS_ASSESSMENT", longAgo));
        advocate.put("loginSubjects", List.of("sub-ira-imca"));
        advocate.put("imcaSince", longAgo);
        check(aws.call(aws.request("PUT", "/staff/ira-imca").claims(HubFixtures.MANAGER).header("Content-Type", "application/json")
                .body(HubFixtures.write(advocate))), 200);
        Map<String, Object> ira = Map.of("sub", "sub-ira-imca", "cognito:groups", "advocate");
        Instant start = Instant.now();
        FunctionInvoker timerHourLater = aws.newFunction("AllocationTimerFunction",
                Map.of("HUB_CLOCK_FIXED", start.plus(Duration.ofHours(1)).toString()));
        FunctionInvoker timerDayLater = aws.newFunction("AllocationTimerFunction",
                Map.of("HUB_CLOCK_FIXED", start.plus(Duration.ofDays(1)).toString()));

        LogCounter logs = new LogCounter();
        PrintStream out = System.out;
        PrintStream err = System.err;
        List<CostCalls.Call> calls = new ArrayList<>();
        try {
            System.setOut(new PrintStream(logs.tee(out, true), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(logs.tee(err, true), true, StandardCharsets.UTF_8));
            for (int i = 0; i < warmUp + referrals; i++) {
                counting = i >= warmUp;
                if (i == warmUp) {
                    logs.reset();
                    CostCalls.start("");
                    if (!CostCalls.installed()) {
                        throw new IllegalStateException("CostCalls counts the engine requests: run with "
                                + "infrastructure/local/bench/sdk-calls on the classpath (bench.sh does)");
                    }
                }
                life(referral, ira, timerHourLater, timerDayLater);
            }
            calls.addAll(CostCalls.stop());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        timerHourLater.close();
        timerDayLater.close();
        LogCounter.Counted referralLogs = logs.counted();

        Profile profile = Profile.of(calls, millis, referrals, apiRequests, referralLogs);
        System.out.println("== Per referral (" + referrals + " referrals after " + warmUp + " warm-up; means of counts, medians of warm ms)");
        System.out.print(profile.describe());
        long storedBytes = storedBytesPerReferral(warmUp + referrals);
        System.out.printf("table bytes per referral (items' attribute names and values, as DynamoDB sizes them, about): %d%n", storedBytes);

        // The fixed load: each schedule once, as it runs with these referrals in the table.
        System.out.println("== One run of each schedule (the fixed load), with " + (warmUp + referrals) + " referrals in the table");
        Map<String, CostModel.Scheduled> schedules = new LinkedHashMap<>();
        for (SamTemplate.ScheduleEventSource schedule : aws.template().schedules()) {
            if (!schedule.enabled()) {
                continue;
            }
            millis.clear();
            apiRequests = 0;
            counting = true;
            logs.reset();
            CostCalls.start(schedule.functionId());
            try {
                System.setOut(new PrintStream(logs.tee(out, true), true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(logs.tee(err, true), true, StandardCharsets.UTF_8));
                // Twice: the second run is the warm one timed (and counted: a first quarterly run asks for the report, a
                // later one finds it asked, as the daily runs of the first fortnight do).
                fire(schedule);
                millis.clear();
                CostCalls.start(schedule.functionId());
                logs.reset();
                fire(schedule);
                drainAll();
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            Profile run = Profile.of(CostCalls.stop(), millis, 1, 0, logs.counted());
            String name = schedule.functionId() + " " + schedule.eventName() + " " + schedule.expression();
            double perMonth = runsPerMonth(schedule);
            schedules.put(name, new CostModel.Scheduled(run, perMonth));
            System.out.printf("-- %s: %.1f runs a month%n", name, perMonth);
            System.out.print(run.describe());
        }

        System.out.println();
        Map<String, Integer> memory = new LinkedHashMap<>();
        for (String id : millis.keySet()) {
            memory.put(id, aws.template().function(id).memorySizeMb());
        }
        for (SamTemplate.ScheduleEventSource schedule : aws.template().schedules()) {
            memory.put(schedule.functionId(), aws.template().function(schedule.functionId()).memorySizeMb());
        }
        for (String id : profile.functions().keySet()) {
            memory.put(id, aws.template().function(id).memorySizeMb());
        }
        String yaml = Files.readString(aws.template().path());
        int alarms = count(yaml, "Type: AWS::CloudWatch::Alarm");
        int dashboards = count(yaml, "Type: AWS::CloudWatch::Dashboard");
        int sources = (int) aws.template().sqsEventSources().stream().filter(SamTemplate.SqsEventSource::enabled).count();
        CostModel model = CostModel.fromMeasured(profile, storedBytes, schedules,
                CostModel.Assumptions.defaults(sources, alarms, dashboards, memory));
        System.out.print(model.report());
    }

    /** One referral's life, every step through the functions, every queue drained after each step. */
    private void life(String referral, Map<String, Object> ira, FunctionInvoker timerHourLater, FunctionInvoker timerDayLater) {
        APIGatewayProxyResponseEvent created = api(() -> aws.call(aws.request("POST", "/referrals")
                .header("Content-Type", "application/json").body(referral)), "ReferralIntakeFunction");
        check(created, 201);
        String reference = (String) HubFixtures.json(created.getBody()).get("reference");
        drainAll();
        invoke("AllocationTimerFunction", () -> timerHourLater.invoke(Map.of()));
        drainAll();
        invoke("AllocationTimerFunction", () -> timerDayLater.invoke(Map.of()));
        drainAll();
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        staff(HubFixtures.MANAGER, "POST", "/cases/" + reference + "/allocation", "{\"advocateId\":\"ira-imca\"}");
        staff(ira, "GET", "/cases/" + reference, null);
        staff(ira, "POST", "/cases/" + reference + "/contacts", HubFixtures.write(Map.of("at", Instant.now().toString(),
                "method", "PHONE", "withPerson", true, "successful", true)));
        staff(ira, "POST", "/cases/" + reference + "/time", "{\"date\":\"" + today + "\",\"minutes\":90,\"kind\":\"DIRECT\",\"activity\":\"FACE_TO_FACE\"}");
        staff(ira, "POST", "/cases/" + reference + "/time", "{\"date\":\"" + today + "\",\"minutes\":30,\"kind\":\"INDIRECT\",\"activity\":\"TRAVEL\"}");
        staff(ira, "GET", "/cases/" + reference, null);
        staff(ira, "POST", "/cases/" + reference + "/closure", "{\"reason\":\"OUTCOME_REACHED\",\"goals\":[],\"summary\":\"Views put at the meeting.\"}");
    }

    private void staff(Map<String, Object> claims, String method, String path, String body) {
        var request = aws.request(method, path).claims(claims);
        if (body != null) {
            request.header("Content-Type", "application/json").body(body);
        }
        check(api(() -> aws.call(request), "CaseworkFunction"), 200);
        drainAll();
    }

    private APIGatewayProxyResponseEvent api(Supplier<APIGatewayProxyResponseEvent> call, String function) {
        if (counting) {
            apiRequests++;
        }
        return invoke(function, call);
    }

    private <T> T invoke(String function, Supplier<T> call) {
        long begin = System.nanoTime();
        T result = call.get();
        long took = System.nanoTime() - begin;
        if (counting) {
            millis.computeIfAbsent(function, f -> new ArrayList<>()).add(took / 1e6);
        }
        return result;
    }

    /** Every queue of the template until none has a message: each non-empty poll one invocation of its function. */
    private void drainAll() {
        boolean any;
        do {
            any = false;
            for (SamTemplate.SqsEventSource source : aws.template().sqsEventSources()) {
                if (!source.enabled()) {
                    continue;
                }
                SqsEventSourceMapping mapping = SqsEventSourceMapping.of(source, aws.function(source.functionId()), aws.sqs(),
                        aws.resources(), aws.endpoints().region());
                while (true) {
                    long begin = System.nanoTime();
                    SqsEventSourceMapping.BatchOutcome outcome = mapping.pollOnce(Duration.ZERO);
                    long took = System.nanoTime() - begin;
                    if (outcome.received() == 0) {
                        break;
                    }
                    if (outcome.failed() > 0 || outcome.error() != null) {
                        throw new IllegalStateException(source.queueId() + ": " + outcome);
                    }
                    any = true;
                    if (counting) {
                        millis.computeIfAbsent(source.functionId(), f -> new ArrayList<>()).add(took / 1e6);
                    }
                }
            }
        } while (any);
    }

    private void fire(SamTemplate.ScheduleEventSource schedule) {
        FunctionInvoker function = aws.function(schedule.functionId());
        Object event;
        if (schedule.input() != null && schedule.input().trim().startsWith("{")) {
            event = HubFixtures.json(schedule.input());
        } else {
            ScheduledEvent scheduled = new ScheduledEvent();
            scheduled.setVersion("0");
            scheduled.setId(UUID.randomUUID().toString());
            scheduled.setDetailType("Scheduled Event");
            scheduled.setSource("aws.scheduler");
            scheduled.setAccount(aws.endpoints().accountId());
            scheduled.setRegion(aws.endpoints().region());
            scheduled.setTime(new DateTime(System.currentTimeMillis(), DateTimeZone.UTC));
            scheduled.setResources(List.of());
            scheduled.setDetail(Map.of());
            event = scheduled;
        }
        invoke(schedule.functionId(), () -> function.invoke(event));
    }

    /** The table's items' sizes by DynamoDB's rule (names and values, UTF-8), divided among the referrals made. */
    private long storedBytesPerReferral(int made) {
        long bytes = 0;
        for (var page : aws.dynamoDb().scanPaginator(b -> b.tableName(aws.tableName("HubTable")))) {
            for (Map<String, AttributeValue> item : page.items()) {
                bytes += stored(item);
            }
        }
        return bytes / Math.max(1, made);
    }

    /** An item's bytes as billed: its size and 100 bytes of overhead, again for each index it is in (all four project ALL). */
    static long stored(Map<String, AttributeValue> item) {
        long copies = 1 + item.keySet().stream().filter(k -> k.matches("GSI[0-9]+PK")).count();
        return copies * (size(item) + 100);
    }

    static long size(Map<String, AttributeValue> item) {
        long bytes = 0;
        for (var entry : item.entrySet()) {
            bytes += entry.getKey().getBytes(StandardCharsets.UTF_8).length + size(entry.getValue());
        }
        return bytes;
    }

    private static long size(AttributeValue value) {
        if (value.s() != null) return value.s().getBytes(StandardCharsets.UTF_8).length;
        if (value.n() != null) return (value.n().length() + 1) / 2 + 1;
        if (value.bool() != null || Boolean.TRUE.equals(value.nul())) return 1;
        if (value.b() != null) return value.b().asByteArray().length;
        if (value.hasM()) return 3 + size(value.m()) + value.m().size();
        if (value.hasL()) return 3 + value.l().stream().mapToLong(v -> 1 + size(v)).sum();
        if (value.hasSs()) return value.ss().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
        if (value.hasNs()) return value.ns().stream().mapToLong(n -> (n.length() + 1) / 2 + 1).sum();
        return 1;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** How often a schedule fires in an average month: a rate by arithmetic, a cron counted hour by hour over 2027. */
    static double runsPerMonth(SamTemplate.ScheduleEventSource schedule) {
        String expression = schedule.expression().trim();
        if (expression.startsWith("rate(")) {
            String[] parts = expression.substring(5, expression.length() - 1).trim().split("\\s+");
            double n = Double.parseDouble(parts[0]);
            double minutes = parts[1].startsWith("minute") ? n : parts[1].startsWith("hour") ? n * 60 : n * 1440;
            return 365.0 * 1440 / minutes / 12;
        }
        MovingClock clock = new MovingClock(Instant.parse("2027-01-01T00:00:00Z"));
        int[] fired = {0};
        try (ScheduleRunner runner = new ScheduleRunner(clock)) {
            runner.add("count", expression, schedule.timezone() == null ? ZoneId.of("UTC") : schedule.timezone(), event -> fired[0]++);
            for (int hour = 0; hour < 365 * 24; hour++) {
                runner.runDue();
                clock.now = clock.now.plus(Duration.ofHours(1));
            }
        }
        return fired[0] / 12.0;
    }

    private static final class MovingClock extends java.time.Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public java.time.Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static void check(APIGatewayProxyResponseEvent response, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException("answered " + response.getStatusCode() + ", expected " + status + ": " + response.getBody());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The functions' log lines: the lines of the hub's own loggers (org.advocacyhub, not the local stack's testing and
     * local packages) and EMF metric lines; what the local stack prints is passed on and not counted.
     */
    static final class LogCounter {
        record Counted(long lines, long bytes, long metricLines) {
        }

        private long lines;
        private long bytes;
        private long metricLines;

        synchronized void reset() {
            lines = 0;
            bytes = 0;
            metricLines = 0;
        }

        synchronized Counted counted() {
            return new Counted(lines, bytes, metricLines);
        }

        synchronized void line(String text) {
            if (text.startsWith("{\"_aws\"")) {
                metricLines++;
                lines++;
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
            } else if (text.contains(" org.advocacyhub.") && !text.contains(" org.advocacyhub.testing.")
                    && !text.contains(" org.advocacyhub.local.")) {
                lines++;
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
            }
        }

        OutputStream tee(PrintStream target, boolean quiet) {
            return new OutputStream() {
                private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                @Override
                public synchronized void write(int b) {
                    if (b == '\n') {
                        line(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                    if (!quiet) {
                        target.write(b);
                    }
                }
            };
        }
    }
}
