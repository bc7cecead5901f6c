/**
 * The facts PeerPulse services tell each other, as plain immutable records: what goes on the wire, the
 * topic names and CloudEvents types they travel under, and the default quality framework as data.
 * Nothing here knows Spring, Kafka, Jackson or MongoDB, so every service reads the same contract and a
 * change to it is visible in one place. Fields are only ever added; a breaking change is a new type and
 * topic version.
 */
package org.peerpulse.contracts;
