package org.peerpulse.indicators.alerts.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Signatures as the Standard Webhooks libraries make and check them, and secrets per agency. */
class WebhookSecretTest {

    /** The example of the Standard Webhooks specification and its reference libraries' tests. */
    @Test
    void signsTheSpecificationsExampleAsItsLibrariesDo() {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        String signature = secret.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(secret.verifies("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}",
                "v1,bm9ldHUh v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).isTrue();
        assertThat(secret.verifies("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265331, "{\"test\": 2432232314}",
                signature)).isFalse();
    }

    @Test
    void eachAgencyHasItsOwnSecretFromTheOneDeploymentKey() {
        WebhookSecrets secrets = new WebhookSecrets("a-deployment-key-of-at-least-32-characters");
        String harbor = secrets.of("harbor").text();

        assertThat(harbor).startsWith("whsec_").isEqualTo(secrets.of("harbor").text());
        assertThat(WebhookSecret.parse(harbor).text()).isEqualTo(harbor);
        assertThat(secrets.of("sunrise").text()).isNotEqualTo(harbor);
        assertThat(new WebhookSecrets("another-deployment-key-of-32-characters!").of("harbor").text())
                .isNotEqualTo(harbor);
        assertThat(secrets.of("harbor").toString()).doesNotContain(harbor.substring(6));
        assertThatThrownBy(() -> new WebhookSecrets("short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookSecret.parse("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
