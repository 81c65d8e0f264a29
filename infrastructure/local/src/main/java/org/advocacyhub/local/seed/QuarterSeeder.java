package org.advocacyhub.local.seed;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.advocacyhub.domain.contract.Contract;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.advocacyhub.domain.time.FinancialQuarter;
import org.advocacyhub.domain.time.WorkingCalendar;

/**
 * {@code infrastructure/local/seed}: a realistic financial quarter of referrals and casework, made through the hub's
 * real routes over HTTP against a running {@code ./run-local}, for trying the quarterly reports on. It walks the local
 * clock ({@code /_local/clock}) forward through the quarter an hour at a time and, at each hour, does what happens
 * then: referrals arrive (screening decides on its own, from the queue), managers allocate, advocates record contacts,
 * meetings, time and closures, answerphone messages are left and answered, and so on. Every request is planned before
 * the first is sent, from {@code java.util.Random(seed)}: the same seed gives the same requests in the same order, so
 * the same figures (see {@link QuarterPlan}).
 *
 * <p>Requests that give numbers (referrals, answerphone messages) go one at a time in plan order; within an hour the
 * other requests go in parallel, one lane per advocate, each lane in plan order, so no two requests change one case or
 * one advocate at once. Output is counts only, never anything about a person.
 */
public final class QuarterSeeder {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final String MANAGER = "morgan-manager";

    private final HubClient hub;
    private final Map<String, String> tokens;
    private final PrintStream out;
    private final int threads;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    /** Referrals made whose screening decision is not known yet, in the order they were made. */
    private final List<SeedCase> pending = new ArrayList<>();
    private int clockMoves;
    /** Where the time went: moving the clock (and the schedules it fires), waiting for screening, requests. */
    private long clockNanos;
    private long screeningNanos;
    private Instant lastMove;
    private long lastMoveNanos;

    /**
     * @param base    the hub's address, e.g. {@code http://localhost:3000/}
     * @param tokens  staff tokens by staff id; {@code morgan-manager}'s is required (the manager acts for staff without one)
     * @param threads requests in parallel within one hour of the quarter
     */
    public QuarterSeeder(URI base, Map<String, String> tokens, PrintStream out, int threads) {
        if (!tokens.containsKey(MANAGER)) {
            throw new IllegalArgumentException("No token for " + MANAGER + ": start ./run-local first (it writes .local/" + MANAGER + ".token)");
        }
        this.hub = new HubClient(base);
        this.tokens = Map.copyOf(tokens);
        this.out = out;
        this.threads = threads;
    }

    /** What a seeding made: counts by name (deterministic for a seed), and how long it took (not). */
    public record Summary(Map<String, Long> counts, Duration took, long requests, int clockMoves) {

        public long count(String name) {
            return counts.getOrDefault(name, 0L);
        }

        /** The counts whose names start with {@code prefix}, by the rest of the name. */
        public Map<String, Long> group(String prefix) {
            Map<String, Long> group = new TreeMap<>();
            counts.forEach((k, v) -> {
                if (k.startsWith(prefix)) {
                    group.put(k.substring(prefix.length()), v);
                }
            });
            return group;
        }
    }

