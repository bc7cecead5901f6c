/**
 * The one-command local run behind {@code ./peerpulse up}: starts the Kafka broker, the document store,
 * the demo authorization server and the three services as separate child processes, waits until each is
 * ready, and stops them again in reverse order so the broker and the store flush last. A test starts the
 * same stack on free ports with {@link org.peerpulse.localstack.LocalStack#start}.
 */
package org.peerpulse.localstack;
