package org.advocacyhub.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {

    @Test
    void makes_the_value_at_its_first_use_and_keeps_it() {
        AtomicInteger made = new AtomicInteger();
        Memo<String> memo = Memo.of(() -> "document " + made.incrementAndGet());
        assertEquals(0, made.get(), "nothing is made before it is asked for");
        assertEquals("document 1", memo.get());
        assertEquals("document 1", memo.get());
        assertEquals(1, made.get());
    }

    @Test
    void a_failed_making_is_tried_again_at_the_next_use() {
        AtomicInteger tries = new AtomicInteger();
        Memo<String> memo = Memo.of(() -> {
            if (tries.incrementAndGet() == 1) {
                throw new IllegalStateException("not yet");
            }
            return "made";
        });
        assertThrows(IllegalStateException.class, memo::get);
        assertEquals("made", memo.get());
        assertEquals(2, tries.get());
    }
}
