package org.peerpulse.session.persistence;

import org.peerpulse.contracts.Topics;
import org.peerpulse.platform.outbox.Outbox;
import org.peerpulse.platform.outbox.OutboxEntry;
import org.peerpulse.platform.tenancy.TenantCollections;
import org.peerpulse.session.domain.Directories;
import org.peerpulse.session.domain.Directory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * {@link Directories} on MongoDB: one document per agency. A change is one write guarded on the version it was
 * made from, carrying the new snapshot in the document's outbox; the first change inserts the document, so two
 * first changes at once cannot both land either.
 */
public class MongoDirectories implements Directories {

    private final TenantCollections tenants;
    private final Outbox outbox;

    public MongoDirectories(TenantCollections tenants, Outbox outbox) {
        this.tenants = tenants;
        this.outbox = outbox;
    }

    @Override
    public Directory of(String agencyId) {
        Query query = Query.query(Criteria.where("_id").is(agencyId));
        query.fields().exclude(OutboxEntry.OUTBOX_FIELD);
        return tenants.forAgency(agencyId).findOne(query, DirectoryDocument.class)
                .map(document -> new Directory(agencyId, document.version(), document.programs(),
                        document.specialists(), document.settings()))
                .orElseGet(() -> Directory.empty(agencyId));
    }

    @Override
    public boolean save(Directory.Changed changed) {
        Directory directory = changed.directory();
        if (directory.version() == 1) {
            try {
                tenants.forAgency(directory.agencyId()).insert(new DirectoryDocument(directory.agencyId(),
                        directory.agencyId(), 1, directory.programs(), directory.specialists(),
                        directory.settings(), outbox.entries(Topics.AGENCIES, changed.event()), true));
                return true;
            } catch (DuplicateKeyException anotherFirstChange) {
                return false;
            }
        }
        Query unchanged = Query.query(Criteria.where("_id").is(directory.agencyId())
                .and(DirectoryDocument.VERSION).is(directory.version() - 1));
        Update update = outbox.append(new Update()
                .set(DirectoryDocument.VERSION, directory.version())
                .set(DirectoryDocument.PROGRAMS, directory.programs())
                .set(DirectoryDocument.SPECIALISTS, directory.specialists())
                .set(DirectoryDocument.SETTINGS, directory.settings()), Topics.AGENCIES, changed.event());
        return tenants.forAgency(directory.agencyId()).updateFirst(unchanged, update, DirectoryDocument.class)
                .getModifiedCount() == 1;
    }
}
