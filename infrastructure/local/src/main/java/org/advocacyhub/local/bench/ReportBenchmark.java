package org.advocacyhub.local.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.advocacyhub.domain.answerphone.CallbackFigures;
import org.advocacyhub.domain.casework.ReferralCase;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.reports.AuthorityReturn;
import org.advocacyhub.domain.reports.CaseloadList;
import org.advocacyhub.domain.reports.QuarterlyReturn;
import org.advocacyhub.domain.reports.QuarterlyReturnBuilder;
import org.advocacyhub.domain.reports.ReturnTable;
import org.advocacyhub.domain.reports.ReturnsSink;
import org.advocacyhub.domain.reports.TimeRow;
import org.advocacyhub.domain.returns.ReturnRecord;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.reports.ReturnWorkbook;

/**
 * Building a quarter's report (issue 11: 100,000 cases in at most 10 s with at most 512 MB of heap,
 * growing linearly from 10k): one run in this JVM, as the report function builds it. A deterministic
 * quarter ({@link ReturnQuarter}) is streamed case by case into a {@link QuarterlyReturnBuilder} and,
 * where the contract has one, a {@link CaseloadList}; then {@code build(asAt, version)}, then every
 * workbook and the restricted list written with {@link ReturnWorkbook#toBytes}. Not a test: timed
 * assertions do not belong in tests. {@code infrastructure/local/report-bench.sh} runs it in a fresh
 * JVM with {@code -Xmx512m} per run, three runs per size, and prints the medians.
 *
 * <p>Generation streams (no list of cases is ever held, so the heap holds the builder and one case)
 * and cannot be taken out of the wall time, so it is measured twice: alone, in a same-JVM baseline
 * run that generates the same quarter and discards it (after one untimed generation that warms the
 * generating code up), and excluded from the build time, which is the sum of the time spent inside
 * the builder's and list's {@code add} calls (timed call by call), {@code build} and the writing.
 * The wall time of generating and building together is printed too, with its ratio to the baseline, and the CPU time of
 * this thread in the two runs, whose difference is the build's CPU time (steadier than wall time on a busy machine).
 *
 * <p>Memory: the heap's peak use during the build run (garbage included: the most in use when a collection began,
 * or at the end) and what the builder retains once every case is in (the heap used after a full
 * collection, less the same before the run; that collection is outside the timing).
 *
 * <p>Arguments: {@code [cases] [seed] [contract] [warm-ups]} (default 100000, 42, LLR, 0). With warm-ups, that many
 * whole untimed builds come first, so the timed one shows the builder's cost on compiled code, without the fixed cost
 * of a fresh JVM (class loading, the JIT) that the report function pays each time a Lambda JVM starts. Prints one line
 * starting {@code result} with the figures, and a readable line per phase.
 */
public final class ReportBenchmark {

    /** The quarter reported (October to December 2026) and when its figures are taken (a week into January, London). */
    static final FinancialQuarter QUARTER = new FinancialQuarter(2026, 3);
    static final Instant AS_AT = Instant.parse("2027-01-08T07:00:00Z");
    private static final String VERSION = "bench";

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        String code = args.length > 2 ? args[2] : "LLR";
        int warmUps = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        Contract contract = ContractCatalogue.bundled().contract(code).orElseThrow(() -> new IllegalArgumentException("no contract " + code));
        ReturnQuarter quarter = new ReturnQuarter(contract, QUARTER, AS_AT, seed);

        // Warm runs only: whole untimed builds first, so the timed one runs compiled code (a fresh Lambda JVM does not).
        for (int i = 0; i < warmUps; i++) {
            warmUp(contract, quarter, cases);
        }

        // Baseline: generate and discard (the first time untimed, warming the generating code up).
        quarter.generate(cases, new Discard());
        Discard discard = new Discard();
        long genCpuStart = cpu();
        long genStart = System.nanoTime();
        ReturnQuarter.Made made = quarter.generate(cases, discard);
        long genNanos = System.nanoTime() - genStart;
        long genCpu = cpu() - genCpuStart;

        // The build, as the report function does it.
        System.gc();
        long heapBefore = heapUsed();
        HeapPeak heapPeak = new HeapPeak();
        long[] gcBefore = gc();
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(contract, QUARTER, contract.calendar());
        CaseloadList caseload = CaseloadList.wanted(contract) ? new CaseloadList(contract, QUARTER) : null;
        Timed sink = new Timed(builder, caseload);
        long cpuStart = cpu();
        long start = System.nanoTime();
        ReturnQuarter.Made fed = quarter.generate(cases, sink);
        long fedAt = System.nanoTime();
        long fedCpu = cpu() - cpuStart;
        if (!fed.equals(made) || sink.hash != discard.hash) {
            throw new IllegalStateException("the quarter generated differently twice: " + made + " / " + fed);
        }

