package org.peerpulse.bench.bare;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.peerpulse.contracts.Activity;
import org.peerpulse.contracts.Channel;
import org.peerpulse.contracts.FocusArea;
import org.peerpulse.platform.security.Caller;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code POST /api/v1/sessions} with nothing behind it. Started by the benchmark as a child JVM with the
 * services' flags; it connects to the stack's broker and store only because the shared platform's health
 * and messaging beans do (nothing is written or sent).
 */
@SpringBootApplication
@EnableMethodSecurity
public class BareIngestApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BareIngestApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.application.name", "bench-bare-endpoint",
                "server.port", "${SERVER_PORT:8089}",
                "spring.mongodb.uri", "${MONGODB_URI:mongodb://127.0.0.1:27017/peerpulse-bench-bare}"));
        application.run(args);
    }

    /** The same fields and constraints as session-service's request body. */
    record SessionBody(
            @NotNull @Pattern(regexp = ID) String programId,
            @NotNull @Pattern(regexp = ID) String specialistId,
            @NotBlank @Size(max = 128) String participantRef,
            @NotNull @PastOrPresent Instant occurredAt,
            @NotNull @Min(1) @Max(480) Integer durationMinutes,
            @NotNull Channel channel,
            @NotNull Activity activity,
            @Size(max = 11) List<@NotNull FocusArea> focusAreas,
            @Size(max = 20) List<@NotBlank @Size(max = 40) String> strengthsNoted,
            @Size(max = 8) List<@NotBlank @Size(max = 40) String> valuesPracticed) {
    }

    static final String ID = "^[A-Za-z0-9._-]{1,64}$";

    /** An answer of the same shape as session-service's, without the QR code (which is the use case's work). */
    record Logged(String sessionId, Feedback feedback) {

        record Feedback(String token, String url, Instant expiresAt) {
        }
    }

    @RestController
    @RequestMapping(path = "/api/v1/sessions", produces = "application/json")
    @PreAuthorize("hasAnyRole('specialist', 'quality_lead')")
    static class BareSessions {

        @PostMapping(consumes = "application/json")
        ResponseEntity<Logged> log(@Valid @RequestBody SessionBody body,
                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller,
                UriComponentsBuilder uris) {
            String sessionId = UUID.randomUUID().toString();
            URI location = uris.path("/api/v1/sessions/{id}").buildAndExpand(sessionId).toUri();
            return ResponseEntity.created(location).cacheControl(CacheControl.noStore())
                    .body(new Logged(sessionId, new Logged.Feedback(UUID.randomUUID().toString(),
                            "http://127.0.0.1:8082/f/" + sessionId, body.occurredAt().plusSeconds(7 * 86_400))));
        }
    }
}
