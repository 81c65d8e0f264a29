package org.advocacyhub.application.port;

import java.util.List;

/** The reminder queue: alerts the allocation timer raised, for the reminder-emails function to send (issue 9). */
public interface AlertQueue {

    /** Puts each alert on the queue, or throws: nothing is half-sent without the caller knowing. */
    void send(List<? extends Alert> alerts);
}
