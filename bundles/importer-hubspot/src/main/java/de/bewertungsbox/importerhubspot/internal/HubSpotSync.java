package de.bewertungsbox.importerhubspot.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import de.bewertungsbox.api.importer.ImportException;
import de.bewertungsbox.api.importer.ImportSink;
import de.bewertungsbox.api.importer.SourceRow;

/**
 * One sync of one project's HubSpot portal.
 * <ul>
 * <li>Full, every contact: the contacts list, paged with {@code after}.</li>
 * <li>Full, by lifecycle stage, and every incremental sync: the search API, which stops at 10,000 results per query.
 * So results are sorted by {@code hs_object_id} and read in windows: when a window is used up, the next query asks for
 * ids above the last one seen. Portals of any size import completely.</li>
 * <li>Incremental: contacts with {@code lastmodifieddate} at or after the last sync's start, minus five minutes.</li>
 * <li>Webhook: the contacts named by the delivery's events are fetched; deleted ones are forgotten.</li>
 * </ul>
 * A contact outside the chosen stages is not imported, and no longer updated once it leaves them; it stays in the
 * project as last imported.
 */
final class HubSpotSync {
    private static final Logger LOG = LoggerFactory.getLogger(HubSpotSync.class);
    /** HubSpot's search answers at most this many results per query. */
    static final int SEARCH_CAP = 10_000;
    static final long OVERLAP_MS = 300_000;

    private final HubSpotClient client;
    private final HubSpotSettings settings;
    private final ImportSink sink;
    private final Contacts contacts;
    private final int pageSize;
    private long row;

    HubSpotSync(HubSpotClient client, HubSpotSettings settings, ImportSink sink, int pageSize) {
        this.client = client;
        this.settings = settings;
        this.sink = sink;
        this.contacts = new Contacts(settings.signupDateProperty());
        this.pageSize = Math.max(1, Math.min(100, pageSize));
    }

    /** @return the cursor for the next sync (the start time, epoch ms) */
    String full(Instant startedAt) throws ImportException {
        sink.columns(contacts.columns(), List.of());
        if (settings.lifecycleStages().isEmpty()) {
            String props = URLEncoder.encode(String.join(",", contacts.properties()), StandardCharsets.UTF_8);
            String after = null;
            do {
                JsonNode page = client.get("the contacts list", "/crm/v3/objects/contacts?limit=" + pageSize
                        + "&archived=false&properties=" + props + (after == null ? "" : "&after="
                        + URLEncoder.encode(after, StandardCharsets.UTF_8))).orElseThrow(() -> new ImportException(
                                "HubSpot answered 404 to the contacts list: check api_base"));
                for (JsonNode c : page.path("results")) {
                    contact(c);
                }
                after = page.path("paging").path("next").path("after").asText(null);
            } while (after != null);
        } else {
            search(null);
        }
        return String.valueOf(startedAt.toEpochMilli());
    }

    String incremental(long cursorMs, Instant startedAt) throws ImportException {
        sink.columns(contacts.columns(), List.of());
        search(cursorMs - OVERLAP_MS);
        return String.valueOf(startedAt.toEpochMilli());
    }

    /** Reads every contact matching the stage filter (and modified since, when given), in id windows. */
    private void search(Long modifiedSince) throws ImportException {
        String lastId = null;
        long windows = 0;
        while (true) {
            windows++;
            int after = 0;
            String windowStart = lastId;
            boolean more;
            boolean windowFull = false;
            do {
                JsonNode page = client.post("the contacts search", "/crm/v3/objects/contacts/search",
                        searchBody(modifiedSince, windowStart, after));
                for (JsonNode c : page.path("results")) {
                    contact(c);
                    lastId = c.path("id").asText();
                }
                String next = page.path("paging").path("next").path("after").asText(null);
                more = next != null;
                if (more) {
                    after = Integer.parseInt(next);
                    windowFull = after + pageSize > SEARCH_CAP;
                }
            } while (more && !windowFull);
            if (!more || lastId == null) {
                break;
            }
        }
        LOG.info("HubSpot search read {} contacts in {} window(s)", row, windows);
    }

    private ObjectNode searchBody(Long modifiedSince, String idAbove, int after) {
        ObjectNode body = HubSpotSettings.JSON.createObjectNode();
        ArrayNode filters = body.putArray("filterGroups").addObject().putArray("filters");
        if (!settings.lifecycleStages().isEmpty()) {
            ObjectNode f = filters.addObject().put("propertyName", "lifecyclestage").put("operator", "IN");
            settings.lifecycleStages().forEach(f.putArray("values")::add);
        }
        if (modifiedSince != null) {
            filters.addObject().put("propertyName", "lastmodifieddate").put("operator", "GTE")
                    .put("value", String.valueOf(modifiedSince));
        }
        if (idAbove != null) {
            filters.addObject().put("propertyName", "hs_object_id").put("operator", "GT").put("value", idAbove);
        }
        contacts.properties().forEach(body.putArray("properties")::add);
        body.putArray("sorts").addObject().put("propertyName", "hs_object_id").put("direction", "ASCENDING");
        body.put("limit", pageSize);
        body.put("after", String.valueOf(after));
        return body;
    }

    /** Imports one webhook delivery: a JSON array of events. */
    void webhook(JsonNode events) throws ImportException {
        sink.columns(contacts.columns(), List.of());
        Map<String, Boolean> deleted = new LinkedHashMap<>();
        Set<String> changed = new LinkedHashSet<>();
        for (JsonNode e : events) {
            String type = e.path("subscriptionType").asText("");
            String id = e.path("objectId").asText(null);
            if (id == null) {
                continue;
            }
            if (type.equals("contact.deletion") || type.equals("contact.privacyDeletion")) {
                deleted.put(id, true);
            } else if (type.startsWith("contact.")) {
                changed.add(id);
            }
        }
        String props = URLEncoder.encode(String.join(",", contacts.properties()), StandardCharsets.UTF_8);
        for (String id : changed) {
            if (deleted.containsKey(id)) {
                continue;
            }
            JsonNode c = client.get("contact " + id, "/crm/v3/objects/contacts/" + URLEncoder.encode(id,
                    StandardCharsets.UTF_8) + "?properties=" + props).orElse(null);
            if (c == null || c.path("archived").asBoolean(false)) {
                deleted.put(id, true);
            } else {
                contact(c);
            }
        }
        for (String id : deleted.keySet()) {
            sink.forget(new SourceRow(++row, 0, List.of(id)), id);
        }
    }

    private void contact(JsonNode c) {
        if (!settings.lifecycleStages().isEmpty()
                && !settings.lifecycleStages().contains(Contacts.prop(c, "lifecyclestage").toLowerCase(Locale.ROOT))) {
            return;
        }
        Contacts.Mapped m = contacts.map(c);
        sink.accept(contacts.row(++row, c), m.input(), m.problems());
        if (row % 1000 == 0) {
            sink.progress(row, -1);
        }
    }
}
