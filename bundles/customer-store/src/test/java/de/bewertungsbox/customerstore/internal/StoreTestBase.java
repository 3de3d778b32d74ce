package de.bewertungsbox.customerstore.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Opens one migrated database per kind for a test class and builds the stores over it. */
abstract class StoreTestBase {
    static final Map<String, TestDatabase> DBS = new HashMap<>();

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @BeforeAll
    static void open() throws Exception {
        for (String kind : TestDatabase.kinds()) {
            DBS.put(kind, TestDatabase.open(kind));
        }
    }

    @AfterAll
    static void close() throws Exception {
        for (TestDatabase db : DBS.values()) {
            db.close();
        }
        DBS.clear();
    }

    static TestDatabase db(String kind) {
        return DBS.get(kind);
    }

    static DbCustomerStore customers(String kind) {
        TestDatabase db = db(kind);
        return new DbCustomerStore(db.dataSource(), db.jpa, Clock.systemUTC());
    }

    static JpaProjectStore projects(String kind) {
        return new JpaProjectStore(db(kind).jpa, Clock.systemUTC(), "DE");
    }
}
