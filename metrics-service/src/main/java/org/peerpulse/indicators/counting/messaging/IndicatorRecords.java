package org.peerpulse.indicators.counting.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.EventTypes;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.indicators.counting.domain.AskedItems;
import org.peerpulse.indicators.counting.domain.Cell;
import org.peerpulse.indicators.counting.domain.CollectionMode;
import org.peerpulse.indicators.counting.domain.IndicatorEvent;
import org.peerpulse.indicators.counting.domain.LoggedSession;
import org.peerpulse.indicators.counting.domain.ReceivedFeedback;
import org.peerpulse.indicators.counting.domain.VoidedSession;
import org.peerpulse.indicators.counting.domain.WithdrawnFeedback;
import org.peerpulse.platform.messaging.CloudEvents;
import org.peerpulse.platform.messaging.UnreadableEventException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Consumed records straight to what the indicators count, with Jackson's streaming parser: only the fields
 * counting reads are taken, everything else is skipped, and no contract record is built on the way. Decoding
 * every record into its contract record first was over a quarter of the consumer's CPU at catch-up speed (JFR
 * of the benchmark's pipeline phase). The rules are the contract reader's: the {@code ce_type} header names a
 * known type, the record key is the event's agency, and a field counting needs that is missing or not of its
 * type makes the record unreadable (dead-lettered), never a silent zero. Fields it does not read may be
 * anything, as a tolerant reader's may. The consumer tests read the golden samples through it.
 *
 * <p>A session counts one invitation per link it issued ({@code invitations}, one per attendee of a group
 * session); one written before group sessions has only {@code invitation}, which counts one, as the contract
 * reads it. Fresh links for a session ({@code InvitationsReissued}) replace links already counted, so they
 * count nothing: such a record is read (it must still be well formed and keyed by its agency) and passed over,
 * never dead-lettered.
 *
 * <p>{@code valuesPracticed} (a session's, a void's contribution's, an answer's or a withdrawal's) is read where
 * present; records written before it was carried lack it and count no value practiced.
 *
 * <p>An answer's (or a withdrawal's) {@code itemsAsked} is read where present; an empty or missing list is an
 * answer from before forms rotated, whose form asked every value and principle of its {@code framework}
 * ({@link AskedItems}). Its {@code mode} is read as {@code OWN_DEVICE} or {@code KIOSK}; any other or none
 * counts in the totals only, as a tolerant reader would, never dead-lettered.
 */
final class IndicatorRecords {

    private static final JsonFactory JSON = new JsonFactory();

    private IndicatorRecords() {
    }

    /** An event as counting sees it, and when it happened (for the freshness meters). */
    record Counted(IndicatorEvent event, Instant occurredAt) {
    }

    /**
     * @return what the record counts; empty for an event that counts nothing (fresh links for a session)
     * @throws UnreadableEventException when the type is unknown, the JSON does not fit, or the record key is
     *     not the event's agency
     */
    static Optional<Counted> read(ConsumerRecord<String, String> record) {
        String type = CloudEvents.header(record.headers(), CloudEvents.TYPE)
                .orElseThrow(() -> new UnreadableEventException("record has no ce_type header", null));
        if (record.value() == null) {
            throw new UnreadableEventException("record has no value", null);
        }
        Fields fields = parse(record.value());
        if (!Objects.equals(record.key(), fields.agencyId)) {
            throw new UnreadableEventException("record key, event id or agency missing or inconsistent", null);
        }
        try {
            if (type.equals(EventTypes.INVITATIONS_REISSUED)) {
                UUID.fromString(required(fields.eventId, "eventId"));
                return Optional.empty();
            }
            return Optional.of(new Counted(switchOn(type, fields),
                    Instant.parse(required(fields.occurredAt, "occurredAt"))));
        } catch (IllegalArgumentException | NullPointerException | java.time.DateTimeException e) {
            throw new UnreadableEventException("event does not fit the indicators", e);
        }
    }

