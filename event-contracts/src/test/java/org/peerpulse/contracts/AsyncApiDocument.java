package org.peerpulse.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code asyncapi.yaml} as the tests read it: the message of each CloudEvents type (the one whose headers
 * declare that {@code ce_type}), its schemas with references followed, and validation against them. The
 * document's schemas point into its own components ({@code #/components/schemas/...}), so each is validated
 * inside a copy of those components; AsyncAPI 3.0 schemas are JSON Schema draft 7 plus a few keywords.
 */
final class AsyncApiDocument {

    static final String RESOURCE = "asyncapi.yaml";

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build()));

    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument load() {
        try (InputStream in = Objects.requireNonNull(AsyncApiDocument.class.getResourceAsStream(RESOURCE), RESOURCE)) {
            return new AsyncApiDocument(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The message whose headers fix {@code ce_type} to {@code type}. */
    Optional<JsonNode> messageFor(String type) {
        for (Map.Entry<String, JsonNode> message : root.path("components").path("messages").properties()) {
            for (JsonNode part : message.getValue().path("headers").path("allOf")) {
                if (type.equals(part.path("properties").path("ce_type").path("const").asString(null))) {
                    return Optional.of(message.getValue());
                }
            }
        }
        return Optional.empty();
    }

    /** The key of {@code message} under {@code components.messages}. */
    String nameOf(JsonNode message) {
        for (Map.Entry<String, JsonNode> entry : root.path("components").path("messages").properties()) {
            if (entry.getValue() == message) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("not a message of the document");
    }

    /**
     * The schema {@code schema} stands for: a {@code $ref} followed, a lone {@code allOf} opened, and of a
     * {@code oneOf} or {@code anyOf} the branch that is not {@code null}.
     */
    JsonNode resolve(JsonNode schema) {
        if (schema.has("$ref")) {
            return resolve(root.at(schema.get("$ref").asString().substring(1)));
        }
        if (schema.path("allOf").size() == 1) {
            return resolve(schema.get("allOf").get(0));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            for (JsonNode branch : schema.path(choice)) {
                if (!branch.path("type").asString("").equals("null")) {
                    return resolve(branch);
                }
            }
        }
        return schema;
    }

    /** What is wrong with {@code instance} measured against {@code schema}, a node of this document. */
    List<String> errors(JsonNode schema, JsonNode instance) {
        ObjectNode standalone = ((ObjectNode) schema.deepCopy()).set("components", root.get("components").deepCopy());
        List<String> errors = new ArrayList<>();
        for (Error error : SCHEMAS.getSchema(standalone).validate(instance)) {
            errors.add(error.toString());
        }
        return errors;
    }
}
