package org.peerpulse.testsupport;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Boot application, only so @PeerPulseIntegrationTest has something to start here. */
@SpringBootApplication
class TestSupportApplication {
}
