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
 * Participants' comments for their agency's quality leads only, released in whole calendar months
 * ({@link ProgramComments}). The agency comes from the token; a program of another agency simply has no
 * comments here.
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
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(CommentsResponse.of(programId, from, to, comments));
    }

    /**
     * The periods that overlap the dates asked for, each released whole (its texts in alphabetical order) or
     * withheld with the reason; texts only: no token, session, participant or time that could tie a comment to a
     * person, and never how many a withheld period holds.
     *
     * @param timeZone the agency's zone, whose calendar months are the periods
     * @param minimum the fewest comments a period must hold to be released
     */
    record CommentsResponse(String programId, LocalDate from, LocalDate to, String timeZone, int minimum,
            List<PeriodResponse> periods) {

        static CommentsResponse of(String programId, LocalDate from, LocalDate to, ProgramComments comments) {
            return new CommentsResponse(programId, from, to, comments.zone().getId(), comments.minimum(),
                    comments.periods().stream().map(PeriodResponse::of).toList());
        }
    }

    /**
     * One calendar month in which comments were given.
     *
     * @param period the month, {@code 2026-11}
     * @param from its first day
     * @param to its last day
     * @param withheld {@code NOT_YET_ENDED} or {@code FEWER_THAN_MINIMUM}, or {@code null} when released
     * @param comments its texts in alphabetical order when released, else empty
     */
    record PeriodResponse(String period, LocalDate from, LocalDate to, boolean released, String withheld,
            List<String> comments) {

        static PeriodResponse of(ProgramComments.Period period) {
            return new PeriodResponse(period.month().toString(), period.first(), period.last(), period.isReleased(),
                    period.isReleased() ? null : period.withheld().name(), period.comments());
        }

        @Override
        public String toString() {
            return "PeriodResponse[" + period + ", comments=" + comments.size() + "]";
        }
    }
}
