package org.advocacyhub.local.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 24 item 7: the monthly cost of a hub, per service line, from what one referral uses and what the hub uses each
 * month whatever its referrals (both in billing units), and a dated price table. Pure arithmetic: every monthly quantity
 * is {@code fixed + perReferralAYear × referrals a year} (a flow such as requests is a referral's count ÷ 12; a stock such
 * as stored gigabytes is what one referral leaves × the years it is kept), and each line costs
 * {@code max(0, quantity − free) × price}. The free allowances are shown apart: the always-free ones (which do not
 * expire) and a new account's 12-month ones.
 */
public final class CostModel {

    /** The service lines of the bill. */
    public enum Line {
        LAMBDA("Lambda"), API_GATEWAY("API Gateway (REST)"), DYNAMODB("DynamoDB (on demand)"), SQS("SQS"), SES("SES"),
        S3("S3"), COGNITO("Cognito"), CLOUDWATCH("CloudWatch");

        final String label;

        Line(String label) {
            this.label = label;
        }
    }

    /** A billed quantity a month, its line and unit. */
    public enum Quantity {
        LAMBDA_REQUESTS(Line.LAMBDA, "requests"), LAMBDA_GB_SECONDS(Line.LAMBDA, "GB-seconds (Arm)"),
        API_REQUESTS(Line.API_GATEWAY, "requests"),
        DYNAMODB_READ_UNITS(Line.DYNAMODB, "read request units"), DYNAMODB_WRITE_UNITS(Line.DYNAMODB, "write request units"),
        DYNAMODB_STORAGE_GB(Line.DYNAMODB, "GB-month stored"), DYNAMODB_PITR_GB(Line.DYNAMODB, "GB-month point-in-time recovery"),
        SQS_REQUESTS(Line.SQS, "requests"), SES_EMAILS(Line.SES, "emails"),
        S3_PUTS(Line.S3, "PUT/LIST requests"), S3_GETS(Line.S3, "GET requests"), S3_STORAGE_GB(Line.S3, "GB-month"),
        COGNITO_MAUS(Line.COGNITO, "monthly active users (Essentials)"),
        LOG_INGEST_GB(Line.CLOUDWATCH, "GB logs ingested"), LOG_STORAGE_GB(Line.CLOUDWATCH, "GB-month logs stored"),
        CUSTOM_METRICS(Line.CLOUDWATCH, "custom metric-months"), ALARMS(Line.CLOUDWATCH, "standard alarms"),
        DASHBOARDS(Line.CLOUDWATCH, "dashboards");

        final Line line;
        final String unit;

        Quantity(Line line, String unit) {
            this.line = line;
            this.unit = unit;
        }
    }

    /**
     * A price: {@code usd} for every {@code per} units; {@code alwaysFree} units a month that never expire,
     * {@code newAccountFree} more for a new account's first 12 months; where it was read.
     */
    public record Price(double usd, double per, double alwaysFree, double newAccountFree, String source) {
        double cost(double quantity, boolean withNewAccountTier) {
            double free = alwaysFree + (withNewAccountTier ? newAccountFree : 0);
            return Math.max(0, quantity - free) / per * usd;
        }
    }

    /** A price table: the region it is for, the day it was read, the prices. */
    public record Prices(String region, String read, Map<Quantity, Price> prices) {
    }

    /** A hub's use: the fixed monthly quantities and what one referral a year adds to each month. */
    public record Usage(Map<Quantity, Double> fixedMonthly, Map<Quantity, Double> perReferralAYear) {
        public double monthly(Quantity quantity, double referralsAYear) {
            return fixedMonthly.getOrDefault(quantity, 0.0) + perReferralAYear.getOrDefault(quantity, 0.0) * referralsAYear;
        }
    }

