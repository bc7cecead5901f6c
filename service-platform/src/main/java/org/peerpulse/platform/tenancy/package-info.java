/**
 * Tenant isolation in one place: repository code reaches MongoDB only through {@link
 * org.peerpulse.platform.tenancy.AgencyScopedMongo}, obtained per agency from {@link
 * org.peerpulse.platform.tenancy.TenantCollections#forAgency(String)}, which adds the agency to every filter
 * (and as the first stage of every aggregation), refuses to store a document of another agency and creates
 * indexes only with the agency field first. A forgotten criterion can then no longer leak one agency's data
 * to another, and a foreign id simply finds nothing (404). The few paths that are legitimately not scoped
 * by a caller's agency (a token holder redeeming by hash, the outbox relay, a rebuild, a consumer whose
 * agency comes from the event) take the separate, named door {@link
 * org.peerpulse.platform.tenancy.TenantCollections#acrossAgencies(String)} and carry {@link
 * org.peerpulse.platform.tenancy.AcrossAgencies} with the reason, so every such path is visible in review
 * and in the architecture rules.
 */
package org.peerpulse.platform.tenancy;
