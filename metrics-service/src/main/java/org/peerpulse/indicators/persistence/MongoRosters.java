package org.peerpulse.indicators.persistence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.peerpulse.indicators.domain.Roster;
import org.peerpulse.indicators.domain.Rosters;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The roster read from the day rollups: one {@code $group} by program and specialist over the agency's
 * days, on the {@code agency_day} index. It costs days × cells, like a dashboard, never events.
 */
public class MongoRosters implements Rosters {

    private final MongoTemplate mongo;

    public MongoRosters(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Roster of(String agencyId, LocalDate from, LocalDate to) {
        Aggregation cells = Aggregation.newAggregation(
                Aggregation.match(Criteria.where(RollupDocument.AGENCY).is(agencyId)
                        .and(RollupDocument.DAY).gte(from.toString()).lte(to.toString())),
                Aggregation.group(RollupDocument.PROGRAM, RollupDocument.SPECIALIST));
        Map<String, List<String>> byProgram = new HashMap<>();
        for (Document cell : mongo.aggregate(cells, RollupDocument.COLLECTION, Document.class)) {
            Document id = cell.get(RollupDocument.ID, Document.class);
            byProgram.computeIfAbsent(id.getString(RollupDocument.PROGRAM), program -> new ArrayList<>())
                    .add(id.getString(RollupDocument.SPECIALIST));
        }
        return new Roster(byProgram);
    }
}