        // What the builder holds with every case in (a full collection, not timed).
        long[] gcMid = gc();
        System.gc();
        long retained = heapUsed() - heapBefore;
        long[] gcAfterMid = gc();

        long buildCpuStart = cpu();
        long buildStart = System.nanoTime();
        QuarterlyReturn figures = builder.build(AS_AT, VERSION);
        // Each council's restricted list, as the report function builds them (issue 23).
        Map<String, List<ReturnTable>> restricted = new java.util.LinkedHashMap<>();
        if (caseload != null) {
            caseload.workbooks().forEach(council -> restricted.put(council, caseload.build(council)));
        }
        long builtAt = System.nanoTime();
        long bytes = 0;
        int sheets = 0;
        for (AuthorityReturn book : figures.workbooks()) {
            bytes += ReturnWorkbook.toBytes(book.sheets(), "Quarterly return " + QUARTER.key() + ": " + book.authorityName()).length;
            sheets += book.sheets().size();
        }
        for (Map.Entry<String, List<ReturnTable>> list : restricted.entrySet()) {
            bytes += ReturnWorkbook.toBytes(list.getValue(), "Restricted list " + QUARTER.key() + ": " + list.getKey()).length;
            sheets += list.getValue().size();
        }
        long writtenAt = System.nanoTime();
        long wallCpu = fedCpu + cpu() - buildCpuStart;
        long peak = heapPeak.peak();
        long[] gcEnd = gc();
        // The collections of the timed parts: all of the run's, less the forced one outside the timing.
        long gcCount = gcEnd[0] - gcBefore[0] - (gcAfterMid[0] - gcMid[0]);
        long gcMillis = gcEnd[1] - gcBefore[1] - (gcAfterMid[1] - gcMid[1]);

        // The figures' fingerprint (not timed): the same quarter must give the same figures, run after run and change after change.
        int fingerprint = 1;
        for (AuthorityReturn book : figures.workbooks()) {
            fingerprint = 31 * fingerprint + book.sheets().toString().hashCode();
        }
        fingerprint = 31 * fingerprint + restricted.toString().hashCode();

        long feedNanos = sink.caseNanos + sink.timeNanos + sink.recordNanos + sink.callbackNanos;
        long figuresNanos = builtAt - buildStart;
        long writeNanos = writtenAt - builtAt;
        long buildNanos = feedNanos + figuresNanos + writeNanos;
        long wallNanos = (fedAt - start) + (writtenAt - buildStart);

