package cmsbtarget;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /risk} calls {@link RiskService#calculate()}. */
@RestController
class RiskController {

    private final RiskService riskService;

    RiskController(RiskService riskService) {
        this.riskService = riskService;
    }

    @GetMapping("/risk")
    Mono<String> risk() {
        // latency assaults sleep in the calling thread: keep them off the event loop
        return Mono.fromCallable(riskService::calculate).subscribeOn(Schedulers.boundedElastic());
    }
}
