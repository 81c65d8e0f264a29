package org.advocacyhub.local.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advocacyhub.testing.LocalAws;
import org.advocacyhub.testing.WithLocalAws;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code infrastructure/ops/dead-letters} and {@code infrastructure/ops/redrive} (issue 24 item 5) against the engines'
 * ElasticMQ, its queues and dead-letter queues made from template.yaml: a listing deletes nothing; a redrive moves every
 * message of a dead-letter queue back to the queue whose redrive policy names it, each once; a wrong call names its option.
 * Nothing consumes the queues here, so what a queue holds is what the commands left.
 */
@WithLocalAws
class DeadLetterCommandIT {

    private static final String QUEUE = "ReportQueue";
    private static final String DEAD_LETTERS = "ReportDeadLetterQueue";

    private final LocalAws aws;
    private final SqsClient sqs;

    DeadLetterCommandIT(LocalAws aws) {
        this.aws = aws;
        this.sqs = aws.sqs();
    }

    private record Ran(int status, String out, String err) {
    }

    private Ran run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = DeadLetterCommand.run(args, Map.of("SQS_PORT", Integer.toString(aws.endpoints().sqsEndpoint().getPort())),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void empty() {
        for (String queue : List.of(QUEUE, DEAD_LETTERS)) {
            sqs.purgeQueue(b -> b.queueUrl(aws.queueUrl(queue)));
        }
    }

    private void deadLetters(String... bodies) {
        for (String body : bodies) {
            sqs.sendMessage(b -> b.queueUrl(aws.queueUrl(DEAD_LETTERS)).messageBody(body));
        }
    }

    /** Every message now in {@code queue}, each received (and deleted) once. */
    private List<String> drain(String queue) {
        List<String> bodies = new ArrayList<>();
        for (int empty = 0; empty < 2; ) {
            List<Message> got = sqs.receiveMessage(b -> b.queueUrl(aws.queueUrl(queue)).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages();
            if (got.isEmpty()) {
                empty++;
            }
            for (Message m : got) {
                bodies.add(m.body());
                sqs.deleteMessage(b -> b.queueUrl(aws.queueUrl(queue)).receiptHandle(m.receiptHandle()));
            }
        }
        return bodies.stream().sorted().toList();
    }

    private int visible(String queue) {
        return Integer.parseInt(sqs.getQueueAttributes(b -> b.queueUrl(aws.queueUrl(queue))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    @Test
    void aListingShowsEachMessageAndDeletesNothingItsBodiesOnlyWhenAsked() {
        deadLetters("{\"reportId\":\"RPT-LLR-FY2026Q2-A\"}", "{\"reportId\":\"RPT-LLR-FY2026Q2-B\"}");
        Ran listed = run("list", "--queue", DEAD_LETTERS);
        assertEquals(0, listed.status(), listed.err());
        assertTrue(listed.out().startsWith("2 messages in ReportDeadLetterQueue (nothing deleted)"), listed.out());
        assertTrue(listed.out().contains("received 1 times") && !listed.out().contains("RPT-LLR"), "no bodies unless asked: " + listed.out());
        assertEquals(2, visible(DEAD_LETTERS), "both still there, visible to the next reader at once");
        Ran bodies = run("list", "--queue", DEAD_LETTERS, "--bodies");
        assertTrue(bodies.out().contains("RPT-LLR-FY2026Q2-A") && bodies.out().contains("RPT-LLR-FY2026Q2-B"), bodies.out());
        assertEquals(List.of("{\"reportId\":\"RPT-LLR-FY2026Q2-A\"}", "{\"reportId\":\"RPT-LLR-FY2026Q2-B\"}"), drain(DEAD_LETTERS));
    }

    @Test
    void aRedriveMovesEveryMessageBackToItsQueueOnce() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            sent.add("{\"reportId\":\"RPT-" + i + "\"}");
        }
        deadLetters(sent.toArray(String[]::new));
        Ran moved = run("redrive", "--queue", DEAD_LETTERS, "--loop");
        assertEquals(0, moved.status(), moved.err());
        assertTrue(moved.out().contains("Moved 23 messages from ReportDeadLetterQueue back to ReportQueue."), moved.out());
        assertEquals(sent.stream().sorted().toList(), drain(QUEUE), "each message once, in the queue whose redrive policy names it");
        assertEquals(List.of(), drain(DEAD_LETTERS));

        // --max moves at most that many; the rest stay.
        deadLetters("{\"reportId\":\"RPT-x\"}", "{\"reportId\":\"RPT-y\"}", "{\"reportId\":\"RPT-z\"}");
        Ran some = run("redrive", "--queue", aws.queueUrl(DEAD_LETTERS), "--max", "2");
        assertTrue(some.out().contains("Moved 2 messages"), some.out());
        assertEquals(2, drain(QUEUE).size());
        assertEquals(1, drain(DEAD_LETTERS).size());
    }

    @Test
    void withoutLoopItAsksSqsToMoveThemOrMovesThemItselfWhereSqsCannot() throws Exception {
        deadLetters("{\"reportId\":\"RPT-1\"}", "{\"reportId\":\"RPT-2\"}");
        Ran moved = run("redrive", "--queue", DEAD_LETTERS);
        assertEquals(0, moved.status(), moved.err());
        // ElasticMQ either runs SQS's message move task or refuses it; either way both arrive once.
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (visible(QUEUE) < 2 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        assertEquals(List.of("{\"reportId\":\"RPT-1\"}", "{\"reportId\":\"RPT-2\"}"), drain(QUEUE), moved.out());
        assertEquals(List.of(), drain(DEAD_LETTERS));
    }

    @Test
    void aWrongCallNamesItsOptionAndTouchesNothing() {
        deadLetters("{\"reportId\":\"RPT-kept\"}");
        Ran none = run("redrive");
        assertEquals(2, none.status());
        assertTrue(none.err().contains("--queue is required"), none.err());
        Ran max = run("redrive", "--queue", DEAD_LETTERS, "--max", "none");
        assertEquals(2, max.status());
        assertTrue(max.err().contains("--max must be a whole number of 1 or more, not 'none'"), max.err());
        Ran listMax = run("list", "--queue", DEAD_LETTERS, "--max", "3");
        assertEquals(2, listMax.status());
        Ran unknown = run("redrive", "--queue", "NoSuchQueue");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().startsWith("dead letters: SQS refused"), unknown.err());
        assertEquals(List.of("{\"reportId\":\"RPT-kept\"}"), drain(DEAD_LETTERS));
    }

    @Test
    void aFailedReportIsAskedForAgainAsTheReportFunctionReadsIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> local = Map.of("SQS_PORT", Integer.toString(aws.endpoints().sqsEndpoint().getPort()));
        int status = ResendReportCommand.run(new String[] {"--report", "RPT-LLR-FY2026Q2-3F2A9B01C4"}, local,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("{\"reportId\":\"RPT-LLR-FY2026Q2-3F2A9B01C4\"}"), drain(QUEUE), "ReportQueueMessages' own body");
        ByteArrayOutputStream wrong = new ByteArrayOutputStream();
        assertEquals(2, ResendReportCommand.run(new String[] {"--report", "LLR Q2"}, local, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(wrong, true, StandardCharsets.UTF_8)));
        assertTrue(wrong.toString(StandardCharsets.UTF_8).contains("--report must be a report's id"), wrong.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), drain(QUEUE), "nothing sent for a wrong call");
    }
}