        System.out.printf(Locale.ROOT, "%s %d cases (seed %d): %d time rows, %d records, %d callbacks -> %d workbooks, %d sheets, %d bytes, figures %08x%n",
                code, cases, seed, made.timeRows(), made.records(), made.callbacks(), figures.workbooks().size(), sheets, bytes,
                fingerprint);
        System.out.printf(Locale.ROOT, "  generation only (baseline)  %8.1f ms%n", genNanos / 1e6);
        System.out.printf(Locale.ROOT, "  addCase                     %8.1f ms%n", sink.caseNanos / 1e6);
        System.out.printf(Locale.ROOT, "  addTime                     %8.1f ms%n", sink.timeNanos / 1e6);
        System.out.printf(Locale.ROOT, "  addRecord + addCallback     %8.1f ms%n", (sink.recordNanos + sink.callbackNanos) / 1e6);
        System.out.printf(Locale.ROOT, "  build(asAt, version)        %8.1f ms%n", figuresNanos / 1e6);
        System.out.printf(Locale.ROOT, "  write workbooks             %8.1f ms%n", writeNanos / 1e6);
        System.out.printf(Locale.ROOT, "  build total                 %8.1f ms  (generation + build wall %.1f ms, ratio to baseline %.2f)%n",
                buildNanos / 1e6, wallNanos / 1e6, (double) wallNanos / genNanos);
        System.out.printf(Locale.ROOT, "  CPU of this thread: generation only %.1f ms, generation + build %.1f ms, so build %.1f ms%n",
                genCpu / 1e6, wallCpu / 1e6, (wallCpu - genCpu) / 1e6);
        System.out.printf(Locale.ROOT, "  heap: peak %.1f MB, retained by the builder %.1f MB, max %.0f MB; GC in the timed parts: %d, %d ms%n",
                peak / 1048576.0, retained / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0, gcCount, gcMillis);
        System.out.printf(Locale.ROOT, "result cases=%d build_ms=%.1f gen_ms=%.1f wall_ms=%.1f build_cpu_ms=%.1f add_case_ms=%.1f add_time_ms=%.1f "
                        + "add_other_ms=%.1f figures_ms=%.1f write_ms=%.1f peak_mb=%.1f retained_mb=%.1f gc_count=%d gc_ms=%d "
                        + "time_rows=%d bytes=%d figures=%08x%n",
                cases, buildNanos / 1e6, genNanos / 1e6, wallNanos / 1e6, (wallCpu - genCpu) / 1e6, sink.caseNanos / 1e6, sink.timeNanos / 1e6,
                (sink.recordNanos + sink.callbackNanos) / 1e6, figuresNanos / 1e6, writeNanos / 1e6, peak / 1048576.0,
                retained / 1048576.0, gcCount, gcMillis, made.timeRows(), bytes, fingerprint);
    }

    /** One whole build, untimed. */
    private static void warmUp(Contract contract, ReturnQuarter quarter, int cases) {
        QuarterlyReturnBuilder builder = new QuarterlyReturnBuilder(contract, QUARTER, contract.calendar());
        CaseloadList caseload = CaseloadList.wanted(contract) ? new CaseloadList(contract, QUARTER) : null;
        quarter.generate(cases, new Timed(builder, caseload));
        for (AuthorityReturn book : builder.build(AS_AT, VERSION).workbooks()) {
            ReturnWorkbook.toBytes(book.sheets(), book.authorityName());
        }
        if (caseload != null) {
            caseload.workbooks().forEach(code -> ReturnWorkbook.toBytes(caseload.build(code), code));
        }
    }

    /** Feeds the builder (and the list) as the report function's sink does, timing each call. */
    private static final class Timed implements ReturnsSink {
        private final QuarterlyReturnBuilder builder;
        private final CaseloadList caseload;
        long caseNanos;
        long timeNanos;
        long recordNanos;
        long callbackNanos;
        long hash;

        Timed(QuarterlyReturnBuilder builder, CaseloadList caseload) {
            this.builder = builder;
            this.caseload = caseload;
        }

        @Override
        public void addCase(ReferralCase referralCase) {
            hash = hash * 31 + referralCase.reference().sequence();
            long start = System.nanoTime();
            builder.addCase(referralCase);
            if (caseload != null) {
                caseload.addCase(referralCase);
            }
            caseNanos += System.nanoTime() - start;
        }

        @Override
        public void addTime(TimeRow row) {
            hash = hash * 31 + row.minutes();
            long start = System.nanoTime();
            builder.addTime(row);
            if (caseload != null) {
                caseload.addTime(row);
            }
            timeNanos += System.nanoTime() - start;
        }

        @Override
        public void addRecord(ReturnRecord record) {
            long start = System.nanoTime();
            builder.addRecord(record);
            recordNanos += System.nanoTime() - start;
        }

        @Override
        public void addCallback(CallbackFigures.Kept kept) {
            long start = System.nanoTime();
            builder.addCallback(kept);
            callbackNanos += System.nanoTime() - start;
        }

        @Override
        public void addCaseStudy(org.advocacyhub.domain.casestudy.CaseStudy study) {
            builder.addCaseStudy(study);
        }

        @Override
        public void addServiceSummary(org.advocacyhub.domain.casestudy.ServiceSummary summary) {
            builder.addServiceSummary(summary);
        }
    }

    /** Generation only: takes each item and drops it (a hash, so the generating work is not optimised away). */
    private static final class Discard implements ReturnsSink {
        long hash;

        @Override
        public void addCase(ReferralCase referralCase) {
            hash = hash * 31 + referralCase.reference().sequence();
        }

        @Override
        public void addTime(TimeRow row) {
            hash = hash * 31 + row.minutes();
        }

        @Override
        public void addRecord(ReturnRecord record) {
        }

        @Override
        public void addCallback(CallbackFigures.Kept kept) {
        }

        @Override
        public void addCaseStudy(org.advocacyhub.domain.casestudy.CaseStudy study) {
        }

        @Override
        public void addServiceSummary(org.advocacyhub.domain.casestudy.ServiceSummary summary) {
        }
    }

    /** CPU time of this thread so far (not the collector's or the compiler's threads). */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The heap's peak use from now on: the heap is fullest just before a collection, so the most any collection found
     * in use (its notification's usage before it) or, at the end, the heap in use then.
     */
    private static final class HeapPeak implements NotificationListener {
        private final Set<String> heapPools = new HashSet<>();
        private final AtomicLong peak = new AtomicLong();

        HeapPeak() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    heapPools.add(pool.getName());
                }
            }
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) bean).addNotificationListener(this, null, null);
            }
        }

        @Override
        public void handleNotification(Notification notification, Object handback) {
            if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageBeforeGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
        }

        /** The peak so far (the notifications of the last collections given a moment to arrive). */
        long peak() throws InterruptedException {
            Thread.sleep(200);
            return Math.max(peak.get(), heapUsed());
        }
    }

    /** Collections so far and their total time in ms, over every collector. */
    private static long[] gc() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, bean.getCollectionCount());
            millis += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
