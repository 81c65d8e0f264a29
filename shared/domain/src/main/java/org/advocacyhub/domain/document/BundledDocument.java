package org.advocacyhub.domain.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A YAML or JSON file bundled with the hub (the contracts, the bank holiday list), parsed when the project is built
 * rather than at every cold start (issue 12).
 *
 * <p>People edit the YAML; {@code ./mvnw} parses each bundled file once with SnakeYAML, exactly as {@link #parse} does
 * at run time, and writes the parsed tree (maps, lists, text, numbers, booleans, dates, nulls) next to it as
 * {@code <file>.tree} in a compact binary form ({@link #main}, run by shared/domain's pom). A function then reads the
 * tree ({@link #compiled}), which takes a fraction of a millisecond, instead of loading and warming a YAML parser, which
 * took some 40 ms of each cold start. The readers (contracts, bank holidays) check the tree as they would check the
 * parsed YAML, with the same messages. A file with no tree beside it (a test's, a tool's) is parsed as YAML.
 */
public final class BundledDocument {

    /** The compiled tree of resource {@code name} is {@code name + SUFFIX}. */
    public static final String SUFFIX = ".tree";

    private static final int MAGIC = 0x41485431; // "AHT1"
    private static final byte NULL = 0;
    private static final byte FALSE = 1;
    private static final byte TRUE = 2;
    private static final byte INTEGER = 3;
    private static final byte LONG = 4;
    private static final byte BIG_INTEGER = 5;
    private static final byte DOUBLE = 6;
    private static final byte TEXT = 7;
    private static final byte DATE = 8;
    private static final byte LIST = 9;
    private static final byte MAP = 10;

    private BundledDocument() {
    }

    /**
     * Parses YAML (JSON is YAML) as every bundled file is parsed: SnakeYAML's safe constructor (plain maps, lists and
     * scalars, no objects), a repeated key refused.
     *
     * @throws org.yaml.snakeyaml.error.YAMLException when it is not valid YAML
     */
    public static Object parse(Reader yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options)).load(yaml);
    }

    /** The tree compiled from classpath resource {@code name} when the project was built, if there is one. */
    public static Optional<Object> compiled(String name) {
        try (InputStream in = BundledDocument.class.getClassLoader().getResourceAsStream(name + SUFFIX)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(decode(in));
        } catch (IOException e) {
            throw new UncheckedIOException(name + SUFFIX + ": cannot be read", e);
        }
    }

    /** The tree in its compiled form. */
    public static byte[] encode(Object tree) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            write(out, tree, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A tree from its compiled form. */
    public static Object decode(InputStream compiled) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(compiled.readAllBytes()));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a compiled document tree");
        }
        Object tree = read(in);
        if (in.available() != 0) {
            throw new IOException("bytes left after the document tree");
        }
        return tree;
    }

    /**
     * Compiles bundled files: {@code BundledDocument <classes folder> <resource>...} parses each resource found in the
     * folder and writes its tree beside it. Fails, naming the file, on one that is not valid YAML.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: BundledDocument <classes folder> <resource>...");
        }
        Path folder = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path file = folder.resolve(args[i]);
            Object tree;
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                tree = parse(reader);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(args[i] + ": not valid YAML: " + e.getMessage(), e);
            }
            try {
                Files.write(folder.resolve(args[i] + SUFFIX), encode(tree));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(args[i] + ": " + e.getMessage(), e);
            }
        }
        System.out.println("BundledDocument: " + (args.length - 1) + " files compiled in " + folder);
    }

    private static Object read(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        return switch (kind) {
            case NULL -> null;
            case FALSE -> Boolean.FALSE;
            case TRUE -> Boolean.TRUE;
            case INTEGER -> in.readInt();
            case LONG -> in.readLong();
            case BIG_INTEGER -> new BigInteger(readText(in));
            case DOUBLE -> in.readDouble();
            case TEXT -> readText(in);
            case DATE -> new Date(in.readLong());
            case LIST -> {
                int size = in.readInt();
                List<Object> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(read(in));
                }
                yield list;
            }
            case MAP -> {
                int size = in.readInt();
                Map<Object, Object> map = new LinkedHashMap<>(size * 2);
                for (int i = 0; i < size; i++) {
                    map.put(read(in), read(in));
                }
                yield map;
            }
            default -> throw new IOException("unknown value kind " + kind);
        };
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static void write(DataOutputStream out, Object value, String path) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof Boolean flag) {
            out.writeByte(flag ? TRUE : FALSE);
        } else if (value instanceof Integer number) {
            out.writeByte(INTEGER);
            out.writeInt(number);
        } else if (value instanceof Long number) {
            out.writeByte(LONG);
            out.writeLong(number);
        } else if (value instanceof BigInteger number) {
            out.writeByte(BIG_INTEGER);
            writeText(out, number.toString());
        } else if (value instanceof Double number) {
            out.writeByte(DOUBLE);
            out.writeDouble(number);
        } else if (value instanceof String text) {
            out.writeByte(TEXT);
            writeText(out, text);
        } else if (value instanceof Date date) {
            out.writeByte(DATE);
            out.writeLong(date.getTime());
        } else if (value instanceof List<?> list) {
            out.writeByte(LIST);
            out.writeInt(list.size());
            for (int i = 0; i < list.size(); i++) {
                write(out, list.get(i), path + "[" + i + "]");
            }
        } else if (value instanceof Map<?, ?> map) {
            out.writeByte(MAP);
            out.writeInt(map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(out, entry.getKey(), path);
                write(out, entry.getValue(), path.isEmpty() ? String.valueOf(entry.getKey()) : path + "." + entry.getKey());
            }
        } else {
            throw new IllegalArgumentException((path.isEmpty() ? "the document" : path) + ": a "
                    + value.getClass().getSimpleName() + " cannot be bundled; use text, a number, true/false, a list or a mapping");
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
