import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** Creates a fresh PostgreSQL schema for bench/rest-run: java CreateSchema.java JDBC_URL SCHEMA. */
public class CreateSchema {
    public static void main(String[] args) throws Exception {
        String user = System.getenv().getOrDefault("BB_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("BB_TEST_POSTGRES_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(args[0], user, password); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + args[1]);
        }
    }
}
