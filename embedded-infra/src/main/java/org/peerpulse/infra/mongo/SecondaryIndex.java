package org.peerpulse.infra.mongo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index kept in memory, for the declared indexes mongo-java-server would otherwise ignore (it
 * keeps unique indexes only, so {@code {agencyId: a, day: {$gte, $lte}}} or {@code {pending: true}} read the
 * whole collection). It serves a filter with plain values for a leading run of its fields, optionally followed
 * by a {@code $gt}/{@code $gte}/{@code $lt}/{@code $lte} range on the next field, as MongoDB's B-tree does;
 * it answers a superset (the collection's matcher then applies the whole filter) in the collection's natural
 * order, so results are what a scan would have given. Nulls, arrays, sub-documents and other operators are
 * left to the scan. Rebuilt from the documents whenever a store opens; nothing of it is written to a file.
 *
 * <p>Not thread-safe on its own: the store calls it under its collection's lock.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final Comparator<Object> VALUES = ValueComparator.asc();
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final NavigableMap<KeyValue, Set<P>> positionsByKey = new TreeMap<>(SecondaryIndex::compareKeys);
    private final Map<Object, P> positionsById = new HashMap<>();
    private final Map<P, Set<KeyValue>> keysByPosition = new HashMap<>();

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    public P getPosition(Document document) {
        return positionsById.get(document.get("_id"));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // Not unique: nothing can refuse a document.
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        Set<KeyValue> keys = getKeyValues(document);
        positionsById.put(document.get("_id"), position);
        keysByPosition.put(position, keys);
        keys.forEach(key -> positionsByKey.computeIfAbsent(key, any -> new HashSet<>()).add(position));
    }

    @Override
    public P remove(Document document) {
        P position = positionsById.remove(document.get("_id"));
        if (position != null) {
            unlink(position);
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // Not unique: nothing can refuse a change.
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            unlink(position);
            add(newDocument, position, collection);
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return plan(query) != null;
    }

    /** How narrowly this index serves {@code query}: two a field with a plain value, one a range; 0 when not. */
    int selectivity(Document query) {
        Plan plan = plan(query);
        return plan == null ? 0 : 2 * plan.prefix().size() + (plan.ranged() ? 1 : 0);
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        Plan plan = plan(query);
        if (plan == null) {
            throw new IllegalArgumentException("not a filter this index serves");
        }
        Set<P> found = new LinkedHashSet<>();
        for (Map.Entry<KeyValue, Set<P>> entry : positionsByKey.tailMap(plan.from(), true).entrySet()) {
            KeyValue key = entry.getKey();
            if (!plan.hasPrefix(key)) {
                break;
            }
            if (plan.ranged()) {
                Object value = key.get(plan.prefix().size());
                if (plan.beyondUpper(value)) {
                    break;
                }
                if (!plan.aboveLower(value)) {
                    continue;
                }
            }
            found.addAll(entry.getValue());
        }
        // The collection's natural order, as a scan would have returned them.
        List<P> ordered = new ArrayList<>(found);
        ordered.sort(VALUES::compare);
        return ordered;
    }

    @Override
    public long getCount() {
        return positionsById.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positionsByKey.clear();
        positionsById.clear();
        keysByPosition.clear();
    }

    private void unlink(P position) {
        Set<KeyValue> keys = keysByPosition.remove(position);
        if (keys == null) {
            return;
        }
        for (KeyValue key : keys) {
            Set<P> positions = positionsByKey.get(key);
            positions.remove(position);
            if (positions.isEmpty()) {
                positionsByKey.remove(key);
            }
        }
    }

    /** Plain values for a leading run of the fields, then perhaps a range on the next; null when not served. */
    private Plan plan(Document query) {
        List<Object> prefix = new ArrayList<>();
        for (String field : keys()) {
            if (!query.containsKey(field)) {
                break;
            }
            Object value = query.get(field);
            if (plainValue(value)) {
                prefix.add(value);
                continue;
            }
            if (!prefix.isEmpty() && value instanceof Document range && isRange(range)) {
                return new Plan(prefix, range);
            }
            break;
        }
        return prefix.isEmpty() ? null : new Plan(prefix, null);
    }

    private static boolean plainValue(Object value) {
        return value != null && !(value instanceof Document) && !(value instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(value);
    }

    private static boolean isRange(Document range) {
        return !range.isEmpty() && RANGE_OPERATORS.containsAll(range.keySet())
                && range.values().stream().allMatch(SecondaryIndex::plainValue);
    }

    /** Element by element; a shorter key that is a prefix of a longer one sorts first. */
    private static int compareKeys(KeyValue left, KeyValue right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int compared = VALUES.compare(left.get(i), right.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private record Plan(List<Object> prefix, Document range) {

        boolean ranged() {
            return range != null;
        }

        KeyValue from() {
            List<Object> from = new ArrayList<>(prefix);
            if (ranged() && range.containsKey("$gte")) {
                from.add(range.get("$gte"));
            } else if (ranged() && range.containsKey("$gt")) {
                from.add(range.get("$gt"));
            }
            return new KeyValue(from);
        }

        boolean hasPrefix(KeyValue key) {
            for (int i = 0; i < prefix.size(); i++) {
                if (VALUES.compare(prefix.get(i), key.get(i)) != 0) {
                    return false;
                }
            }
            return true;
        }

        boolean aboveLower(Object value) {
            return (!range.containsKey("$gt") || VALUES.compare(value, range.get("$gt")) > 0)
                    && (!range.containsKey("$gte") || VALUES.compare(value, range.get("$gte")) >= 0);
        }

        boolean beyondUpper(Object value) {
            return (range.containsKey("$lt") && VALUES.compare(value, range.get("$lt")) >= 0)
                    || (range.containsKey("$lte") && VALUES.compare(value, range.get("$lte")) > 0);
        }
    }
}
