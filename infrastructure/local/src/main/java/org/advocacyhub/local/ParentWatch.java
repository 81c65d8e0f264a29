package org.advocacyhub.local;

import java.util.Map;
import java.util.Optional;

/**
 * {@code LOCAL_PARENT_PID} (the chaos command sets it; not in the usage): the stack stops, as on Ctrl-C, when that
 * process ends, however it ends. A chaos run that is itself killed, even by {@code kill -9}, leaves no stack behind
 * holding its ports and memory.
 */
final class ParentWatch {

    static final String LOCAL_PARENT_PID = "LOCAL_PARENT_PID";

    private ParentWatch() {
    }

    /**
     * Runs {@code stop} once the process named by {@code LOCAL_PARENT_PID} has ended (at once if it is not running).
     *
     * @return whether a parent is named
     */
    static boolean stopWith(Map<String, String> env, Runnable stop) {
        String value = env.get(LOCAL_PARENT_PID);
        if (value == null || value.isBlank()) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(LOCAL_PARENT_PID + " must be a process id; got '" + value + "'");
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            stop.run();
        } else {
            parent.get().onExit().thenRun(stop);
        }
        return true;
    }
}
