package de.bewertungsbox.customerstore.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import de.bewertungsbox.api.customer.FieldError;
import de.bewertungsbox.api.customer.NotFoundException;
import de.bewertungsbox.api.customer.StoreUnavailableException;
import de.bewertungsbox.api.customer.ValidationException;
import de.bewertungsbox.api.strategy.Strategy;
import de.bewertungsbox.api.strategy.Strategy.Caps;
import de.bewertungsbox.api.strategy.Strategy.Channel;
import de.bewertungsbox.api.strategy.Strategy.Conditions;
import de.bewertungsbox.api.strategy.Strategy.Delay;
import de.bewertungsbox.api.strategy.Strategy.DelayUnit;
import de.bewertungsbox.api.strategy.Strategy.SendWindow;
import de.bewertungsbox.api.strategy.Strategy.Templates;
import de.bewertungsbox.api.strategy.Strategy.Trigger;
import de.bewertungsbox.api.strategy.StrategyStore;

/**
 * Strategies in {@code bb_strategy}, one row per project, in columns. {@link #save} checks every rule first and
 * stores nothing when one is broken, so the old strategy stays. Stateless and thread-safe.
 */
public final class DbStrategyStore implements StrategyStore {
    /** Most reminders a strategy may have. */
    static final int MAX_REMINDERS = 3;
    /** Positions of the TIME columns among the values written (the others that may be null are text). */
    private static final int WINDOW_FROM = 7;
    private static final int WINDOW_TO = 8;
    /** Longest delay, in each unit: two years. */
    private static final int MAX_MINUTES = 2 * 366 * 24 * 60;

    private final DataSource ds;
    private final Clock clock;

    /**
     * @param ds    the database
     * @param clock time source
     */
    public DbStrategyStore(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    @Override
    public Optional<Strategy> find(UUID projectId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT enabled, trigger_kind, delay_amount, delay_unit, "
                     + "channels, window_time_zone, window_days, window_from, window_to, reminders, "
                     + "require_subscription, min_charges, min_total, min_average, currency, cap_email_daily, "
                     + "cap_email_monthly, cap_sms_daily, cap_sms_monthly, email_subject, email_body, sms_body FROM "
                     + "bb_strategy WHERE project_id = ?")) {
            ps.setObject(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                SendWindow window = rs.getString(6) == null ? null : new SendWindow(rs.getString(6),
                        days(rs.getString(7)), rs.getObject(8, LocalTime.class), rs.getObject(9, LocalTime.class));
                return Optional.of(new Strategy(rs.getBoolean(1), Trigger.valueOf(rs.getString(2)),
                        new Delay(rs.getInt(3), DelayUnit.valueOf(rs.getString(4))), channels(rs.getString(5)), window,
                        reminders(rs.getString(10)), new Conditions(rs.getBoolean(11), rs.getInt(12), rs.getLong(13),
                        rs.getLong(14), rs.getString(15)), new Caps(rs.getInt(16), rs.getInt(17), rs.getInt(18),
                        rs.getInt(19)), new Templates(rs.getString(20), rs.getString(21), rs.getString(22))));
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not read the strategy: " + e.getMessage(), e);
        }
    }