    /** One size's bill: per line, at list price after the always-free allowances, and also after a new account's. */
    public record Bill(double referralsAYear, Map<Line, Double> afterAlwaysFree, Map<Line, Double> withNewAccountTier) {
        public double total() {
            return afterAlwaysFree.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        public double totalWithNewAccountTier() {
            return withNewAccountTier.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final Usage usage;
    private final Prices prices;
    private final List<String> notes;

    public CostModel(Usage usage, Prices prices, List<String> notes) {
        this.usage = usage;
        this.prices = prices;
        this.notes = List.copyOf(notes);
    }

    public Usage usage() {
        return usage;
    }

    public Bill bill(double referralsAYear) {
        Map<Line, Double> always = new EnumMap<>(Line.class);
        Map<Line, Double> newAccount = new EnumMap<>(Line.class);
        for (Line line : Line.values()) {
            always.put(line, 0.0);
            newAccount.put(line, 0.0);
        }
        for (Quantity quantity : Quantity.values()) {
            Price price = prices.prices().get(quantity);
            if (price == null) {
                continue;
            }
            double q = usage.monthly(quantity, referralsAYear);
            always.merge(quantity.line, price.cost(q, false), Double::sum);
            newAccount.merge(quantity.line, price.cost(q, true), Double::sum);
        }
        return new Bill(referralsAYear, always, newAccount);
    }

    /** The line whose monthly cost grows most between the two sizes (after the always-free allowances). */
    public Line fastestGrowing(double small, double large) {
        Bill a = bill(small);
        Bill b = bill(large);
        Line best = Line.LAMBDA;
        double most = Double.NEGATIVE_INFINITY;
        for (Line line : Line.values()) {
            double growth = b.afterAlwaysFree().get(line) - a.afterAlwaysFree().get(line);
            if (growth > most) {
                most = growth;
                best = line;
            }
        }
        return best;
    }

    /** The table for 3,000 and 30,000 referrals a year, the quantities behind it, the prices and the notes. */
    public String report() {
        return report(3_000, 30_000);
    }

    public String report(double small, double large) {
        Bill a = bill(small);
        Bill b = bill(large);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "== Monthly cost, USD, %s prices read %s (after the always-free allowances; "
                + "in brackets with a new account's 12-month ones too)%n", prices.region(), prices.read()));
        out.append(String.format(Locale.ROOT, "%-22s %22s %22s%n", "line", fmt(small) + " referrals/yr", fmt(large) + " referrals/yr"));
        for (Line line : Line.values()) {
            out.append(String.format(Locale.ROOT, "%-22s %12.2f (%7.2f) %12.2f (%7.2f)%n", line.label, a.afterAlwaysFree().get(line),
                    a.withNewAccountTier().get(line), b.afterAlwaysFree().get(line), b.withNewAccountTier().get(line)));
        }
        out.append(String.format(Locale.ROOT, "%-22s %12.2f (%7.2f) %12.2f (%7.2f)%n", "total", a.total(), a.totalWithNewAccountTier(),
                b.total(), b.totalWithNewAccountTier()));
        Line fastest = fastestGrowing(small, large);
        out.append(String.format(Locale.ROOT, "fastest-growing line: %s (%.2f -> %.2f a month)%n", fastest.label,
                a.afterAlwaysFree().get(fastest), b.afterAlwaysFree().get(fastest)));
        out.append("== Monthly quantities\n");
        out.append(String.format(Locale.ROOT, "%-36s %14s %14s %14s%n", "quantity", "fixed", fmt(small) + "/yr", fmt(large) + "/yr"));
        for (Quantity q : Quantity.values()) {
            out.append(String.format(Locale.ROOT, "%-36s %14.4g %14.4g %14.4g   %s%n", q.name().toLowerCase(Locale.ROOT),
                    usage.fixedMonthly().getOrDefault(q, 0.0), usage.monthly(q, small), usage.monthly(q, large), q.unit));
        }
        out.append("== Prices\n");
        prices.prices().forEach((q, p) -> out.append(String.format(Locale.ROOT,
                "%-22s $%s per %s %s; always free %s, new account 12 months %s; %s%n", q.name().toLowerCase(Locale.ROOT),
                p.usd(), fmt(p.per()), q.unit, fmt(p.alwaysFree()), fmt(p.newAccountFree()), p.source())));
        if (!notes.isEmpty()) {
            out.append("== Notes\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value) : String.format(Locale.ROOT, "%s", value);
    }

    // ------------------------------------------------------------------ the dated price table

    /** The day the prices below were read (stored copies of the public pages, each page's own date in its source note). */
    public static final String PRICES_READ = "2026-12-08";

    /**
     * US East (N. Virginia) list prices: the London (eu-west-2) figures were not in the stored copies of the pages; London's
     * are typically the same or somewhat higher on most of these lines.
     */
    public static Prices usEast1() {
        Map<Quantity, Price> p = new LinkedHashMap<>();
        String lambda = "aws.amazon.com/lambda/pricing; Arm rate and always-free 1M requests + 400,000 GB-s: cloudchipr.com/blog/aws-lambda-pricing";
        p.put(Quantity.LAMBDA_REQUESTS, new Price(0.20, 1e6, 1e6, 0, lambda));
        p.put(Quantity.LAMBDA_GB_SECONDS, new Price(0.0000133334, 1, 400_000, 0, lambda));
        p.put(Quantity.API_REQUESTS, new Price(3.50, 1e6, 0, 1e6, "REST, first 333M a month: docs.aws.amazon.com whitepaper "
                + "best-practices-api-gateway-private-apis-integration/cost-optimization; 12-month 1M: aws.amazon.com/api-gateway/pricing"));
        String dynamo = "on demand after the November 2024 cut: airbyte.com/data-engineering-resources/dynamodb-pricing (2025-07-21)";
        p.put(Quantity.DYNAMODB_READ_UNITS, new Price(0.125, 1e6, 0, 0, dynamo));
        p.put(Quantity.DYNAMODB_WRITE_UNITS, new Price(0.625, 1e6, 0, 0, dynamo));
        p.put(Quantity.DYNAMODB_STORAGE_GB, new Price(0.25, 1, 25, 0, "standard table class; first 25 GB free: aws.amazon.com/dynamodb/pricing"));
        p.put(Quantity.DYNAMODB_PITR_GB, new Price(0.20, 1, 0, 0, "continuous backups: finops.com.py/services/dynamodb/backups"));
        p.put(Quantity.SQS_REQUESTS, new Price(0.40, 1e6, 1e6, 0, "standard queue, each 64 KB a request, 1M a month always free: "
                + "cloudburn.io/blog/amazon-sqs-pricing (2026-03-14)"));
        p.put(Quantity.SES_EMAILS, new Price(0.10, 1000, 0, 3000, "$0.10 per 1,000: acecloudinterviews.com/tutorials/aws/ses; "
                + "12-month 3,000 a month: AWS Free Tier (not in the stored copies: unverified)"));
        String s3 = "S3 Standard: deepeshsoni.com/archives/256, cloudkaramchari.com (PUT $0.005/1,000); 12-month 5 GB, 20,000 GET, 2,000 PUT";
        p.put(Quantity.S3_PUTS, new Price(0.005, 1000, 0, 2000, s3));
        p.put(Quantity.S3_GETS, new Price(0.0004, 1000, 0, 20_000, s3));
        p.put(Quantity.S3_STORAGE_GB, new Price(0.023, 1, 0, 5, s3));
        p.put(Quantity.COGNITO_MAUS, new Price(0.015, 1, 10_000, 0, "Essentials, the default plan of a new user pool "
                + "(docs.aws.amazon.com cognito-sign-in-feature-plans); 10,000 MAUs free, not expiring"));
        String cw = "aws.amazon.com/cloudwatch/pricing (free tier: 5 GB logs, 10 metrics, 10 alarms, 3 dashboards); "
                + "factualminds.com CloudWatch pricing (2026-06-13); signoz.io/guides/cloudwatch-pricing (2026-02-15)";
        p.put(Quantity.LOG_INGEST_GB, new Price(0.50, 1, 5, 0, cw));
        p.put(Quantity.LOG_STORAGE_GB, new Price(0.03, 1, 0, 0, cw));
        p.put(Quantity.CUSTOM_METRICS, new Price(0.30, 1, 10, 0, cw));
        p.put(Quantity.ALARMS, new Price(0.10, 1, 10, 0, cw));
        p.put(Quantity.DASHBOARDS, new Price(3.00, 1, 3, 0, cw));
        return new Prices("us-east-1 (N. Virginia)", PRICES_READ, p);
    }

    // ------------------------------------------------------------------ from what the benchmark measured

    /** A schedule's measured run and how often it runs a month. */
    public record Scheduled(Profile run, double runsPerMonth) {
    }

    /** Assumptions about AWS that the local stack cannot measure; each is printed with the figures. */
    public record Assumptions(double yearsKept, double logRetentionMonths, double jsonEnvelopeBytesPerLine,
                              double platformBytesPerInvocation, double accessLogBytesPerRequest, double pollerReceivesPerQueueMonth,
                              int eventSources, int alarms, int dashboards, double staffMaus, double staffMausPerThousandReferrals,
                              Map<String, Integer> memoryMb) {
        public static Assumptions defaults(int eventSources, int alarms, int dashboards, Map<String, Integer> memoryMb) {
            // Lambda's SQS pollers: 5 long-polling connections a queue at rest, each receive waiting up to 20 s.
            return new Assumptions(7, 3, 110, 600, 300, 5 * 3 * 60 * 24 * 30.0, eventSources, alarms, dashboards, 10, 3, memoryMb);
        }
    }

    static final double GB = 1024.0 * 1024 * 1024;

    /** The usage a hub makes from one referral's profile, its table bytes and the schedules' runs, under {@code a}. */
    public static Usage usage(Profile referral, double storedBytesPerReferral, Map<String, Scheduled> schedules, Assumptions a) {
        Map<Quantity, Double> fixed = new EnumMap<>(Quantity.class);
        Map<Quantity, Double> slope = new EnumMap<>(Quantity.class);
        // Per referral: flows a month for one referral a year are the referral's counts ÷ 12.
        add(slope, referral, 1 / 12.0, a);
        // Stocks: the table holds each referral for the years it is kept (and its point-in-time recovery the same bytes);
        // the logs are kept for the log groups' retention.
        slope.put(Quantity.DYNAMODB_STORAGE_GB, storedBytesPerReferral / GB * a.yearsKept());
        slope.put(Quantity.DYNAMODB_PITR_GB, storedBytesPerReferral / GB * a.yearsKept());
        slope.merge(Quantity.COGNITO_MAUS, a.staffMausPerThousandReferrals() / 1000, Double::sum);
        for (Scheduled s : schedules.values()) {
            add(fixed, s.run(), s.runsPerMonth(), a);
        }
        fixed.merge(Quantity.SQS_REQUESTS, a.eventSources() * a.pollerReceivesPerQueueMonth(), Double::sum);
        fixed.put(Quantity.ALARMS, (double) a.alarms());
        fixed.put(Quantity.DASHBOARDS, (double) a.dashboards());
        fixed.merge(Quantity.COGNITO_MAUS, a.staffMaus(), Double::sum);
        for (Map<Quantity, Double> m : List.of(fixed, slope)) {
            m.put(Quantity.LOG_STORAGE_GB, m.getOrDefault(Quantity.LOG_INGEST_GB, 0.0) * a.logRetentionMonths());
        }
        return new Usage(fixed, slope);
    }

    /** Adds {@code times} × a profile's quantities into {@code into}. */
    static void add(Map<Quantity, Double> into, Profile p, double times, Assumptions a) {
        double gbSeconds = 0;
        double invocations = 0;
        for (var e : p.functions().entrySet()) {
            int mb = a.memoryMb().getOrDefault(e.getKey(), 1024);
            gbSeconds += e.getValue().invocations() * Math.ceil(e.getValue().medianMillis()) / 1000 * mb / 1024.0;
            invocations += e.getValue().invocations();
        }
        into.merge(Quantity.LAMBDA_REQUESTS, invocations * times, Double::sum);
        into.merge(Quantity.LAMBDA_GB_SECONDS, gbSeconds * times, Double::sum);
        into.merge(Quantity.API_REQUESTS, p.apiRequests() * times, Double::sum);
        into.merge(Quantity.DYNAMODB_READ_UNITS, p.readUnits() * times, Double::sum);
        into.merge(Quantity.DYNAMODB_WRITE_UNITS, p.writeUnits() * times, Double::sum);
        into.merge(Quantity.SQS_REQUESTS, p.sqsRequests() * times, Double::sum);
        into.merge(Quantity.SES_EMAILS, p.sesEmails() * times, Double::sum);
        into.merge(Quantity.S3_PUTS, p.s3Puts() * times, Double::sum);
        into.merge(Quantity.S3_GETS, p.s3Gets() * times, Double::sum);
        // What is put in S3 (the reports) is kept as long as the table keeps a referral.
        into.merge(Quantity.S3_STORAGE_GB, p.s3PutBytes() / GB * times * 12 * a.yearsKept(), Double::sum);
        double logBytes = p.logBytes() + p.logLines() * a.jsonEnvelopeBytesPerLine() + invocations * a.platformBytesPerInvocation()
                + p.apiRequests() * a.accessLogBytesPerRequest();
        into.merge(Quantity.LOG_INGEST_GB, logBytes / GB * times, Double::sum);
        // Each EMF line is one metric in two dimension sets (by its dimensions and in total); a metric is billed by the
        // hours it has data, so at most two metric-hours a line (an upper bound: lines in the same hour share them).
        into.merge(Quantity.CUSTOM_METRICS, p.metricLines() * 2 / 730.0 * times, Double::sum);
    }

    /** The model from what the benchmark measured, at US East prices, with the default assumptions. */
    static CostModel fromMeasured(Profile referral, double storedBytesPerReferral, Map<String, Scheduled> schedules, Assumptions a) {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Lambda milliseconds are the medians of warm invocations on this machine (2 cores, local "
                + "engines), not AWS; memory as template.yaml sets (1024 MB, the report function %d MB), Arm prices.",
                a.memoryMb().getOrDefault("QuarterlyReportFunction", 1024)));
        notes.add("Cold starts are not in the figures: SnapStart restores are not billed for Java; the INIT phase of a cold start is.");
        notes.add(String.format(Locale.ROOT, "Table storage: each referral's items (%.0f bytes, GSI copies included) kept %.0f years; "
                + "point-in-time recovery billed on the same size.", storedBytesPerReferral, a.yearsKept()));
        notes.add(String.format(Locale.ROOT, "SQS at rest: %d event sources, each polled by Lambda with 5 long polls of 20 s, about %.0f "
                + "empty receives a queue a month (assumed, AWS's documented behaviour).", a.eventSources(), a.pollerReceivesPerQueueMonth()));
        notes.add(String.format(Locale.ROOT, "Logs: the bytes of the lines counted + %.0f B of JSON envelope a line + %.0f B of platform "
                + "records an invocation + %.0f B of API access log a request (estimated), kept %.0f months, uncompressed (an overestimate).",
                a.jsonEnvelopeBytesPerLine(), a.platformBytesPerInvocation(), a.accessLogBytesPerRequest(), a.logRetentionMonths()));
        notes.add(String.format(Locale.ROOT, "CloudWatch: %d alarms, %d dashboard(s) from template.yaml; custom metrics as the hours they "
                + "have data (an upper bound).", a.alarms(), a.dashboards()));
        notes.add(String.format(Locale.ROOT, "Cognito: staff only, %.0f + %.0f per 1,000 referrals a year monthly active users: within "
                + "the 10,000 free.", a.staffMaus(), a.staffMausPerThousandReferrals()));
        notes.add("Not in the figures: data transfer out (pages and emails are small), KMS (the table is encrypted with the AWS managed key: no key fee, and DynamoDB caches its data key), "
                + "EventBridge Scheduler (14M invocations a month free), SNS alarm notifications, CodeDeploy (free for Lambda).");
        return new CostModel(usage(referral, storedBytesPerReferral, schedules, a), usEast1(), notes);
    }
}
