package dev.orderflow.devstack.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Talking to a local PostgreSQL server over JDBC as its superuser: whether it accepts
 * connections, and creating databases.
 */
public final class Postgres {

	/** The superuser every database belongs to; trust authentication, no password. */
	public static final String USERNAME = "postgres";

	private Postgres() {
	}

	/** JDBC URL of {@code database} on the server on 127.0.0.1:{@code port}. */
	public static String jdbcUrl(int port, String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	public static boolean acceptsConnections(int port) {
		try (Connection connection = connect(port, "postgres?connectTimeout=2")) {
			return connection.isValid(2);
		}
		catch (SQLException notYet) {
			return false;
		}
	}

	/** Creates the databases that do not exist yet; returns those it created. */
	public static List<String> createMissing(int port, List<String> databases) {
		List<String> created = new ArrayList<>();
		try (Connection connection = connect(port, "postgres");
				PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			for (String database : databases) {
				exists.setString(1, database);
				try (ResultSet row = exists.executeQuery()) {
					if (!row.next()) {
						create(connection, database);
						created.add(database);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create databases " + databases + " on port " + port, ex);
		}
		return created;
	}

	/** Creates an empty database ({@code name}: letters, digits and underscores). */
	public static void createDatabase(int port, String name) {
		try (Connection connection = connect(port, "postgres")) {
			create(connection, name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create database " + name, ex);
		}
	}

	private static void create(Connection connection, String name) throws SQLException {
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
	}

	private static Connection connect(int port, String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(port, database), USERNAME, "");
	}

}
