package org.advocacyhub.application.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.core.io.service.SoftServiceLoader;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicronautServiceIndexTest {

    @TempDir
    Path folder;

    @Test
    void indexes_the_standard_service_files_then_the_micronaut_entries_per_type_leaving_out_comments_and_hidden_files() throws IOException {
        Path root = folder.resolve("classes");
        write(root.resolve("META-INF/services/com.example.Service"), "# a comment\n\ncom.example.B  # trailing\n com.example.A\n");
        write(root.resolve("META-INF/micronaut/com.example.Service/com.example.C"), "");
        write(root.resolve("META-INF/micronaut/com.example.Service/com.example.B"), "");
        write(root.resolve("META-INF/micronaut/com.example.Other/com.example.D"), "");
        write(root.resolve("META-INF/micronaut/com.example.Other/.hidden"), "");

        assertEquals(List.of(
                "com.example.Other/com.example.D",
                "com.example.Service/com.example.B", "com.example.Service/com.example.A", "com.example.Service/com.example.C"),
                MicronautServiceIndex.index(root));
    }

    @Test
    void a_jar_with_its_index_answers_every_service_type_from_it_and_none_for_a_type_it_does_not_name() throws Exception {
        Path jar = jar(folder.resolve("function-lambda.jar"), Map.of(
                "META-INF/micronaut/java.util.List/java.util.ArrayList", "",
                "META-INF/micronaut/java.util.List/java.util.LinkedList", "",
                "META-INF/micronaut/java.util.List/com.example.NotInTheJar", "",
                "META-INF/services/java.util.Map", "java.util.TreeMap\n"));
        MicronautServiceIndex.main(new String[] {jar.toString()});

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Map<String, SoftServiceLoader.StaticServiceLoader<?>> services = MicronautServiceIndex.loaders(loader);
            List<Object> lists = new ArrayList<>(services.get("java.util.List").load(null));
            assertEquals(2, lists.size(), "the class that is not in the jar is left out, as Micronaut's scan leaves it out");
            assertInstanceOf(ArrayList.class, lists.get(0));
            assertInstanceOf(LinkedList.class, lists.get(1));
            assertInstanceOf(TreeMap.class, services.get("java.util.Map").load(null).get(0));
            assertEquals(List.of(), services.get("com.example.Unknown").load(null), "a type with no service file has none");
            assertTrue(services.containsKey("com.example.Unknown"));
            assertEquals(List.of(), services.get("java.util.List").load(name -> name.endsWith("Nothing"), null),
                    "Micronaut's name condition applies");
        }
    }

    @Test
    void without_an_index_or_beside_other_micronaut_jars_micronaut_scans_as_usual() throws Exception {
        Path plain = jar(folder.resolve("plain.jar"), Map.of("META-INF/micronaut/java.util.List/java.util.ArrayList", ""));
        Path indexed = jar(folder.resolve("indexed.jar"), Map.of("META-INF/micronaut/java.util.List/java.util.LinkedList", ""));
        MicronautServiceIndex.main(new String[] {indexed.toString()});

        try (URLClassLoader loader = new URLClassLoader(new URL[] {plain.toUri().toURL()}, null)) {
            assertEquals(Map.of(), MicronautServiceIndex.loaders(loader), "no index");
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {indexed.toUri().toURL(), plain.toUri().toURL()}, null)) {
            assertEquals(Map.of(), MicronautServiceIndex.loaders(loader), "the index does not cover plain.jar");
        }
    }

    private static Path jar(Path jar, Map<String, String> entries) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            List<String> directories = new ArrayList<>();
            for (String name : new TreeMap<>(entries).keySet()) {
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    String directory = name.substring(0, slash + 1);
                    if (!directories.contains(directory)) {
                        directories.add(directory);
                        out.putNextEntry(new JarEntry(directory));
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new JarEntry(name));
                out.write(entries.get(name).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
