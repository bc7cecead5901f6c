/**
 * The participant-facing HTTP API: controllers translate a validated request record into one use-case
 * call and a small response record, and one advice maps the domain's refusals to problem responses.
 * The token is the participant's only credential, so these endpoints are public and never echo it, the
 * comment or any other submitted value.
 */
package org.peerpulse.feedback.web;
