package io.github.dqualizer.ctk.safety;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Variable-name patterns: {@code *} matches any run of characters; case does not matter. */
final class NamePatterns {

    private final List<Pattern> patterns;

    NamePatterns(Collection<String> globs) {
        this.patterns = globs.stream().map(String::trim).filter(glob -> !glob.isEmpty()).map(NamePatterns::compile)
                .toList();
    }

    boolean matches(String name) {
        return patterns.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String literal : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
