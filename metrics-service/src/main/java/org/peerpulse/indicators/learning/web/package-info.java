/**
 * The learning API for specialists: their own view, from their token's specialist claim.
 */
package org.peerpulse.indicators.learning.web;