    @Override
    public void save(UUID projectId, Strategy s) {
        List<FieldError> errors = validate(s);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Object[] values = {s.enabled(), s.trigger().name(), s.delay().amount(), s.delay().unit().name(),
            s.channels().stream().map(Enum::name).distinct().collect(Collectors.joining(",")),
            s.sendWindow() == null ? null : ZoneId.of(s.sendWindow().timeZone()).getId(),
            s.sendWindow() == null ? null : s.sendWindow().days().stream().sorted().map(Enum::name)
                    .collect(Collectors.joining(",")),
            s.sendWindow() == null ? null : s.sendWindow().from(), s.sendWindow() == null ? null : s.sendWindow().to(),
            s.reminders().stream().map(r -> r.amount() + ":" + r.unit().name()).collect(Collectors.joining(",")),
            s.conditions().requireSubscription(), s.conditions().minCharges(), s.conditions().minTotal(),
            s.conditions().minAverage(), s.conditions().currency().strip().toLowerCase(Locale.ROOT),
            s.caps().emailDaily(), s.caps().emailMonthly(), s.caps().smsDaily(), s.caps().smsMonthly(),
            blank(s.templates().emailSubject()), blank(s.templates().emailBody()), blank(s.templates().smsBody()),
            LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), projectId};
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM bb_project WHERE id = ?")) {
                exists.setObject(1, projectId);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        throw new NotFoundException("no such project");
                    }
                }
            }
            String columns = "enabled, trigger_kind, delay_amount, delay_unit, channels, window_time_zone, "
                    + "window_days, window_from, window_to, reminders, require_subscription, min_charges, min_total, "
                    + "min_average, currency, cap_email_daily, cap_email_monthly, cap_sms_daily, cap_sms_monthly, "
                    + "email_subject, email_body, sms_body, updated_at";
            String set = Arrays.stream(columns.split(", ")).map(col -> col + " = ?").collect(Collectors.joining(", "));
            if (update(c, "UPDATE bb_strategy SET " + set + " WHERE project_id = ?", values) == 0) {
                update(c, "INSERT INTO bb_strategy (" + columns + ", project_id) VALUES ("
                        + "?,".repeat(values.length - 1) + "?)", values);
            }
            // Switching on starts the clock: customers whose moment passed before are not asked automatically.
            update(c, "UPDATE bb_strategy SET active_from = CASE WHEN NOT enabled THEN NULL "
                    + "ELSE COALESCE(active_from, ?) END WHERE project_id = ?",
                    new Object[] {LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), projectId});
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not store the strategy: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Instant> activeFrom(UUID projectId) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT active_from FROM bb_strategy WHERE project_id = ? "
                     + "AND enabled")) {
            ps.setObject(1, projectId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1, LocalDateTime.class))
                        .map(t -> t.toInstant(ZoneOffset.UTC)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not read the strategy: " + e.getMessage(), e);
        }
    }

    @Override
    public List<UUID> enabledProjects() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT project_id FROM bb_strategy WHERE enabled");
             ResultSet rs = ps.executeQuery()) {
            List<UUID> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getObject(1, UUID.class));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreUnavailableException("could not read the strategies: " + e.getMessage(), e);
        }
    }

    /** @return every broken rule, by field path as the REST API names the fields */
    static List<FieldError> validate(Strategy s) {
        List<FieldError> e = new ArrayList<>();
        if (s.trigger() == null) {
            e.add(new FieldError("trigger", "is required: signup or last_charge"));
        }
        delay("delay", s.delay(), false, e);
        if (s.channels().isEmpty()) {
            e.add(new FieldError("channels", "name at least one channel: email, sms"));
        }
        SendWindow w = s.sendWindow();
        if (w != null) {
            try {
                ZoneId.of(w.timeZone() == null ? "" : w.timeZone());
            } catch (DateTimeException ex) {
                e.add(new FieldError("send_window.time_zone", "'" + w.timeZone() + "' is not a time zone (use an "
                        + "IANA name such as Europe/Berlin)"));
            }
            if (w.days().isEmpty()) {
                e.add(new FieldError("send_window.days", "name at least one day (mon ... sun)"));
            }
            if (w.from() == null || w.to() == null) {
                e.add(new FieldError("send_window", "needs from and to (HH:MM)"));
            } else if (!w.from().isBefore(w.to())) {
                e.add(new FieldError("send_window.from", "must be before to (" + w.from() + " is not before "
                        + w.to() + ")"));
            }
        }
        if (s.reminders().size() > MAX_REMINDERS) {
            e.add(new FieldError("reminders", "at most " + MAX_REMINDERS + " reminders, got " + s.reminders().size()));
        }
        for (int i = 0; i < s.reminders().size(); i++) {
            delay("reminders[" + i + "]", s.reminders().get(i), true, e);
        }
        Conditions c = s.conditions();
        if (c == null) {
            e.add(new FieldError("conditions", "is required"));
        } else {
            if (c.minCharges() < 0) {
                e.add(new FieldError("conditions.min_charges", "must be 0 (ignore) or more"));
            }
            if (c.minTotal() < 0) {
                e.add(new FieldError("conditions.min_total", "must be 0 (ignore) or more"));
            }
            if (c.minAverage() < 0) {
                e.add(new FieldError("conditions.min_average", "must be 0 (ignore) or more"));
            }
            if (c.currency() == null || !c.currency().strip().toLowerCase(Locale.ROOT).matches("[a-z]{3}")) {
                e.add(new FieldError("conditions.currency", "must be a three-letter ISO 4217 code such as eur"));
            }
        }
        Caps caps = s.caps();
        if (caps == null) {
            e.add(new FieldError("caps", "is required"));
        } else {
            int[] v = {caps.emailDaily(), caps.emailMonthly(), caps.smsDaily(), caps.smsMonthly()};
            String[] n = {"email_daily", "email_monthly", "sms_daily", "sms_monthly"};
            for (int i = 0; i < v.length; i++) {
                if (v[i] < 0) {
                    e.add(new FieldError("caps." + n[i], "must be 0 (no cap) or more"));
                }
            }
        }
        Templates t = s.templates();
        if (t != null) {
            length("templates.email_subject", t.emailSubject(), 500, e);
            length("templates.email_body", t.emailBody(), 20_000, e);
            length("templates.sms_body", t.smsBody(), 1_600, e);
        }
        return e;
    }

    private static void delay(String field, Delay d, boolean positive, List<FieldError> e) {
        if (d == null || d.unit() == null) {
            e.add(new FieldError(field + ".unit", "is required: minutes, hours, days or months"));
            return;
        }
        if (d.amount() < (positive ? 1 : 0)) {
            e.add(new FieldError(field + ".amount", positive ? "must be 1 or more" : "must be 0 or more"));
        }
        long minutes = switch (d.unit()) {
            case MINUTES -> d.amount();
            case HOURS -> d.amount() * 60L;
            case DAYS -> d.amount() * 1440L;
            case MONTHS -> d.amount() * 31L * 1440L;
        };
        if (minutes > MAX_MINUTES) {
            e.add(new FieldError(field + ".amount", "at most two years"));
        }
    }

    private static void length(String field, String value, int max, List<FieldError> e) {
        if (value != null && value.length() > max) {
            e.add(new FieldError(field, "at most " + max + " characters"));
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<Channel> channels(String csv) {
        return Arrays.stream(csv.split(",")).filter(x -> !x.isBlank()).map(Channel::valueOf).toList();
    }

    private static Set<DayOfWeek> days(String csv) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (csv != null) {
            Arrays.stream(csv.split(",")).filter(x -> !x.isBlank()).map(DayOfWeek::valueOf).forEach(days::add);
        }
        return days;
    }

    private static List<Delay> reminders(String csv) {
        return Arrays.stream(csv.split(",")).filter(x -> !x.isBlank()).map(r -> {
            String[] p = r.split(":");
            return new Delay(Integer.parseInt(p[0]), DelayUnit.valueOf(p[1]));
        }).toList();
    }

    private static int update(Connection c, String sql, Object[] values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    ps.setNull(i + 1, i == WINDOW_FROM || i == WINDOW_TO ? Types.TIME : Types.VARCHAR);
                } else if (v instanceof Boolean b) {
                    ps.setBoolean(i + 1, b);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            return ps.executeUpdate();
        }
    }
}
