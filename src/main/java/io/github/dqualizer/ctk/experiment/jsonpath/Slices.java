package io.github.dqualizer.ctk.experiment.jsonpath;

import io.github.dqualizer.ctk.pyvalues.PythonError;
import java.util.ArrayList;
import java.util.List;

/** Python's list slicing indices ({@code slice.indices}). */
final class Slices {

    private Slices() {
    }

    static List<Integer> indices(int length, Long start, Long end, Long step) {
        long s = step == null ? 1 : step;
        if (s == 0) {
            throw new PythonError("ValueError", "slice step cannot be zero");
        }
        long lo;
        long hi;
        if (s > 0) {
            lo = start == null ? 0 : clamp(start, length, 0, length);
            hi = end == null ? length : clamp(end, length, 0, length);
        } else {
            lo = start == null ? length - 1 : clamp(start, length, -1, length - 1);
            hi = end == null ? -1 : clamp(end, length, -1, length - 1);
        }
        List<Integer> result = new ArrayList<>();
        for (long i = lo; s > 0 ? i < hi : i > hi; i += s) {
            result.add((int) i);
        }
        return result;
    }

    private static long clamp(long index, int length, long min, long max) {
        long i = index < 0 ? index + length : index;
        return Math.max(min, Math.min(max, i));
    }
}
