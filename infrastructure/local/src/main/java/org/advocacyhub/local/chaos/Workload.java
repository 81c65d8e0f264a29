package org.advocacyhub.local.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one scenario of a chaos run sends, from many threads, and what it was answered: referrals (each under its own
 * {@code Idempotency-Key}, some sent twice at once, every one without an answer sent again with its key until one
 * comes), then allocations raced by two managers and contacts posted twice at once under one key.
 */
final class Workload {

    /** Services the referrals are spread over, from the example referrals in infrastructure/events; IMCA most (it is allocated). */
    static final List<String> SERVICES = List.of("imca", "imca", "imca", "imha", "care-act", "icas", "cyp", "dols-imca", "accommodation");
    /** How long one request is sent again while it gets no answer (the stack killed and starting again takes seconds). */
    private static final Duration PERSIST = Duration.ofMinutes(4);

    /** One referral: its number in the run, the key it is always sent under, its body, and the referrer's address. */
    record Referral(Scenario scenario, int n, String key, Map<String, Object> body, String referrerEmail, String marker) {
    }

    /** What one scenario's requests came to. */
    static final class Sent {
        final Scenario scenario;
        final List<Referral> referrals = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger requests = new AtomicInteger();
        /** Each key's answers: the references every 201 named (more than one is a duplicate). */
        final Map<String, Set<String>> referencesByKey = new ConcurrentHashMap<>();
        final Set<String> unanswered = ConcurrentHashMap.newKeySet();
        final Set<String> refused = ConcurrentHashMap.newKeySet();
        /** Allocation races: the case, and how many of its racers were answered 200. */
        final Map<String, Integer> allocationWins = new ConcurrentHashMap<>();
        /** Contacts posted twice under one key: the case and the key. */
        final Map<String, String> contactKeys = new ConcurrentHashMap<>();
        final AtomicInteger staffRequests = new AtomicInteger();

        Sent(Scenario scenario) {
            this.scenario = scenario;
        }

        Set<String> accepted() {
            Set<String> all = new java.util.TreeSet<>();
            referencesByKey.values().forEach(all::addAll);
            return all;
        }
    }

    private final ChaosStack stack;
    private final HubHttp http;
    private final String run;
    private final Random random;
    private final int threads;
    private final Path events;

    Workload(ChaosStack stack, HubHttp http, String run, long seed, int threads, Path events) {
        this.stack = stack;
        this.http = http;
        this.run = run;
        this.random = new Random(seed);
        this.threads = threads;
        this.events = events;
    }

