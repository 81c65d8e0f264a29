package org.advocacyhub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.Props;
import org.apache.pekko.pattern.Patterns;
import org.elasticmq.StrictSQSLimits$;
import org.elasticmq.actor.QueueManagerActor;
import org.elasticmq.actor.queue.QueueEvent;
import org.elasticmq.persistence.sql.SqlQueuePersistenceActor;
import org.elasticmq.persistence.sql.SqlQueuePersistenceConfig;
import org.elasticmq.util.NowProvider;

/**
 * ElasticMQ's queues and messages kept in an H2 database, wired as ElasticMQ's own server wires its SQL persistence: a
 * persistence actor that hears every queue and message change, and a queue manager that tells it each one and waits for
 * its answer before SQS answers the client. H2 runs with {@code WRITE_DELAY=0}: each commit goes to the file as it is
 * made (H2's default waits up to half a second), so a message SQS acknowledged survives a {@code kill -9}.
 * {@link #restore()} brings the queues and their messages (visible, in flight, received counts) back at start.
 */
final class PersistentQueues {

    private static final Duration RESTORE_TIMEOUT = Duration.ofSeconds(60);

    private final ActorSystem actors;
    private final ActorRef store;
    private final ActorRef queueManager;

    private PersistentQueues(ActorSystem actors, ActorRef store, ActorRef queueManager) {
        this.actors = actors;
        this.store = store;
        this.queueManager = queueManager;
    }

    /** Opens (or creates) the database in {@code directory}. */
    static PersistentQueues open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
        String uri = "jdbc:h2:file:" + directory.resolve("elasticmq") + ";WRITE_DELAY=0";
        SqlQueuePersistenceConfig config = new SqlQueuePersistenceConfig(true, "org.h2.Driver", uri, "sa", "", false);
        // Stopped by LocalEngines.close (from the hub's own shutdown hook when the JVM exits), not by a hook of its own.
        ActorSystem actors = ActorSystem.create("elasticmq-local", com.typesafe.config.ConfigFactory
                .parseString("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook = off")
                .withFallback(com.typesafe.config.ConfigFactory.load(PersistentQueues.class.getClassLoader())));
        ActorRef store = actors.actorOf(Props.create(SqlQueuePersistenceActor.class, config,
                scala.collection.immutable.List$.MODULE$.empty()));
        ActorRef queueManager = actors.actorOf(Props.create(QueueManagerActor.class, new NowProvider(),
                StrictSQSLimits$.MODULE$, scala.Option.apply(store)));
        return new PersistentQueues(actors, store, queueManager);
    }

    ActorSystem actors() {
        return actors;
    }

    ActorRef queueManager() {
        return queueManager;
    }

    /** Recreates the stored queues with their messages; fails naming ElasticMQ's errors. */
    void restore() {
        Object result;
        try {
            result = Patterns.ask(store, new QueueEvent.Restore(queueManager), RESTORE_TIMEOUT).toCompletableFuture()
                    .get(RESTORE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("ElasticMQ could not restore its queues: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while ElasticMQ restored its queues", e);
        }
        if (result instanceof scala.util.Left<?, ?> errors) {
            throw new IllegalStateException("ElasticMQ could not restore its queues: " + errors.value());
        }
    }
}
