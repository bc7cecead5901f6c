/**
 * Wiring: the use cases are plain classes, created here as beans with the ports and clock they need,
 * so that neither the domain nor the application layer depends on Spring; and the adapter that reads the
 * agencies' settings from the platform's directory of the agencies topic.
 */
package org.peerpulse.feedback.config;
