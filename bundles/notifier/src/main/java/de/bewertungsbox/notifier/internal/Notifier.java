package de.bewertungsbox.notifier.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.notify.Channel;
import de.bewertungsbox.api.notify.ClaimedRequest;
import de.bewertungsbox.api.notify.RequestStore;
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;

/**
 * Sends the outbox: every {@code poll_seconds} it claims a batch of due requests (row locks, a lease per claim) and
 * hands each to {@link Dispatch}, until nothing is due. At start it gives back the claims this node held when it
 * stopped, so a restart after a crash resends at once rather than after the lease. Channels are a dynamic multiple
 * reference keyed by {@code channel.id}: a channel that is not there leaves its requests waiting. Threading: one
 * private sender thread.
 */
@Component(service = Notifier.class, immediate = true,
        configurationPid = {"de.bewertungsbox.notifier", "de.bewertungsbox.core"})
public class Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final RequestStore requests;
    private final Dispatch dispatch;
    private final NotifierConfig config;
    private final String node;
    private final ScheduledExecutorService sender;
    private volatile boolean stopped;

    /**
     * @param requests   the outbox
     * @param strategies the projects' strategies (templates, caps, reminders)
     * @param engine     due times of reminders
     * @param projects   project names and regions
     * @param config     configuration
     * @throws IOException when the node id cannot be kept
     */
    @Activate
    public Notifier(@Reference(name = "requests") RequestStore requests,
                    @Reference(name = "strategies") StrategyStore strategies,
                    @Reference(name = "engine") StrategyEngine engine,
                    @Reference(name = "projects") ProjectStore projects, NotifierConfig config) throws IOException {
        this.requests = requests;
        this.config = config;
        this.node = NodeFile.load(Path.of(System.getProperty("karaf.data", "data"), "bewertungsbox",
                "notifier-node-id"));
        this.dispatch = new Dispatch(requests, strategies, engine, projects, channels, config, node,
                Clock.systemUTC());
        int released = requests.release(node);
        if (released > 0) {
            LOG.info("Notifier took back {} review requests this node had claimed before it stopped", released);
        }
        this.sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bewertungsbox-notifier");
            t.setDaemon(true);
            return t;
        });
        sender.scheduleWithFixedDelay(this::drain, 1, config.poll__seconds(), TimeUnit.SECONDS);
    }

    /** @param channel a channel that arrived @param props its service properties */
    @Reference(name = "channels", service = Channel.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindChannel(Channel channel, Map<String, Object> props) {
        Object id = props.get(Channel.ID_PROPERTY);
        if (id != null) {
            channels.put(id.toString(), channel);
            LOG.info("Channel '{}' is available", id);
        }
    }

    /** @param channel a channel that left @param props its service properties */
    void unbindChannel(Channel channel, Map<String, Object> props) {
        Object id = props.get(Channel.ID_PROPERTY);
        if (id != null && channels.remove(id.toString(), channel)) {
            LOG.info("Channel '{}' is gone; its requests wait until it is back", id);
        }
    }

    /** Claims and sends batches until nothing is due. */
    void drain() {
        try {
            while (!stopped) {
                List<ClaimedRequest> batch = dispatch.claim();
                if (batch.isEmpty()) {
                    return;
                }
                dispatch.sendAll(batch);
                if (batch.size() < config.batch__size()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Sending review requests failed: {}; trying again in {} s", e.getMessage(),
                    config.poll__seconds(), e);
        }
    }

    /** Stops sending; claims still held run out after their lease (or are taken back at the next start). */
    @Deactivate
    void deactivate() {
        // No interrupts: H2 closes its database file when a thread is interrupted inside it.
        stopped = true;
        sender.shutdown();
        try {
            if (sender.awaitTermination(30, TimeUnit.SECONDS)) {
                requests.release(node);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("giving back claims at stop failed: {}", e.getMessage());
        }
    }
}
