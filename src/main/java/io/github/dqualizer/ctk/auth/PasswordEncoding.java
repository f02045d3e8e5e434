package io.github.dqualizer.ctk.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The encoder that compares {@code {id}}-prefixed password hashes (bcrypt, argon2 …) of the users table. */
@Configuration(proxyBeanMethods = false)
class PasswordEncoding {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashes.modernEncoder();
    }
}
