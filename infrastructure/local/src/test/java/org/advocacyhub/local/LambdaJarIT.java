package org.advocacyhub.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.advocacyhub.application.support.MicronautServiceIndex;
import org.advocacyhub.testing.SamTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the shade plugin merges into each Lambda jar (root pom.xml). Several jars carry a file of the same name;
 * shade keeps one copy unless told how to merge, and it is told for each such file so that the build has no
 * overlap warning. These tests check that nothing the Lambda needs or must carry was lost on the way.
 *
 * <p>The jars bundled into a Lambda jar are found on this module's test classpath (which holds every function's
 * dependencies): a classpath entry counts as bundled when all of its classes are in the Lambda jar.
 */
class LambdaJarIT {

    private static final List<String> LICENCES = List.of("META-INF/LICENSE", "META-INF/LICENSE.txt", "META-INF/FastDoubleParser-LICENSE");
    private static final List<String> NOTICES = List.of("META-INF/NOTICE", "META-INF/NOTICE.txt", "META-INF/NOTICE.md");

    /** A classpath entry: its name for messages, and its root (a jar's, or a classes directory). */
    record Source(String name, Path root) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A Lambda jar: its CodeUri for messages, and its root. */
    record Lambda(String codeUri, Path jar, Path root) {
        Path resolve(String name) {
            return root.resolve(name);
        }

        @Override
        public String toString() {
            return codeUri;
        }
    }

    private static final List<FileSystem> OPENED = new ArrayList<>();
    private static List<Source> classpath;

