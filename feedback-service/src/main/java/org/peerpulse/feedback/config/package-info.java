/**
 * Wiring: the use cases are plain classes, created here as beans with the ports and clock they need,
 * so that neither the domain nor the application layer depends on Spring.
 */
package org.peerpulse.feedback.config;
