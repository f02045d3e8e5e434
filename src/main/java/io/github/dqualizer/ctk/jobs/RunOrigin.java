package io.github.dqualizer.ctk.jobs;

/**
 * How a run came to be, besides its experiment: submitted through the API or fired by a schedule.
 *
 * @param dryMode     {@code ?dry=} of {@code chaos run}, or null
 * @param scheduleId  the schedule that fired it, or null
 * @param callbackUrl where its outcome is POSTed when it ends, or null
 * @param host        the host it must execute on ({@code ?host=}, a schedule's {@code host}), or null
 */
public record RunOrigin(String dryMode, String scheduleId, String callbackUrl, String host) {

    public static RunOrigin api(String dryMode, String callbackUrl) {
        return api(dryMode, callbackUrl, null);
    }

    public static RunOrigin api(String dryMode, String callbackUrl, String host) {
        return new RunOrigin(dryMode, null, callbackUrl, host);
    }

    public static RunOrigin schedule(String scheduleId, String callbackUrl) {
        return schedule(scheduleId, callbackUrl, null);
    }

    public static RunOrigin schedule(String scheduleId, String callbackUrl, String host) {
        return new RunOrigin(null, scheduleId, callbackUrl, host);
    }
}
