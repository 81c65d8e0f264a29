package org.advocacyhub.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.advocacyhub.local.bench.CostModel.Line;
import org.advocacyhub.local.bench.CostModel.Price;
import org.advocacyhub.local.bench.CostModel.Prices;
import org.advocacyhub.local.bench.CostModel.Quantity;
import org.advocacyhub.local.bench.CostModel.Usage;
import org.junit.jupiter.api.Test;

/** Issue 24 item 7: the cost model's arithmetic on a tiny example with made-up prices (not AWS's). */
class CostModelTest {

    private static final Prices MADE_UP = new Prices("nowhere", "2000-01-01", Map.of(
            Quantity.LAMBDA_REQUESTS, new Price(2.0, 1000, 100, 0, "made up"),
            Quantity.DYNAMODB_WRITE_UNITS, new Price(1.0, 100, 0, 0, "made up"),
            Quantity.SES_EMAILS, new Price(0.5, 10, 0, 20, "made up"),
            Quantity.ALARMS, new Price(0.1, 1, 2, 0, "made up")));

    /** 12 referrals a year = 1 a month: each adds 600 invocations, 50 write units and 30 emails; 300 invocations and 5 alarms fixed. */
    private static final Usage USAGE = new Usage(
            Map.of(Quantity.LAMBDA_REQUESTS, 300.0, Quantity.ALARMS, 5.0),
            Map.of(Quantity.LAMBDA_REQUESTS, 600 / 12.0, Quantity.DYNAMODB_WRITE_UNITS, 50 / 12.0, Quantity.SES_EMAILS, 30 / 12.0));

    @Test
    void eachLineIsTheQuantityLessItsFreeAllowanceTimesItsPrice() {
        CostModel model = new CostModel(USAGE, MADE_UP, List.of());
        CostModel.Bill bill = model.bill(12);
        // Lambda: 300 + 600 = 900 requests, 100 free: 800 / 1000 × 2.0 = 1.6
        assertEquals(1.6, bill.afterAlwaysFree().get(Line.LAMBDA), 1e-9);
        // DynamoDB: 50 units / 100 × 1.0 = 0.5
        assertEquals(0.5, bill.afterAlwaysFree().get(Line.DYNAMODB), 1e-9);
        // SES: 30 emails / 10 × 0.5 = 1.5; with a new account's 20 free, 10 / 10 × 0.5 = 0.5
        assertEquals(1.5, bill.afterAlwaysFree().get(Line.SES), 1e-9);
        assertEquals(0.5, bill.withNewAccountTier().get(Line.SES), 1e-9);
        // CloudWatch: 5 alarms, 2 free: 0.3
        assertEquals(0.3, bill.afterAlwaysFree().get(Line.CLOUDWATCH), 1e-9);
        assertEquals(0.0, bill.afterAlwaysFree().get(Line.S3), 1e-9, "a line without a price or a quantity costs nothing");
        assertEquals(1.6 + 0.5 + 1.5 + 0.3, bill.total(), 1e-9);
        assertEquals(1.6 + 0.5 + 0.5 + 0.3, bill.totalWithNewAccountTier(), 1e-9);
    }

    @Test
    void aQuantityIsItsFixedPartPlusItsPartPerReferralAYear() {
        assertEquals(300 + 50 * 120, USAGE.monthly(Quantity.LAMBDA_REQUESTS, 120), 1e-9);
        // Ten times the referrals: Lambda stays under its allowance longer, then grows by 2.0 per 1000 requests.
        CostModel model = new CostModel(USAGE, MADE_UP, List.of());
        assertEquals(0.0, model.bill(0).afterAlwaysFree().get(Line.DYNAMODB), 1e-9);
        assertEquals((300 + 6000 - 100) / 1000.0 * 2.0, model.bill(120).afterAlwaysFree().get(Line.LAMBDA), 1e-9);
    }

    @Test
    void theFastestGrowingLineIsTheOneWhoseCostGrowsMostBetweenTheSizes() {
        CostModel model = new CostModel(USAGE, MADE_UP, List.of());
        // From 12 to 120 a year: Lambda +10.8, SES +13.5, DynamoDB +4.5, CloudWatch 0.
        assertEquals(Line.SES, model.fastestGrowing(12, 120));
        String report = model.report(12, 120);
        assertTrue(report.contains("fastest-growing line: SES"), report);
        assertTrue(report.contains("read 2000-01-01"), report);
    }

    @Test
    void aProfileBecomesUsageInBillingUnits() {
        // One referral: 2 invocations of 1000 ms on 2048 MB, 3 write units, 1 email, 1 API request, 10 log lines of 100 B.
        Profile referral = new Profile(Map.of("F", new Profile.Function(2, 1000)), 4, 3, Map.of(), 5, 0, 1, 0, 0, 0, 1,
                10, 1000, 1, 0, 0, Map.of());
        Profile timer = new Profile(Map.of("T", new Profile.Function(1, 10)), 1, 0, Map.of(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Map.of());
        CostModel.Assumptions a = new CostModel.Assumptions(2, 3, 0, 0, 0, 1000, 2, 4, 1, 5, 0, Map.of("F", 2048, "T", 1024));
        Usage usage = CostModel.usage(referral, 1024.0 * 1024 * 1024, Map.of("timer", new CostModel.Scheduled(timer, 100)), a);
        assertEquals(2 / 12.0, usage.perReferralAYear().get(Quantity.LAMBDA_REQUESTS), 1e-12);
        assertEquals(2 * 1.0 * 2 / 12.0, usage.perReferralAYear().get(Quantity.LAMBDA_GB_SECONDS), 1e-12);
        assertEquals(2.0, usage.perReferralAYear().get(Quantity.DYNAMODB_STORAGE_GB), 1e-12, "1 GB kept 2 years");
        assertEquals(100.0, usage.fixedMonthly().get(Quantity.LAMBDA_REQUESTS), 1e-12);
        assertEquals(100.0, usage.fixedMonthly().get(Quantity.DYNAMODB_READ_UNITS), 1e-12);
        assertEquals(2 * 1000.0, usage.fixedMonthly().get(Quantity.SQS_REQUESTS), 1e-12, "two event sources' pollers");
        assertEquals(5 / 12.0, usage.perReferralAYear().get(Quantity.SQS_REQUESTS), 1e-12);
        assertEquals(4.0, usage.fixedMonthly().get(Quantity.ALARMS), 1e-12);
        assertEquals(1000 / CostModel.GB / 12 * 3, usage.perReferralAYear().get(Quantity.LOG_STORAGE_GB), 1e-18, "kept 3 months");
    }
}
