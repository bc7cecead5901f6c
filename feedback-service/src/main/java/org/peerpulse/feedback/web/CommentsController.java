package org.peerpulse.feedback.web;

import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import java.util.List;
import org.peerpulse.feedback.application.ReadComments;
import org.peerpulse.feedback.domain.ProgramComments;
import org.peerpulse.platform.audit.Audited;
import org.peerpulse.platform.security.Caller;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Participants' comments for their agency's quality leads only. The agency comes from the token; a
 * program of another agency simply has no comments here.
 */
@RestController
@RequestMapping("/api/v1/comments")
class CommentsController {

    private final ReadComments readComments;

    CommentsController(ReadComments readComments) {
        this.readComments = readComments;
    }

    @Audited("comments.read")
    @GetMapping
    ResponseEntity<CommentsResponse> comments(Caller caller,
            @RequestParam @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$", message = "must be a program id")
            String programId,
            @RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (!caller.hasRole(Caller.QUALITY_LEAD)) {
            throw new AccessDeniedException("comments are for quality leads");
        }
        if (to.isBefore(from)) {
            throw new InvalidQueryException("to", "must not be before from");
        }
        ProgramComments comments = readComments.read(new ReadComments.Command(caller.agencyId(), programId, from, to));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(CommentsResponse.of(comments));
    }

    /** The texts only: no token, session, participant or time that could tie a comment to a person. */
    record CommentsResponse(List<String> comments, boolean suppressed, int minimum) {

        static CommentsResponse of(ProgramComments comments) {
            return new CommentsResponse(comments.comments(), comments.suppressed(), comments.minimum());
        }
    }
}
