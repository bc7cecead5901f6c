package org.peerpulse.feedback.web;

import jakarta.validation.Valid;
import org.peerpulse.feedback.application.SubmitFeedback;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Participants submit their answers; the token in the body is their only credential. */
@RestController
@RequestMapping("/api/v1/feedback")
class FeedbackController {

    private final SubmitFeedback submitFeedback;

    FeedbackController(SubmitFeedback submitFeedback) {
        this.submitFeedback = submitFeedback;
    }

    @PostMapping
    ResponseEntity<FeedbackReceipt> submit(@Valid @RequestBody FeedbackRequest request) {
        submitFeedback.submit(request.toCommand());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new FeedbackReceipt(true));
    }
}
