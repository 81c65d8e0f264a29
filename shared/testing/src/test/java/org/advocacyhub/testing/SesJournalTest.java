package org.advocacyhub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SesJournalTest {

    @TempDir
    Path dir;

    @Test
    void a_send_is_journalled_with_its_message_id_and_a_read_is_not() throws Exception {
        Path file = dir.resolve("ses/sent-mail.journal");
        try (SesJournal journal = SesJournal.open(file)) {
            journal.answered(forwarded("POST", "/v2/email/outbound-emails", "{\"MessageId\":\"ses-123\"}"));
            journal.answered(forwarded("GET", "/store", "{}"));
            journal.answered(forwarded("GET", "/v2/email/account", "{}"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"messageId\":\"ses-123\""), "the id SES gave, to give again at replay");
        assertFalse(lines.get(0).contains("someone@"), "the body is kept encoded, not as text in the line");
    }

    @Test
    void an_entry_cut_short_by_a_kill_is_dropped_and_the_next_one_starts_on_its_own_line() throws Exception {
        Path file = dir.resolve("sent-mail.journal");
        try (SesJournal journal = SesJournal.open(file)) {
            journal.answered(forwarded("POST", "/v2/email/outbound-emails", "{\"MessageId\":\"ses-1\"}"));
        }
        Files.writeString(file, "{\"at\":1,\"method\":\"PO", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        try (SesJournal journal = SesJournal.open(file)) {
            journal.answered(forwarded("POST", "/v2/email/outbound-emails", "{\"MessageId\":\"ses-2\"}"));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).contains("ses-2"));
        lines.forEach(line -> Json.parse(line));
    }

    @Test
    void clearing_the_mailbox_empties_the_journal() throws Exception {
        Path file = dir.resolve("sent-mail.journal");
        try (SesJournal journal = SesJournal.open(file)) {
            journal.answered(forwarded("POST", "/v2/email/outbound-emails", "{\"MessageId\":\"ses-1\"}"));
            journal.answered(forwarded("POST", "/clear-store", "{\"message\":\"Store cleared\"}"));
        }
        assertEquals(0, Files.size(file));
    }

    @Test
    void ses_api_calls_are_told_from_the_engines_own_mailbox_routes() {
        assertTrue(SesJournal.isSesApiCall("POST", "/v2/email/outbound-emails"));
        assertTrue(SesJournal.isSesApiCall("POST", "/"), "SES v1's query API");
        assertFalse(SesJournal.isSesApiCall("GET", "/"), "the mailbox page");
        assertFalse(SesJournal.isSesApiCall("GET", "/store"));
        assertFalse(SesJournal.isSesApiCall("POST", "/clear-store"));
        assertFalse(SesJournal.isSesApiCall("GET", "/health-check"));
    }

    @Test
    void a_message_id_is_read_from_v2_json_and_v1_xml_and_not_guessed_for_bulk_sends() {
        assertEquals("a", SesJournal.messageId("{\"MessageId\":\"a\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("b", SesJournal.messageId("<SendRawEmailResult><MessageId>b</MessageId></SendRawEmailResult>"
                .getBytes(StandardCharsets.UTF_8)));
        assertNull(SesJournal.messageId("{\"BulkEmailEntryResults\":[{\"MessageId\":\"c\"},{\"MessageId\":\"d\"}]}"
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static FaultProxy.Forwarded forwarded(String method, String path, String response) {
        return new FaultProxy.Forwarded(method, path, Map.of("content-type", List.of("application/json")),
                "{\"Destination\":{\"ToAddresses\":[\"someone@advocacy.test\"]}}".getBytes(StandardCharsets.UTF_8), 200,
                response.getBytes(StandardCharsets.UTF_8));
    }
}
