/**
 * The learning view and when a week may be released to the specialist, in plain Java.
 */
package org.peerpulse.indicators.learning.domain;
