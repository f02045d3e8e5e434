package cmsbtarget;

import org.springframework.stereotype.Service;

/** The watched service: Chaos Monkey delays it or makes it throw. */
@Service
public class RiskService {

    public static final String WATCHED_METHOD = "cmsbtarget.RiskService.calculate";

    public String calculate() {
        return "low";
    }
}