    public static void main(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                System.out.print(usage());
                return;
            }
            if (!arg.startsWith("--") || i + 1 >= args.length
                    || !List.of("--contract", "--quarter", "--cases", "--seed", "--url", "--threads", "--tokens").contains(arg)) {
                System.err.print("seed: unknown option or missing value: " + arg + "\n\n" + usage());
                System.exit(2);
            }
            options.put(arg.substring(2), args[++i]);
        }
        try {
            String port = System.getenv().getOrDefault("PORT", "3000");
            URI base = URI.create(options.getOrDefault("url", "http://localhost:" + (port.isBlank() ? "3000" : port)).replaceAll("/*$", "/"));
            Path tokenDir = Path.of(options.getOrDefault("tokens", ".local"));
            QuarterSeeder seeder = new QuarterSeeder(base, readTokens(tokenDir), System.out, Integer.parseInt(options.getOrDefault("threads", "4")));
            List<String> contracts = List.of(options.getOrDefault("contract", "LLR").toUpperCase(Locale.ROOT).split(","));
            FinancialQuarter quarter = options.containsKey("quarter") ? parseQuarter(options.get("quarter")) : null;
            seeder.seed(contracts, quarter, Integer.parseInt(options.getOrDefault("cases", "1000")), Long.parseLong(options.getOrDefault("seed", "42")));
        } catch (HubClient.Stopped | IllegalArgumentException e) {
            System.err.println("seed: " + e.getMessage());
            System.exit(1);
        }
    }

    static String usage() {
        return """
                Usage: infrastructure/local/seed [--contract LLR] [--quarter 2026-Q2] [--cases 1000] [--seed 42]
                                                 [--url http://localhost:3000] [--threads 4] [--tokens .local]

                Makes a realistic financial quarter through the hub's real routes against a running ./run-local:
                referrals of every service and council of the contract (and some out of area), screened by the hub,
                allocated, contacted, met, time recorded, closed with feedback (some left open), answerphone messages
                and responses, awareness sessions, complaints and compliments; some deadlines missed on purpose.
                The same --seed gives the same requests in the same order, so the same figures.

                  --contract  LLR, LEW or DERBY, or several with commas (default LLR); --cases is per contract
                  --quarter   a financial quarter, Q1 = April to June: 2026-Q2 is July to September 2026
                              (default: the quarter the local clock is in)
                  --cases     referrals to make per contract (default 1000)
                  --seed      the random seed (default 42)
                  --url       the hub (default http://localhost:$PORT, PORT 3000 unless set)
                  --threads   requests at once within an hour of the quarter (default 4)
                  --tokens    where ./run-local wrote the staff tokens (default .local)

                The local clock must not be past 08:45 on the quarter's first day, since referrals are received at the
                quarter's times; start ./run-local with LOCAL_CLOCK, e.g.
                  LOCAL_CLOCK=2026-07-01T07:00:00Z ./run-local
                  infrastructure/local/seed --contract LLR --quarter 2026-Q2 --cases 1000 --seed 42
                """;
    }

    static FinancialQuarter parseQuarter(String text) {
        Matcher matcher = QUARTER.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--quarter must look like 2026-Q2 (a financial quarter: Q1 is April to June); got '" + text + "'");
        }
        return new FinancialQuarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    private static Map<String, String> readTokens(Path dir) {
        Map<String, String> tokens = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("No staff tokens in " + dir + ": start ./run-local first (it writes .local/<staff id>.token)");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".token")).sorted().toList()) {
                String id = file.getFileName().toString().replaceFirst("\\.token$", "");
                tokens.put(id, Files.readString(file).strip());
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the staff tokens in " + dir + ": " + e.getClass().getSimpleName());
        }
        return tokens;
    }

    /**
     * Seeds {@code cases} referrals per contract in {@code quarter} (or the quarter the local clock is in) from
     * {@code seed}, and prints progress and the summary.
     */
    public Summary seed(List<String> contractCodes, FinancialQuarter quarter, int cases, long seed) {
        long started = System.nanoTime();
        if (cases < 1) {
            throw new IllegalArgumentException("--cases must be at least 1");
        }
        ContractCatalogue catalogue = ContractCatalogue.bundled();
        Map<String, Contract> contracts = new LinkedHashMap<>();
        for (String code : contractCodes) {
            Contract contract = catalogue.contract(code.strip()).orElseThrow(() -> new IllegalArgumentException("Unknown contract '"
                    + code + "'; the contracts are " + catalogue.contracts().stream().map(Contract::code).toList()));
            contracts.put(contract.code(), contract);
        }
        Instant now = clockNow();
        FinancialQuarter chosen = quarter != null ? quarter : FinancialQuarter.containing(now);
        Instant opening = QuarterPlan.opening(chosen);
        if (now.isAfter(opening)) {
            throw new IllegalArgumentException("the local clock is " + now + ", past the start of " + key(chosen) + " (" + opening
                    + "): referrals must be received at the quarter's own times, and the clock only moves forward. Restart the hub "
                    + "at the quarter's start:\n  LOCAL_CLOCK=" + QuarterPlan.suggestedStart(chosen) + " ./run-local");
        }
        lastMove = now;
        lastMoveNanos = System.nanoTime();
        WorkingCalendar calendar = contracts.values().iterator().next().calendar();
        QuarterPlan plan = QuarterPlan.make(new QuarterPlan.Options(List.copyOf(contracts.keySet()), chosen, cases, seed), contracts, calendar);
        plan.referralActions(this::refer);
        out.printf("Seeding %s %s (%s to %s), %d referrals per contract, seed %d, against %s%n", String.join(",", contracts.keySet()),
                key(chosen), chosen.firstDay(), chosen.lastDay(), cases, seed, hub.base());

        QuarterPlan.Hub api = hubFor();
        for (QuarterPlan.Staff member : plan.staff) {
            api.call("PUT /staff/{staffId}", "PUT", "/staff/" + member.id(), MANAGER, member.body());
            api.count("staff added");
        }

        Map<Instant, List<QuarterPlan.Action>> steps = new TreeMap<>();
        for (QuarterPlan.Action action : plan.actions) {
            steps.computeIfAbsent(action.due(), k -> new ArrayList<>()).add(action);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        LocalDate day = null;
        try {
            for (Map.Entry<Instant, List<QuarterPlan.Action>> step : steps.entrySet()) {
                moveTo(step.getKey());
                LocalDate today = step.getKey().atZone(QuarterPlan.LONDON).toLocalDate();
                if (day != null && !today.equals(day) && today.getDayOfMonth() % 7 == 1) {
                    progress(today, started);
                }
                day = today;
                run(step.getValue(), api, pool, today);
            }
        } finally {
            pool.shutdownNow();
        }
        if (!pending.isEmpty()) {
            awaitScreening(List.copyOf(pending), day == null ? LocalDate.now() : day);
        }
        Map<String, Long> byStatus = new TreeMap<>();
        for (String code : contracts.keySet()) {
            statuses(code, chosen, byStatus);
        }
        byStatus.forEach((status, n) -> api.count("cases now " + status, n));
        plan.intended.forEach((name, n) -> api.count("planned " + name, n));
        Map<String, Long> all = new TreeMap<>();
        counts.forEach((k, v) -> all.put(k, v.sum()));
        Summary summary = new Summary(all, Duration.ofNanos(System.nanoTime() - started), requests.get(), clockMoves);
        print(summary, chosen, contracts.keySet(), clockNow());
        return summary;
    }

    // ------------------------------------------------------------------ one hour of the quarter

    private void run(List<QuarterPlan.Action> actions, QuarterPlan.Hub api, ExecutorService pool, LocalDate today) {
        List<SeedCase> referred = new ArrayList<>();
        Map<String, List<QuarterPlan.Action>> lanes = new TreeMap<>();
        for (QuarterPlan.Action action : actions) {
            if (action.lane().equals(QuarterPlan.INTAKE)) {
                action.op().run(api);
                if (action.subject() != null) {
                    referred.add(action.subject());
                }
            } else {
                lanes.computeIfAbsent(action.lane(), k -> new ArrayList<>()).add(action);
            }
        }
        pending.addAll(referred);
        // Screening runs on its own from the queue; wait for it only when a case's casework is due (usually hours later).
        List<SeedCase> needed = lanes.values().stream().flatMap(List::stream).map(QuarterPlan.Action::subject)
                .filter(c -> c != null && c.screened == null).distinct().toList();
        if (!needed.isEmpty()) {
            awaitScreening(List.copyOf(pending), today);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<QuarterPlan.Action> lane : lanes.values()) {
            running.add(pool.submit(() -> {
                for (QuarterPlan.Action action : lane) {
                    if (action.subject() != null && !action.subject().screenedAsPlanned()) {
                        api.count("actions skipped (screened otherwise than planned)");
                        continue;
                    }
                    action.op().run(api);
                }
            }));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HubClient.Stopped("interrupted");
            }
        }
    }

    private void refer(SeedCase c) {
        Map<String, Object> created = hub.send("POST /referrals", "POST", "/referrals", null, c.referral,
                Map.of("Idempotency-Key", "seed-" + c.contract + "-" + c.receivedAt.getEpochSecond() + "-" + c.number));
        requests.incrementAndGet();
        c.reference = (String) created.get("reference");
        if (c.reference == null) {
            throw new HubClient.Stopped("POST /referrals answered without a reference");
        }
        count("referrals");
        count("referrals by service " + c.service);
        count("referrals by council " + c.authority);
        count("referrals by contract " + c.contract);
        if (c.samePersonAs != null) {
            count("referrals of a person referred before");
        }
    }

    /**
     * Waits until screening (the eligibility function, from its queue) has decided on each referral made and not yet
     * known to be screened, reading the contract's list of cases received since the earliest of them.
     */
    @SuppressWarnings("unchecked")
    private void awaitScreening(List<SeedCase> referred, LocalDate today) {
        QuarterPlan.Hub api = hubFor();
        long start = System.nanoTime();
        Map<String, SeedCase> waiting = new LinkedHashMap<>();
        referred.forEach(c -> waiting.put(c.reference, c));
        LocalDate from = referred.stream().map(c -> c.receivedAt.atZone(QuarterPlan.LONDON).toLocalDate()).min(LocalDate::compareTo)
                .orElse(today).minusDays(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            for (String contract : referred.stream().map(c -> c.contract).distinct().toList()) {
                String pageToken = null;
                do {
                    String path = "/cases?contract=" + contract + "&receivedFrom=" + from + "&receivedTo=" + today + "&limit=100"
                            + (pageToken == null ? "" : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
                    Map<String, Object> page = api.call("GET /cases", "GET", path, MANAGER, null);
                    for (Map<String, Object> listed : (List<Map<String, Object>>) page.getOrDefault("cases", List.of())) {
                        SeedCase c = waiting.get((String) listed.get("reference"));
                        if (c != null && !"RECEIVED".equals(listed.get("status"))) {
                            c.screened = (String) listed.get("status");
                        }
                    }
                    pageToken = (String) page.get("next");
                } while (pageToken != null);
            }
            if (waiting.values().stream().allMatch(c -> c.screened != null)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new HubClient.Stopped("screening did not decide on " + waiting.values().stream().filter(c -> c.screened == null).count()
                        + " referral(s) within 90 s: is the hub's eligibility function running?");
            }
            sleep(100);
        }
        for (SeedCase c : referred) {
            count("screened " + c.screened);
            if (!c.screenedAsPlanned()) {
                count("screened otherwise than planned");
            }
        }
        pending.removeAll(referred);
        screeningNanos += System.nanoTime() - start;
    }

    // ------------------------------------------------------------------ the clock

    private Instant clockNow() {
        Map<String, Object> answer = hub.send("GET /_local/clock", "GET", "/_local/clock", null, null);
        Object now = answer.get("now");
        if (!(now instanceof String text)) {
            throw new HubClient.Stopped("GET /_local/clock gave no time: is this a ./run-local?");
        }
        return Instant.parse(text);
    }

    /** Moves the local clock to {@code to} (every schedule due in the jump fires) unless it is there already. */
    private void moveTo(Instant to) {
        Instant estimate = lastMove.plusNanos(System.nanoTime() - lastMoveNanos);
        if (!to.isAfter(estimate.plusSeconds(2))) {
            return;
        }
        long start = System.nanoTime();
        Map<String, Object> moved = hub.send("POST /_local/clock", "POST", "/_local/clock", null, Map.of("to", to.toString()));
        clockNanos += System.nanoTime() - start;
        requests.incrementAndGet();
        clockMoves++;
        lastMove = Instant.parse((String) moved.get("now"));
        lastMoveNanos = System.nanoTime();
        if (moved.get("failed") instanceof List<?> failed && !failed.isEmpty()) {
            count("scheduled runs that failed");
        }
    }

    // ------------------------------------------------------------------ requests and counts

    private QuarterPlan.Hub hubFor() {
        return new QuarterPlan.Hub() {
            @Override
            public Map<String, Object> call(String route, String method, String path, String actor, Object body) {
                String token = tokens.getOrDefault(actor, tokens.get(MANAGER));
                requests.incrementAndGet();
                return hub.send(route, method, path, token, body);
            }

            @Override
            public void count(String key, long amount) {
                counts.computeIfAbsent(key, k -> new LongAdder()).add(amount);
            }
        };
    }

    private void count(String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    @SuppressWarnings("unchecked")
    private void statuses(String contract, FinancialQuarter quarter, Map<String, Long> byStatus) {
        // A small quarter's last action can come before the quarter's last day, and the hub lists no day after its today.
        LocalDate today = clockNow().atZone(QuarterPlan.LONDON).toLocalDate();
        LocalDate to = today.isBefore(quarter.lastDay()) ? today : quarter.lastDay();
        String pageToken = null;
        do {
            String path = "/cases?contract=" + contract + "&receivedFrom=" + quarter.firstDay() + "&receivedTo=" + to + "&limit=100"
                    + (pageToken == null ? "" : "&pageToken=" + URLEncoder.encode(pageToken, StandardCharsets.UTF_8));
            Map<String, Object> page = hubFor().call("GET /cases", "GET", path, MANAGER, null);
            for (Map<String, Object> listed : (List<Map<String, Object>>) page.getOrDefault("cases", List.of())) {
                byStatus.merge((String) listed.get("status"), 1L, Long::sum);
            }
            pageToken = (String) page.get("next");
        } while (pageToken != null);
    }

    private void progress(LocalDate today, long started) {
        out.printf("  %s: %d referrals, %d requests, %d clock moves, %d s%n", today, counts.getOrDefault("referrals", new LongAdder()).sum(),
                requests.get(), clockMoves, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private void print(Summary summary, FinancialQuarter quarter, java.util.Set<String> contracts, Instant clock) {
        out.printf("Seeded %s %s in %d s: %d requests, %d clock moves (%d s moving the clock, %d s waiting for screening). "
                        + "The local clock is now %s.%n", String.join(",", contracts), key(quarter), summary.took().toSeconds(),
                summary.requests(), summary.clockMoves(), Duration.ofNanos(clockNanos).toSeconds(), Duration.ofNanos(screeningNanos).toSeconds(),
                clock);
        line("Referrals by service", summary.group("referrals by service "));
        line("Referrals by council", summary.group("referrals by council "));
        out.printf("  People referred twice (same name and date of birth): %d%n", summary.count("referrals of a person referred before"));
        line("Screening decided", summary.group("screened "));
        line("Cases received in the quarter, by status now", summary.group("cases now "));
        Map<String, Long> rest = new TreeMap<>();
        summary.counts().forEach((k, v) -> {
            if (!k.startsWith("referrals") && !k.startsWith("screened ") && !k.startsWith("cases now ") && !k.startsWith("planned ")) {
                rest.put(k, v);
            }
        });
        line("Done", rest);
        line("Planned on purpose", summary.group("planned "));
        out.printf("Next: POST /reports {\"contract\": \"%s\", \"quarter\": \"%s\", \"send\": false} once the clock is past the quarter's end.%n",
                contracts.iterator().next(), key(quarter));
    }

    private void line(String title, Map<String, Long> group) {
        StringBuilder text = new StringBuilder("  " + title + ":");
        group.forEach((k, v) -> text.append(' ').append(k).append(' ').append(v).append(','));
        if (!group.isEmpty()) {
            text.setLength(text.length() - 1);
        }
        out.println(text);
    }

    private static String key(FinancialQuarter quarter) {
        return quarter.financialYear() + "-Q" + quarter.quarter();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HubClient.Stopped("interrupted");
        }
    }
}
