package org.peerpulse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The AsyncAPI document cannot drift from the records: every CloudEvents type in {@link EventTypes} has a
 * message, every record component (down through nested records) is a property of its schema and nothing else
 * is, enums list the Java constants, and every golden sample validates against its message. It reads whatever
 * {@link EventTypes} and the golden folder hold, so a new type fails here until the document describes it.
 */
class AsyncApiDocumentTest {

    private static final AsyncApiDocument DOCUMENT = AsyncApiDocument.load();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Every {@code ce_type} the contracts define: the public string constants of {@link EventTypes}. */
    static Stream<String> eventTypes() {
        return constantsOf(EventTypes.class).stream();
    }

    /** Every file in the golden folder, whatever GoldenSamples registers. */
    static Stream<String> goldenSamples() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(GoldenSamples.class.getResource("golden/")).toURI());
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".json"))
                    .sorted()
                    .toList();
            assertThat(names).isNotEmpty();
            return names.stream();
        }
    }

    @Test
    void isAsyncApi3WithAChannelForEveryTopic() {
        JsonNode root = DOCUMENT.root();
        assertThat(root.path("asyncapi").asString()).startsWith("3.0.");
        assertThat(root.path("info").path("license").path("name").asString()).isEqualTo("Apache-2.0");

        Map<String, JsonNode> channelsByAddress = root.path("channels").properties().stream()
                .collect(Collectors.toMap(channel -> channel.getValue().path("address").asString(),
                        Map.Entry::getValue));
        assertThat(channelsByAddress).containsOnlyKeys(constantsOf(Topics.class));
        assertThat(channelsByAddress.get(Topics.AGENCIES).at("/bindings/kafka/topicConfiguration/cleanup.policy")
                .toString()).isEqualTo("[\"compact\"]");
        assertThat(channelsByAddress.get(Topics.SESSIONS).at("/bindings/kafka/topicConfiguration/retention.ms").asLong())
                .isEqualTo(-1L);
    }

    @Test
    void everyMessageTravelsOnAChannelAndEveryOperationNamesOne() {
        Set<String> onChannels = new TreeSet<>();
        DOCUMENT.root().path("channels").forEach(channel -> channel.path("messages")
                .forEach(message -> onChannels.add(message.path("$ref").asString())));
        Set<String> messages = DOCUMENT.root().path("components").path("messages").propertyNames().stream()
                .map(name -> "#/components/messages/" + name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(onChannels).isEqualTo(messages);

        DOCUMENT.root().path("operations").properties().forEach(operation -> {
            JsonNode channel = DOCUMENT.resolve(operation.getValue().path("channel"));
            assertThat(channel.path("address").asString()).as(operation.getKey()).isNotBlank();
            assertThat(operation.getValue().path("action").asString()).as(operation.getKey()).isIn("send", "receive");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void everyEventTypeHasAMessageWhosePayloadIsItsRecord(String type) {
        Class<? extends PeerPulseEvent> record = EventTypes.recordFor(type)
                .orElseThrow(() -> new AssertionError(type + " has no record in EventTypes"));
        JsonNode message = DOCUMENT.messageFor(type)
                .orElseThrow(() -> new AssertionError("asyncapi.yaml has no message whose ce_type is " + type));

        assertThat(DOCUMENT.nameOf(message)).isEqualTo(record.getSimpleName());
        assertThat(message.at("/bindings/kafka/key/description").asString()).contains("agency id");
        List<String> faults = new ArrayList<>();
        describesRecord(record, message.path("payload"), record.getSimpleName(), faults);
        assertThat(faults).as("where the schema of %s and the record differ", type).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenSamples")
    void everyGoldenSampleValidatesAgainstItsMessage(String file) {
        String type = typeOfSample(file);
        JsonNode sample = JSON.readTree(read(file));
        JsonNode message = DOCUMENT.messageFor(type)
                .orElseThrow(() -> new AssertionError("asyncapi.yaml has no message whose ce_type is " + type));

        assertThat(DOCUMENT.errors(message.path("payload"), sample)).as("%s against %s", file, type).isEmpty();
        assertThat(DOCUMENT.errors(message.path("headers"), headersOf(type, sample))).as("headers of " + file)
                .isEmpty();
    }

    @Test
    void theSchemasRefuseWhatNoProducerWrites() {
        JsonNode logged = DOCUMENT.messageFor(EventTypes.SESSION_LOGGED).orElseThrow();
        JsonNode sample = JSON.readTree(GoldenSamples.json(SessionLogged.class));

        assertThat(DOCUMENT.errors(logged.path("payload"), without(sample, "eventId"))).isNotEmpty();
        assertThat(DOCUMENT.errors(logged.path("payload"), with(sample, "eventId", "not-a-uuid"))).isNotEmpty();
        assertThat(DOCUMENT.errors(logged.path("payload"), with(sample, "channel", "CARRIER_PIGEON"))).isNotEmpty();
        assertThat(DOCUMENT.errors(logged.path("payload"), with(sample, "occurredAt", "yesterday"))).isNotEmpty();

        JsonNode submitted = DOCUMENT.messageFor(EventTypes.FEEDBACK_SUBMITTED).orElseThrow();
        ObjectNode ratedSix = (ObjectNode) JSON.readTree(GoldenSamples.json(FeedbackSubmitted.class));
        ((ObjectNode) ratedSix.get("ratings")).put("KINDNESS", 6);
        assertThat(DOCUMENT.errors(submitted.path("payload"), ratedSix)).isNotEmpty();

        // Another type's headers: a consumer picks the record by ce_type, so the message fixes it.
        assertThat(DOCUMENT.errors(logged.path("headers"), headersOf(EventTypes.SESSION_VOIDED, sample))).isNotEmpty();
    }

    /**
     * Every component of {@code record} is a property of {@code schema} and nothing else is, its required
     * fields are properties, an enum lists the Java constants, and a nested record is described the same way.
     */
    private static void describesRecord(Class<?> record, JsonNode schema, String where, List<String> faults) {
        JsonNode resolved = DOCUMENT.resolve(schema);
        JsonNode properties = resolved.path("properties");
        Set<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = new TreeSet<>(properties.propertyNames());
        components.stream().filter(name -> !documented.contains(name))
                .forEach(name -> faults.add(where + "." + name + " is a record component but no property"));
        documented.stream().filter(name -> !components.contains(name))
                .forEach(name -> faults.add(where + "." + name + " is a property but no record component"));
        resolved.path("required").forEach(required -> {
            if (!documented.contains(required.asString())) {
                faults.add(where + " requires " + required.asString() + ", which is no property");
            }
        });
        for (RecordComponent component : record.getRecordComponents()) {
            if (!properties.has(component.getName())) {
                continue;
            }
            String path = where + "." + component.getName();
            JsonNode property = elementSchema(DOCUMENT.resolve(properties.get(component.getName())));
            Class<?> element = elementClass(component.getGenericType());
            if (element.isRecord()) {
                describesRecord(element, property, path, faults);
            } else if (element.isEnum()) {
                Set<String> constants = Arrays.stream(element.getEnumConstants()).map(constant -> ((Enum<?>) constant).name())
                        .collect(Collectors.toCollection(TreeSet::new));
                Set<String> listed = new TreeSet<>();
                property.path("enum").forEach(value -> listed.add(value.asString()));
                if (!listed.equals(constants)) {
                    faults.add(path + " lists " + listed + ", the enum has " + constants);
                }
            }
        }
    }

    /** The schema of one element of an array or value of a map; the schema itself otherwise. */
    private static JsonNode elementSchema(JsonNode schema) {
        if (schema.has("items")) {
            return DOCUMENT.resolve(schema.get("items"));
        }
        if (schema.path("additionalProperties").isObject()) {
            return DOCUMENT.resolve(schema.get("additionalProperties"));
        }
        return schema;
    }

    /** The class of one element of a {@code List} or value of a {@code Map}; the class itself otherwise. */
    private static Class<?> elementClass(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return elementClass(arguments[arguments.length - 1]);
        }
        return type instanceof Class<?> plain ? plain : Object.class;
    }

    /**
     * The type a golden file stands for: the one whose record's name, in kebab case, is the longest start of the
     * file name ({@code session-logged.json} and {@code session-logged-group.json} are both SessionLogged).
     */
    private static String typeOfSample(String file) {
        return eventTypes()
                .filter(type -> file.startsWith(kebab(EventTypes.recordFor(type).orElseThrow().getSimpleName())))
                .max(Comparator.comparing(type -> kebab(EventTypes.recordFor(type).orElseThrow().getSimpleName())
                        .length()))
                .orElseThrow(() -> new AssertionError("no event type's record is named like " + file));
    }

    private static String kebab(String recordName) {
        return recordName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The CloudEvents headers the platform's EventRecords writes for {@code sample}. */
    private static JsonNode headersOf(String type, JsonNode sample) {
        return JSON.createObjectNode()
                .put("ce_id", sample.path("eventId").asString())
                .put("ce_type", type)
                .put("ce_source", "/session-service")
                .put("ce_time", sample.path("occurredAt").asString())
                .put("ce_specversion", "1.0")
                .put("content-type", "application/json");
    }

    private static JsonNode without(JsonNode sample, String field) {
        ObjectNode copy = (ObjectNode) sample.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static JsonNode with(JsonNode sample, String field, String value) {
        return ((ObjectNode) sample.deepCopy()).put(field, value);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(Objects.requireNonNull(GoldenSamples.class.getResource("golden/" + file))
                    .toURI()));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read golden sample " + file, e);
        }
    }

    private static List<String> constantsOf(Class<?> holder) {
        List<String> constants = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())
                    && field.getType() == String.class) {
                try {
                    constants.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }
}
