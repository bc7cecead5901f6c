package org.peerpulse.feedback.web;

import jakarta.servlet.http.HttpServletRequest;
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
    private final TokenAttempts tokenAttempts;

    FeedbackController(SubmitFeedback submitFeedback, TokenAttempts tokenAttempts) {
        this.submitFeedback = submitFeedback;
        this.tokenAttempts = tokenAttempts;
    }

    @PostMapping
    ResponseEntity<FeedbackReceipt> submit(@Valid @RequestBody FeedbackRequest request,
            HttpServletRequest http) {
        SubmitFeedback.Command command = request.toCommand();
        tokenAttempts.admit(http.getRemoteAddr(), command.token());
        submitFeedback.submit(command);
        tokenAttempts.redeemed(http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(new FeedbackReceipt(true));
    }
}
