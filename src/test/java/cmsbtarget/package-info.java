/**
 * A small Spring Boot application with Chaos Monkey for Spring Boot, the target of the chaosspring tests.
 * It lives outside {@code io.github.dqualizer.ctk} so the service's component scan never sees it.
 */
package cmsbtarget;
