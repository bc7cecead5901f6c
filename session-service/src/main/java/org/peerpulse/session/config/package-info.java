/**
 * Wiring of session-service: typed settings with safe defaults, the use cases and their adapters.
 */
package org.peerpulse.session.config;