    private static IndicatorEvent switchOn(String type, Fields fields) {
        UUID eventId = UUID.fromString(required(fields.eventId, "eventId"));
        Cell cell = new Cell(fields.agencyId, fields.programId, fields.specialistId);
        Instant sessionAt = Instant.parse(required(fields.sessionAt, "sessionAt"));
        return switch (type) {
            case EventTypes.SESSION_LOGGED -> session(eventId, fields, cell, sessionAt, fields, issued(fields));
            case EventTypes.SESSION_VOIDED -> {
                Fields contributed = Objects.requireNonNull(fields.contributed, "contributed");
                if (contributed.invitationsListed != null) {
                    throw new IllegalArgumentException("a contribution's invitations is a number");
                }
                yield new VoidedSession(eventId, session(eventId, fields, cell, sessionAt, contributed,
                        required(contributed.invitations, "invitations")));
            }
            case EventTypes.FEEDBACK_SUBMITTED -> answer(eventId, fields, cell, sessionAt);
            case EventTypes.FEEDBACK_WITHDRAWN -> new WithdrawnFeedback(eventId,
                    answer(UUID.fromString(required(fields.withdrawnEventId, "withdrawnEventId")), fields, cell,
                            sessionAt));
            default -> throw new UnreadableEventException("unknown event type", null);
        };
    }

    /** The links a logged session issued: its list, or for a session logged before group sessions its one link. */
    private static int issued(Fields logged) {
        if (logged.invitations != null) {
            throw new IllegalArgumentException("a session's invitations is a list");
        }
        if (logged.invitationsListed != null && logged.invitationsListed > 0) {
            return logged.invitationsListed;
        }
        return logged.invitationIssued ? 1 : 0;
    }

    private static LoggedSession session(UUID eventId, Fields event, Cell cell, Instant sessionAt,
            Fields contribution, int invitations) {
        Activity activity = Activity.valueOf(required(contribution.activity, "activity"));
        boolean recoveryFocus = false;
        for (String area : required(contribution.focusAreas, "focusAreas")) {
            recoveryFocus |= FocusArea.valueOf(area).isRecoveryFocus();
        }
        return new LoggedSession(eventId, required(event.sessionId, "sessionId"), cell, sessionAt,
                required(contribution.durationMinutes, "durationMinutes"), activity.isPeerWork(),
                required(contribution.strengthsAcknowledged, "strengthsAcknowledged"), recoveryFocus, invitations,
                contribution.valuesPracticed);
    }

    private static ReceivedFeedback answer(UUID eventId, Fields fields, Cell cell, Instant sessionAt) {
        return new ReceivedFeedback(eventId, required(fields.sessionId, "sessionId"), cell, sessionAt,
                required(fields.ratings, "ratings"), fields.hope, required(fields.harmReported, "harmReported"),
                Instant.parse(required(fields.occurredAt, "occurredAt")), fields.valuesPracticed,
                AskedItems.of(fields.frameworkId, fields.frameworkVersion, fields.itemsAsked),
                CollectionMode.named(fields.mode));
    }

