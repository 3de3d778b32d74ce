package de.bewertungsbox.notifier.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import de.bewertungsbox.api.customer.Project;
import de.bewertungsbox.api.customer.ProjectStore;
import de.bewertungsbox.api.customer.SecretStore;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.StrategyEngine;
import de.bewertungsbox.api.strategy.StrategyStore;

/** Small stand-ins for the services around the notifier. */
final class Fakes {
    private Fakes() {
    }

    /** A configuration annotation with its defaults, some overridden. */
    @SuppressWarnings("unchecked")
    static <A> A config(Class<A> type, Map<String, Object> values) {
        return (A) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            return method.getDefaultValue();
        });
    }

    static ProjectStore projects(Project p) {
        return proxy(ProjectStore.class, (name, args) -> "find".equals(name) ? Optional.of(p) : null);
    }

    static StrategyStore strategies(Strategy s) {
        return proxy(StrategyStore.class, (name, args) -> "find".equals(name) ? Optional.of(s) : null);
    }

    static SecretStore secrets(String smtpJson) {
        return proxy(SecretStore.class, (name, args) -> "get".equals(name) ? Optional.ofNullable(smtpJson) : null);
    }

    /** Due times without a send window: the trigger plus the delay, in UTC. */
    static StrategyEngine engine() {
        return proxy(StrategyEngine.class, (name, args) -> switch (name) {
            case "firstDue" -> plus((Strategy) args[0], (Instant) args[1], ((Strategy) args[0]).delay());
            case "reminderDue" -> plus((Strategy) args[0], (Instant) args[1],
                    ((Strategy) args[0]).reminders().get((Integer) args[2]));
            default -> null;
        });
    }

    private static Instant plus(Strategy s, Instant t, Strategy.Delay d) {
        return switch (d.unit()) {
            case MINUTES -> t.plusSeconds(60L * d.amount());
            case HOURS -> t.plusSeconds(3600L * d.amount());
            case DAYS -> t.plusSeconds(86400L * d.amount());
            case MONTHS -> t.atZone(ZoneOffset.UTC).plusMonths(d.amount()).toInstant();
        };
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer a) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> a.answer(method.getName(), args));
    }
}
