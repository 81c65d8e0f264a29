package org.advocacyhub.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads CloudFormation YAML: the short intrinsic-function tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...)
 * become their long JSON form ({@code {"Ref": ...}}, {@code {"Fn::GetAtt": [...]}}, ...), exactly what
 * CloudFormation itself sees, so the result can be validated against the SAM JSON schema.
 */
public final class CloudFormationYaml {

    private CloudFormationYaml() {
    }

    /** Parses one YAML document; maps keep their order. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(200);
        Yaml parser = new Yaml(new IntrinsicConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new StringDatesResolver());
        Object document = parser.load(yaml);
        if (!(document instanceof Map)) {
            throw new IllegalArgumentException("A CloudFormation template must be a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    /** CloudFormation keeps unquoted dates such as {@code 2010-09-09} as strings. */
    private static final class StringDatesResolver extends Resolver {
        @Override
        public void addImplicitResolver(Tag tag, java.util.regex.Pattern regexp, String first, int limit) {
            if (!Tag.TIMESTAMP.equals(tag)) {
                super.addImplicitResolver(tag, regexp, first, limit);
            }
        }
    }

    private static final class IntrinsicConstructor extends SafeConstructor {

        IntrinsicConstructor(LoaderOptions options) {
            super(options);
            for (String name : List.of("Sub", "Join", "Select", "If", "Equals", "Not", "FindInMap", "Split",
                    "ImportValue", "Base64", "GetAZs", "And", "Or", "Cidr", "Transform", "Length", "ToJsonString")) {
                yamlConstructors.put(new Tag("!" + name), new Intrinsic("Fn::" + name));
            }
            yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
            yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
            yamlConstructors.put(new Tag("!GetAtt"), new GetAtt());
        }

        private Object value(Node node) {
            if (node instanceof ScalarNode scalar) {
                return scalar.getValue();
            }
            if (node instanceof SequenceNode sequence) {
                return constructSequence(sequence);
            }
            return constructMapping((MappingNode) node);
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String key;

            Intrinsic(String key) {
                this.key = key;
            }

            @Override
            public Object construct(Node node) {
                Map<String, Object> function = new LinkedHashMap<>();
                function.put(key, value(node));
                return function;
            }
        }

        /** {@code !GetAtt Resource.Attribute} splits at the first dot; the list form passes through. */
        private final class GetAtt extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                Object value = value(node);
                if (value instanceof String text) {
                    int dot = text.indexOf('.');
                    if (dot < 1) {
                        throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got: " + text);
                    }
                    value = List.of(text.substring(0, dot), text.substring(dot + 1));
                }
                Map<String, Object> function = new LinkedHashMap<>();
                function.put("Fn::GetAtt", value);
                return function;
            }
        }
    }
}
