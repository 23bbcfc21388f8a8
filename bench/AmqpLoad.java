import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;

/**
 * The AMQP side of bench/commands.sh, with the RabbitMQ Java client.
 *
 *   java -cp amqp-client.jar:slf4j-api.jar bench/AmqpLoad.java URI register APPS GROUPS
 *       publishes APPS app.register reports (apps bench_00000.., groups g0..) to quarterdeck.reports, confirmed
 *   java ... URI status APPS ROUNDS
 *       publishes ROUNDS app.status reports per app (progress current = round), confirmed
 *   java ... URI raw N
 *       the baseline: N persistent messages to a scratch exchange with publisher confirms in batches of 500
 * Prints {@code FIRST_PUBLISH epoch_ms=..} as the first message goes out (the scripts time from there, not from
 * this JVM's start, which compiles this file first) and RESULT lines: seconds spent publishing (and messages/s).
 */
public class AmqpLoad {
    public static void main(String[] args) throws Exception {
        ConnectionFactory f = new ConnectionFactory();
        f.setUri(args[0]);
        try (Connection c = f.newConnection("bench"); Channel ch = c.createChannel()) {
            ch.confirmSelect();
            long start = System.nanoTime();
            long n = 0;
            switch (args[1]) {
                case "register" -> {
                    int apps = Integer.parseInt(args[2]);
                    int groups = Integer.parseInt(args[3]);
                    for (int i = 0; i < apps; i++) {
                        String app = String.format("bench_%05d", i);
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
                                    + String.format("bench_%05d", i) + "\",\"progress\":{\"current\":" + r
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
            double s = (System.nanoTime() - start) / 1e9;
            System.out.printf("RESULT mode=%s messages=%d seconds=%.3f per_second=%.0f%n", args[1], n, s, n / s);
        }
    }

    private static void publish(Channel ch, String exchange, String body, long n) throws Exception {
        if (n == 1) {
            System.out.println("FIRST_PUBLISH epoch_ms=" + System.currentTimeMillis());
        }
        ch.basicPublish(exchange, "bench", MessageProperties.PERSISTENT_TEXT_PLAIN, body.getBytes(StandardCharsets.UTF_8));
        if (n % 500 == 0) {
            ch.waitForConfirmsOrDie(60_000);
        }
    }
}
