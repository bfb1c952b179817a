package dev.viewmetrics.spring.testing;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Answers {@value UdpAgent#END_MARKER}: requested after the requests under test, its lines come after theirs. */
@RestController
public class EndMarkerController {

    @GetMapping(UdpAgent.END_MARKER)
    public String endMarker() {
        return "end";
    }
}