    private static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, name);
    }

    /** The fields of an event (or of a void's contribution) that counting reads; the rest is skipped. */
    private static final class Fields {
        String eventId;
        String occurredAt;
        String agencyId;
        String sessionId;
        String programId;
        String specialistId;
        String sessionAt;
        String withdrawnEventId;
        Integer durationMinutes;
        String activity;
        List<String> focusAreas;
        Boolean strengthsAcknowledged;
        /** Absent in records written before it was carried: read as none. */
        List<String> valuesPracticed;
        boolean invitationIssued;
        /** A session's {@code invitations}: how many links the list holds. */
        Integer invitationsListed;
        /** A contribution's {@code invitations}: the number the session counted. */
        Integer invitations;
        Fields contributed;
        Map<String, Integer> ratings;
        Integer hope;
        Boolean harmReported;
        /** An answer's: absent or empty in answers from before forms rotated. */
        List<String> itemsAsked;
        String mode;
        String frameworkId;
        Integer frameworkVersion;
    }

    private static Fields parse(String json) {
        try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UnreadableEventException("payload is not an object", null);
            }
            Fields fields = object(parser);
            if (parser.nextToken() != null) {
                throw new UnreadableEventException("payload has more than one value", null);
            }
            return fields;
        } catch (JacksonException | IllegalArgumentException e) {
            throw new UnreadableEventException("payload does not fit the indicators", e);
        }
    }

    /** Reads the object the parser is at the start of. */
    private static Fields object(JsonParser parser) {
        Fields fields = new Fields();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "eventId" -> fields.eventId = text(parser, value);
                case "occurredAt" -> fields.occurredAt = text(parser, value);
                case "agencyId" -> fields.agencyId = text(parser, value);
                case "sessionId" -> fields.sessionId = text(parser, value);
                case "programId" -> fields.programId = text(parser, value);
                case "specialistId" -> fields.specialistId = text(parser, value);
                case "sessionAt" -> fields.sessionAt = text(parser, value);
                case "withdrawnEventId" -> fields.withdrawnEventId = text(parser, value);
                case "durationMinutes" -> fields.durationMinutes = integer(parser, value);
                case "activity" -> fields.activity = text(parser, value);
                case "focusAreas" -> fields.focusAreas = texts(parser, value);
                case "strengthsAcknowledged" -> fields.strengthsAcknowledged = bool(value);
                case "valuesPracticed" -> fields.valuesPracticed = texts(parser, value);
                case "invitation" -> {
                    fields.invitationIssued = value == JsonToken.START_OBJECT;
                    parser.skipChildren();
                }
                case "invitations" -> {
                    if (value == JsonToken.START_ARRAY) {
                        fields.invitationsListed = links(parser);
                    } else {
                        fields.invitations = integer(parser, value);
                    }
                }
                case "contributed" -> fields.contributed = value == JsonToken.START_OBJECT ? object(parser) : null;
                case "ratings" -> fields.ratings = ratings(parser, value);
                case "hope" -> fields.hope = integer(parser, value);
                case "harmReported" -> fields.harmReported = bool(value);
                case "itemsAsked" -> fields.itemsAsked = texts(parser, value);
                case "mode" -> fields.mode = text(parser, value);
                case "framework" -> framework(parser, value, fields);
                default -> parser.skipChildren();
            }
        }
        return fields;
    }

    /** A framework reference, {@code {"id", "version"}}: which items an answer from before rotation asked. */
    private static void framework(JsonParser parser, JsonToken value, Fields fields) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken part = parser.nextToken();
            switch (name) {
                case "id" -> fields.frameworkId = text(parser, part);
                case "version" -> fields.frameworkVersion = integer(parser, part);
                default -> parser.skipChildren();
            }
        }
    }

    /** Counts the links of the array the parser is at the start of, skipping what each holds. */
    private static int links(JsonParser parser) {
        int links = 0;
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("an invitation is not an object");
            }
            parser.skipChildren();
            links++;
        }
        return links;
    }

    private static String text(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("not a string");
        }
        return parser.getString();
    }

    private static Integer integer(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new IllegalArgumentException("not a whole number");
        }
        return parser.getIntValue();
    }

    private static Boolean bool(JsonToken value) {
        return switch (value) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static List<String> texts(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (value != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException("not an array");
        }
        List<String> texts = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            texts.add(text(parser, item));
        }
        return texts;
    }

    private static Map<String, Integer> ratings(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (value != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException("not an object");
        }
        Map<String, Integer> ratings = new HashMap<>();
        for (String code = parser.nextName(); code != null; code = parser.nextName()) {
            ratings.put(code, integer(parser, parser.nextToken()));
        }
        return ratings;
    }
}
