package io.quarterdeck.adapters.messaging.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import io.quarterdeck.domain.shared.DomainException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the reports queue with manual acknowledgements. The client's delivery thread only hands messages to one
 * worker thread, which takes what has arrived (up to {@value #BATCH}) and applies it in one transaction, then
 * acknowledges the batch after the commit with one {@code basicAck(multiple=true)} per channel. A message that
 * cannot be decoded, or a report the core refuses (malformed, unknown app: a {@code DomainException}; the batch is
 * then applied one by one to find it), is republished, with the reason in the header {@code x-quarterdeck-reason},
 * to the dead-letter exchange and acknowledged: it never blocks the queue. Any
 * other failure (the database is down) is nacked for redelivery after a pause. Redelivered reports change nothing
 * twice (the use cases are idempotent).
 */
final class RabbitMqReportListener {
    private static final Logger LOG = Logger.getLogger(RabbitMqReportListener.class.getName());
    static final String REASON_HEADER = "x-quarterdeck-reason";
    static final int BATCH = 250;
    private final AmqpSettings settings;
    private final RabbitMqConnection connection;
    private final ReportDispatcher dispatcher;
    private final ThreadFactory threads;
    private Channel channel;
    private Thread worker;

    private record Delivery(Channel channel, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
    }

    private final BlockingQueue<Delivery> arrived = new LinkedBlockingQueue<>();

    RabbitMqReportListener(AmqpSettings settings, RabbitMqConnection connection, ReportDispatcher dispatcher,
                           ThreadFactory threads) {
        this.settings = settings;
        this.connection = connection;
        this.dispatcher = dispatcher;
        this.threads = threads;
    }

    synchronized boolean running() {
        return channel != null && channel.isOpen();
    }

    /** Starts consuming when not consuming already (the connection may have broken); throws when the broker is down. */
    synchronized void ensureRunning() throws IOException {
        if (running()) {
            return;
        }
        arrived.clear(); // unacknowledged deliveries of a broken channel are redelivered by the broker
        Channel ch = connection.get().createChannel();
        ch.basicQos(BATCH * 2);
        ch.confirmSelect();
        ch.basicConsume(settings.reportsQueue(), false, "quarterdeck-reports", new DefaultConsumer(ch) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] body) {
                arrived.add(new Delivery(getChannel(), envelope, props, body));
            }
        });
        channel = ch;
        if (worker == null) {
            worker = threads.newThread(this::work);
            worker.setName("quarterdeck-report-listener");
            worker.setDaemon(true);
            worker.start();
        }
    }

    private void work() {
        List<Delivery> batch = new ArrayList<>(BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Delivery first = arrived.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.clear();
                batch.add(first);
                arrived.drainTo(batch, BATCH - 1);
                handle(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "the report listener lost its channel; the broker redelivers", e);
            }
        }
    }

    /** Applies a batch (one channel's deliveries in order) and acknowledges it. */
    void handle(List<Delivery> batch) throws IOException {
        List<Object> reports = new ArrayList<>(batch.size());
        List<Delivery> decoded = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            try {
                reports.add(ReportDispatcher.decode(d.body()));
                decoded.add(d);
            } catch (DomainException e) {
                deadLetter(d, e.getMessage());
            }
        }
        try {
            if (!reports.isEmpty()) {
                dispatcher.applyAll(reports);
            }
            ackAll(decoded);
        } catch (DomainException refused) {
            for (int i = 0; i < decoded.size(); i++) {
                one(decoded.get(i), reports.get(i));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reports could not be applied now; they will be redelivered", e);
            pause();
            for (Delivery d : decoded) {
                d.channel().basicNack(d.envelope().getDeliveryTag(), false, true);
            }
        }
    }

    private void one(Delivery d, Object report) throws IOException {
        try {
            dispatcher.apply(report);
            d.channel().basicAck(d.envelope().getDeliveryTag(), false);
        } catch (DomainException e) {
            deadLetter(d, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "a report could not be applied now; it will be redelivered", e);
            pause();
            d.channel().basicNack(d.envelope().getDeliveryTag(), false, true);
        }
    }

    /**
     * One acknowledgement per channel after the commit: the highest delivery tag with {@code multiple=true}. The
     * worker takes deliveries in the order the channel delivered them and settles every one of a batch before the
     * next, so every lower tag of that channel is either in this batch or already settled (a dead-lettered one was
     * acknowledged on its own, which {@code multiple} leaves as it is).
     */
    private static void ackAll(List<Delivery> ds) throws IOException {
        Map<Channel, Long> highest = new java.util.LinkedHashMap<>();
        for (Delivery d : ds) {
            highest.merge(d.channel(), d.envelope().getDeliveryTag(), Math::max);
        }
        for (Map.Entry<Channel, Long> e : highest.entrySet()) {
            e.getKey().basicAck(e.getValue(), true);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    private void deadLetter(Delivery d, String reason) throws IOException {
        Map<String, Object> headers = new HashMap<>();
        if (d.props().getHeaders() != null) {
            headers.putAll(d.props().getHeaders());
        }
        headers.put(REASON_HEADER, reason == null ? "invalid report" : reason);
        headers.put("x-quarterdeck-routing-key", d.envelope().getRoutingKey());
        AMQP.BasicProperties dead = d.props().builder().headers(headers).deliveryMode(2).build();
        Channel ch = d.channel();
        ch.basicPublish(settings.deadLetterExchange(), "", dead, d.body());
        try {
            ch.waitForConfirmsOrDie(10_000);
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            ch.basicNack(d.envelope().getDeliveryTag(), false, true);
            return;
        }
        ch.basicAck(d.envelope().getDeliveryTag(), false);
        LOG.info("dead-lettered a report: " + reason);
    }

    synchronized void stop() {
        if (worker != null) {
            worker.interrupt();
            worker = null;
        }
        if (channel != null) {
            try {
                channel.abort();
            } catch (IOException | RuntimeException e) {
                // gone
            }
            channel = null;
        }
    }
}
