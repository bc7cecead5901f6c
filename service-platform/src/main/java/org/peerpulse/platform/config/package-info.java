/**
 * Wiring that switches the platform on: the auto-configuration every service gets by having this module
 * on its classpath, and the shared defaults ({@code peerpulse-platform.yml}) added beneath each
 * service's own configuration, so that Kafka, actuator and security settings are written once.
 */
package org.peerpulse.platform.config;
