package io.github.dqualizer.ctk.api;

import java.net.InetAddress;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A management port of its own ({@code management.server.port}) listens on 127.0.0.1 unless
 * {@code management.server.address} is set: metrics there need no account (ADR 0007). Spring refuses an address
 * while the actuator shares the API port, so the default cannot live in {@code application.properties}.
 */
@Component
class ManagementServerOnLoopback implements BeanPostProcessor {

    private final Environment environment;

    ManagementServerOnLoopback(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ManagementServerProperties management && management.getAddress() == null
                && ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            management.setAddress(InetAddress.getLoopbackAddress());
        }
        return bean;
    }
}
