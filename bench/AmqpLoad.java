import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;

/**
 * The AMQP side of bench/commands.sh, with the RabbitMQ Java client.
 *
 *   java -cp amqp-client.jar:slf4j-api.jar bench/AmqpLoad.java URI register APPS GROUPS [PREFIX]
 *       publishes APPS app.register reports (apps PREFIX_00000.., PREFIX bench by default; groups g0..) to
 *       quarterdeck.reports, confirmed
 *   java ... URI status APPS ROUNDS [PREFIX]
 *       publishes ROUNDS app.status reports per app (progress current = round), confirmed
 *   java ... URI raw N
 *       the baseline: N persistent messages to a scratch exchange
 * Every mode publishes persistent messages with publisher confirms handled asynchronously: at most
 * {@code AMQP_WINDOW} (system property, default 2,000) unconfirmed at any time, so publishing never stops to wait for
 * a whole batch (with a synchronous wait every 500 the publisher, not the consumer, limited the intake measured).
 * Prints {@code FIRST_PUBLISH epoch_ms=..} as the first message goes out (the scripts time from there, not from
 * this JVM's start, which compiles this file first) and RESULT lines: seconds spent publishing (and messages/s).
 */
public class AmqpLoad {
    public static void main(String[] args) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(args[0]);
        try (Connection c = f.newConnection("bench"); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            ch.addConfirmListener(new com.rabbitmq.client.ConfirmListener() {
                @Override
                public void handleAck(long tag, boolean multiple) {
                    confirmed(tag, multiple);
                }

                @Override
                public void handleNack(long tag, boolean multiple) {
                    nacked = true;
                    confirmed(tag, multiple);
                }
            });
            String prefix = args.length > 4 ? args[4] : "bench";
            long start = System.nanoTime();
            long n = 0;
            switch (args[1]) {
                case "register" -> {
                    int apps = Integer.parseInt(args[2]);
                    int groups = Integer.parseInt(args[3]);
                    for (int i = 0; i < apps; i++) {
                        String app = String.format("%s_%05d", prefix, i);
                        publish(ch, "quarterdeck.reports", "{\"version\":1,\"type\":\"app.register\",\"app\":\"" + app
                                + "\",\"group\":\"g" + (i % groups) + "\",\"parent\":\"p" + (i % 7)
                                + "\",\"schedule\":\"0 8 * * *\",\"settings\":{\"depth\":" + (i % 5) + "}}", ++n);
                    }
                }
                case "status" -> {
                    int apps = Integer.parseInt(args[2]);
                    int rounds = Integer.parseInt(args[3]);
                    for (int r = 1; r <= rounds; r++) {
                        for (int i = 0; i < apps; i++) {
                            publish(ch, "quarterdeck.reports", "{\"version\":1,\"type\":\"app.status\",\"app\":\""
                                    + String.format("%s_%05d", prefix, i) + "\",\"progress\":{\"current\":" + r
                                    + ",\"total\":" + rounds + "}}", ++n);
                        }
                    }
                }
                case "raw" -> {
                    ch.exchangeDeclare("bench.raw", "topic", false, true, null);
                    String q = ch.queueDeclare().getQueue();
                    ch.queueBind(q, "bench.raw", "#");
                    long total = Long.parseLong(args[2]);
                    for (long i = 0; i < total; i++) {
                        publish(ch, "bench.raw", "{\"version\":1,\"id\":\"" + i + "\",\"command\":\"START\"}", ++n);
                    }
                }
                default -> throw new IllegalArgumentException(args[1]);
            }
            ch.waitForConfirmsOrDie(60_000);
            if (nacked) {
                throw new IllegalStateException("the broker refused (nacked) a message");
            }
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT mode=%s messages=%d seconds=%.3f per_second=%.0f%n", args[1], n, s, n / s);
        }
    }

    private static final int WINDOW = Integer.getInteger("AMQP_WINDOW", 2_000);
    private static final java.util.concurrent.Semaphore IN_FLIGHT = new java.util.concurrent.Semaphore(WINDOW);
    private static long lastConfirmed;
    private static volatile boolean nacked;

    /** The broker confirmed {@code tag} (and, with {@code multiple}, every lower tag): frees their places. */
    private static synchronized void confirmed(long tag, boolean multiple) {
        if (multiple) {
            if (tag > lastConfirmed) {
                IN_FLIGHT.release((int) (tag - lastConfirmed));
                lastConfirmed = tag;
            }
        } else {
            IN_FLIGHT.release();
            lastConfirmed = Math.max(lastConfirmed, tag);
        }
    }

    private static void publish(Channel ch, String exchange, String body, long n) throws Exception {
        if (n == 1) {
            System.out.println("FIRST_PUBLISH epoch_ms=" + System.currentTimeMillis());
        }
        IN_FLIGHT.acquire();
        ch.basicPublish(exchange, "bench", MessageProperties.PERSISTENT_TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
    }
}
