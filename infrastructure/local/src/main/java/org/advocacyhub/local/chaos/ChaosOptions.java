package org.advocacyhub.local.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The chaos command's options ({@code infrastructure/local/chaos --help}), checked as every input is: a bad one is a
 * usage error naming it.
 */
record ChaosOptions(int referrals, int threads, List<Scenario> scenarios, Optional<URI> url, boolean keep, Optional<Path> report,
                    long seed, boolean help) {

    static final String USAGE = usage();

    /** A usage error: the message names the option. */
    static final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageError(String message) {
            super(message, null, false, false);
        }
    }

    static ChaosOptions parse(String... args) {
        int referrals = 200;
        int threads = 16;
        List<Scenario> scenarios = null;
        URI url = null;
        boolean keep = false;
        Path report = null;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-h", "--help" -> {
                    return new ChaosOptions(referrals, threads, List.of(), Optional.empty(), false, Optional.empty(), seed, true);
                }
                case "--keep" -> keep = true;
                case "--referrals" -> referrals = number(arg, value(args, ++i, arg), 1, 1_000_000);
                case "--threads" -> threads = number(arg, value(args, ++i, arg), 1, 256);
                case "--seed" -> seed = number(arg, value(args, ++i, arg), 0, Integer.MAX_VALUE);
                case "--report" -> report = Path.of(value(args, ++i, arg));
                case "--url" -> {
                    String text = value(args, ++i, arg);
                    if (!text.matches("https?://[^\\s/]+(/.*)?")) {
                        throw new UsageError("--url must be an address such as http://localhost:3000; got '" + text + "'");
                    }
                    url = URI.create(text.endsWith("/") ? text : text + "/");
                }
                case "--scenarios" -> {
                    scenarios = new ArrayList<>();
                    for (String name : value(args, ++i, arg).split(",")) {
                        scenarios.add(Scenario.named(name).orElseThrow(() -> new UsageError("--scenarios: there is no scenario '"
                                + name.strip() + "'; see --help")));
                    }
                }
                default -> throw new UsageError("Unknown option " + arg);
            }
        }
        if (scenarios == null) {
            scenarios = Scenario.all(url == null);
        }
        if (url != null && scenarios.stream().anyMatch(Scenario::kills)) {
            throw new UsageError("--url drives a stack this command did not start, so it cannot kill it: leave out "
                    + String.join(", ", scenarios.stream().filter(Scenario::kills).map(Scenario::label).toList()));
        }
        if (referrals < scenarios.size()) {
            throw new UsageError("--referrals must be at least the number of scenarios (" + scenarios.size() + ")");
        }
        return new ChaosOptions(referrals, threads, List.copyOf(scenarios), Optional.ofNullable(url), keep, Optional.ofNullable(report),
                seed, false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageError(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String option, String text, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value < min || value > max) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageError(option + " must be a whole number from " + min + " to " + max + "; got '" + text + "'");
        }
    }

    private static String usage() {
        try (InputStream in = ChaosOptions.class.getResourceAsStream("/chaos-usage.txt")) {
            if (in == null) {
                throw new IllegalStateException("chaos-usage.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
