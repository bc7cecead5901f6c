/**
 * A MongoDB stand-in (mongo-java-server, in memory or on an H2 file) listening on 127.0.0.1 only:
 * no real mongod can be installed on these machines. It speaks the wire protocol well enough for
 * CRUD, upserts, indexes and the common aggregation stages, but not transactions, TTL expiry or
 * Boot's {@code hello} health check. Tests get one in-memory store per
 * JVM through test-support; the local stack runs {@link org.peerpulse.infra.mongo.DocumentStoreMain}
 * with an H2 file so data survives a clean restart.
 */
package org.peerpulse.infra.mongo;