    /** The referrals of one scenario, numbered from {@code first}. */
    List<Referral> referrals(Scenario scenario, int first, int count) {
        List<Referral> out = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            String service = SERVICES.get(Math.floorMod(n * 7 + random.nextInt(3), SERVICES.size()));
            Map<String, Object> body = example(service);
            String marker = "chaos " + run + " " + scenario.label() + " " + n;
            String email = "chaos-" + run + "-" + n + "@referrer.example";
            body.put("reason", body.get("reason") + " (" + marker + ")");
            @SuppressWarnings("unchecked")
            Map<String, Object> referrer = new LinkedHashMap<>((Map<String, Object>) body.get("referrer"));
            referrer.put("email", email);
            body.put("referrer", referrer);
            out.add(new Referral(scenario, n, "chaos-" + run + "-" + n, body, email, marker));
        }
        return out;
    }

    private Map<String, Object> example(String service) {
        try {
            return new LinkedHashMap<>(HubHttp.parse(Files.readString(events.resolve("referral-" + service + ".json"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends every referral from {@link #threads} threads, a twentieth of them twice at once under one key; when
     * {@code killAt} is reached (accepted referrals), the stack is killed with kill -9 and started again meanwhile.
     */
    Sent send(Scenario scenario, List<Referral> referrals, int killAt) {
        Sent sent = new Sent(scenario);
        sent.referrals.addAll(referrals);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Thread killer = null;
        if (scenario.kills()) {
            killer = new Thread(() -> {
                while (sent.accepted().size() < killAt && sent.accepted().size() + sent.unanswered.size() < referrals.size()) {
                    ChaosStack.sleep(50);
                }
                stack.kill();
                stack.restart();
            }, "chaos-kill");
            killer.start();
        }
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Referral referral : referrals) {
                boolean twin = referral.n() % 20 == 7;
                futures.add(pool.submit(() -> refer(sent, referral)));
                if (twin) {
                    futures.add(pool.submit(() -> refer(sent, referral)));
                }
            }
            for (Future<?> future : futures) {
                future.get();
            }
            if (killer != null) {
                killer.join();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The workload stopped: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        return sent;
    }

    /** Sends one referral under its key until it is answered, as a careful partner system does. */
    private void refer(Sent sent, Referral referral) {
        long deadline = System.nanoTime() + PERSIST.toNanos();
        long pause = 100;
        while (System.nanoTime() < deadline) {
            sent.requests.incrementAndGet();
            HubHttp.Answer answer = http.send("POST", "/referrals", referral.body(), null, referral.key());
            if (answer.status() == 201) {
                String reference = (String) answer.json().get("reference");
                sent.referencesByKey.computeIfAbsent(referral.key(), k -> ConcurrentHashMap.newKeySet()).add(reference);
                sent.unanswered.remove(referral.key());
                return;
            }
            if (answer.answered() && answer.status() < 500 && answer.status() != 409 && answer.status() != 429) {
                sent.refused.add(referral.key() + " " + answer.status());
                return;
            }
            sent.unanswered.add(referral.key());
            ChaosStack.sleep(pause);
            pause = Math.min(2_000, pause * 2);
        }
    }

    /**
     * Staff at work on the scenario's IMCA cases waiting for an advocate: two managers allocate each at once to different
     * advocates, and the advocate who has it records a contact twice at once under one key. Every request without an
     * answer is sent again with its key.
     */
    void staffActions(Sent sent, int most) {
        String manager = stack.token("morgan-manager");
        List<String> waiting = new ArrayList<>();
        for (Referral referral : sent.referrals) {
            Set<String> references = sent.referencesByKey.get(referral.key());
            if (references == null || !"IMCA".equals(referral.body().get("service"))) {
                continue;
            }
            String reference = references.iterator().next();
            HubHttp.Answer view = http.send("GET", "/cases/" + reference, null, manager, null);
            if (view.ok() && "AWAITING_ALLOCATION".equals(view.json().get("status"))) {
                waiting.add(reference);
            }
            if (waiting.size() >= most) {
                break;
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Math.min(threads, 8)));
        try {
            List<Future<?>> races = new ArrayList<>();
            for (String reference : waiting) {
                races.add(pool.submit(() -> race(sent, reference, manager)));
            }
            for (Future<?> race : races) {
                race.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The staff actions stopped: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private void race(Sent sent, String reference, String manager) {
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger wins = new AtomicInteger();
        List<Thread> racers = new ArrayList<>();
        for (String advocate : List.of("ira-imca", "hana-imha")) {
            Thread racer = new Thread(() -> {
                awaitQuietly(start);
                HubHttp.Answer answer = persist(sent, "POST", "/cases/" + reference + "/allocation", Map.of("advocateId", advocate), manager,
                        "chaos-" + run + "-allocate-" + reference + "-" + advocate);
                if (answer.status() == 200) {
                    wins.incrementAndGet();
                }
            });
            racers.add(racer);
            racer.start();
        }
        start.countDown();
        racers.forEach(Workload::joinQuietly);
        sent.allocationWins.put(reference, wins.get());
        HubHttp.Answer view = http.send("GET", "/cases/" + reference, null, manager, null);
        if (!view.ok()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> advocate = (Map<String, Object>) ((Map<String, Object>) view.json().get("casework")).get("advocate");
        if (advocate == null) {
            return;
        }
        String holder = (String) advocate.get("staffId");
        String key = "chaos-" + run + "-contact-" + reference;
        sent.contactKeys.put(reference, key);
        String now = (String) http.send("GET", "/_local/clock", null, null, null).json().get("now");
        Map<String, Object> contact = Map.of("at", now, "method", "PHONE", "withPerson", true, "successful", true);
        String token = stack.token(holder);
        Thread twin = new Thread(() -> persist(sent, "POST", "/cases/" + reference + "/contacts", contact, token, key));
        twin.start();
        persist(sent, "POST", "/cases/" + reference + "/contacts", contact, token, key);
        joinQuietly(twin);
    }

    /**
     * A staff request sent again under its key while it gets no answer (or a 5xx, or a 409 for a request still in
     * progress). A request whose function died holds its key for the ledger's lease (30 s on the hub's clock); rather
     * than wait it out in real time, the run moves the local clock on a minute when the key is still held.
     */
    private HubHttp.Answer persist(Sent sent, String method, String path, Object body, String token, String key) {
        long deadline = System.nanoTime() + PERSIST.toNanos();
        long pause = 100;
        int held = 0;
        HubHttp.Answer answer;
        do {
            sent.staffRequests.incrementAndGet();
            answer = http.send(method, path, body, token, key);
            boolean inProgress = answer.status() == 409 && answer.body().contains("still being");
            if (answer.answered() && answer.status() < 500 && !inProgress) {
                return answer;
            }
            if (inProgress && ++held % 3 == 0) {
                http.advance(java.time.Duration.ofMinutes(1));
            }
            ChaosStack.sleep(pause);
            pause = Math.min(2_000, pause * 2);
        } while (System.nanoTime() < deadline);
        return answer;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
