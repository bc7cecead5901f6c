package org.peerpulse.feedback.web;

import org.peerpulse.feedback.domain.QualityFrameworks;
import org.peerpulse.feedback.domain.UnknownFrameworkException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The question sets, public: a participant's form is built from them before any token is spent. */
@RestController
@RequestMapping("/api/v1/frameworks")
class FrameworkController {

    private final QualityFrameworks frameworks;

    FrameworkController(QualityFrameworks frameworks) {
        this.frameworks = frameworks;
    }

    /** The latest version of a framework. */
    @GetMapping("/{id}")
    ResponseEntity<FrameworkResponse> latest(@PathVariable String id) {
        return frameworks.latest(id)
                .map(framework -> ResponseEntity.ok().cacheControl(CacheControl.noCache())
                        .body(FrameworkResponse.of(framework)))
                .orElseThrow(UnknownFrameworkException::new);
    }
}
