package org.advocacyhub.application.support;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Micronaut's services (bean definitions, introspections) found through an index written into each Lambda jar when it
 * is built, instead of Micronaut's scan of the jar at every cold start (issue 12).
 *
 * <p>Micronaut 4 registers a bean definition as an empty file {@code META-INF/micronaut/<service>/<class>} and finds
 * them by opening the jar as a zip file system and walking that folder: about 50 ms of a 400 ms cold start, measured on
 * an 18 MB function jar with class-data sharing (the zip file system reads the jar's whole directory again, in Java).
 * {@code ./mvnw package} runs {@link #main} on every function's Lambda jar after it is shaded: it lists those files
 * into {@value #INDEX}. At start, Micronaut asks its {@link StaticOptimizations.Loader}s for a
 * {@link SoftServiceLoader.Optimizations}; this one answers with the indexed services, which Micronaut then uses
 * instead of scanning for them (the hook Micronaut AOT's generated service loaders use).
 *
 * <p>The index is used only where it is the whole truth: one index and one {@code META-INF/micronaut/} folder on the
 * class path, both in the same jar or folder (a Lambda jar, or the folder Lambda unpacks it into). Anywhere else (the
 * tests, {@code ./run-local}, which run on the modules' classes) this loader gives no services and Micronaut scans as
 * it always does.
 */
public final class MicronautServiceIndex implements StaticOptimizations.Loader<SoftServiceLoader.Optimizations> {

    /** The index: one line per service file, {@code <service>/<class>}, sorted. */
    public static final String INDEX = "META-INF/advocacyhub/micronaut-services.idx";

    static final String SERVICES = "META-INF/micronaut/";

    static final String STANDARD_SERVICES = "META-INF/services/";

    private static final MethodType NO_ARGUMENTS = MethodType.methodType(void.class);

    /** Called by Micronaut (through {@link java.util.ServiceLoader}). */
    public MicronautServiceIndex() {
    }

    @Override
    public SoftServiceLoader.Optimizations load() {
        return new SoftServiceLoader.Optimizations(loaders(MicronautServiceIndex.class.getClassLoader()));
    }

    /** The indexed services by service type, or none when the index is not the whole truth for {@code classLoader}. */
    public static Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders(ClassLoader classLoader) {
        Map<String, List<String>> services;
        try {
            List<URL> indexes = Collections.list(classLoader.getResources(INDEX));
            List<URL> roots = Collections.list(classLoader.getResources(SERVICES));
            if (indexes.size() != 1 || roots.size() != 1 || !sameRoot(indexes.get(0), INDEX, roots.get(0), SERVICES)) {
                return Map.of();
            }
            services = read(indexes.get(0));
        } catch (IOException | UncheckedIOException unreadable) {
            return Map.of(); // Micronaut scans instead: slower, never wrong
        }
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders = new LinkedHashMap<>();
        services.forEach((service, classes) -> loaders.put(service, new IndexedServices<>(classLoader, classes)));
        return new EveryService(loaders, new IndexedServices<>(classLoader, List.of()));
    }

    private static boolean sameRoot(URL index, String indexPath, URL services, String servicesPath) {
        String a = index.toString();
        String b = services.toString();
        return a.endsWith(indexPath) && b.endsWith(servicesPath)
                && a.substring(0, a.length() - indexPath.length()).equals(b.substring(0, b.length() - servicesPath.length()));
    }

    static Map<String, List<String>> read(URL index) throws IOException {
        Map<String, List<String>> services = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int slash = line.indexOf('/');
                if (slash <= 0 || slash == line.length() - 1) {
                    throw new IOException("not <service>/<class>: " + line);
                }
                services.computeIfAbsent(line.substring(0, slash), service -> new ArrayList<>()).add(line.substring(slash + 1));
            }
        }
        return services;
    }

    /**
     * Writes the index into a jar (the build's step after shading; see the root pom): the files under
     * {@code META-INF/micronaut/} as Micronaut's scan finds them (hidden files left out), sorted.
     * Usage: {@code MicronautServiceIndex <jar>}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: MicronautServiceIndex <jar>");
        }
        Path jar = Path.of(args[0]);
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            List<String> lines = index(zip.getPath("/"));
            Path index = zip.getPath("/" + INDEX);
            Files.createDirectories(index.getParent());
            Files.write(index, lines, StandardCharsets.UTF_8);
            System.out.println("MicronautServiceIndex: " + lines.size() + " services indexed in " + jar.getFileName());
        }
    }

    /**
     * The index lines for a jar or folder: per service type (sorted), the classes its {@code META-INF/services} file
     * lists, then those under {@code META-INF/micronaut/<service>/}, in the order Micronaut's scan reads them.
     */
    public static List<String> index(Path root) throws IOException {
        Map<String, Set<String>> byType = new TreeMap<>();
        Path standard = root.resolve(STANDARD_SERVICES);
        if (Files.isDirectory(standard)) {
            try (Stream<Path> files = Files.list(standard)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isDirectory(file) || hidden(file)) {
                        continue;
                    }
                    Set<String> classes = byType.computeIfAbsent(name(file), type -> new LinkedHashSet<>());
                    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                        int comment = line.indexOf('#');
                        String entry = (comment < 0 ? line : line.substring(0, comment)).trim();
                        if (!entry.isEmpty()) {
                            classes.add(entry);
                        }
                    }
                }
            }
        }
        Path micronaut = root.resolve(SERVICES);
        if (Files.isDirectory(micronaut)) {
            try (Stream<Path> types = Files.list(micronaut)) {
                for (Path type : (Iterable<Path>) types::iterator) {
                    if (!Files.isDirectory(type)) {
                        continue;
                    }
                    Set<String> classes = byType.computeIfAbsent(name(type), t -> new LinkedHashSet<>());
                    try (Stream<Path> entries = Files.list(type)) {
                        entries.filter(entry -> !hidden(entry)).map(MicronautServiceIndex::name).sorted().forEach(classes::add);
                    }
                }
            }
        }
        List<String> lines = new ArrayList<>();
        byType.forEach((type, classes) -> classes.forEach(name -> lines.add(type + "/" + name)));
        return lines;
    }

    private static String name(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean hidden(Path entry) {
        return name(entry).startsWith(".");
    }

    /** The indexed classes of one service, made as Micronaut's own loader makes them (when asked for); one that cannot be made is left out, as Micronaut does. */
    private static final class IndexedServices<S> implements SoftServiceLoader.StaticServiceLoader<S> {

        private final ClassLoader classLoader;
        private final List<String> classes;

        IndexedServices(ClassLoader classLoader, List<String> classes) {
            this.classLoader = classLoader;
            this.classes = List.copyOf(classes);
        }

        @Override
        public Stream<SoftServiceLoader.StaticDefinition<S>> findAll(Predicate<String> condition) {
            List<SoftServiceLoader.StaticDefinition<S>> found = new ArrayList<>(classes.size());
            for (String name : classes) {
                if (condition != null && !condition.test(name)) {
                    continue;
                }
                S service = instantiate(name);
                if (service != null) {
                    found.add(SoftServiceLoader.StaticDefinition.of(name, () -> service));
                }
            }
            return found.stream();
        }

        /** The service, or none where its class or one it needs is not in the jar (an optional dependency left out). */
        @SuppressWarnings("unchecked")
        private S instantiate(String name) {
            try {
                return (S) MethodHandles.publicLookup()
                        .findConstructor(Class.forName(name, false, classLoader), NO_ARGUMENTS).invoke();
            } catch (ClassNotFoundException | NoClassDefFoundError | NoSuchMethodException | IllegalAccessException absent) {
                return null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot make " + name, e);
            }
        }
    }

    /**
     * The answer for every service type Micronaut asks for: the indexed classes, or none for a type the index does not
     * name. The index lists every service file of the jar, so a type it does not name has no service there; without
     * this answer, Micronaut would scan the whole jar to find that out.
     */
    private static final class EveryService extends AbstractMap<String, SoftServiceLoader.StaticServiceLoader<?>> {

        private final Map<String, SoftServiceLoader.StaticServiceLoader<?>> indexed;
        private final SoftServiceLoader.StaticServiceLoader<?> none;

        EveryService(Map<String, SoftServiceLoader.StaticServiceLoader<?>> indexed, SoftServiceLoader.StaticServiceLoader<?> none) {
            this.indexed = Map.copyOf(indexed);
            this.none = none;
        }

        @Override
        public SoftServiceLoader.StaticServiceLoader<?> get(Object type) {
            return indexed.getOrDefault(type, none);
        }

        @Override
        public boolean containsKey(Object type) {
            return true;
        }

        @Override
        public Set<Entry<String, SoftServiceLoader.StaticServiceLoader<?>>> entrySet() {
            return indexed.entrySet();
        }
    }
}
