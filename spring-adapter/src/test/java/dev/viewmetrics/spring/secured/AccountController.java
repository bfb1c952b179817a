package dev.viewmetrics.spring.secured;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints behind HTTP Basic: a settings page (GET, and PUT of JSON only), an avatar (PNG only), an audit log for admins. */
@RestController
public class AccountController {

    @GetMapping("/accounts/{name}/settings")
    public String settings(@PathVariable String name) {
        return "settings of " + name;
    }

    @PutMapping(value = "/accounts/{name}/settings", consumes = MediaType.APPLICATION_JSON_VALUE)
    public String saveSettings(@PathVariable String name, @RequestBody String settings) {
        return "saved " + name;
    }

    @GetMapping(value = "/accounts/{name}/avatar", produces = MediaType.IMAGE_PNG_VALUE)
    public byte[] avatar(@PathVariable String name) {
        return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
    }

    @GetMapping("/accounts/{name}/audit")
    public String audit(@PathVariable String name) {
        return "audit of " + name;
    }
}