    @BeforeAll
    static void openTheClasspath() throws IOException {
        classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                classpath.add(new Source(entry, path));
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                FileSystem jar = FileSystems.newFileSystem(path);
                OPENED.add(jar);
                classpath.add(new Source(path.getFileName().toString(), jar.getPath("/")));
            }
        }
    }

    @AfterAll
    static void close() throws IOException {
        for (FileSystem jar : OPENED) {
            jar.close();
        }
    }

    @Test
    void every_service_registration_of_every_bundled_jar_is_in_the_merged_service_file() throws Exception {
        forEachLambdaJar((lambda, bundled) -> {
            int registrations = 0;
            for (Source source : bundled) {
                for (Path services : files(source.root(), "META-INF/services")) {
                    String name = relative(source.root(), services);
                    Set<String> merged = providers(lambda.resolve(name));
                    for (String provider : providers(services)) {
                        assertTrue(merged.contains(provider), lambda + " " + name + " lacks " + provider + " from " + source);
                        registrations++;
                    }
                }
            }
            // Micronaut finds its bean definitions and the SDK its HTTP client through these.
            assertTrue(registrations > 10, lambda + ": only " + registrations + " service registrations found");
        });
    }

    @Test
    void every_micronaut_metadata_file_of_every_bundled_jar_is_in_the_lambda_jar() throws Exception {
        forEachLambdaJar((lambda, bundled) -> {
            Set<String> missing = new TreeSet<>();
            int found = 0;
            for (Source source : bundled) {
                for (Path file : files(source.root(), "META-INF/micronaut")) {
                    found++;
                    if (!Files.exists(lambda.resolve(relative(source.root(), file)))) {
                        missing.add(relative(source.root(), file) + " (" + source + ")");
                    }
                }
            }
            assertTrue(found > 0, lambda + ": no Micronaut metadata in the bundled jars");
            assertEquals(Set.of(), missing, lambda.toString());
        });
    }

    @Test
    void every_lambda_jar_indexes_its_services_as_micronaut_would_find_them_by_scanning_it() throws Exception {
        forEachLambdaJar((lambda, bundled) -> {
            Path index = lambda.resolve(MicronautServiceIndex.INDEX);
            assertTrue(Files.isRegularFile(index), lambda + ": no " + MicronautServiceIndex.INDEX + " (package the functions first)");
            List<String> lines = Files.readAllLines(index);
            assertEquals(MicronautServiceIndex.index(lambda.root()), lines, lambda + ": the index is not the jar's service files");
            assertTrue(lines.stream().filter(line -> line.startsWith("io.micronaut.inject.BeanDefinitionReference/")).count() > 50,
                    lambda + ": too few bean definitions indexed");

            // The jar alone, as Lambda loads it: the index answers, and names what Micronaut's own scan finds.
            URL jar = lambda.jar().toUri().toURL();
            try (URLClassLoader alone = new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader())) {
                Class<?> indexClass = Class.forName(MicronautServiceIndex.class.getName(), true, alone);
                Map<?, ?> answered = (Map<?, ?>) indexClass.getMethod("loaders", ClassLoader.class).invoke(null, alone);
                assertFalse(answered.isEmpty(), lambda + ": the index is not used on the jar alone");
                Class<?> scanner = Class.forName("io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils", true, alone);
                Map<?, ?> scanned = (Map<?, ?>) scanner.getMethod("findAllMicronautMetaServices", ClassLoader.class).invoke(null, alone);
                assertFalse(scanned.isEmpty());
                for (Map.Entry<?, ?> type : scanned.entrySet()) {
                    Set<String> indexed = lines.stream().filter(line -> line.startsWith(type.getKey() + "/"))
                            .map(line -> line.substring(line.indexOf('/') + 1)).collect(Collectors.toCollection(TreeSet::new));
                    assertEquals(new TreeSet<>((Set<?>) type.getValue()), indexed, lambda + ": " + type.getKey());
                }
            }
        });
    }

    @Test
    void every_licence_and_notice_of_every_bundled_jar_is_kept() throws Exception {
        forEachLambdaJar((lambda, bundled) -> {
            String notices = read(lambda.resolve("META-INF/NOTICE"));
            for (Source source : bundled) {
                for (String name : LICENCES) {
                    Path licence = source.root().resolve(name);
                    if (Files.isRegularFile(licence)) {
                        assertTrue(read(lambda.resolve(name)).contains(read(licence).strip()), lambda + " " + name + " lacks the text from " + source);
                    }
                }
                for (String name : NOTICES) {
                    Path notice = source.root().resolve(name);
                    if (Files.isRegularFile(notice)) {
                        // Every notice is merged into META-INF/NOTICE, line by line without repeats.
                        List<String> lost = read(notice).lines().map(String::strip).filter(line -> !line.isEmpty())
                                .filter(line -> !notices.contains(line)).toList();
                        assertEquals(List.of(), lost, lambda + " META-INF/NOTICE lacks lines of " + source + " " + name);
                    }
                }
            }
        });
    }

    /**
     * Issue 12: each function's jar carries only what it uses and is at most 20 MB (Lambda unpacks it at every cold
     * start). The S3 SDK (4 MB, S3's hundred operations) is one no function needs: the report archive uses
     * persistence's S3ObjectClient; only the tests and the local stack use the SDK's S3 client.
     */
    @Test
    void every_lambda_jar_is_at_most_20_MB_and_none_carries_the_S3_SDK() throws Exception {
        forEachLambdaJar((lambda, bundled) -> {
            assertFalse(Files.exists(lambda.resolve("software/amazon/awssdk/services/s3")), lambda + " carries the S3 SDK");
        });
        SamTemplate template = SamTemplate.locate();
        for (SamTemplate.SamFunction function : template.functions()) {
            long size = Files.size(template.path().getParent().resolve(function.codeUri()));
            assertTrue(size <= 20_000_000L, function.codeUri() + " is " + size + " bytes, over 20 MB");
        }
    }

    interface LambdaJarCheck {
        void check(Lambda lambda, List<Source> bundled) throws Exception;
    }

    private static void forEachLambdaJar(LambdaJarCheck check) throws Exception {
        SamTemplate template = SamTemplate.locate();
        Set<String> codeUris = template.functions().stream().map(SamTemplate.SamFunction::codeUri).collect(Collectors.toCollection(TreeSet::new));
        assertFalse(codeUris.isEmpty());
        for (String codeUri : codeUris) {
            Path jar = template.path().getParent().resolve(codeUri);
            assertTrue(Files.isRegularFile(jar), "no jar at CodeUri " + codeUri + " (package the functions first)");
            try (FileSystem opened = FileSystems.newFileSystem(jar)) {
                Lambda lambda = new Lambda(codeUri, jar, opened.getPath("/"));
                List<Source> bundled = classpath.stream().filter(source -> isBundledIn(lambda, source)).toList();
                assertTrue(bundled.size() > 10, codeUri + ": only " + bundled + " found bundled");
                check.check(lambda, bundled);
            }
        }
    }

    /** Whether every class of {@code source} (a jar or a classes directory) is in the Lambda jar. */
    private static boolean isBundledIn(Lambda lambda, Source source) {
        try (Stream<Path> files = Files.walk(source.root())) {
            List<String> classes = files.map(file -> relative(source.root(), file))
                    .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class") && !name.startsWith("META-INF/versions/"))
                    .toList();
            return !classes.isEmpty() && classes.stream().allMatch(name -> Files.exists(lambda.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path source, String directory) throws IOException {
        Path start = source.resolve(directory);
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /** The provider class names of a service file, without comments. */
    private static Set<String> providers(Path serviceFile) throws IOException {
        if (!Files.isRegularFile(serviceFile)) {
            return Set.of();
        }
        return read(serviceFile).lines().map(line -> line.replaceFirst("#.*", "").strip())
                .filter(line -> !line.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String relative(Path source, Path file) {
        return source.relativize(file).toString().replace(File.separatorChar, '/');
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
