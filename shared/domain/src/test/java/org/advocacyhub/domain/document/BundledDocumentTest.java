package org.advocacyhub.domain.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.advocacyhub.domain.contract.ContractCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.error.YAMLException;

class BundledDocumentTest {

    /** Every file the hub bundles and reads at run time: the contracts and the bank holiday list (OfficialBankHolidays). */
    private static final List<String> BUNDLED = concat(ContractCatalogue.BUNDLED_FILES, List.of("england-and-wales-bank-holidays.json"));

    @Test
    void every_bundled_file_has_a_compiled_tree_that_is_exactly_its_yaml() throws IOException {
        for (String name : BUNDLED) {
            Optional<Object> compiled = BundledDocument.compiled(name);
            assertTrue(compiled.isPresent(), name + " has no compiled tree: list it in shared/domain/pom.xml (bundled-documents)");
            try (InputStream yaml = getClass().getClassLoader().getResourceAsStream(name)) {
                assertEquals(BundledDocument.parse(new InputStreamReader(yaml, StandardCharsets.UTF_8)), compiled.get(), name);
            }
        }
    }

    @Test
    void a_tree_of_every_kind_of_value_comes_back_as_it_went_in_with_its_types_and_order() throws IOException {
        Map<Object, Object> tree = new LinkedHashMap<>();
        tree.put("text", "Café – “quoted” 𝄞");
        tree.put("empty", "");
        tree.put("nothing", null);
        tree.put("yes", true);
        tree.put("no", false);
        tree.put("int", -42);
        tree.put("long", 12_345_678_901L);
        tree.put("big", new BigInteger("123456789012345678901234567890"));
        tree.put("double", 2.5);
        tree.put("date", new Date(1_790_000_000_000L));
        tree.put(7, List.of("a", List.of(), Map.of()));
        tree.put("z-last", new ArrayList<>(List.of(1, 2, 3)));

        Object back = BundledDocument.decode(new ByteArrayInputStream(BundledDocument.encode(tree)));

        assertEquals(tree, back);
        assertEquals(List.copyOf(tree.keySet()), List.copyOf(((Map<?, ?>) back).keySet()), "the keys keep their order");
        assertEquals(Long.class, ((Map<?, ?>) back).get("long").getClass());
        assertEquals(Integer.class, ((Map<?, ?>) back).get("int").getClass());
    }

    @Test
    void yaml_parsed_as_at_run_time_gives_the_same_tree_once_compiled() throws IOException {
        String yaml = "code: LLR\nlimit: 20\nshare: 0.5\nopen: true\nwhen: 2026-04-01\nnames: [a, b]\nempty:\n";
        Object parsed = BundledDocument.parse(new StringReader(yaml));
        assertEquals(parsed, BundledDocument.decode(new ByteArrayInputStream(BundledDocument.encode(parsed))));
    }

    @Test
    void a_value_that_cannot_be_bundled_is_refused_naming_where_it_is() {
        Map<String, Object> tree = Map.of("services", List.of(Map.of("codes", Set.of("IMCA"))));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> BundledDocument.encode(tree));
        assertTrue(refused.getMessage().startsWith("services[0].codes: a "), refused.getMessage());
    }

    @Test
    void a_repeated_key_is_refused_as_at_run_time() {
        assertThrows(YAMLException.class, () -> BundledDocument.parse(new StringReader("code: LLR\ncode: LEW\n")));
    }

    @Test
    void compiling_writes_each_tree_beside_its_file_and_names_a_file_that_is_not_yaml(@TempDir Path folder) throws IOException {
        Files.createDirectories(folder.resolve("contracts"));
        Files.writeString(folder.resolve("contracts/good.yaml"), "code: GOOD\nlist: [1, 2]\n");
        BundledDocument.main(new String[] {folder.toString(), "contracts/good.yaml"});
        try (InputStream in = Files.newInputStream(folder.resolve("contracts/good.yaml" + BundledDocument.SUFFIX))) {
            assertEquals(Map.of("code", "GOOD", "list", List.of(1, 2)), BundledDocument.decode(in));
        }

        Files.writeString(folder.resolve("contracts/bad.yaml"), "code: [unclosed\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> BundledDocument.main(new String[] {folder.toString(), "contracts/bad.yaml"}));
        assertTrue(refused.getMessage().startsWith("contracts/bad.yaml: not valid YAML"), refused.getMessage());
    }

    @Test
    void bytes_that_are_not_a_compiled_tree_are_refused() {
        assertThrows(IOException.class, () -> BundledDocument.decode(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5})));
        byte[] valid = BundledDocument.encode("text");
        byte[] longer = Arrays.copyOf(valid, valid.length + 1);
        assertThrows(IOException.class, () -> BundledDocument.decode(new ByteArrayInputStream(longer)));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
